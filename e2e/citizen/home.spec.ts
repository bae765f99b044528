import { expect, test } from "@playwright/test";

test("the home page explains StopSMS in French by default and links to /stop and /report", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Refusez les SMS commerciaux");
  await expect(page.getByRole("link", { name: /Refuser des SMS avec mon numéro/ })).toHaveAttribute("href", "/stop");
  await expect(page.getByRole("link", { name: /Signaler un SMS/ })).toHaveAttribute("href", "/report");
  await expect(page.getByRole("note")).toContainText("ne vous demandera jamais de paiement, de mot de passe");
});

test("the legal page states every cookie it sets, an accessibility statement, and a contact to write to", async ({
  page,
}) => {
  await page.goto("/legal");
  const cookies = page.locator("section", { has: page.getByRole("heading", { name: "Cookies" }) });
  await expect(cookies).toContainText("la session « Mon numéro » (30 minutes au plus");
  await expect(cookies).not.toContainText("Un seul cookie");
  await expect(page.getByRole("heading", { name: "Accessibilité" })).toBeVisible();
  await expect(page.getByRole("link", { name: "contact@cndp.ma" })).toHaveAttribute("href", "mailto:contact@cndp.ma");
});

test("switching to Arabic turns the page right-to-left and is remembered", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
});

test("the browser's language is honoured when no choice was made", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "en-GB",
    extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" },
  });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});

test("a mistyped path is a page not found; only an 8-character code is a StopSMS link that cannot be found", async ({
  page,
}) => {
  const typo = await page.goto("/stpo");
  expect(typo?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  const deeper = await page.goto("/stop/nothing-here");
  expect(deeper?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  const code = await page.goto("/unknown1");
  expect(code?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ce lien StopSMS est introuvable ou a expiré");
});
