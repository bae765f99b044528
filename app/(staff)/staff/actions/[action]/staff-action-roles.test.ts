import { describe, expect, it, vi } from "vitest";
import { ADMIN_ACTIONS, ANALYST_ACTIONS } from "@/e2e/support/staff-action-roles";
import { STAFF_ACTIONS } from "./staff-actions";

// Only the action names are read: Auth.js (which does not load outside Next) is never called.
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("@/lib/auth/auth", () => ({ auth: async () => null, signIn: async () => undefined }));

describe("the staff actions' authorization matrix", () => {
  it("names every action the route answers, with the role it needs (an action cannot be added untried)", () => {
    expect([...ADMIN_ACTIONS, ...ANALYST_ACTIONS].sort()).toEqual(Object.keys(STAFF_ACTIONS).sort());
  });
});
