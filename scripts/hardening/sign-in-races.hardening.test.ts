import { describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/audit/write-audit";
import { createStaffUser } from "@/lib/auth/create-staff-user";
import { db } from "@/lib/db/client";
import { uniqueSlug } from "@/lib/testing/fixtures";
import { startAppServer } from "@/scripts/lib/app-server";
import { nextIp, recordResult } from "./results";

const PORT = 3237;
const PASSWORD = "correct horse battery staple";
const cli: Actor = { kind: "cli", label: "hardening" };

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe("staff sign-in cannot be raced or bypassed", () => {
  it("200 parallel wrong passwords: at most 5 checked, the pair locked; Auth.js's own credentials callback is closed", async () => {
    const server = await startAppServer(inject("databaseUrl"), PORT);
    try {
      const email = `${uniqueSlug("race")}@cndp.example`;
      await createStaffUser(cli, { email, role: "admin", password: PASSWORD });
      const ip = nextIp();
      const post = (password: string, from = ip) =>
        fetch(`${server.url}/staff/sign-in/submit`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": from },
          body: form({ email, password }),
          redirect: "manual",
        });
      const answers = await Promise.all(Array.from({ length: 200 }, () => post("wrong")));
      const checked = await db().auditLog.count({
        where: { targetId: email, action: { in: ["staff.signin.failed", "staff.locked"] } },
      });
      expect(checked).toBeLessThanOrEqual(5);
      expect(answers.every((r) => r.status === 303 || r.status === 429)).toBe(true);
      // The right password from the same address is now refused: no session cookie.
      const after = await post(PASSWORD, ip);
      expect(after.headers.getSetCookie().some((c) => c.includes("session-token"))).toBe(false);

      // Auth.js's own endpoint would skip the rate limit and the address-bound lock-out: it is closed.
      const other = `${uniqueSlug("cb")}@cndp.example`;
      await createStaffUser(cli, { email: other, role: "admin", password: PASSWORD });
      const csrf = await fetch(`${server.url}/api/auth/csrf`);
      const token = ((await csrf.json()) as { csrfToken: string }).csrfToken;
      const cookie = csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const direct = await Promise.all(
        Array.from({ length: 25 }, () =>
          fetch(`${server.url}/api/auth/callback/credentials`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", cookie },
            body: form({ email: other, password: PASSWORD, csrfToken: token }),
            redirect: "manual",
          }),
        ),
      );
      expect(direct.map((r) => r.status)).toEqual(Array(25).fill(404));
      expect(direct.some((r) => r.headers.getSetCookie().some((c) => c.includes("session-token")))).toBe(false);
      recordResult("sign-in races", {
        "parallel wrong passwords from one address": 200,
        "passwords actually checked (argon2)": checked,
        "right password afterwards from that address": "refused (locked)",
        "posts to /api/auth/callback/credentials": "25 × 404, no session",
      });
    } finally {
      await server.stop();
    }
  });
});
