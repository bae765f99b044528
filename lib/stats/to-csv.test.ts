import { describe, expect, it } from "vitest";
import { toCsv } from "./to-csv";

describe("toCsv", () => {
  it("quotes what needs quoting and neutralises formulas", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          ["=cmd()", 3],
          [null, -4],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n\'=cmd(),3\r\n,-4\r\n');
  });

  it("quotes cells with ; or tabs and neutralises a formula start anywhere a spreadsheet could split", () => {
    expect(toCsv(["a"], [["ok;=HYPERLINK(1)"], ["x\t@SUM(1)"], ["line\n+cmd"], ["a -b"]])).toBe(
      'a\r\n"ok;\'=HYPERLINK(1)"\r\n"x\t\'@SUM(1)"\r\n"line\n\'+cmd"\r\na -b\r\n',
    );
  });
});
