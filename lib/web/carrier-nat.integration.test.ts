import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { answerStopSubmit } from "@/lib/web/citizen/answer-stop-submit";
import { uniquePhone } from "@/lib/testing/fixtures";
import { issueFormToken, readFormToken, withFormTokens } from "@/lib/web/form-token";

// Moroccan carriers put many citizens behind one address: per-address limits count per client (the form's
// signed token) and only loosely per address; a client hammering, or a script that never loaded the page,
// is still stopped; a refused form keeps what the citizen typed.

let block = 0;
const post = (address: string, fields: Record<string, string>) =>
  answerStopSubmit(
    new NextRequest("http://stopsms.test/stop/submit", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
      body: new URLSearchParams(fields).toString(),
    }),
  );

describe("per-client limits behind a carrier's NAT", () => {
  it("100 citizens behind one address, each from the page, all record their refusal", async () => {
    const address = `100.70.${++block}.1`;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => post(address, { phone: uniquePhone(), scope: "all", ft: issueFormToken() })),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(100).fill(303));
  });

  it("one client hammering with its page's token is stopped, and the refusal keeps what it typed", async () => {
    const address = `100.70.${++block}.1`;
    const ft = issueFormToken();
    const statuses = [];
    let last: Response | undefined;
    for (let i = 0; i < 22; i++) {
      last = await post(address, { phone: uniquePhone(), scope: "all", ft });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const page = await last!.text();
    expect(page).toContain('href="/stop"');
    expect(last!.headers.getSetCookie().some((c) => c.startsWith("stopsms_flash_stop="))).toBe(true);
    // Another citizen behind the same address is not stopped.
    expect((await post(address, { phone: uniquePhone(), scope: "all", ft: issueFormToken() })).status).toBe(303);
  });

  it("a script that never loaded the page (no or a forged token) keeps the tight per-address limit", async () => {
    const address = `100.70.${++block}.1`;
    const statuses = [];
    for (let i = 0; i < 21; i++) {
      const forged = i % 2 ? "AAAAAAAAAAAA.zzzz.AAAA" : undefined;
      statuses.push(
        (await post(address, { phone: uniquePhone(), scope: "all", ...(forged ? { ft: forged } : {}) })).status,
      );
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it("tokens: signed, recent, one per page in every post form", () => {
    const token = issueFormToken();
    expect(readFormToken(token)).toMatch(/^[\w-]{12}$/);
    expect(readFormToken(`${token}x`)).toBeNull();
    expect(readFormToken(token, Date.now() + 13 * 3_600_000)).toBeNull();
    const html = withFormTokens(
      '<form method="post" action="/a"></form><form method="get"></form><form class="x" method="post">',
    );
    expect(html.match(/name="ft"/g)).toHaveLength(2);
  });
});
