import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { uniqueSlug } from "@/lib/testing/fixtures";
import { createStaffUser } from "./create-staff-user";
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment } from "./manage-totp";
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
});
