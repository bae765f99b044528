import "server-only";
import { createHash } from "node:crypto";
import { createGzip } from "node:zlib";
import type pg from "pg";
import { pool } from "@/lib/db/client";
import { logger } from "@/lib/log";

// The snapshot files of docs/protocol.md 1.1: the list in force at one feed seq, one gzip NDJSON file for
// `scope: all`, one per sender and (1.2) one per list source with entries, sorted by phone, named by the SHA-256 of their bytes. Read in one
// REPEATABLE READ transaction (so every file and `at` agree: writers commit in seq order under the feed
// lock, hence the snapshot holds exactly the changes up to its highest seq) through a server-side cursor,
// compressed as it streams, written in 1 MiB chunks: never the whole list in memory. A file whose bytes
// already exist (a sender nobody opposed since the last build) is not stored twice. Canary entries are
// not in these shared files: each provider's canaries reach it through its feed (serve-manifest.ts).

const CHUNK = 1024 * 1024;
const FETCH = 20_000;

// The entry format of the paged snapshot, written by PostgreSQL (see read-snapshot.ts).
const ENTRY = `'{"phone":' || to_json(o.phone)::text || ',"scope":"' || o.scope::text || '","sender":'
  || COALESCE(to_json(s.code)::text, 'null') || ',"since":"'
  || to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'
  || COALESCE(',"source":' || to_json(ls.code)::text, '') || '}' || chr(10)`;

export interface BuiltFile {
  scope: "all" | "sender" | "source";
  senderId: number | null;
  listSourceId: number | null;
  sha256: string;
  entries: number;
  bytes: number;
}

export interface BuildSummary {
  buildId: bigint;
  at: bigint;
  files: BuiltFile[];
  ms: number;
}

/** Builds the files when the last build is older than `minutes` and the feed moved since; else null. */
export async function buildSnapshotFilesIfDue(minutes: number): Promise<BuildSummary | null> {
  const { rows } = await pool().query<{ due: boolean }>(
    `SELECT NOT EXISTS (SELECT 1 FROM snapshot_builds WHERE created_at > now() - make_interval(mins => $1))
        AND COALESCE((SELECT max(seq) FROM opposition_changes), 0) > COALESCE((SELECT max(at) FROM snapshot_builds), -1) AS due`,
    [minutes],
  );
  if (!rows[0]!.due) return null;
  const summary = await buildSnapshotFiles();
  await deleteUnservedFiles();
  return summary;
}

/** One build: every file, then the build row naming them. */
export async function buildSnapshotFiles(): Promise<BuildSummary> {
  const started = Date.now();
  const reader = await pool().connect();
  try {
    await reader.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const head = await reader.query<{ at: string | null }>("SELECT max(seq)::text AS at FROM opposition_changes");
    const at = BigInt(head.rows[0]!.at ?? 0);
    const senders = await reader.query<{ id: number }>("SELECT id FROM senders ORDER BY id");
    // A source nobody refused has no file: providers hold no list for it.
    const sources = await reader.query<{ id: number }>(
      "SELECT DISTINCT list_source_id AS id FROM oppositions WHERE list_source_id IS NOT NULL AND withdrawn_at IS NULL ORDER BY 1",
    );
    const files: BuiltFile[] = [];
    files.push(await writeFile(reader, "all", null));
    for (const { id } of senders.rows) files.push(await writeFile(reader, "sender", id));
    for (const { id } of sources.rows) files.push(await writeFile(reader, "source", id));
    await reader.query("COMMIT");
    const ms = Date.now() - started;
    const build = await pool().query<{ id: string }>(
      `WITH b AS (INSERT INTO snapshot_builds (at, build_ms) VALUES ($1, $2) RETURNING id),
            f AS (INSERT INTO snapshot_build_files (build_id, file_id, scope, sender_id, list_source_id)
                  SELECT b.id, f.id, l.scope::"Scope", l.sender_id, l.list_source_id
                  FROM b, unnest($3::text[], $4::text[], $5::int[], $6::int[]) AS l(sha256, scope, sender_id, list_source_id)
                  JOIN snapshot_files f ON f.sha256 = l.sha256)
       SELECT id::text FROM b`,
      [
        String(at),
        ms,
        files.map((f) => f.sha256),
        files.map((f) => f.scope),
        files.map((f) => f.senderId),
        files.map((f) => f.listSourceId),
      ],
    );
    logger.info({ at: String(at), files: files.length, ms }, "snapshot files built");
    return { buildId: BigInt(build.rows[0]!.id), at, files, ms };
  } catch (error) {
    await reader.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    reader.release();
  }
}

async function writeFile(reader: pg.PoolClient, scope: BuiltFile["scope"], id: number | null): Promise<BuiltFile> {
  const where =
    scope === "all"
      ? "o.scope = 'all'"
      : scope === "sender"
        ? `o.scope = 'sender' AND o.sender_id = ${Math.trunc(id!)}`
        : `o.scope = 'source' AND o.list_source_id = ${Math.trunc(id!)}`;
  await reader.query(
    `DECLARE snapshot_file NO SCROLL CURSOR FOR
       SELECT ${ENTRY} FROM oppositions o LEFT JOIN senders s ON s.id = o.sender_id
       LEFT JOIN list_sources ls ON ls.id = o.list_source_id
       WHERE ${where} AND o.withdrawn_at IS NULL AND o.canary_provider_id IS NULL
       ORDER BY o.phone`,
  );
  const file = await pool().query<{ id: string }>("INSERT INTO snapshot_files DEFAULT VALUES RETURNING id::text");
  const fileId = file.rows[0]!.id;
  try {
    const hash = createHash("sha256");
    const gzip = createGzip({ level: 4 });
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let chunkIndex = 0;
    let bytes = 0;
    const flush = async (all: boolean) => {
      while (pendingBytes >= CHUNK || (all && pendingBytes > 0)) {
        const joined = Buffer.concat(pending);
        const data = joined.subarray(0, Math.min(CHUNK, joined.length));
        pending = [joined.subarray(data.length)];
        pendingBytes = joined.length - data.length;
        await pool().query("INSERT INTO snapshot_file_chunks (file_id, idx, data) VALUES ($1, $2, $3)", [
          fileId,
          chunkIndex++,
          data,
        ]);
      }
    };
    gzip.on("data", (piece: Buffer) => {
      hash.update(piece);
      pending.push(piece);
      pendingBytes += piece.length;
      bytes += piece.length;
    });
    const ended = new Promise<void>((resolve, reject) => gzip.on("end", resolve).on("error", reject));
    let entries = 0;
    for (;;) {
      const batch = await reader.query<[string]>({ text: `FETCH ${FETCH} FROM snapshot_file`, rowMode: "array" });
      if (batch.rows.length === 0) break;
      entries += batch.rows.length;
      const text = batch.rows.map((row) => row[0]).join("");
      if (!gzip.write(text)) await new Promise((resolve) => gzip.once("drain", resolve));
      await flush(false);
    }
    await reader.query("CLOSE snapshot_file");
    gzip.end();
    await ended;
    await flush(true);
    const digest = hash.digest();
    const sha256 = digest.toString("hex");
    // Same bytes as a file already stored: keep that one (its name is the same), drop this copy.
    const existing = await pool().query("SELECT 1 FROM snapshot_files WHERE sha256 = $1", [sha256]);
    if (existing.rowCount) await pool().query("DELETE FROM snapshot_files WHERE id = $1", [fileId]);
    else
      await pool().query(
        "UPDATE snapshot_files SET sha256 = $2, entries = $3, bytes = $4, content_digest = $5 WHERE id = $1",
        [fileId, sha256, entries, bytes, `sha-256=:${digest.toString("base64")}:`],
      );
    return {
      scope,
      senderId: scope === "sender" ? id : null,
      listSourceId: scope === "source" ? id : null,
      sha256,
      entries,
      bytes,
    };
  } catch (error) {
    await pool()
      .query("DELETE FROM snapshot_files WHERE id = $1", [fileId])
      .catch(() => undefined);
    throw error;
  }
}

/**
 * Old builds go once no manifest younger than 24 h names them (the newest build always stays), and files
 * once no kept build names them: a provider that fetched a manifest has a day to download its files.
 * Files left unnamed by a build that failed half-way go too.
 */
export async function deleteUnservedFiles(): Promise<number> {
  await pool().query(
    `DELETE FROM snapshot_builds b
     WHERE b.id < (SELECT max(id) FROM snapshot_builds)
       AND COALESCE(b.last_served_at, b.created_at) < now() - interval '24 hours'`,
  );
  const { rowCount } = await pool().query(
    `DELETE FROM snapshot_files f
     WHERE NOT EXISTS (SELECT 1 FROM snapshot_build_files bf WHERE bf.file_id = f.id)
       AND f.created_at < now() - interval '1 hour'`,
  );
  return rowCount ?? 0;
}
