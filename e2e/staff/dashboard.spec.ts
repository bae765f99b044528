import { e2eDb } from "../support/db";
import { ensureDemoData, expect, signInAs, test } from "../support/staff";

const number = (text: string | null) => Number((text ?? "").replace(/[^\d-]/g, ""));

async function sql(query: string, params: unknown[] = []): Promise<number> {
  const { rows } = await e2eDb().query(query, params);
  return Number(Object.values(rows[0])[0]);
}

function daysAgo(n: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Casablanca" }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

test.beforeAll(() => ensureDemoData());

test("the dashboard's figures match the database, and the date filter changes them", async ({ page }) => {
  const cspViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) cspViolations.push(message.text());
  });
  await signInAs(page, "analyst");
  await expect(page.getByText(/^Du \d{2}\/\d{2}\/\d{4} au \d{2}\/\d{2}\/\d{4} \(heure du Maroc\)$/)).toBeVisible();
  // The charts are client components: they only draw if the CSP nonce let Next's scripts run.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  // The rollups must agree with the opposition table itself (canary entries are never counted).
  expect(number(await page.getByTestId("kpi-in-force-all").textContent())).toBe(
    await sql(
      "SELECT count(*) FROM oppositions WHERE scope = 'all' AND withdrawn_at IS NULL AND canary_provider_id IS NULL",
    ),
  );
  expect(number(await page.getByTestId("kpi-in-force-sender").textContent())).toBe(
    await sql(
      "SELECT count(*) FROM oppositions WHERE scope = 'sender' AND withdrawn_at IS NULL AND canary_provider_id IS NULL",
    ),
  );
  const addedSince = (days: number) =>
    sql(
      "SELECT count(*) FROM opposition_changes WHERE op = 'add' AND reason = 'opposed' AND canary_provider_id IS NULL AND (at AT TIME ZONE 'Africa/Casablanca')::date >= $1::date",
      [daysAgo(days - 1)],
    );
  expect(number(await page.getByTestId("kpi-new").textContent())).toBe(await addedSince(30));
  expect(number(await page.getByTestId("kpi-complaints-open").textContent())).toBe(
    await sql("SELECT count(*) FROM complaints WHERE status IN ('new', 'reviewing')"),
  );

  await page.getByRole("combobox", { name: "Période" }).selectOption("7d");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/range=7d/);
  const week = number(await page.getByTestId("kpi-new").textContent());
  expect(week).toBe(await addedSince(7));
  await page.getByRole("combobox", { name: "Période" }).selectOption("90d");
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/range=90d/);
  const quarter = number(await page.getByTestId("kpi-new").textContent());
  expect(quarter).toBe(await addedSince(90));
  expect(quarter).toBeGreaterThan(week);

  await page.getByRole("combobox", { name: "Période" }).selectOption("custom");
  await page.getByLabel("Du").fill(daysAgo(20));
  await page.getByLabel("Au").fill(daysAgo(10));
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/range=custom/);
  expect(number(await page.getByTestId("kpi-new").textContent())).toBe(
    await sql(
      "SELECT count(*) FROM opposition_changes WHERE op = 'add' AND reason = 'opposed' AND canary_provider_id IS NULL AND (at AT TIME ZONE 'Africa/Casablanca')::date BETWEEN $1::date AND $2::date",
      [daysAgo(20), daysAgo(10)],
    ),
  );
  await expect(page.getByTestId("compliance-table")).toContainText("Acme Télécom SA");
  expect(cspViolations).toEqual([]);
});

test("CSV export downloads the rows of the table for the chosen range", async ({ page }) => {
  await signInAs(page, "analyst");
  await page.goto("/staff?range=90d");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Exporter en CSV" }).nth(1).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^stopsms-senders-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("sender,name,added,in_force,links_minted,per_1000_links");
  const souk = lines.find((l) => l.startsWith("souk-market,"))!.split(",");
  expect(Number(souk[2])).toBe(
    await sql(
      "SELECT count(*) FROM opposition_changes c JOIN senders s ON s.id = c.sender_id WHERE s.code = 'souk-market' AND c.op = 'add' AND (c.at AT TIME ZONE 'Africa/Casablanca')::date >= $1::date",
      [daysAgo(89)],
    ),
  );
  expect(Number(souk[3])).toBe(
    await sql(
      "SELECT count(*) FROM oppositions o JOIN senders s ON s.id = o.sender_id WHERE s.code = 'souk-market' AND o.withdrawn_at IS NULL",
    ),
  );
  expect(lines.length - 1).toBe(await sql("SELECT count(*) FROM senders"));
});
