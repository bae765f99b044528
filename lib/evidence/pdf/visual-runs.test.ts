import { describe, expect, it } from "vitest";
import { layoutParagraph } from "./visual-runs";

const byChars = (text: string) => text.length;
const drawn = (text: string, width = 1000) =>
  layoutParagraph(text, width, byChars).lines.map((line) => line.runs.map((r) => r.text));

describe("a paragraph in visual order", () => {
  it("leaves a French line as it is", () => {
    expect(layoutParagraph("Expéditeur « ATLASBNK »", 100, byChars)).toEqual({
      rtl: false,
      lines: [{ runs: [{ text: "Expéditeur « ATLASBNK »", start: 0 }] }],
    });
  });

  it("draws an Arabic paragraph's words from the right, each word given to the shaper in logical order", () => {
    const paragraph = layoutParagraph("مرحبا بكم في متجرنا", 100, byChars);
    expect(paragraph.rtl).toBe(true);
    expect(paragraph.lines[0]!.runs.map((r) => r.text)).toEqual(["متجرنا", " ", "في", " ", "بكم", " ", "مرحبا"]);
  });

  it("keeps a Latin address left to right inside Arabic, and mirrors brackets", () => {
    expect(drawn("زوروا www.atlas.ma الآن")).toEqual([["الآن", " www.atlas.ma ", "زوروا"]]);
    expect(drawn("تخفيض (اليوم)")).toEqual([["(", "اليوم", ")", " ", "تخفيض"]]);
    // A mirrored bracket still reads as what was typed.
    const brackets = layoutParagraph("تخفيض (اليوم)", 100, byChars).lines[0]!.runs.filter((r) => r.actual);
    expect(brackets).toEqual([
      { text: "(", start: 12, actual: ")" },
      { text: ")", start: 6, actual: "(" },
    ]);
  });

  it("breaks lines at spaces in logical order, and cuts a word wider than a line", () => {
    expect(drawn("un deux trois", 8)).toEqual([["un deux"], ["trois"]]);
    expect(layoutParagraph("مرحبا بكم", 100, byChars).lines[0]!.runs.map((r) => r.start)).toEqual([6, 5, 0]);
    expect(drawn("مرحبا بكم في", 9)).toEqual([["بكم", " ", "مرحبا"], ["في"]]);
    expect(drawn("0123456789abcdef", 6)).toEqual([["012345"], ["6789ab"], ["cdef"]]);
  });
});
