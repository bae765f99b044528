import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { signPack, type SignedPack } from "./sign-pack";

export interface IssuedPack {
  pack: SignedPack;
  /** The JSON file exactly as delivered (alone, or attached to the PDF). */
  file: Buffer;
  /** SHA-256 of `file`, hex: the fingerprint printed on the PDF and known to /verify-pack. */
  fingerprint: string;
}

export const packFileOf = (pack: SignedPack) => Buffer.from(`${JSON.stringify(pack, null, 2)}\n`, "utf8");
export const fingerprintOf = (file: Uint8Array) => createHash("sha256").update(file).digest("hex");

const KINDS = ["complaint", "originator", "provider", "integrity_alert"] as const;

/** What a pack is about, from its subject: complaint, originator, provider, integrity-alert (or other). */
export const packKindOf = (subject: Record<string, unknown>) =>
  (KINDS.find((k) => k in subject) ?? "other").replace("_", "-");

/** Signs a built pack and records its fingerprint, so that anyone can later ask whether StopSMS issued it. */
export async function issueEvidencePack(document: { subject: Record<string, unknown> }): Promise<IssuedPack> {
  const pack = signPack(document);
  const file = packFileOf(pack);
  const fingerprint = fingerprintOf(file);
  await db().evidencePack.create({
    data: { fingerprint, kind: packKindOf(document.subject), subject: document.subject as object, size: file.length },
  });
  return { pack, file, fingerprint };
}
