import { describe, expect, it } from "vitest";
import { issueFormToken, readFormToken, withFormTokens } from "./form-token";

describe("form tokens", () => {
  it("are this platform's, each one new (drawn from a random pool past its refills), and refused once altered", () => {
    const tokens = Array.from({ length: 2000 }, () => issueFormToken());
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens.slice(-3)) expect(readFormToken(token)).toBe(token.split(".")[0]);
    const [id, issued, mac] = tokens[0]!.split(".");
    expect(readFormToken(`${id!.slice(1)}A.${issued}.${mac}`)).toBeNull();
  });

  it("go into every post form of the page's body, one token per page", () => {
    const page =
      '<!DOCTYPE html><html><head><style>form[method="post"]{}</style></head><body>' +
      '<form method="post" action="/lang"></form><form method="get"></form><form class="x" method="post" action="/a"></form></body></html>';
    const out = withFormTokens(page);
    const values = [...out.matchAll(/name="ft" value="([^"]+)"/g)].map((m) => m[1]);
    expect(values).toHaveLength(2);
    expect(values[0]).toBe(values[1]);
    expect(out.startsWith('<!DOCTYPE html><html><head><style>form[method="post"]{}</style></head>')).toBe(true);
    expect(withFormTokens("<p>no form</p>")).toBe("<p>no form</p>");
  });
});
