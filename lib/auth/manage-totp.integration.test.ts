import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { uniqueSlug } from "@/lib/testing/fixtures";
import { createStaffUser } from "./create-staff-user";
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from "./manage-totp";
import { spendRecoveryCode } from "./recovery-codes";
import { currentTotp } from "./totp";

const staff = vi.hoisted(() => ({ id: 0, email: "" }));
vi.mock("./require-staff", () => ({
  requireStaff: async () => ({ ...staff, role: "analyst", actor: { kind: "staff", id: staff.id, email: staff.email } }),
}));

describe("TOTP codes are single use everywhere", () => {
  it("the code that confirmed enrolment cannot disable 2FA (a code seen over a shoulder is worth nothing)", async () => {
    const email = `${uniqueSlug("totp")}@cndp.example`;
    const user = await createStaffUser(
      { kind: "cli", label: "test" },
      { email, role: "analyst", password: "a long passphrase" },
    );
    Object.assign(staff, { id: user.id, email });
    const { secret } = await startTotpEnrolment();
    const code = currentTotp(secret, email);
    await confirmTotpEnrolment({ code });
    await expect(disableTotp({ code })).rejects.toThrow(/does not match/);
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
    await expect(confirmTotpEnrolment({ code })).rejects.toThrow(/does not match/);
  });

  it("a wrong code keeps the pending secret; activation gives 10 recovery codes, each usable once, that can turn it off", async () => {
    const email = `${uniqueSlug("totp")}@cndp.example`;
    const user = await createStaffUser(
      { kind: "cli", label: "test" },
      { email, role: "analyst", password: "a long passphrase" },
    );
    Object.assign(staff, { id: user.id, email });
    const first = await startTotpEnrolment();
    await expect(confirmTotpEnrolment({ code: "000000" })).rejects.toThrow(/does not match/);
    expect((await startTotpEnrolment()).secret).toBe(first.secret);
    expect((await startTotpEnrolment(true)).secret).not.toBe(first.secret);
    const { secret } = await startTotpEnrolment();
    const codes = await confirmTotpEnrolment({ code: currentTotp(secret, email) });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await spendRecoveryCode(user.id, codes[0]!.toLowerCase())).toBe(true);
    expect(await spendRecoveryCode(user.id, codes[0]!)).toBe(false);
    expect(await spendRecoveryCode(user.id, "AAAA-AAAA-AAAA-AAAA")).toBe(false);
    await disableTotp({ code: codes[1] });
    const after = await db().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.totpEnabledAt).toBeNull();
    expect(await db().staffRecoveryCode.count({ where: { staffUserId: user.id } })).toBe(0);
  });
});
