import { expect, test } from "@playwright/test";
import { e2eDb } from "../support/db";
import { mintLink, uniqueIp, uniquePhone } from "../support/fixtures";

test.use({ extraHTTPHeaders: { "X-Forwarded-For": uniqueIp() } });

test("stop one sender by number, picked from the searchable list", async ({ page }) => {
  mintLink("casa-immo", uniquePhone()); // makes sure the sender exists
  const phone = uniquePhone();
  await page.goto("/stop");
  await page.getByLabel("Votre numéro de téléphone").fill(`+212 ${phone.slice(4, 5)} ${phone.slice(5)}`);
  await page.getByLabel("Les SMS d'un seul expéditeur").check();
  await page.getByLabel("Expéditeur", { exact: true }).fill("Casa Immo");
  await page.getByRole("button", { name: "Arrêter les SMS" }).click();
  await expect(page.getByText("Les SMS commerciaux de Casa Immo")).toBeVisible();
  const { rows } = await e2eDb().query("SELECT scope::text, source::text, verified FROM oppositions WHERE phone = $1", [
    phone,
  ]);
  expect(rows).toEqual([{ scope: "sender", source: "web", verified: false }]);
});

test("invalid numbers are explained inline and nothing is recorded", async ({ page }) => {
  const cases: [string, string][] = [
    ["", "Saisissez votre numéro de téléphone."],
    ["12", "Ce numéro est trop court."],
    ["bonjour", "Ce n'est pas un numéro de téléphone."],
    ["+2126123456789", "Ce numéro est trop long."],
    ["0112345678", "Ce numéro n'existe pas dans le plan de numérotation."],
  ];
  const { rows: before } = await e2eDb().query("SELECT count(*)::int AS n FROM opposition_changes");
  for (const [input, message] of cases) {
    await page.goto("/stop");
    await page.getByLabel("Votre numéro de téléphone").fill(input);
    await page.getByRole("button", { name: "Arrêter les SMS" }).click();
    await expect(page).toHaveURL(/\/stop$/);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(message);
    await expect(page.getByLabel("Votre numéro de téléphone")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Votre numéro de téléphone")).toHaveValue(input);
  }
  await page.getByLabel("Votre numéro de téléphone").fill("0612345678");
  await page.getByLabel("Les SMS d'un seul expéditeur").check();
  await page.getByLabel("Expéditeur", { exact: true }).fill("Qxzv Wyrkt");
  await page.getByRole("button", { name: "Arrêter les SMS" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Cet expéditeur n'est pas enregistré");
  const { rows: after } = await e2eDb().query("SELECT count(*)::int AS n FROM opposition_changes");
  expect(after[0].n).toBe(before[0].n);
});

test("rate limit: the sixth request for one number within ten minutes gets a 429 page", async ({ request }) => {
  const phone = uniquePhone();
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await request.post("/stop/submit", {
      form: { phone, scope: "all" },
      maxRedirects: 0,
      headers: { "X-Forwarded-For": uniqueIp() },
    });
    statuses.push(response.status());
    if (i === 5) {
      expect(response.headers()["retry-after"]).toMatch(/^\d+$/);
      expect(await response.text()).toContain("Trop de demandes");
    }
  }
  expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
  const { rows } = await e2eDb().query("SELECT count(*)::int AS n FROM opposition_changes WHERE phone = $1", [phone]);
  expect(rows[0].n).toBe(1);
});

test("rate limit per address: one client over 20 requests in ten minutes is refused, others are not", async ({
  request,
}) => {
  const ip = uniqueIp();
  let refused = 0;
  for (let i = 0; i < 21; i++) {
    const response = await request.post("/stop/submit", {
      form: { phone: "12", scope: "all" },
      maxRedirects: 0,
      headers: { "X-Forwarded-For": ip },
    });
    if (response.status() === 429) refused++;
  }
  expect(refused).toBe(1);
  const other = await request.post("/stop/submit", {
    form: { phone: "12", scope: "all" },
    maxRedirects: 0,
    headers: { "X-Forwarded-For": uniqueIp() },
  });
  expect(other.status()).toBe(303);
});

test("report an SMS without StopSMS mention: stored as a new complaint, reference shown", async ({ page }) => {
  mintLink("medina-fashion", uniquePhone());
  await page.goto("/report");
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Indiquez l'expéditeur affiché.");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Copiez le texte du SMS.");

  await page.getByLabel("Le SMS n'avait pas de mention StopSMS").check();
  await page.getByLabel("Expéditeur tel qu'affiché").fill("Medina Fashion");
  await page.getByLabel("Texte du SMS").fill("Soldes -70% ! Venez vite.");
  await page.getByLabel("Votre numéro (facultatif)").fill("0612345678");
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signalement enregistré");
  const reference = (await page.getByText(/Référence/).textContent())!.match(/C-[A-Z0-9]{5}-[A-Z0-9]{5}/)![0];
  const { rows } = await e2eDb().query(
    "SELECT c.status::text, c.reason::text, c.sender_seen, c.phone, s.code FROM complaints c LEFT JOIN senders s ON s.id = c.sender_id WHERE c.id = $1",
    [reference],
  );
  expect(rows).toEqual([
    {
      status: "new",
      reason: "no_mention",
      sender_seen: "Medina Fashion",
      phone: "+212612345678",
      code: "medina-fashion",
    },
  ]);
});

test("a report's 'did you mean' is a question: the sender is kept exactly as seen, and 'yes' links the match", async ({
  page,
}) => {
  mintLink("medina-fashion", uniquePhone());
  await page.goto("/report");
  await page.getByLabel("Le SMS n'avait pas de mention StopSMS").check();
  await page.getByLabel("Expéditeur tel qu'affiché").fill("Medina Fash");
  await page.getByLabel("Texte du SMS").fill("Soldes ! Venez vite.");
  await page.getByRole("button", { name: "Envoyer le signalement" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Vouliez-vous dire Medina Fashion ?");
  // What the citizen typed stays in the field: nothing replaces the evidence.
  await expect(page.getByLabel("Expéditeur tel qu'affiché")).toHaveValue("Medina Fash");
  await expect(page.getByRole("button", { name: "Non, garder « Medina Fash »" })).toBeVisible();
  await page.getByRole("button", { name: "Oui, Medina Fashion" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signalement enregistré");
  const reference = (await page.getByText(/Référence/).textContent())!.match(/C-[A-Z0-9]{5}-[A-Z0-9]{5}/)![0];
  const { rows } = await e2eDb().query(
    "SELECT c.sender_seen, c.originator, s.code FROM complaints c LEFT JOIN senders s ON s.id = c.sender_id WHERE c.id = $1",
    [reference],
  );
  expect(rows).toEqual([{ sender_seen: "Medina Fash", originator: "Medina Fash", code: "medina-fashion" }]);
});

test("the sender field shows once 'one sender' is chosen, a partial name is offered back, and an error is announced first", async ({
  page,
}) => {
  mintLink("atlas-bank", uniquePhone()); // makes sure the sender exists
  const phone = uniquePhone();
  await page.goto("/stop");
  await expect(page.getByLabel("Expéditeur", { exact: true })).toBeHidden();
  await page.getByLabel("Les SMS d'un seul expéditeur").check();
  await expect(page.getByLabel("Expéditeur", { exact: true })).toBeVisible();
  await page.getByLabel("Votre numéro de téléphone").fill(`0${phone.slice(4)}`);
  await page.getByLabel("Expéditeur", { exact: true }).fill("atlas");
  await page.getByRole("button", { name: "Arrêter les SMS" }).click();
  // Nothing recorded for a guess: the name is offered, in the field, and the page says "Erreur".
  await expect(page).toHaveTitle(/^Erreur : /);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Vouliez-vous dire Atlas Bank ?");
  await expect(page.getByRole("main").getByRole("alert").first()).toBeFocused();
  await expect(page.getByLabel("Expéditeur", { exact: true })).toHaveValue("Atlas Bank");
  const count = async () =>
    (await e2eDb().query("SELECT count(*)::int AS n FROM oppositions WHERE phone = $1", [phone])).rows[0].n;
  expect(await count()).toBe(0);
  await page.getByRole("button", { name: "Arrêter les SMS" }).click();
  await expect(page.getByText("Les SMS commerciaux d’Atlas Bank")).toBeVisible();
  expect(await count()).toBe(1);
  await expect(page).not.toHaveTitle(/Erreur/);
});

test("an unknown sender is no dead end: stop every sender in one tap, or report it with the name as typed", async ({
  page,
}) => {
  const phone = uniquePhone();
  await page.goto("/stop");
  await page.getByLabel("Votre numéro de téléphone").fill(phone);
  await page.getByLabel("Les SMS d'un seul expéditeur").check();
  await page.getByLabel("Expéditeur", { exact: true }).fill("PROMO-XYZ-INCONNU");
  await page.getByRole("button", { name: "Arrêter les SMS" }).click();
  await expect(page.getByRole("link", { name: "Signaler cet expéditeur non enregistré" })).toHaveAttribute(
    "href",
    "/report?sender=PROMO-XYZ-INCONNU",
  );
  await page.getByRole("button", { name: "Arrêter tous les SMS commerciaux pour ce numéro" }).click();
  await expect(page.getByText("Tous les SMS commerciaux, de tous les expéditeurs")).toBeVisible();
  await page.goto("/report?sender=PROMO-XYZ-INCONNU");
  await expect(page.locator("input[name=senderSeen]")).toHaveValue("PROMO-XYZ-INCONNU");
});
