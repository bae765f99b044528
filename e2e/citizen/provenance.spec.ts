import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { TEST_DECLARATION } from "@/lib/testing/declaration";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { e2eDb } from "../support/db";
import { admin, uniqueIp, uniquePhone } from "../support/fixtures";
import { providerWithKey, signed, type SignedProvider } from "../support/signed-provider";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": uniqueIp() } });

// Issue 27's walk: a citizen behind a StopSMS link reads why the SMS came, refuses the list's source in one
// tap, and another provider's campaign declaring that source can no longer reach the number.

async function post(request: APIRequestContext, baseURL: string, who: SignedProvider, pathname: string, body: unknown) {
  const response = await signed(request, baseURL, who, "POST", pathname, body);
  return { status: response.status(), json: await response.json() };
}

test("why did I get this SMS: read it, refuse the list's source, and another provider's campaign from that list cannot reach me", async ({
  page,
  request,
  baseURL,
}, info) => {
  test.setTimeout(90_000);
  const code = `broker-${randomBytes(3).toString("hex")}`;
  expect(admin("source:create", "--code", code, "--name", "Fichiers Express", "--kind", "broker")).toContain(code);
  const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-provenance-"));
  const [a, b] = [await providerWithKey(dir, "alpha"), await providerWithKey(dir, "beta")];
  const phone = uniquePhone();
  const declaration = { ...TEST_DECLARATION, source: code, collected_how: "jeu-concours sur fichiers.ma" };

  const minted = await post(request, baseURL!, a, "/links", {
    sender: a.sender,
    campaign: "rentree",
    phones: [phone],
    declaration,
  });
  expect(minted.status).toBe(200);
  const link = minted.json.links[0].code as string;

  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(`/${link}`);
  await expect(page.getByRole("heading", { level: 2, name: "Pourquoi ai-je reçu cet SMS ?" })).toBeVisible();
  await expect(page.getByText("vous avez donné votre accord pour recevoir ces SMS")).toBeVisible();
  await expect(page.getByText("Fichiers Express, une société qui vend ou loue des fichiers de numéros")).toBeVisible();
  await expect(page.getByText("en mars 2025 : jeu-concours sur fichiers.ma")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await info.attach("landing-why-fr-360", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });

  await page
    .getByRole("button", { name: "Ne plus recevoir d'SMS envoyés à partir des numéros fournis par Fichiers Express" })
    .click();
  await expect(page).toHaveURL(/\/receipt\/R-[A-Z0-9]{5}-[A-Z0-9]{5}\?status=new$/);
  await expect(page.getByText("Les SMS envoyés à partir des numéros fournis par Fichiers Express")).toBeVisible();
  const { rows } = await e2eDb().query(
    "SELECT c.scope::text, ls.code FROM opposition_changes c JOIN list_sources ls ON ls.id = c.list_source_id WHERE c.phone = $1",
    [phone],
  );
  expect(rows).toEqual([{ scope: "source", code }]);

  // Beta, another provider, another sender: its campaign from that list neither mints nor passes the wash.
  const fromList = await post(request, baseURL!, b, "/links", {
    sender: b.sender,
    campaign: "promo-b",
    phones: [phone],
    declaration,
  });
  expect(fromList.json).toEqual({ links: [], invalid: [{ input: phone, reason: "opposed-source" }] });
  const washed = await post(request, baseURL!, b, "/suppressions/check", {
    sender: b.sender,
    campaign: "promo-b",
    phones: [phone],
  });
  expect(washed.json.suppressed).toEqual([{ phone, scope: "source" }]);
  // Its campaign from its own customers still can.
  const own = await post(request, baseURL!, b, "/links", {
    sender: b.sender,
    campaign: "clients-b",
    phones: [phone],
    declaration: TEST_DECLARATION,
  });
  expect(own.json.links).toHaveLength(1);

  // The Arabic page, read right to left, says the same.
  await page.goto(`/${own.json.links[0].code as string}`);
  await page.getByRole("button", { name: "العربية" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "لماذا وصلتني هذه الرسالة؟" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await info.attach("landing-why-ar-360", {
    body: await page.screenshot({ fullPage: true }),
    contentType: "image/png",
  });
});

test("I never agreed: a no-consent complaint that carries the campaign's declaration to its provider", async ({
  page,
  request,
  baseURL,
}) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-noconsent-"));
  const a = await providerWithKey(dir, "gamma");
  const phone = uniquePhone();
  const minted = await post(request, baseURL!, a, "/links", {
    sender: a.sender,
    campaign: "fidelite",
    phones: [phone],
    declaration: { ...TEST_DECLARATION, basis: "customer" },
  });
  await page.goto(`/${minted.json.links[0].code as string}`);
  await expect(page.getByText(/vous êtes client de/)).toBeVisible();
  await page.getByRole("button", { name: "Je n'ai jamais donné mon accord" }).click();
  await expect(page).toHaveURL(/\/report\?reference=C-/);
  const { rows } = await e2eDb().query("SELECT reason::text, verified FROM complaints WHERE phone = $1", [phone]);
  expect(rows).toEqual([{ reason: "no_consent", verified: true }]);

  const url = `${baseURL}/api/v1/complaints`;
  const headers = await signRequest({ method: "GET", url, keyid: a.keyid, privateKey: a.privateKey });
  const complaints = (await (await request.get(url, { headers })).json()).complaints as Record<string, unknown>[];
  expect(complaints).toContainEqual(
    expect.objectContaining({
      type: "no-consent",
      campaign: "fidelite",
      declaration: expect.objectContaining({ basis: "customer", source: "own" }),
    }),
  );
});
