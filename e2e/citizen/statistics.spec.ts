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
      page.getByRole("img", { name: locale === "fr" ? /Nouveaux refus par jour/ : /حالات الرفض الجديدة حسب اليوم/ }),
    ).toBeVisible();
    await expect(
      page
        .getByRole("region", { name: locale === "fr" ? "Tableau : Refus par jour" : "جدول: حالات الرفض حسب اليوم" })
        .getByRole("row")
        .nth(1),
    ).toBeVisible();
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/\+212\s?[5-7]|R-[A-Z0-9]{5}-/);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: info.outputPath(`statistics-${locale}.png`), fullPage: true });
    // Provenance: the month's list sources by kind (the demo's own lists, its broker and its partner).
    const kinds = page.getByRole("region", {
      name: locale === "fr" ? "Tableau : Par type de source" : "جدول: حسب نوع المصدر",
    });
    const sources = page.locator("section[aria-labelledby=sources]");
    await expect(sources.getByRole("heading", { level: 2 })).toHaveText(
      locale === "fr" ? "Sources de fichiers" : "مصادر القوائم",
    );
    // The open window is computed at most every 5 minutes: a page read before the demo's seed in this run shows
    // the empty month; otherwise the three kinds (figures checked in lib/open-data/open-data.integration.test.ts).
    if ((await kinds.count()) > 0) {
      await expect(kinds.getByRole("row")).toHaveCount(4);
      await expect(kinds).toContainText(locale === "fr" ? "Courtiers" : "الوسطاء");
    }
    await sources.screenshot({ path: info.outputPath(`statistics-sources-${locale}.png`) });
    await page.addStyleTag({ content: "html { font-size: 200% !important }" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await sources.screenshot({ path: info.outputPath(`statistics-sources-${locale}-200.png`) });
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

test("a chosen week is labelled as the week it shows, in English at 1280 px, and every table reads without JavaScript", async ({
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
  // The Monday three weeks back, and its ISO week.
  const monday = new Date();
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7) - 21);
  const day = (offset: number) => new Date(monday.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const long = (iso: string) =>
    new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));
  const label = `Week of ${long(day(0))} to ${long(day(6))}`;
  await page.getByLabel("Period").selectOption({ label });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/period=\d{4}-W\d{2}/);
  const period = new URL(page.url()).searchParams.get("period")!;
  // The label says exactly the days the figures cover: seven, Monday to Sunday.
  await expect(page.getByTestId("open-period")).toContainText(label);
  await expect(page.getByRole("region", { name: "Table: Refusals per week" }).getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Table: Refusals per day" }).getByRole("row")).toHaveCount(8);
  await page.screenshot({ path: info.outputPath("statistics-en-1280.png"), fullPage: true });

  const json = await page.request.get(`/api/open/v1/refusals-weekly.json?period=${period}`);
  expect(json.headers()["content-type"]).toBe("application/json; charset=utf-8");
  const body = (await json.json()) as {
    period: string;
    from: string;
    to: string;
    rows: { week: string; channel: string; scope: string; new_refusals: number | string }[];
  };
  expect([body.period, body.from, body.to]).toEqual([period, day(0), day(6)]);
  // The page shows the same figures as the download.
  const first = body.rows.find((r) => r.week === day(0) && r.channel === "total" && r.scope === "total")!;
  const cells = await page
    .getByRole("region", { name: "Table: Refusals per week" })
    .getByRole("row")
    .nth(1)
    .getByRole("cell")
    .allTextContents();
  expect(cells[0]!.replace(/[^\d]/g, "")).toBe(String(first.new_refusals).replace(/[^\d]/g, ""));
  const csv = await page.request.get(`/api/open/v1/senders.csv?period=${period}`);
  expect((await csv.text()).split("\r\n")[0]).toBe(
    "sender,name,sector,refusals,links_minted,refusals_per_1000_links,complaints,violations",
  );
  await context.close();
});
