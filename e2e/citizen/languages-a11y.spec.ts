import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/axe";
import { mintLink, uniqueIp, uniquePhone } from "../support/fixtures";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": uniqueIp() } });

function leaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Object.values(value as object).flatMap(leaves);
}

// Every French sentence (placeholders cut out) that must never show on an Arabic or English page.
const french = leaves(JSON.parse(readFileSync("lib/i18n/messages/fr.json", "utf8")))
  .flatMap((text) => text.split(/\{[^}]+\}|<\/?[a-z]+>/))
  .map((part) => part.trim())
  .filter((part) => part.length >= 12 && !/StopSMS|CNDP|ANRT|\d{2} \d{2}/.test(part));

async function setLocale(page: Page, locale: string) {
  await page.context().addCookies([{ name: "stopsms_locale", value: locale, url: "http://127.0.0.1:3210" }]);
}

async function citizenPaths(page: Page): Promise<string[]> {
  const { code } = mintLink("souk-market", uniquePhone());
  await page.goto(`/${code}`);
  await page.getByRole("button").nth(3).click(); // "stop this sender" (after the 3 language buttons)
  const receipt = new URL(page.url()).pathname;
  return [
    "/",
    "/stop",
    "/report",
    "/legal",
    "/verify-pack",
    "/number",
    "/statistics",
    `/${code}`,
    "/unknown1",
    receipt,
    receipt.replace("/receipt/", "/verify/"),
  ];
}

for (const locale of ["fr", "ar", "en"] as const) {
  test(`every citizen page in ${locale}: right direction, fully translated, its own title, reflow at 320 px and 200 % text, no serious accessibility violation`, async ({
    page,
  }, info) => {
    test.setTimeout(120_000);
    await setLocale(page, locale);
    const titles = new Set<string>();
    const paths = await citizenPaths(page);
    for (const path of paths) {
      await page.setViewportSize({ width: 360, height: 640 });
      await page.goto(path);
      titles.add(await page.title());
      expect(await page.title(), `title of ${path}`).toMatch(/ · StopSMS$|^StopSMS — /);
      if (locale === "ar")
        await page.screenshot({
          path: info.outputPath(`ar-360${path.replace(/\//g, "_") || "_home"}.png`),
          fullPage: true,
        });
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      if (locale !== "fr") {
        const text = await page.locator("body").innerText();
        expect(
          french.filter((sentence) => text.includes(sentence)),
          `French left on ${path}`,
        ).toEqual([]);
      }
      await expectNoSeriousA11yViolations(page);
      // WCAG 1.4.10 and 1.4.4: nothing wider than a 320 px screen, even with the reader's text at 200 %.
      await page.setViewportSize({ width: 320, height: 640 });
      const width = () => page.evaluate(() => document.documentElement.scrollWidth);
      expect(await width(), `${path} at 320 px`).toBeLessThanOrEqual(320);
      await page.addStyleTag({ content: "html { font-size: 200% !important }" });
      expect(await width(), `${path} at 320 px and 200 % text`).toBeLessThanOrEqual(320);
    }
    expect(titles.size, "every page has its own title").toBe(paths.length);
    await page.setViewportSize({ width: 360, height: 640 });
    // A form showing its errors is a page too.
    await page.goto("/stop");
    await page.locator("form[action='/stop/submit'] button[type=submit]").click();
    await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });
}

test("the Arabic short-link page is right-to-left, with the number kept left-to-right", async ({ page }) => {
  await setLocale(page, "ar");
  const phone = uniquePhone();
  const { code } = mintLink("souk-market", phone);
  await page.goto(`/${code}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("رسائل من Souk Market");
  await expect(page.getByRole("button", { name: "إيقاف جميع الرسائل التجارية" })).toBeVisible();
});

test("on the Arabic report form, a French SMS typed in keeps its own direction (#25 item 5)", async ({ page }) => {
  await setLocale(page, "ar");
  await page.goto("/report");
  const direction = (selector: string) =>
    page.locator(selector).evaluate((element) => getComputedStyle(element).direction);
  await page.locator("#messageText").fill("Soldes -50% chez Atlas Bank jusqu'au 5 décembre, 10h-18h.");
  await page.locator("#senderSeen").fill("ATLASBNK");
  expect(await direction("#messageText")).toBe("ltr");
  expect(await direction("#senderSeen")).toBe("ltr");
  await page.locator("#messageText").fill("تخفيضات 50% حتى 5 دجنبر");
  expect(await direction("#messageText")).toBe("rtl");
});
