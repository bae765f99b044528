import { parsePhone, type PhoneProblem } from "./parse-phone";

export interface ParsedPhoneList {
  /** Each valid number once, in E.164, in the order first given. */
  phones: string[];
  invalid: { input: string; reason: PhoneProblem }[];
}

/** A provider's list (a wash or a mint, up to 100 000 entries): the valid numbers, and why the others are not. */
export function parsePhoneList(inputs: string[], defaultRegion: string): ParsedPhoneList {
  const phones = new Set<string>();
  const invalid: ParsedPhoneList["invalid"] = [];
  for (const input of inputs) {
    const parsed = parsePhone(input, defaultRegion);
    if (parsed.ok) phones.add(parsed.e164);
    else invalid.push({ input, reason: parsed.reason });
  }
  return { phones: [...phones], invalid };
}
