import { describe, expect, it } from "vitest";
import { DATA_CODING, MAX_PARTS, splitSms, SmsTooLongError } from "./split-sms";

describe("splitSms", () => {
  it("sends French text with accents in the GSM 7-bit alphabet, one octet per character", () => {
    const [part, ...rest] = splitSms("StopSMS : votre code est 123456. Il expire à 10 h, élève.", 1);
    expect(rest).toEqual([]);
    expect(part!.dataCoding).toBe(DATA_CODING.gsm7);
    expect(part!.udh).toBeNull();
    expect(part!.payload.length).toBe("StopSMS : votre code est 123456. Il expire à 10 h, élève.".length);
  });

  it("sends Arabic in UCS-2, big-endian", () => {
    const [part] = splitSms("رمز", 1);
    expect(part!.dataCoding).toBe(DATA_CODING.ucs2);
    expect(part!.payload).toEqual(Buffer.from([0x06, 0x31, 0x06, 0x45, 0x06, 0x32]));
  });

  it("counts extension characters (€, [) as two septets", () => {
    expect(splitSms("€".repeat(80), 1)).toHaveLength(1);
    expect(splitSms("€".repeat(81), 1)).toHaveLength(2);
  });

  it("splits 161 GSM characters into two parts of at most 153 with a concatenation header", () => {
    const parts = splitSms("a".repeat(161), 0x2a);
    expect(parts.map((p) => p.payload.length)).toEqual([153, 8]);
    expect(parts.map((p) => [...p.udh!])).toEqual([
      [0x05, 0x00, 0x03, 0x2a, 2, 1],
      [0x05, 0x00, 0x03, 0x2a, 2, 2],
    ]);
  });

  it("splits 71 Arabic characters into parts of at most 67, never cutting a character", () => {
    const parts = splitSms("ب".repeat(71), 7);
    expect(parts.map((p) => p.payload.length / 2)).toEqual([67, 4]);
    const emoji = splitSms("😀".repeat(40), 7); // surrogate pairs: 2 units each
    expect(emoji.every((p) => p.payload.length % 4 === 0)).toBe(true);
  });

  it(`refuses a text that needs more than ${MAX_PARTS} parts`, () => {
    expect(splitSms("a".repeat(153 * 3), 1)).toHaveLength(3);
    expect(() => splitSms("a".repeat(153 * 3 + 1), 1)).toThrow(SmsTooLongError);
  });
});
