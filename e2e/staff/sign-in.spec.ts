import { TOTP, Secret } from "otpauth";
import { e2eDb } from "../support/db";
import { expect, newStaff, PASSWORD, signIn, signInAs, test } from "../support/staff";

test("sign in, see the dashboard, sign out", async ({ page }) => {
  const email = await signInAs(page, "analyst");
  await expect(page.getByText(`${email} (analyste)`)).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByText("Vous êtes déconnecté.")).toBeVisible();
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  const { email } = newStaff("analyst");
  await signIn(page, email, "not the password at all");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Adresse ou mot de passe incorrect.");
  await signIn(page, "nobody@cndp.example", PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Adresse ou mot de passe incorrect.");
});

test("five failures lock the account, even against the right password, and it is audited", async ({ page }) => {
  const { email } = newStaff("admin");
  for (let i = 0; i < 5; i++) await signIn(page, email, `wrong-${i}-password`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("verrouillé pendant 15 minutes");
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("verrouillé");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  const { rows } = await e2eDb().query("SELECT action FROM audit_logs WHERE target_id = $1 ORDER BY id", [email]);
  expect(rows.map((r) => r.action)).toEqual([
    "staff.create",
    "staff.signin.failed",
    "staff.signin.failed",
    "staff.signin.failed",
    "staff.signin.failed",
    "staff.locked",
  ]);
});

test("TOTP: enrol with the QR code's secret, then the code is required at sign-in", async ({ page }) => {
  const email = await signInAs(page, "analyst");
  await page.goto("/staff/security");
  await page.getByRole("link", { name: "Activer la double authentification" }).click();
  await expect(page.getByRole("img", { name: "QR code d'enrôlement TOTP" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!;
  const totp = new TOTP({
    issuer: "StopSMS CNDP",
    label: email,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
  // A wrong code comes back to the same QR code, the one already scanned.
  await page.getByLabel("Code à 6 chiffres").fill("000000");
  await page.getByRole("button", { name: "Activer" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  await expect(page.getByTestId("totp-secret")).toHaveText(secret);
  await page.getByLabel("Code à 6 chiffres").fill(totp.generate());
  await page.getByRole("button", { name: "Activer" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toContainText("Double authentification activée.");
  // Ten recovery codes, shown once.
  const codes = (await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
  await page.reload();
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
  await expect(page.getByTestId("recovery-left")).toHaveText("10");

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await signIn(page, email);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Saisissez le code à 6 chiffres");
  await signIn(page, email, PASSWORD, "000000");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Le code à 6 chiffres est incorrect.");
  // A lost phone: a recovery code signs in, once.
  await signIn(page, email, PASSWORD, codes[0]);
  await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord" })).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await signIn(page, email, PASSWORD, codes[0]);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Le code à 6 chiffres est incorrect.");
  // The enrolment's code was used once: sign-in takes the next one (the server accepts one step ahead).
  await signIn(page, email, PASSWORD, totp.generate({ timestamp: Date.now() + 30_000 }));
  await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord" })).toBeVisible();

  // Turning it off is a danger action, confirmed on a page of its own with a code.
  await page.goto("/staff/security");
  await expect(page.getByTestId("recovery-left")).toHaveText("9");
  await page.getByRole("button", { name: "Désactiver…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Désactiver la double authentification ?");
  await page.getByLabel("Code actuel de votre application, ou code de secours").fill(codes[1]!);
  await page.getByRole("button", { name: "Désactiver la double authentification" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Double authentification désactivée.");
  await expect(page.getByRole("link", { name: "Activer la double authentification" })).toBeVisible();
});

test("sign-in is rate-limited per address with 429 and Retry-After", async ({ request }) => {
  const headers = { "X-Forwarded-For": "10.250.250.250" };
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++) {
    const response = await request.post("/staff/sign-in/submit", {
      form: { email: "x@y.example", password: "nope" },
      headers,
      maxRedirects: 0,
    });
    statuses.push(response.status());
    if (response.status() === 429) expect(response.headers()["retry-after"]).toMatch(/^\d+$/);
  }
  expect(statuses.filter((s) => s === 303)).toHaveLength(20);
  expect(statuses.at(-1)).toBe(429);
});
