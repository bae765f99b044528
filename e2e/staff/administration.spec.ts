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
  await page.getByLabel("Expéditeurs autorisés").selectOption(["souk-market"]);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`Fournisseur ${slug} créé.`);

  await page.getByRole("link", { name: "Telco Test SA" }).click();
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
  await expect(page.getByRole("main").getByRole("alert")).toContainText("PRIVATE key");

  await page.getByRole("button", { name: `Révoquer la clé ${keyid}` }).click();
  await expect(page.getByTestId(`key-state-${keyid}`)).toContainText("Révoquée");

  const { rows } = await e2eDb().query(
    "SELECT action, actor_label FROM audit_logs WHERE target_id IN ($1, $2) ORDER BY id",
    [slug, keyid],
  );
  expect(rows).toEqual([
    { action: "provider.create", actor_label: admin },
    { action: "provider.key.add", actor_label: admin },
    { action: "provider.key.revoke", actor_label: admin },
  ]);
  await page.goto("/staff/audit");
  await expect(page.getByTestId("audit-table")).toContainText("provider.key.revoke");
});

test("an analyst handles a complaint: status change and note, audited", async ({ page }) => {
  const analyst = await signInAs(page, "analyst");
  const { rows } = await e2eDb().query("SELECT id FROM complaints WHERE status = 'new' ORDER BY id LIMIT 1");
  const id = rows[0].id as string;
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
