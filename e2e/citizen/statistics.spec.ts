import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { seedDemo, uniqueIp } from "../support/fixtures";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": uniqueIp() } });

for (const locale of ["fr", "ar"] as const) {
  test(`the public statistics (${locale}): figures, a chart with its table, downloads, no personal data, reflow at 200 % text`, async ({
    page,
    request,
  }, info) => {
    seedDemo();
    await page.context().addCookies([{ name: "stopsms_locale", value: locale, url: "http://127.0.0.1:3210" }]);
    await page.goto("/statistics?range=30d");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      locale === "fr" ? "Statistiques publiques" : "الإحصاءات العمومية",
    );
    await expect(
      page.getByRole("img", { name: locale === "fr" ? /Nouveaux refus par jour/ : /الاعتراضات الجديدة حسب اليوم/ }),
    ).toBeVisible();
    await expect(
      page
        .getByRole("region", { name: locale === "fr" ? "Refus par jour" : "الاعتراضات حسب اليوم" })
        .getByRole("row")
        .nth(1),
    ).toBeVisible();
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/\+212\s?[5-7]|R-[A-Z0-9]{5}-/);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: info.outputPath(`statistics-${locale}.png`), fullPage: true });
    await page.addStyleTag({ content: "html { font-size: 200% !important }" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const dictionary = await request.get("/api/open/v1/datasets.json");
    expect(dictionary.status()).toBe(200);
    expect(dictionary.headers()["access-control-allow-origin"]).toBe("*");
    const csv = await request.get(
      await page
        .getByRole("link", { name: "CSV" })
        .first()
        .getAttribute("href")
        .then((h) => h!),
    );
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  });
}

test("a custom range is widened to whole weeks, in English at 1280 px, and every table reads without JavaScript", async ({
  browser,
}, info) => {
  seedDemo();
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 900 },
    extraHTTPHeaders: { "X-Forwarded-For": uniqueIp() },
  });
  await context.addCookies([{ name: "stopsms_locale", value: "en", url: "http://127.0.0.1:3210" }]);
  const page = await context.newPage();
  await page.goto("/statistics");
  // A Wednesday to the next Tuesday, three weeks back: the figures cover Monday to Sunday of both weeks.
  const monday = new Date();
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 21);
  const day = (offset: number) => new Date(monday.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Period").selectOption("custom");
  await page.getByLabel("From").fill(day(2));
  await page.getByLabel("to", { exact: true }).fill(day(8));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`range=custom&from=${day(2)}&to=${day(8)}`));
  const long = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));
  await expect(page.getByTestId("open-period")).toContainText(`From ${long(day(0))} to ${long(day(13))}`);
  // The weekly and daily tables are there without any script: two weeks, fourteen days.
  await expect(page.getByRole("region", { name: "Refusals per week" }).getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("region", { name: "Refusals per day" }).getByRole("row")).toHaveCount(15);
  await page.screenshot({ path: info.outputPath("statistics-en-1280.png"), fullPage: true });

  const json = await page.request.get(`/api/open/v1/refusals-weekly.json?range=custom&from=${day(2)}&to=${day(8)}`);
  expect(json.headers()["content-type"]).toBe("application/json; charset=utf-8");
  const body = (await json.json()) as {
    from: string;
    to: string;
    rows: { week: string; channel: string; scope: string; new_refusals: number | string }[];
  };
  expect([body.from, body.to]).toEqual([day(0), day(13)]);
  // The page shows the same figures as the download.
  const first = body.rows.find((r) => r.week === day(0) && r.channel === "total" && r.scope === "total")!;
  const cells = await page
    .getByRole("region", { name: "Refusals per week" })
    .getByRole("row")
    .nth(1)
    .getByRole("cell")
    .allTextContents();
  expect(cells[0]!.replace(/[^\d<]/g, "")).toBe(String(first.new_refusals).replace(/[^\d<]/g, ""));
  const csv = await page.request.get(`/api/open/v1/senders.csv?range=custom&from=${day(2)}&to=${day(8)}`);
  expect((await csv.text()).split("\r\n")[0]).toBe(
    "sender,name,sector,refusals,links_minted,refusals_per_1000_links,complaints,violations",
  );
  await context.close();
});
