import { expectNoSeriousA11yViolations } from "../support/axe";
import { e2eDb } from "../support/db";
import { ensureDemoData, expect, signInAs, test } from "../support/staff";
import type { Page } from "@playwright/test";

type Role = "anonymous" | "analyst" | "admin";
type Outcome = "sign-in" | "denied" | "allowed";

const PAGES: [string, Record<Role, Outcome>][] = [
  ["/staff", { anonymous: "sign-in", analyst: "allowed", admin: "allowed" }],
  ["/staff/complaints", { anonymous: "sign-in", analyst: "allowed", admin: "allowed" }],
  ["/staff/complaints/{first}", { anonymous: "sign-in", analyst: "allowed", admin: "allowed" }],
  ["/staff/providers", { anonymous: "sign-in", analyst: "allowed", admin: "allowed" }],
  ["/staff/providers/acme-telecom", { anonymous: "sign-in", analyst: "allowed", admin: "allowed" }],
  ["/staff/senders", { anonymous: "sign-in", analyst: "allowed", admin: "allowed" }],
  ["/staff/sources", { anonymous: "sign-in", analyst: "allowed", admin: "allowed" }],
  ["/staff/sources/databroker-x", { anonymous: "sign-in", analyst: "allowed", admin: "allowed" }],
  ["/staff/audit", { anonymous: "sign-in", analyst: "denied", admin: "allowed" }],
  ["/staff/security", { anonymous: "sign-in", analyst: "allowed", admin: "allowed" }],
];

const EXPORTS = ["daily", "senders", "compliance", "complaints"];

// Every staff action, by the role it needs (a unit test fails when an action is missing here).
import { ADMIN_ACTIONS, ANALYST_ACTIONS } from "../support/staff-action-roles";

async function as(role: Role, page: Page) {
  if (role !== "anonymous") await signInAs(page, role);
}

let firstComplaint = "";
test.beforeAll(async () => {
  ensureDemoData();
  firstComplaint = (await e2eDb().query("SELECT id FROM complaints ORDER BY id LIMIT 1")).rows[0].id;
});
const resolve = (path: string) => path.replace("{first}", firstComplaint);

for (const role of ["anonymous", "analyst", "admin"] as const) {
  test(`authorization matrix for ${role}: every staff page, export and action`, async ({ page }) => {
    test.setTimeout(90_000);
    await as(role, page);
    for (const [path, expected] of PAGES) {
      const response = await page.goto(resolve(path));
      const outcome = page.url().includes("/staff/sign-in")
        ? "sign-in"
        : (await page.getByRole("heading", { name: "Accès refusé" }).count()) > 0
          ? "denied"
          : "allowed";
      expect(`${path}: ${outcome}`).toBe(`${path}: ${expected[role]}`);
      if (outcome === "allowed") expect(response?.status()).toBe(200);
    }
    for (const table of EXPORTS) {
      const response = await page.request.get(`/staff/export/${table}?range=30d`, { maxRedirects: 0 });
      expect(`${table}: ${response.status()}`).toBe(`${table}: ${role === "anonymous" ? 401 : 200}`);
    }
    for (const action of [...ADMIN_ACTIONS, ...ANALYST_ACTIONS]) {
      // Empty forms: an allowed call comes back to the page with a validation message, never a 403.
      const response = await page.request.post(`/staff/actions/${action}`, {
        form: { back: "/staff" },
        maxRedirects: 0,
      });
      const location = response.headers()["location"] ?? "";
      const outcome =
        response.status() === 403 ? "denied" : location.startsWith("/staff/sign-in") ? "sign-in" : "allowed";
      const expected =
        role === "anonymous" ? "sign-in" : role === "analyst" && ADMIN_ACTIONS.includes(action) ? "denied" : "allowed";
      expect(`${action}: ${outcome}`).toBe(`${action}: ${expected}`);
    }
  });
}

test("staff pages have no serious accessibility violation", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/staff/sign-in");
  await expectNoSeriousA11yViolations(page);
  await signInAs(page, "admin");
  for (const path of PAGES.map(([p]) => resolve(p))) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
});
