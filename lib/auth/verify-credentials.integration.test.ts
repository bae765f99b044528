import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/write-audit";
import { db } from "@/lib/db/client";
import { uniqueSlug } from "@/lib/testing/fixtures";
import { createStaffUser } from "./create-staff-user";
import { currentTotp } from "./totp";
import { unlockStaffAccount } from "./unlock-staff-account";
import { verifyCredentials } from "./verify-credentials";

const cli: Actor = { kind: "cli", label: "test" };
const PASSWORD = "a long enough passphrase";

async function member(): Promise<string> {
  const email = `${uniqueSlug("lock")}@cndp.example`;
  await createStaffUser(cli, { email, role: "analyst", password: PASSWORD });
  return email;
}

/** Password or TOTP checks that actually ran: each writes one audit row (failed, or the locking one). */
async function verifiedFailures(email: string): Promise<number> {
  return db().auditLog.count({ where: { targetId: email, action: { in: ["staff.signin.failed", "staff.locked"] } } });
}

describe("verifyCredentials lock-out", () => {
  it("locks an (account, address) pair after five failures, not the account everywhere, and unlocks after the period", async () => {
    const email = await member();
    const at = (address: string, password: string) => verifyCredentials({ email, password, address });
    for (let i = 0; i < 4; i++) expect(await at("10.0.0.1", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await at("10.0.0.1", "wrong")).toEqual({ ok: false, reason: "locked" });
    expect(await at("10.0.0.1", PASSWORD)).toEqual({ ok: false, reason: "locked" });
    // Someone else guessing from 10.0.0.1 does not lock the member out at their own desk.
    expect(await at("10.0.0.2", PASSWORD)).toMatchObject({ ok: true });
    await db().signInAttempt.update({
      where: { email_address: { email, address: "10.0.0.1" } },
      data: { lockedUntil: new Date(Date.now() - 1000) },
    });
    expect(
      await verifyCredentials({ email: email.toUpperCase(), password: PASSWORD, address: "10.0.0.1" }),
    ).toMatchObject({ ok: true });
  });

  it("lets at most five of 200 parallel wrong passwords reach argon2, and locks the pair", async () => {
    const email = await member();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => verifyCredentials({ email, password: "wrong", address: "10.0.1.1" })),
    );
    expect(await verifiedFailures(email)).toBeLessThanOrEqual(5);
    expect(results.filter((r) => !r.ok && r.reason === "invalid").length).toBeLessThanOrEqual(4);
    expect(await verifyCredentials({ email, password: PASSWORD, address: "10.0.1.1" })).toEqual({
      ok: false,
      reason: "locked",
    });
  });

  it("wrong passwords from many addresses never lock the holder out: the account only slows, staff are alerted, an admin unlocks", async () => {
    const email = await member();
    // A distributed guesser: 30 addresses, two wrong passwords each, at once.
    const guesses = Array.from({ length: 30 }, (_, i) => [`10.7.${i}.1`, `10.7.${i}.1`]).flat();
    await Promise.all(guesses.map((address) => verifyCredentials({ email, password: "wrong", address })));
    expect(await verifyCredentials({ email, password: PASSWORD, address: "10.8.0.1" })).toMatchObject({ ok: true });
    expect(await db().auditLog.count({ where: { targetId: email, action: "staff.signin.account-throttled" } })).toBe(1);
    // A locked pair, cleared by an admin.
    for (let i = 0; i < 5; i++) await verifyCredentials({ email, password: "wrong", address: "10.9.0.1" });
    expect(await verifyCredentials({ email, password: PASSWORD, address: "10.9.0.1" })).toEqual({
      ok: false,
      reason: "locked",
    });
    expect((await unlockStaffAccount(cli, email)).cleared).toBeGreaterThan(0);
    expect(await verifyCredentials({ email, password: PASSWORD, address: "10.9.0.1" })).toMatchObject({ ok: true });
  });

  it("doubles the lock each time the same pair is locked again", async () => {
    const email = await member();
    const tryFive = async () => {
      for (let i = 0; i < 5; i++) await verifyCredentials({ email, password: "wrong", address: "10.0.2.1" });
    };
    await tryFive();
    const first = await db().signInAttempt.findUniqueOrThrow({
      where: { email_address: { email, address: "10.0.2.1" } },
    });
    await db().signInAttempt.update({
      where: { email_address: { email, address: "10.0.2.1" } },
      data: { lockedUntil: new Date(Date.now() - 1) },
    });
    await new Promise((resolve) => setTimeout(resolve, 61_000 / 60)); // distinct timestamps
    await tryFive();
    const second = await db().signInAttempt.findUniqueOrThrow({
      where: { email_address: { email, address: "10.0.2.1" } },
    });
    const minutes = (row: typeof first) => (row.lockedUntil!.getTime() - row.updatedAt.getTime()) / 60_000;
    expect(Math.round(minutes(first))).toBe(15);
    expect(Math.round(minutes(second))).toBe(30);
  });

  it("answers an unknown email exactly like a known one, lock-out included", async () => {
    const unknown = `${uniqueSlug("nobody")}@cndp.example`;
    const known = await member();
    const run = async (email: string) => {
      const out = [];
      for (let i = 0; i < 6; i++) out.push(await verifyCredentials({ email, password: "wrong", address: "10.0.3.1" }));
      return out;
    };
    expect(await run(unknown)).toEqual(await run(known));
  });
});

describe("TOTP codes", () => {
  async function enrolled(): Promise<{ email: string; secret: string }> {
    const email = await member();
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    await db().staffUser.update({ where: { email }, data: { totpSecret: secret, totpEnabledAt: new Date() } });
    return { email, secret };
  }

  it("accepts a code once: the same code a second time is refused", async () => {
    const { email, secret } = await enrolled();
    const code = currentTotp(secret, email);
    expect(await verifyCredentials({ email, password: PASSWORD, code, address: "10.0.4.1" })).toMatchObject({
      ok: true,
    });
    expect(await verifyCredentials({ email, password: PASSWORD, code, address: "10.0.4.2" })).toEqual({
      ok: false,
      reason: "totp-invalid",
    });
  });

  it("lets at most five of 60 parallel wrong codes be checked, then refuses even the right one from that address", async () => {
    const { email, secret } = await enrolled();
    const right = currentTotp(secret, email);
    const wrong = Array.from({ length: 60 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, "0"));
    await Promise.all(wrong.map((code) => verifyCredentials({ email, password: PASSWORD, code, address: "10.0.5.1" })));
    expect(await verifiedFailures(email)).toBeLessThanOrEqual(5);
    expect(await verifyCredentials({ email, password: PASSWORD, code: right, address: "10.0.5.1" })).toEqual({
      ok: false,
      reason: "locked",
    });
  });

  it("does not count the password step that asks for the code as a failure", async () => {
    const { email } = await enrolled();
    for (let i = 0; i < 6; i++)
      expect(await verifyCredentials({ email, password: PASSWORD, address: "10.0.6.1" })).toEqual({
        ok: false,
        reason: "totp-required",
      });
  });
});
