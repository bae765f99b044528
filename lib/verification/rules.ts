// The rules of SMS codes, in one place (README "My number").
export const CODE_RULES = {
  digits: 6,
  validMinutes: 10,
  maxTries: 5,
  resendSeconds: 60,
  perNumberPerHour: 5,
  perAddress: { limit: 10, windowMs: 60 * 60_000 },
  sessionMinutes: 30,
} as const;
