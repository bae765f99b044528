import { randomBytes } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import { createStaff, seedDemo, uniqueIp } from "./fixtures";

export const PASSWORD = "correct horse battery staple";

// Each test comes from its own address, so the sign-in rate limit of one test never hits another.
export const test = base.extend<object>({
  extraHTTPHeaders: async ({}, provide) => {
    await provide({ "X-Forwarded-For": uniqueIp() });
  },
});
export { expect };

let seeded = false;
/** The demo data set, once per run (the seed itself is idempotent). */
export function ensureDemoData() {
  if (!seeded) seedDemo();
  seeded = true;
}

export function newStaff(role: "admin" | "analyst"): { email: string } {
  const email = `${role}-${randomBytes(4).toString("hex")}@cndp.example`;
  createStaff(email, role, PASSWORD);
  return { email };
}

export async function signIn(page: Page, email: string, password = PASSWORD, code?: string) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Adresse électronique").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  if (code) await page.getByLabel(/Code à 6 chiffres/).fill(code);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

export async function signInAs(page: Page, role: "admin" | "analyst") {
  const { email } = newStaff(role);
  await signIn(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Tableau de bord" })).toBeVisible();
  return email;
}
