import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/write-audit";
import { changeComplaintStatus } from "@/lib/complaints/update-complaint";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { createProvider } from "@/lib/providers/create-provider";
import { updateProvider } from "@/lib/providers/update-provider";
import { uniqueSlug } from "@/lib/testing/fixtures";
import { setAdminTotpRequired } from "./admin-totp-policy";
import { assertActorMay } from "./assert-actor-may";
import { createStaffUser } from "./create-staff-user";

const cli: Actor = { kind: "cli", label: "test" };

async function staff(role: "admin" | "analyst"): Promise<Actor> {
  const user = await createStaffUser(cli, {
    email: `${uniqueSlug(role)}@cndp.example`,
    role,
    password: "a long enough passphrase",
  });
  return { kind: "staff", id: user.id, email: user.email };
}

describe("role checks inside lib functions", () => {
  it("lets an admin change the registry and refuses an analyst, whatever the caller checked", async () => {
    const [admin, analyst] = [await staff("admin"), await staff("analyst")];
    const slug = uniqueSlug("p");
    await createProvider(admin, { slug, name: "P", anrtNumber: slug });
    await expect(
      createProvider(analyst, { slug: uniqueSlug("p"), name: "P", anrtNumber: uniqueSlug("a") }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(updateProvider(analyst, { slug, name: "Hijacked", status: "suspended" })).rejects.toBeInstanceOf(
      DomainError,
    );
    expect((await db().provider.findUniqueOrThrow({ where: { slug } })).status).toBe("active");
  });

  it("applies a role change at once: a demoted admin is refused on the next call", async () => {
    const admin = await staff("admin");
    await db().staffUser.update({ where: { id: (admin as { id: number }).id }, data: { role: "analyst" } });
    await expect(
      createProvider(admin, { slug: uniqueSlug("p"), name: "P", anrtNumber: uniqueSlug("a") }),
    ).rejects.toMatchObject({ status: 403 });
  });
});

describe("complaint workflow", () => {
  it("follows new → reviewing → forwarded → closed and refuses jumps", async () => {
    const analyst = await staff("analyst");
    const created = await createComplaint(
      { reason: "other", senderSeen: "X", messageText: "y", receivedOn: "2026-11-20" },
      { defaultRegion: "MA", now: new Date("2026-11-23T00:00:00Z") },
    );
    const id = (created as { id: string }).id;
    await expect(changeComplaintStatus(analyst, { id, status: "forwarded" })).rejects.toMatchObject({ status: 409 });
    for (const status of ["reviewing", "forwarded", "closed"]) await changeComplaintStatus(analyst, { id, status });
    const audit = await db().auditLog.findMany({
      where: { targetId: id, action: "complaint.status" },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => (a.after as { status: string }).status)).toEqual(["reviewing", "forwarded", "closed"]);
  });
});

// The rule is global: it is switched on only here, in the one file whose tests act as administrators (they run
// one after another), and always switched off again.
const member = async (role: "admin" | "analyst", totp: boolean) => {
  const email = `${uniqueSlug(role)}@cndp.example`;
  const user = await createStaffUser(cli, { email, role, password: "a long passphrase" });
  if (totp)
    await db().staffUser.update({
      where: { id: user.id },
      data: { totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() },
    });
  return { kind: "staff", id: user.id, email } as const;
};

describe("administrators must use a second factor, when an administrator says so", () => {
  it("is set only by an administrator who has one; then an administrator without one has an analyst's rights", async () => {
    const [withTotp, without, analyst] = await Promise.all([
      member("admin", true),
      member("admin", false),
      member("analyst", false),
    ]);
    await expect(setAdminTotpRequired(without, true)).rejects.toThrow(/enrol your own/);
    await expect(setAdminTotpRequired(analyst, true)).rejects.toThrow(/role/);
    await assertActorMay(without, "admin");
    await setAdminTotpRequired(withTotp, true);
    try {
      await expect(assertActorMay(without, "admin")).rejects.toMatchObject({ key: { id: "auth.admin-totp-required" } });
      await assertActorMay(without, "analyst");
      await assertActorMay(withTotp, "admin");
      await expect(setAdminTotpRequired(without, false)).rejects.toThrow(/enrol your own/);
    } finally {
      await setAdminTotpRequired(cli, false);
    }
    expect(
      await db().auditLog.count({ where: { action: "settings.require-admin-totp", actorLabel: withTotp.email } }),
    ).toBe(1);
  });
});
