import { describe, expect, it } from "vitest";
import { phoneOfAddress, TON_INTERNATIONAL, TON_NATIONAL } from "./smpp-address";

describe("an SMPP address as a phone number", () => {
  it("reads a handset's STOP reply sent national by the SMSC (it was dropped as +0612…)", () => {
    expect(phoneOfAddress("0612345678", TON_NATIONAL, "MA")).toBe("+212612345678");
    expect(phoneOfAddress("0612345678", 0, "MA")).toBe("+212612345678");
    expect(phoneOfAddress("612345678", TON_NATIONAL, "MA")).toBe("+212612345678");
  });

  it("reads international addresses with or without the plus, whatever the type when it is written", () => {
    expect(phoneOfAddress("212612345678", TON_INTERNATIONAL, "MA")).toBe("+212612345678");
    expect(phoneOfAddress("+212612345678", 0, "MA")).toBe("+212612345678");
    expect(phoneOfAddress("212612345678", 0, "MA")).toBe("+212612345678");
    expect(phoneOfAddress("33612345678", TON_INTERNATIONAL, "MA")).toBe("+33612345678");
  });

  it("answers null for what is not a number (an alphanumeric id, nothing, garbage)", () => {
    expect(phoneOfAddress("BANKA", 5, "MA")).toBeNull();
    expect(phoneOfAddress("", 1, "MA")).toBeNull();
    expect(phoneOfAddress(undefined, undefined, "MA")).toBeNull();
    expect(phoneOfAddress("0000", TON_NATIONAL, "MA")).toBeNull();
  });
});
