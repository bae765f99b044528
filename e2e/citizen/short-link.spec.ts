import { expect, test } from "@playwright/test";
import { e2eDb } from "../support/db";
import { mintLink, uniqueIp, uniquePhone } from "../support/fixtures";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": uniqueIp() } });

async function changesFor(phone: string) {
  const { rows } = await e2eDb().query<{ op: string; scope: string }>(
    "SELECT op::text, scope::text FROM opposition_changes WHERE phone = $1 ORDER BY seq",
    [phone],
  );
  return rows;
}

test("stop this sender: landing page, one tap, receipt, exactly one add change", async ({ page }) => {
  const phone = uniquePhone();
  const { code } = mintLink("souk-market", phone);
  const response = await page.goto(`/${code}`);
  expect(response?.status()).toBe(200);
  const bytes = (await response!.body()).length;
  test.info().annotations.push({ type: "landing-page-bytes", description: String(bytes) });
  console.log(`[e2e] landing page /${code}: ${bytes} bytes of HTML, no script`);
  // The frame every citizen page has (skip link, header, footer) and the theme's own classes (#24) cost ~5 KB
  // more than the old hand-written frame; the page stays a fraction of the 15 KB every citizen page keeps to.
  expect(bytes).toBeLessThan(11_000);
  expect(await page.locator("script").count()).toBe(0);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SMS de Souk Market");
  await expect(page.getByText(`+212 6 •• •• •• ${phone.slice(-2)}`)).toBeVisible();
  await page.getByRole("button", { name: "Arrêter les SMS de Souk Market" }).click();

  await expect(page).toHaveURL(/\/receipt\/R-[A-Z0-9]{5}-[A-Z0-9]{5}\?status=new$/);
  await expect(page.getByRole("status")).toHaveText("Votre refus est enregistré.");
  await expect(page.getByText("Les SMS commerciaux de Souk Market")).toBeVisible();
  await expect(page.getByText(/Au plus tard le .* \(48 heures\)/)).toBeVisible();
  expect(await changesFor(phone)).toEqual([{ op: "add", scope: "sender" }]);
  const { rows } = await e2eDb().query("SELECT source::text, verified FROM oppositions WHERE phone = $1", [phone]);
  expect(rows).toEqual([{ source: "link", verified: true }]);

  // Coming back: said so, with the original receipt, and nothing new recorded.
  const receiptUrl = new URL(page.url()).pathname;
  await page.goto(`/${code}`);
  await expect(page.getByText(/Vous avez déjà refusé les SMS de Souk Market/)).toBeVisible();
  await expect(page.getByRole("link", { name: /Voir le reçu/ })).toHaveAttribute("href", receiptUrl);
  expect(await changesFor(phone)).toHaveLength(1);
});

test("stop all commercial SMS from the link", async ({ page }) => {
  const phone = uniquePhone();
  const { code } = mintLink("atlas-bank", phone);
  await page.goto(`/${code}`);
  await page.getByRole("button", { name: "Arrêter tous les SMS commerciaux" }).click();
  await expect(page.getByText("Tous les SMS commerciaux, de tous les expéditeurs")).toBeVisible();
  expect(await changesFor(phone)).toEqual([{ op: "add", scope: "all" }]);
  await page.goto(`/${code}`);
  await expect(page.getByText(/Vous avez déjà refusé tous les SMS commerciaux/)).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(3); // the language switcher only
});

test("GET, HEAD and prefetches never record anything", async ({ request }) => {
  const phone = uniquePhone();
  const { code } = mintLink("souk-market", phone);
  const scanners = [
    "Mozilla/5.0 (compatible; Googlebot/2.1)",
    "WhatsApp/2.23",
    "Slackbot-LinkExpanding 1.0",
    "Mozilla/5.0 (iPhone)",
  ];
  for (let i = 0; i < 20; i++) {
    const headers = {
      "User-Agent": scanners[i % scanners.length]!,
      ...(i % 3 === 0 ? { Purpose: "prefetch", "Sec-Purpose": "prefetch" } : {}),
    };
    const response =
      i % 5 === 0 ? await request.head(`/${code}`, { headers }) : await request.get(`/${code}`, { headers });
    expect(response.status()).toBe(200);
  }
  expect(await changesFor(phone)).toEqual([]);
  const { rows } = await e2eDb().query("SELECT count(*)::int AS n FROM oppositions WHERE phone = $1", [phone]);
  expect(rows[0].n).toBe(0);
});

test("unknown, malformed and expired codes get a helpful page, not an error", async ({ page }) => {
  // An 8-character code that is not (or no longer) a link: the link page, with the form to refuse anyway.
  const unknown = await page.goto("/zzzzzzzz");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ce lien StopSMS est introuvable ou a expiré");
  await expect(page.getByRole("link", { name: "Refuser avec mon numéro" })).toHaveAttribute("href", "/stop");
  // Anything else is a mistyped page: a general "page not found".
  for (const path of ["/abc", "/%F0%9F%98%80%F0%9F%98%80"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  }
  const { code } = mintLink("souk-market", uniquePhone(), { expired: true });
  const response = await page.goto(`/${code}`);
  expect(response?.status()).toBe(410);
  // The same page as an unknown code: nothing tells a code-guesser that this one existed, nor whose it was.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ce lien StopSMS est introuvable ou a expiré");
  await expect(page.getByRole("main")).not.toContainText("Souk Market");
});

test("a cross-site post cannot opt anyone out", async ({ request }) => {
  const phone = uniquePhone();
  const { code } = mintLink("souk-market", phone);
  const response = await request.post(`/${code}`, {
    form: { choice: "all" },
    headers: { Origin: "https://evil.example" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await changesFor(phone)).toEqual([]);
});

test("the opt-out works with JavaScript disabled", async ({ browser }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    locale: "fr-FR",
    viewport: { width: 360, height: 640 },
    extraHTTPHeaders: { "X-Forwarded-For": uniqueIp() },
  });
  const page = await context.newPage();
  const phone = uniquePhone();
  const { code } = mintLink("souk-market", phone);
  await page.goto(`/${code}`);
  await page.getByRole("button", { name: "Arrêter les SMS de Souk Market" }).click();
  await expect(page.getByRole("status")).toHaveText("Votre refus est enregistré.");

  const other = uniquePhone();
  await page.goto("/stop");
  await page.getByLabel("Votre numéro de téléphone").fill(`0${other.slice(4)}`);
  await page.getByRole("button", { name: "Arrêter les SMS" }).click();
  await expect(page.getByRole("status")).toHaveText("Votre refus est enregistré.");
  expect(await changesFor(other)).toEqual([{ op: "add", scope: "all" }]);
  await context.close();
});
