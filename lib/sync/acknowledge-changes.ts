import "server-only";
import { db } from "@/lib/db/client";
import { ApiProblem, problems } from "@/lib/problems";

/**
 * POST /suppressions/ack: the provider states, under its signature, that every change up to `applied` is
 * applied in its sending systems. It may not state more than it fetched (422) nor go back (409
 * ack-regressed); stating the same again changes nothing. Each forward step is kept in provider_acks with
 * the key that signed it: complaint verdicts rest on it.
 */
export async function acknowledgeChanges(
  caller: { providerId: number; keyid: string },
  applied: bigint,
): Promise<{ applied: number; at: string }> {
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ seq_reached: bigint; acked_seq: bigint; acked_at: Date | null }[]>`
      SELECT seq_reached, acked_seq, acked_at FROM providers WHERE id = ${caller.providerId} FOR UPDATE`;
    const provider = rows[0]!;
    if (applied > provider.seq_reached) {
      throw problems.invalidRequest([
        { field: "applied", message: `beyond what this provider has fetched (${provider.seq_reached})` },
      ]);
    }
    if (applied < provider.acked_seq) {
      throw new ApiProblem(
        409,
        "ack-regressed",
        "Acknowledgement goes back",
        `applied=${applied} is below the last acknowledgement (${provider.acked_seq})`,
        { acked: Number(provider.acked_seq) },
      );
    }
    if (applied === provider.acked_seq && provider.acked_at)
      return { applied: Number(applied), at: provider.acked_at.toISOString() };
    const [ack] = await tx.$queryRaw<{ at: Date }[]>`
      INSERT INTO provider_acks (provider_id, applied, keyid) VALUES (${caller.providerId}, ${applied}, ${caller.keyid}) RETURNING at`;
    await tx.$executeRaw`UPDATE providers SET acked_seq = ${applied}, acked_at = ${ack!.at} WHERE id = ${caller.providerId}`;
    return { applied: Number(applied), at: ack!.at.toISOString() };
  });
}
