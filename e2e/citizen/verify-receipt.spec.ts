import { expect, test } from "@playwright/test";
import { mintLink, uniqueIp, uniquePhone } from "../support/fixtures";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": uniqueIp() } });

const cases = [
  {
    locale: "fr",
    link: "Vérifier que cette entrée figure dans le registre",
    verified: /Vérifié : le reçu R-[A-Z0-9-]+ est l'entrée n° [\d\s\u202f\u00a0]+ du registre/,
    steps: /Voir (les \d+ étapes|l'étape) du calcul/,
  },
  {
    locale: "ar",
    link: "التحقق من وجود هذا القيد في السجل",
    verified: /تم التحقق: الإيصال R-[A-Z0-9-]+ هو القيد رقم/,
    steps: /عرض خطوات الحساب/,
  },
] as const;

for (const { locale, link, verified, steps } of cases) {
  test(`a receipt proves its refusal is in the public register (${locale})`, async ({ page }) => {
    await page.context().addCookies([{ name: "stopsms_locale", value: locale, url: "http://127.0.0.1:3210" }]);
    // Another refusal first, so that the register holds more than this one entry and the proof has steps.
    await page.goto(`/${mintLink("souk-market", uniquePhone()).code}`);
    await page.getByRole("button").nth(3).click();
    await expect(page).toHaveURL(/\/receipt\/R-/);
    const { code } = mintLink("souk-market", uniquePhone());
    await page.goto(`/${code}`);
    await page.getByRole("button").nth(3).click();
    await expect(page).toHaveURL(/\/receipt\/R-/);
    const receipt = new URL(page.url()).pathname.split("/").at(-1)!;
    await page.getByRole("link", { name: link }).click();
    await expect(page).toHaveURL(new RegExp(`/verify/${receipt}$`));
    // The public tree head is published every 2 s here (hourly in production): until then the page says when.
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("status")).toHaveText(verified, { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    // Figures are unambiguous in every language (#25 item 5): never "3.200" (a decimal to a French or Arabic
    // reader); the register's size is grouped with a narrow space (fr) or the Arabic separator ٬ (ar).
    const status = await page.getByRole("status").innerText();
    expect(status).not.toMatch(/\d[.,]\d{3}/);
    const size = Number((await page.request.get("/api/v1/log/tree-head").then((r) => r.json())).size);
    if (size >= 1000) expect(status).toMatch(locale === "ar" ? /\d\u066c\d{3}/ : /\d[\u202f\u00a0 ]\d{3}/);
    await page.getByText(steps).click();
    await expect(page.locator("details ol li").first()).toBeVisible();
    // The page's public API call answers the same proof, signed.
    const api = await page.locator("code", { hasText: "/api/v1/log/inclusion" }).innerText();
    const response = await page.request.get(api);
    expect(response.status()).toBe(200);
    expect(response.headers()["signature"]).toMatch(/^stopsms=/);
    const proof = await response.json();
    expect(proof.path.length).toBe(await page.locator("details ol li").count());
  });
}
