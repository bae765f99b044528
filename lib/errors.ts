/**
 * Errors the caller caused. Route handlers turn them into problem+json (API) or a friendly page
 * (citizens); anything else is a 500 with the details kept in the logs.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const invalidInput = (message: string, details?: unknown) =>
  new DomainError("invalid-request", message, 422, details);
export const notFound = (message: string) => new DomainError("not-found", message, 404);
export const forbidden = (message: string) => new DomainError("forbidden", message, 403);
export const conflict = (message: string) => new DomainError("conflict", message, 409);
