import "server-only";
import { ensureCanaries } from "@/lib/canaries/ensure-canaries";
import { reannounceCanaries } from "@/lib/canaries/reannounce-canaries";
import { pool } from "@/lib/db/client";
import { problems } from "@/lib/problems";

export interface ManifestFile {
  scope: "all" | "sender" | "source";
  sender: string | null;
  /** Only on a `source` file (1.2). */
  source?: string;
  url: string;
  sha256: string;
  entries: number;
  bytes: number;
}

export interface Manifest {
  at: number;
  files: ManifestFile[];
}

const FILE_NAME = /^([0-9a-f]{64})\.ndjson\.gz$/;

/**
 * `GET /suppressions/snapshot/files`: the newest build's files this provider may read — `scope: all`, each
 * of its senders and every list source (1.2: any campaign may declare any source). Its canaries are not in these shared files: when they predate the build they are
 * announced again in its feed (reannounce-canaries.ts), so following `changes?after=at` brings them.
 */
export async function snapshotManifest(caller: { providerId: number }): Promise<Manifest> {
  const { providerId } = caller;
  const build = await pool().query<{ id: string; at: string }>(
    "SELECT id::text, at::text FROM snapshot_builds ORDER BY id DESC LIMIT 1",
  );
  if (build.rowCount === 0) throw problems.snapshotFilesNotReady(60);
  const { id, at } = build.rows[0]!;
  const { rows } = await pool().query<{
    sha256: string;
    scope: "all" | "sender" | "source";
    sender: string | null;
    source: string | null;
    entries: string;
    bytes: string;
  }>(
    `SELECT f.sha256, bf.scope::text AS scope, s.code AS sender, ls.code AS source, f.entries::text, f.bytes::text
     FROM snapshot_build_files bf JOIN snapshot_files f ON f.id = bf.file_id LEFT JOIN senders s ON s.id = bf.sender_id
     LEFT JOIN list_sources ls ON ls.id = bf.list_source_id
     WHERE bf.build_id = $1
       AND (bf.sender_id IS NULL OR bf.sender_id IN (SELECT sender_id FROM provider_senders WHERE provider_id = $2))
     ORDER BY bf.scope, s.code, ls.code`,
    [id, providerId],
  );
  const senders = await pool().query<{ n: number }>(
    "SELECT count(*)::int AS n FROM provider_senders WHERE provider_id = $1",
    [providerId],
  );
  // A sender linked after the build has no file in it yet: the paged snapshot serves that list meanwhile.
  if (rows.filter((r) => r.scope === "sender").length !== senders.rows[0]!.n) throw problems.snapshotFilesNotReady(60);
  await pool().query(
    "UPDATE snapshot_builds SET last_served_at = now() WHERE id = $1 AND (last_served_at IS NULL OR last_served_at < now() - interval '1 minute')",
    [id],
  );
  await ensureCanaries(providerId);
  await reannounceCanaries(providerId, BigInt(at));
  return {
    at: Number(at),
    files: rows.map((r) => ({
      scope: r.scope,
      sender: r.sender,
      ...(r.source ? { source: r.source } : {}),
      url: `/api/v1/suppressions/snapshot/files/${r.sha256}.ndjson.gz`,
      sha256: r.sha256,
      entries: Number(r.entries),
      bytes: Number(r.bytes),
    })),
  };
}

/**
 * One file, streamed from its chunks as the provider reads it (a few MiB in memory whatever its size),
 * with the Content-Digest computed when it was built. Only files of lists the provider may read.
 */
export async function openSnapshotFile(
  caller: { providerId: number },
  name: string,
): Promise<{ body: ReadableStream<Uint8Array>; digest: string; entries: number }> {
  const match = FILE_NAME.exec(name);
  if (!match) throw problems.notFound("no such snapshot file");
  const { rows } = await pool().query<{ id: string; digest: string; entries: string }>(
    `SELECT f.id::text, f.content_digest AS digest, f.entries::text FROM snapshot_files f
     WHERE f.sha256 = $1
       AND EXISTS (SELECT 1 FROM snapshot_build_files bf WHERE bf.file_id = f.id
                   AND (bf.sender_id IS NULL OR bf.sender_id IN (SELECT sender_id FROM provider_senders WHERE provider_id = $2)))`,
    [match[1], caller.providerId],
  );
  // Another sender's file and a file that does not exist answer alike.
  if (rows.length === 0) throw problems.notFound("no such snapshot file");
  const { id, digest, entries } = rows[0]!;
  let next = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await pool().query<{ data: Buffer }>(
          "SELECT data FROM snapshot_file_chunks WHERE file_id = $1 AND idx = $2",
          [id, next++],
        );
        if (chunk.rowCount === 0) controller.close();
        else controller.enqueue(new Uint8Array(chunk.rows[0]!.data));
      },
    },
    { highWaterMark: 1 },
  );
  return { body, digest, entries: Number(entries) };
}
