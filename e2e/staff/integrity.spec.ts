import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { e2eDb } from "../support/db";
import { uniquePhone } from "../support/fixtures";
import { providerWithKey, signed } from "../support/signed-provider";
import { expect, signInAs, test } from "../support/staff";
import { TEST_DECLARATION } from "@/lib/testing/declaration";

test("a provider's canary in another provider's campaign: staff see the alert, its evidence, and mark it reviewed (audited)", async ({
  page,
  request,
  baseURL,
}, info) => {
  test.setTimeout(90_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-canary-"));
  const [leaker, spammer] = [await providerWithKey(dir, "leaker"), await providerWithKey(dir, "spammer")];
  // The leaker loads its list: its canaries come with it.
  const snapshot = await signed(request, baseURL!, leaker, "GET", "/suppressions/snapshot?limit=50000");
  expect(snapshot.status()).toBe(200);
  const { rows } = await e2eDb().query<{ phone: string }>(
    "SELECT o.phone FROM oppositions o JOIN providers p ON p.id = o.canary_provider_id WHERE p.slug = $1",
    [leaker.slug],
  );
  expect(rows.length).toBe(3);
  // Someone sends a campaign through another provider to that list.
  const minted = await signed(request, baseURL!, spammer, "POST", "/links", {
    sender: spammer.sender,
    campaign: "promo",
    phones: [rows[0]!.phone, uniquePhone()],
    declaration: TEST_DECLARATION,
  });
  expect(minted.status()).toBe(200);

  await signInAs(page, "analyst");
  await expect(page.getByTestId("integrity-alert")).toBeVisible();
  await page.getByRole("link", { name: "Voir les alertes" }).click();
  const row = page.getByTestId("integrity-alerts").getByRole("row").filter({ hasText: spammer.keyid });
  await expect(row).toContainText("à examiner");
  await row.getByRole("link").click();
  const evidence = page.getByTestId("alert-evidence");
  await expect(evidence).toContainText(leaker.slug);
  await expect(evidence).toContainText(spammer.slug);
  await expect(evidence).toContainText(spammer.keyid);
  await expect(evidence).toContainText("POST /links");
  await expect(evidence).toContainText(rows[0]!.phone);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: info.outputPath("integrity-alert.png"), fullPage: true });
  await page.getByRole("button", { name: "Marquer comme examinée" }).click();
  await expect(page.getByText(/Examinée le/)).toBeVisible();
  const audit = await e2eDb().query<{ action: string }>(
    "SELECT action FROM audit_logs WHERE target_type = 'integrity_alert' AND target_id = (SELECT id::text FROM integrity_alerts WHERE keyid = $1) ORDER BY id",
    [spammer.keyid],
  );
  expect(audit.rows.map((r) => r.action)).toEqual(
    expect.arrayContaining(["integrity-alert.raise", "integrity-alert.view", "integrity-alert.review"]),
  );
});

test("number events: everyone sees the counts per operator and day; a number's file is looked up by a form post, audited, and an admin restores its ended refusal there", async ({
  page,
  request,
  baseURL,
}, info) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "stopsms-operator-"));
  const operator = await providerWithKey(dir, "operator");
  await e2eDb().query("UPDATE providers SET kind = 'operator' WHERE slug = $1", [operator.slug]);
  const phone = uniquePhone();
  await e2eDb().query(
    "INSERT INTO provider_number_ranges (provider_id, first_number, last_number) SELECT id, $2, $2 FROM providers WHERE slug = $1",
    [operator.slug, phone],
  );
  expect((await request.post("/stop/submit", { form: { phone, scope: "all" }, maxRedirects: 0 })).status()).toBe(303);
  // Recorded before the disconnection the operator reports (a refusal made after it is the new holder's own).
  await e2eDb().query("UPDATE oppositions SET created_at = created_at - interval '1 day' WHERE phone = $1", [phone]);
  const answer = await signed(request, baseURL!, operator, "POST", "/numbers/events", {
    events: [{ phone, event: "disconnected", at: new Date(Date.now() - 60_000).toISOString() }],
  });
  expect(await answer.json()).toMatchObject({ accepted: 1, ended: 1 });

  await signInAs(page, "admin");
  await page.goto("/staff/numbers");
  await expect(page.getByTestId("number-events-table")).toContainText(`Provider ${operator.slug}`);
  // The number's file: looked up by a form post, never in the URL, and audited.
  await page.getByRole("link", { name: "sa fiche" }).click();
  await page.getByLabel("Numéro", { exact: true }).fill(phone);
  await page.getByRole("button", { name: "Consulter" }).click();
  await expect(page).toHaveURL(/\/staff\/lookup$/);
  await expect(page.getByTestId("lookup-events")).toContainText("résilié");
  await expect(page.getByTestId("lookup-events")).toContainText(operator.keyid);
  await expect(page.getByTestId("lookup-oppositions")).toContainText("numéro résilié");
  await expect(page.getByTestId("lookup-receipts")).toContainText("opposition");
  await expectNoSeriousA11yViolations(page);
  const audit = await e2eDb().query("SELECT 1 FROM audit_logs WHERE action = 'number.lookup' AND target_id = $1", [
    phone,
  ]);
  expect(audit.rowCount).toBe(1);
  // Restored from the file, by an admin: the opposition is in force again.
  await page.getByRole("button", { name: "Rétablir" }).click();
  await expect(page.getByTestId("lookup-oppositions")).toContainText("en vigueur");
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: info.outputPath("staff-lookup.png"), fullPage: true });
  // The staff sections fit one row at 1366 px (an admin sees all of them).
  const tops = await page
    .getByRole("navigation", { name: "Espace CNDP" })
    .getByRole("listitem")
    .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
  expect(tops.length).toBeGreaterThan(9);
  expect(new Set(tops).size).toBe(1);
});
