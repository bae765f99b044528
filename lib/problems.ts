/**
 * RFC 9457 problem details with the protocol's short `code` (docs/protocol.md). The one error shape of
 * /api/v1: 4xx for what the caller did, 500 with no detail for the rest (details go to the logs).
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = "ApiProblem";
  }

  toJSON() {
    return {
      type: `https://stopsms.ma/problems/${this.code}`,
      title: this.title,
      status: this.status,
      code: this.code,
      ...(this.detail ? { detail: this.detail } : {}),
      ...this.extra,
    };
  }
}

export const problems = {
  signatureMissing: (detail?: string) => new ApiProblem(401, "signature-missing", "Request signature missing", detail),
  signatureInvalid: (detail?: string) => new ApiProblem(401, "signature-invalid", "Request signature invalid", detail),
  unknownKey: (detail?: string) => new ApiProblem(401, "unknown-key", "Unknown or revoked key", detail),
  signatureExpired: (detail?: string) =>
    new ApiProblem(401, "signature-expired", "Signature created too far from the server clock", detail),
  replayed: () =>
    new ApiProblem(401, "replayed", "Nonce already used", "this nonce was seen for this keyid within the last 600 s"),
  digestMismatch: () => new ApiProblem(400, "digest-mismatch", "Content-Digest does not match the body"),
  signInRequired: () =>
    new ApiProblem(401, "sign-in-required", "Sign-in required", "this address is for signed-in CNDP staff"),
  forbidden: (detail: string) => new ApiProblem(403, "forbidden", "Forbidden", detail),
  notFound: (detail = "no such endpoint") => new ApiProblem(404, "not-found", "Not found", detail),
  methodNotAllowed: () => new ApiProblem(405, "method-not-allowed", "Method not allowed for this endpoint"),
  cursorAhead: (after: bigint, head: bigint) =>
    new ApiProblem(
      409,
      "cursor-ahead",
      "Cursor ahead of the feed",
      `after=${after} is beyond the feed's head (${head}): the feed was restored; rebuild from a snapshot`,
      { head: Number(head) },
    ),
  unsupportedMediaType: (accepted: string) =>
    new ApiProblem(415, "unsupported-media-type", "Unsupported media type", `this endpoint accepts ${accepted}`),
  tooLarge: (detail: string) => new ApiProblem(413, "too-large", "Request too large", detail),
  invalidRequest: (errors: { field: string; message: string }[]) =>
    new ApiProblem(
      422,
      "invalid-request",
      "Invalid request",
      errors.map((e) => `${e.field}: ${e.message}`).join("; "),
      { errors },
    ),
  numberNotOwned: (numbers: string[]) =>
    new ApiProblem(
      422,
      "number-not-owned",
      "Number not owned by the caller",
      "these numbers are outside the caller's ranges and were not ported to it; nothing of the call was applied",
      { numbers },
    ),
  atOutOfRange: (inputs: string[]) =>
    new ApiProblem(
      422,
      "at-out-of-range",
      "Event time out of range",
      "`at` must lie within the last 7 days and at most 5 minutes ahead; nothing of the call was applied",
      { numbers: inputs },
    ),
  declarationRequired: () =>
    new ApiProblem(
      422,
      "declaration-required",
      "Declaration required",
      "the first mint of a campaign carries its `declaration` (advertiser, purpose, basis, source, collected_at, collected_how)",
    ),
  declarationChanged: (declared: unknown) =>
    new ApiProblem(
      409,
      "declaration-changed",
      "Declaration differs from the campaign's",
      "a campaign's declaration is fixed by its first mint; use a new campaign name for another list",
      { declaration: declared },
    ),
  unknownSource: (source: string) =>
    new ApiProblem(
      422,
      "unknown-source",
      "Unknown list source",
      `no registered, active list source "${source}" (GET /api/v1/sources)`,
    ),
  consentRequired: () =>
    new ApiProblem(
      422,
      "consent-required",
      "Consent required",
      "political messages are sent only on the recipient's consent: `basis` must be `consent`",
    ),
  unknownCampaign: (campaign: string) =>
    new ApiProblem(
      422,
      "unknown-campaign",
      "Unknown campaign",
      `campaign "${campaign}" has no declaration for this sender yet: give \`source\` instead, or mint first`,
    ),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiProblem(429, "rate-limited", "Too many requests", undefined, { retry_after: retryAfterSeconds }),
  internal: () => new ApiProblem(500, "internal", "Internal error"),
  snapshotFilesNotReady: (retryAfterSeconds: number) =>
    new ApiProblem(
      503,
      "snapshot-files-not-ready",
      "Snapshot files not ready",
      "no build covers every list this provider may read yet: use /suppressions/snapshot, or retry later",
      { retry_after: retryAfterSeconds },
    ),
  unavailable: (retryAfterSeconds: number) =>
    new ApiProblem(
      503,
      "unavailable",
      "Temporarily unavailable",
      "the platform's database is unreachable; retry later",
      { retry_after: retryAfterSeconds },
    ),
};
