import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db/client";

// Recovery codes: 10 per member, 80 random bits each, written XXXX-XXXX-XXXX-XXXX in base32 (no 0/1/8/9 to
// misread); shown once, kept as SHA-256, each accepted once in place of a TOTP code.
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
export const RECOVERY_CODE = /^[A-Z2-7]{4}(-?[A-Z2-7]{4}){3}$/;
const COUNT = 10;

const normalise = (code: string) => code.trim().toUpperCase().replace(/[\s-]/g, "");
const hashOf = (code: string) => createHash("sha256").update(normalise(code)).digest();

function newCode(): string {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join("-");
}

/** Replaces a member's codes by 10 new ones, in the caller's transaction; answers them (to be shown once). */
export async function issueRecoveryCodes(tx: Tx, staffUserId: number): Promise<string[]> {
  const codes = Array.from({ length: COUNT }, newCode);
  await tx.staffRecoveryCode.deleteMany({ where: { staffUserId } });
  await tx.staffRecoveryCode.createMany({ data: codes.map((code) => ({ staffUserId, codeHash: hashOf(code) })) });
  return codes;
}

/** Uses one recovery code: true once for each code, false for any other text (one atomic update). */
export async function spendRecoveryCode(staffUserId: number, code: string, client: Tx = db()): Promise<boolean> {
  if (!RECOVERY_CODE.test(code.trim().toUpperCase())) return false;
  const used = await client.$executeRaw`
    UPDATE staff_recovery_codes SET used_at = now()
    WHERE staff_user_id = ${staffUserId} AND code_hash = ${hashOf(code)} AND used_at IS NULL`;
  return used === 1;
}

export async function countUnusedRecoveryCodes(staffUserId: number): Promise<number> {
  return db().staffRecoveryCode.count({ where: { staffUserId, usedAt: null } });
}
