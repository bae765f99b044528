import { describe, expect, it } from "vitest";
import { numberFormat } from "./number-format";

describe("numbers on citizen pages", () => {
  it("never group thousands with a point, which reads as a decimal", () => {
    expect(numberFormat("ar").format(1912)).toBe("1\u066c912");
    expect(numberFormat("ar").format(2160.5).startsWith("2\u066c160")).toBe(true);
    expect(numberFormat("fr").format(3185)).toBe("3\u202f185");
    expect(numberFormat("en").format(3185)).toBe("3,185");
  });
});
