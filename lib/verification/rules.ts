// The rules of SMS codes, in one place (README "My number").
//
// Per number, no hourly cap: a cap lets a stranger who types someone's number five times lock its holder out
// of codes for an hour. Instead each further code in the hour waits longer after the previous one (1, 2, 5,
// 10, then 15 minutes): a number receives at most 7 codes an hour whoever asks, and its holder never waits
// more than 15 minutes, however many codes a stranger requested. What bounds the cost of SMS for the whole
// platform is the hourly budget (STOPSMS_SMS_PER_HOUR, lib/sms/sms-budget.ts), and codes go only to the
// region's mobile numbers (lib/phone/is-national-mobile.ts), never to premium-rate or foreign ones.
export const CODE_RULES = {
  digits: 6,
  validMinutes: 10,
  maxTries: 5,
  /** Seconds to wait after the previous code, by how many codes the number received in the last hour. */
  gapsAfterCodeSeconds: [60, 120, 300, 600, 900],
  perAddress: { limit: 10, windowMs: 60 * 60_000 },
  sessionMinutes: 30,
} as const;

/** The wait before the next code for a number that received `codesLastHour` codes, the last at `last`. */
export function secondsBeforeNextCode(codesLastHour: number, last: Date | null, now: Date): number {
  if (!last || codesLastHour === 0) return 0;
  const gaps = CODE_RULES.gapsAfterCodeSeconds;
  const gap = gaps[Math.min(codesLastHour, gaps.length) - 1]!;
  return Math.max(0, Math.ceil((last.getTime() + gap * 1000 - now.getTime()) / 1000));
}
