import { generateKeyPairSync, randomBytes } from "node:crypto";
import { e2eDb } from "../support/db";
import { ensureDemoData, expect, signInAs, test } from "../support/staff";

test.beforeAll(() => ensureDemoData());

test("an admin registers a provider, adds a key and revokes it; all audited", async ({ page }) => {
  const admin = await signInAs(page, "admin");
  const slug = `telco-${randomBytes(3).toString("hex")}`;
  await page.goto("/staff/providers");
  await page.getByLabel("Identifiant (ex. acme-telecom)").fill(slug);
  await page.getByLabel("Raison sociale").fill("Telco Test SA");
  await page.getByLabel("Numéro de déclaration ANRT").fill(`ANRT/${slug}`);
  await page
    .getByRole("group", { name: "Expéditeurs autorisés" })
    .getByRole("checkbox", { name: /\(souk-market\)/ })
    .check();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`Fournisseur ${slug} créé.`);

  await page.getByRole("link", { name: "Telco Test SA" }).click();
  // More senders: filtered, then ticked.
  await page.getByLabel("Filtrer par nom ou code").fill("atlas");
  await page.getByRole("button", { name: "Filtrer" }).click();
  const linkable = page.getByRole("group", { name: "Expéditeurs à rattacher" }).getByRole("checkbox");
  await expect(linkable.first()).toBeVisible();
  for (const name of await linkable.evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)))
    expect(name).toContain("atlas");
  await linkable.first().check();
  await page.getByRole("button", { name: "Rattacher les expéditeurs cochés" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Expéditeur rattaché.");
  const keyid = `${slug}-2026-01`;
  await page.getByLabel("Identifiant de la nouvelle clé").fill(keyid);
  await page
    .getByLabel(/Clé publique Ed25519/)
    .fill(generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString());
  await page.getByRole("button", { name: "Ajouter la clé" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`Clé ${keyid} ajoutée.`);
  await expect(page.getByTestId(`key-state-${keyid}`)).toHaveText("Active");

  // A private key pasted by mistake is refused with the reason.
  await page.getByLabel("Identifiant de la nouvelle clé").fill(`${slug}-bad`);
  await page
    .getByLabel(/Clé publique Ed25519/)
    .fill(generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  await page.getByRole("button", { name: "Ajouter la clé" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Clé publique : c'est une clé PRIVÉE");
  // … beside the field, which is marked; what was typed is kept, except the private key.
  const pem = page.getByLabel(/Clé publique Ed25519/);
  await expect(pem).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#publicKeyPem-error")).toContainText("C'est une clé PRIVÉE");
  await expect(pem).toHaveValue("");
  await expect(page.getByLabel("Identifiant de la nouvelle clé")).toHaveValue(`${slug}-bad`);
  await expect(page.getByLabel("Identifiant de la nouvelle clé")).not.toHaveAttribute("aria-invalid", "true");

  // Destructive: a confirmation page first; cancelling changes nothing.
  await page.getByRole("button", { name: `Révoquer la clé ${keyid}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Révoquer la clé ${keyid} ?`);
  await page.getByRole("link", { name: "Annuler" }).click();
  await expect(page.getByTestId(`key-state-${keyid}`)).toHaveText("Active");
  await page.getByRole("button", { name: `Révoquer la clé ${keyid}` }).click();
  await page.getByRole("button", { name: "Révoquer la clé", exact: true }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`Clé ${keyid} révoquée.`);
  await expect(page.getByTestId(`key-state-${keyid}`)).toContainText("Révoquée");
  // The message was shown once: it is not in the URL and a reload does not show it again.
  expect(page.url()).not.toContain("ok=");
  await page.reload();
  await expect(page.getByRole("main").getByRole("status")).toHaveCount(0);

  const { rows } = await e2eDb().query(
    "SELECT action, actor_label FROM audit_logs WHERE target_id IN ($1, $2) ORDER BY id",
    [slug, keyid],
  );
  expect(rows).toEqual([
    { action: "provider.create", actor_label: admin },
    { action: "provider.sender.link", actor_label: admin },
    { action: "provider.key.add", actor_label: admin },
    { action: "provider.key.revoke", actor_label: admin },
  ]);
  await page.goto("/staff/audit");
  await expect(page.getByTestId("audit-table")).toContainText("provider.key.revoke");
  // In words, filtered by who and what.
  await page.getByLabel("Qui (adresse, ou « cli: »)").fill(admin);
  await page.getByLabel("Action").selectOption({ label: "Clé de fournisseur révoquée" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByTestId("audit-count")).toHaveText(/^1 entrée, page 1 sur 1\.$/);
  await expect(page.getByTestId("audit-table")).toContainText("Clé de fournisseur révoquée");
  await expect(page.getByTestId("audit-table")).not.toContainText("Fournisseur enregistré");
});

test("an analyst handles a complaint: status change and note, audited", async ({ page }) => {
  const analyst = await signInAs(page, "analyst");
  const { rows } = await e2eDb().query("SELECT id FROM complaints WHERE status = 'new' ORDER BY id LIMIT 1");
  const id = rows[0].id as string;
  await page.goto("/staff/complaints?status=new");
  await expect(page.getByTestId("complaints-count")).toHaveText(/^\d+ signalements?/);
  // The queue's filters: a day with nothing in it says so.
  await page.getByLabel("Reçus du").fill("2001-01-01");
  await page.getByLabel("au", { exact: true }).fill("2001-01-02");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByTestId("complaints-count")).toHaveText("Aucun signalement ne correspond.");
  await page.goto("/staff/complaints?status=new");
  await page.getByRole("link", { name: id }).click();
  await page.getByLabel("Nouveau statut").selectOption("reviewing");
  await page.getByLabel("Note (facultative)").fill("Demande de pièces au fournisseur.");
  await page.getByRole("button", { name: "Changer le statut" }).click();
  await expect(page.getByTestId("complaint-status")).toHaveText("En examen");
  await expect(page.getByText("Demande de pièces au fournisseur.")).toBeVisible();
  const audit = await e2eDb().query(
    "SELECT actor_label, before, after FROM audit_logs WHERE action = 'complaint.status' AND target_id = $1",
    [id],
  );
  expect(audit.rows).toEqual([{ actor_label: analyst, before: { status: "new" }, after: { status: "reviewing" } }]);
});

test("an analyst sees no admin forms and a direct POST to an admin action is refused", async ({ page }) => {
  await signInAs(page, "analyst");
  await page.goto("/staff/providers");
  await expect(page.getByRole("heading", { name: "Enregistrer un fournisseur" })).toHaveCount(0);
  await page.goto("/staff/providers/acme-telecom");
  await expect(page.getByRole("button", { name: "Ajouter la clé" })).toHaveCount(0);
  await page.goto("/staff/audit");
  await expect(page.getByRole("heading", { name: "Accès refusé" })).toBeVisible();

  const slug = `sneaky-${randomBytes(3).toString("hex")}`;
  const response = await page.request.post("/staff/actions/provider-create", {
    form: { slug, name: "Sneaky", anrtNumber: slug },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  const revoke = await page.request.post("/staff/actions/provider-key-revoke", {
    form: { keyid: "acme-telecom-demo-01" },
    maxRedirects: 0,
  });
  expect(revoke.status()).toBe(403);
  const { rows } = await e2eDb().query(
    "SELECT (SELECT count(*)::int FROM providers WHERE slug = $1) AS created, (SELECT count(*)::int FROM provider_keys WHERE keyid = 'acme-telecom-demo-01' AND revoked_at IS NOT NULL) AS revoked",
    [slug],
  );
  expect(rows[0]).toEqual({ created: 0, revoked: 0 });
});

test("suspending a provider and revoking a key ask for confirmation, also when the form is posted directly", async ({
  page,
}) => {
  await signInAs(page, "admin");
  const slug = `pause-${randomBytes(3).toString("hex")}`;
  const keyid = `${slug}-01`;
  await page.goto("/staff/providers");
  await page.getByLabel("Identifiant (ex. acme-telecom)").fill(slug);
  await page.getByLabel("Raison sociale").fill("Pause SA");
  await page.getByLabel("Numéro de déclaration ANRT").fill(`ANRT/${slug}`);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await page.goto(`/staff/providers/${slug}`);
  await page.getByLabel("Identifiant de la nouvelle clé").fill(keyid);
  await page
    .getByLabel(/Clé publique Ed25519/)
    .fill(generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString());
  await page.getByRole("button", { name: "Ajouter la clé" }).click();

  // A direct POST without confirm=yes does nothing but ask.
  const direct = await page.request.post("/staff/actions/provider-key-revoke", {
    form: { keyid, back: `/staff/providers/${slug}` },
    maxRedirects: 0,
  });
  expect([direct.status(), direct.headers()["location"]]).toEqual([303, "/staff/confirm"]);
  const state = async () =>
    (
      await e2eDb().query(
        "SELECT p.status, k.revoked_at IS NOT NULL AS revoked FROM providers p JOIN provider_keys k ON k.provider_id = p.id WHERE k.keyid = $1",
        [keyid],
      )
    ).rows[0];
  expect(await state()).toEqual({ status: "active", revoked: false });
  const confirmed = await page.request.post("/staff/actions/provider-key-revoke", {
    form: { keyid, back: `/staff/providers/${slug}`, confirm: "yes" },
    maxRedirects: 0,
  });
  expect(confirmed.status()).toBe(303);
  expect(await state()).toEqual({ status: "active", revoked: true });

  // Suspension through the page: the danger-styled confirmation, then the change.
  await page.goto(`/staff/providers/${slug}`);
  await page.getByLabel("Statut").selectOption("suspended");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Suspendre le fournisseur ${slug} ?`);
  const danger = page.getByRole("button", { name: "Suspendre le fournisseur" });
  // Tailwind's red-700, not the brand green of every other button.
  const colours = await danger.evaluate((button) => {
    const probe = (className: string) => {
      const element = document.createElement("span");
      element.className = className;
      document.body.append(element);
      const colour = getComputedStyle(element).backgroundColor;
      element.remove();
      return colour;
    };
    return { button: getComputedStyle(button).backgroundColor, red: probe("bg-red-700"), brand: probe("bg-brand-700") };
  });
  expect(colours.button).toBe(colours.red);
  expect(colours.button).not.toBe(colours.brand);
  expect(await state()).toEqual({ status: "active", revoked: true });
  await danger.click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Fournisseur mis à jour.");
  expect(await state()).toEqual({ status: "suspended", revoked: true });
});

test("a staff page that does not exist, or a complaint that does not, gets the French 'page introuvable' inside the staff layout", async ({
  page,
}) => {
  await signInAs(page, "analyst");
  for (const path of ["/staff/nothing-here", "/staff/complaints/C-ZZZZZ-ZZZZZ"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page.getByRole("navigation", { name: "Espace CNDP" })).toBeVisible();
    await expect(page).toHaveTitle(/Espace CNDP · StopSMS$/);
  }
});

test("an admin registers a list source, edits and suspends it (audited); its page ranks who uses it", async ({
  page,
}) => {
  const admin = await signInAs(page, "admin");
  const code = `fichiers-${randomBytes(3).toString("hex")}`;
  await page.goto("/staff/sources");
  // The demo's broker draws the most "I never agreed" reports: first in the ranking.
  await expect(page.getByTestId("sources-table").locator("tbody tr").first()).toContainText("DataBroker X");
  await page.getByLabel("Code (ex. databroker-x)").fill(code);
  await page.getByLabel("Raison sociale").fill("Fichiers Test SARL");
  await page.getByLabel("Nature").selectOption("broker");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`Source ${code} enregistrée.`);

  await page.getByRole("link", { name: "Fichiers Test SARL" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Fichiers Test SARL");
  await page.getByLabel("N° RC ou ANRT", { exact: true }).fill("RC 998877");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Source mise à jour.");
  await page.getByRole("button", { name: "Suspendre la source" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Source suspendue");
  await expect(page.getByText(/suspendue depuis le/)).toBeVisible();

  const { rows } = await e2eDb().query(
    "SELECT action, actor_label FROM audit_logs WHERE target_type = 'source' AND target_id = $1 ORDER BY id",
    [code],
  );
  expect(rows).toEqual([
    { action: "source.create", actor_label: admin },
    { action: "source.update", actor_label: admin },
    { action: "source.suspend", actor_label: admin },
  ]);

  await page.goto("/staff/sources/databroker-x");
  await expect(page.getByTestId("source-uses")).toContainText("Acme");
});
