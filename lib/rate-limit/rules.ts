// The rules alone, with no store: the route table (lib/web/routes.ts, read by the proxy too) names the
// per-address rule of each entry from here.

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** Citizen forms, sign-in and unsigned reads: generous for a person, tight for a script. */
export const RATE_LIMITS = {
  stopPerIp: { limit: 20, windowMs: 10 * 60_000 },
  stopPerNumber: { limit: 5, windowMs: 10 * 60_000 },
  reportPerIp: { limit: 10, windowMs: 10 * 60_000 },
  // /verify-pack: each check reads up to 8 MB and verifies a signature.
  verifyPackPerIp: { limit: 30, windowMs: 10 * 60_000 },
  linkConfirmPerIp: { limit: 60, windowMs: 10 * 60_000 },
  signInPerIp: { limit: 20, windowMs: 10 * 60_000 },
  // /number form posts (code requests have their own, tighter rules in lib/verification/rules.ts).
  numberPerIp: { limit: 60, windowMs: 10 * 60_000 },
  // Unsigned reads: the open data files and the public transparency-log endpoints.
  openDataPerIp: { limit: 120, windowMs: 60_000 },
  apiPublicPerIp: { limit: 120, windowMs: 60_000 },
  // Every address together, before argon2: many addresses cannot multiply the guesses on one account.
  signInPerAccount: { limit: 10, windowMs: 60_000 },
} satisfies Record<string, RateLimitRule>;
