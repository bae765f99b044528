import { describe, expect, it } from "vitest";
import { findControlCharacter, hasControlCharacter, normaliseNewlines } from "./control-characters";

describe("control characters in text input", () => {
  it("allows newline, tab, CRLF and every printable script; refuses NUL, escapes and C1 controls", () => {
    for (const ok of ["ligne 1\r\nligne 2\tfin", "رسالة من ATLASBNK", "emoji 🙂", "\u202Bbidi"])
      expect(hasControlCharacter(normaliseNewlines(ok)), ok).toBe(false);
    for (const bad of ["a\u0000b", "\u001b[31m", "\u0085", "\u007f", "a\u000bb"])
      expect(hasControlCharacter(normaliseNewlines(bad)), JSON.stringify(bad)).toBe(true);
  });

  it("names the first JSON member that holds one, keys included", () => {
    expect(findControlCharacter({ a: "ok", b: [{ text: "x\u0000" }] })).toBe("b.0.text");
    expect(findControlCharacter({ "k\u0000": 1 })).toBe("k\u0000");
    expect(findControlCharacter({ a: ["ok", 1, null, true] })).toBeNull();
    expect(findControlCharacter("\u0000")).toBe("(body)");
  });
});
