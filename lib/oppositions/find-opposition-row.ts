import "server-only";
import type { Tx } from "@/lib/db/client";
import type { OppositionTarget } from "./types";

export interface OppositionRow {
  id: bigint;
  withdrawn_at: Date | null;
  receipt_id: string;
  via_provider_id: number | null;
}

export async function findOppositionRow(
  tx: Tx,
  phone: string,
  target: OppositionTarget,
  forUpdate = false,
): Promise<OppositionRow | undefined> {
  const rows = forUpdate
    ? await tx.$queryRaw<OppositionRow[]>`
        SELECT id, withdrawn_at, receipt_id, via_provider_id FROM oppositions
        WHERE phone = ${phone} AND scope = ${target.scope}::"Scope" AND sender_id IS NOT DISTINCT FROM ${target.senderId}::int
          AND list_source_id IS NOT DISTINCT FROM ${target.listSourceId ?? null}::int AND canary_provider_id IS NULL
        FOR UPDATE`
    : await tx.$queryRaw<OppositionRow[]>`
        SELECT id, withdrawn_at, receipt_id, via_provider_id FROM oppositions
        WHERE phone = ${phone} AND scope = ${target.scope}::"Scope" AND sender_id IS NOT DISTINCT FROM ${target.senderId}::int
          AND list_source_id IS NOT DISTINCT FROM ${target.listSourceId ?? null}::int AND canary_provider_id IS NULL`;
  return rows[0];
}
