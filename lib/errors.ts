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
    /** The key of this error in its area's French message file (staff pages), with its values. */
    readonly key?: MessageKey,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** `providers.key-taken` with `{ keyid }`: the English message stays for the API and the CLI. */
export type MessageKey = { id: string; values?: Record<string, string> };

export const invalidInput = (message: string, details?: unknown, key?: MessageKey) =>
  new DomainError("invalid-request", message, 422, details, key);
export const notFound = (message: string, key?: MessageKey) =>
  new DomainError("not-found", message, 404, undefined, key);
export const forbidden = (message: string, key?: MessageKey) =>
  new DomainError("forbidden", message, 403, undefined, key);
export const conflict = (message: string, key?: MessageKey) =>
  new DomainError("conflict", message, 409, undefined, key);
