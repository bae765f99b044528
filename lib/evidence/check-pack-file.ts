import "server-only";
import { db } from "@/lib/db/client";
import { platformKey } from "@/lib/signing/platform-key";
import { fingerprintOf, packKindOf } from "./issue-evidence-pack";
import { verifyPack } from "./verify-pack";

export interface IssuedRecord {
  issuedAt: Date;
  kind: string;
}

export type PackFileCheck =
  | {
      valid: true;
      fingerprint: string;
      issued: IssuedRecord | null;
      /** What it is about: as recorded when issued, else read from its subject. */
      kind: string;
      subject: Record<string, unknown>;
    }
  | { valid: false; fingerprint: string; reason: string };

/** /verify-pack, a file dropped: its signature against the platform's keys, and whether it was issued. */
export async function checkPackFile(file: Uint8Array): Promise<PackFileCheck> {
  const fingerprint = fingerprintOf(file);
  const check = verifyPack(Buffer.from(file).toString("utf8"), { keys: [platformKey().jwk] });
  if (!check.valid) return { valid: false, fingerprint, reason: check.reason };
  const subject =
    check.document.subject && typeof check.document.subject === "object"
      ? (check.document.subject as Record<string, unknown>)
      : {};
  const issued = await findIssuedPack(fingerprint);
  return { valid: true, fingerprint, issued, kind: issued?.kind ?? packKindOf(subject), subject };
}

/** /verify-pack, a fingerprint pasted: when StopSMS issued it and of what kind (nothing of its content). */
export async function findIssuedPack(fingerprint: string): Promise<IssuedRecord | null> {
  if (!/^[0-9a-f]{64}$/.test(fingerprint)) return null;
  return db().evidencePack.findUnique({ where: { fingerprint }, select: { issuedAt: true, kind: true } });
}
