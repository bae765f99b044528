import "server-only";
import { db } from "@/lib/db/client";
import { codeMatches } from "./code-hash";
import { CODE_RULES } from "./rules";

export type VerifyCodeResult = { status: "verified" } | { status: "wrong"; triesLeft: number } | { status: "expired" };

/**
 * Checks a code against the number's latest one. The try is counted before the comparison, in the same
 * statement that refuses a used, expired or exhausted code, so parallel guesses cannot exceed five; the
 * code is then spent by a conditional update, so it opens at most one session.
 */
export async function verifyCode(input: { phone: string; code: string; now?: Date }): Promise<VerifyCodeResult> {
  const code = input.code.replace(/\s/g, "");
  const now = input.now ?? new Date();
  const rows = await db().$queryRaw<{ id: bigint; code_hash: Uint8Array; tries: number }[]>`
    UPDATE verification_codes SET tries = tries + 1
    WHERE id = (SELECT id FROM verification_codes WHERE phone = ${input.phone} ORDER BY created_at DESC, id DESC LIMIT 1)
      AND used_at IS NULL AND expires_at > ${now} AND tries < ${CODE_RULES.maxTries}
    RETURNING id, code_hash, tries`;
  const row = rows[0];
  if (!row) return { status: "expired" };
  if (!/^\d{6}$/.test(code) || !codeMatches(row.code_hash, input.phone, code)) {
    const triesLeft = CODE_RULES.maxTries - row.tries;
    return triesLeft > 0 ? { status: "wrong", triesLeft } : { status: "expired" };
  }
  const spent = await db()
    .$executeRaw`UPDATE verification_codes SET used_at = ${now} WHERE id = ${row.id} AND used_at IS NULL`;
  return spent === 1 ? { status: "verified" } : { status: "expired" };
}
