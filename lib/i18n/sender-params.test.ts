import { describe, expect, it } from "vitest";
import { elideDe, senderParams } from "./sender-params";

describe("French elision of a sender's name", () => {
  it("writes d’ before a vowel and de before a consonant", () => {
    expect(elideDe("Atlas Bank")).toBe("d\u2019Atlas Bank");
    expect(elideDe("Orion Opérateur")).toBe("d\u2019Orion Opérateur");
    expect(elideDe("Souk Market")).toBe("de Souk Market");
    expect(senderParams("Écho Mobile")).toEqual({ sender: "Écho Mobile", deSender: "d\u2019Écho Mobile" });
  });
});
