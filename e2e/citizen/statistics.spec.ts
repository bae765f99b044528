import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { seedDemo, uniqueIp } from "../support/fixtures";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": uniqueIp() } });

for (const locale of ["fr", "ar"] as const) {
  test(`the public statistics (${locale}): figures, a chart with its table, downloads, no personal data, reflow at 200 % text`, async ({ page, request }, info) => {
    seedDemo();
    await page.context().addCookies([{ name: "stopsms_locale", value: locale, url: "http://127.0.0.1:3210" }]);
    await page.goto("/statistics?range=90d");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(locale === "fr" ? "Statistiques publiques" : "الإحصاءات العمومية");
    await expect(page.getByRole("img", { name: locale === "fr" ? /Nouveaux refus par jour/ : /الاعتراضات الجديدة/ })).toBeVisible();
    await expect(page.getByRole("region", { name: locale === "fr" ? "Refus par jour" : "الاعتراضات حسب اليوم" }).getByRole("row").nth(1)).toBeVisible();
    const text = await page.locator("main").innerText();
    expect(text).not.toMatch(/\+212\s?[5-7]|R-[A-Z0-9]{5}-/);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: info.outputPath(`statistics-${locale}.png`), fullPage: true });
    await page.addStyleTag({ content: "html { font-size: 200% !important }" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const dictionary = await request.get("/api/open/v1/datasets.json");
    expect(dictionary.status()).toBe(200);
    expect(dictionary.headers()["access-control-allow-origin"]).toBe("*");
    const csv = await request.get(await page.getByRole("link", { name: "CSV" }).first().getAttribute("href").then((h) => h!));
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  });
}
