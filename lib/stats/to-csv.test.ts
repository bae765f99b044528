import { describe, expect, it } from "vitest";
import { toCsv } from "./to-csv";

describe("toCsv", () => {
  it("quotes what needs quoting and neutralises formulas", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"'], ["=cmd()", 3], [null, -4]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n\'=cmd(),3\r\n,-4\r\n');
  });
});
