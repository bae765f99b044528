import { createPrivateKey, randomBytes, randomInt } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ENDPOINT_EXAMPLES, fillExample } from "../../lib/sync/endpoint-examples";
import { responses } from "../../lib/sync/response-schemas";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { e2eDb } from "../support/db";
import { buildSnapshotFilesNow, registerProvider } from "../support/fixtures";

// Every example request shown on /developers, sent as printed (placeholders filled from this platform),
// answers 200 with an answer of the schema the example shows.
test("every endpoint example on /developers works as printed", async ({ request, baseURL, page }) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-examples-"));
  const keyFile = path.join(dir, "key.pem");
  const slug = `examples-${randomBytes(3).toString("hex")}`;
  const sender = `shop-${randomBytes(3).toString("hex")}`;
  const { keyid } = registerProvider(slug, sender, keyFile);
  const privateKey = createPrivateKey(await readFile(keyFile, "utf8"));
  // The number-events example needs an operator's key, the complaint answer a complaint about its sender.
  await e2eDb().query("UPDATE providers SET kind = 'operator' WHERE slug = $1", [slug]);
  // The example's number, in this operator's own range (an operator acts only on its own numbers).
  await e2eDb().query(
    `INSERT INTO provider_number_ranges (provider_id, first_number, last_number)
     SELECT id, '+212612345678', '+212612345678' FROM providers WHERE slug = $1`,
    [slug],
  );
  const alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  const part = () => Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join("");
  const complaint = `C-${part()}-${part()}`;
  await e2eDb().query(
    `INSERT INTO complaints (id, reason, sender_seen, sender_id, message_text, received_at, respond_by, verdict, updated_at)
     SELECT $1, 'no_mention', 'Shop', s.id, 'Promo', now(), now() + interval '15 days', 'undetermined', now() FROM senders s WHERE s.code = $2`,
    [complaint, sender],
  );

  // The snapshot files' manifest needs a build that covers this new provider's lists.
  buildSnapshotFilesNow();

  const send = async (method: string, url: string, body: unknown, signed: boolean) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const headers = signed ? await signRequest({ method, url, body: text, keyid, privateKey }) : {};
    return method === "GET" ? request.get(url, { headers }) : request.post(url, { headers, data: text });
  };
  const values: Record<string, string | number> = {
    sender,
    seq: 1,
    complaint,
    recent: new Date(Date.now() - 60_000).toISOString(),
  };
  // The order matters: a STOP first gives the feed and the log something to show.
  const order = ["keywords", ...ENDPOINT_EXAMPLES.map((e) => e.id).filter((id) => id !== "keywords")];
  for (const id of order) {
    const example = ENDPOINT_EXAMPLES.find((e) => e.id === id)!;
    if (id === "inclusion" || id === "consistency") {
      // The public tree head is the published one (every 2 s here): wait until it holds the STOP above.
      let head = { size: 0 };
      await expect(async () => {
        head = (await (await send("GET", `${baseURL}/api/v1/log/tree-head`, undefined, false)).json()) as {
          size: number;
        };
        expect(head.size).toBeGreaterThan(0);
      }).toPass({ timeout: 10_000 });
      values.size = head.size;
    }
    const filled = fillExample(example, values);
    const response = await send(filled.method, `${baseURL}/api/v1${filled.path}`, filled.body, !example.public);
    expect(response.status(), `${example.method} ${filled.path}: ${await response.text()}`).toBe(200);
    const answer = await response.json();
    expect(() => responses[example.schema].parse(answer), id).not.toThrow();
    expect(Object.keys(answer).sort(), id).toEqual(Object.keys(filled.answer).sort());
  }

  // The page shows each of them.
  await page.goto("/developers");
  for (const example of ENDPOINT_EXAMPLES)
    await expect(
      page.getByRole("heading", { name: `${example.method} /api/v1${example.path.split("?")[0]}`, exact: true }),
    ).toBeVisible();
});

test("/developers is a guide that needs nobody, and fits a phone: mention rule, onboarding, obligations, snapshot files, examples in four languages", async ({
  page,
}, info) => {
  for (const locale of ["fr", "ar"] as const) {
    await page.context().addCookies([{ name: "stopsms_locale", value: locale, url: "http://127.0.0.1:3210" }]);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/developers");
    const toc = page.getByRole("navigation").filter({ has: page.locator("#toc") });
    // The table of contents names paths as templates, never an example's complaint id.
    await expect(toc).toContainText("/complaints/{complaint}/response");
    await expect(toc).not.toContainText(/C-[0-9A-Z]{5}-[0-9A-Z]{5}/);
    for (const id of ["onboarding", "mention", "obligations", "files"])
      await expect(page.locator(`#${id}`)).toBeVisible();
    await expect(page.getByLabel("Python example")).toBeVisible();
    await expect(page.getByLabel("PHP example")).toBeVisible();
    await expect(page.locator("main")).toContainText("STOP SMS");
    // Nothing wider than the phone: the page itself never scrolls sideways (code blocks scroll on their own).
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, locale).toBeLessThanOrEqual(360);
    await page.screenshot({ path: info.outputPath(`developers-${locale}-360.png`) });
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${locale} 200 %`).toBeLessThanOrEqual(360);
  }
});
