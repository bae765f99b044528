import "server-only";
import { env } from "@/lib/env";
import { pool } from "@/lib/db/client";
import { rawTransaction } from "@/lib/db/raw-transaction";
import { readTreeSize } from "./stored-hashes";
import { currentTreeHead, headOfRow, type TreeHead } from "./tree-head";

/**
 * Who reads the log. A registered provider (a signed call) already sees every change in its feed, so it gets
 * the live tree. Anyone else gets the tree head published at most once per STOPSMS_LOG_PUBLISH_SECONDS (an hour):
 * with the live size public, a visitor who posts /stop for someone's number and watches the size grow by one
 * or not would learn whether that number had already refused (a repeat appends no leaf). Within an hour the
 * size grows by everyone's changes alike.
 */
export type LogAudience = "provider" | "public";

const LATEST = "SELECT size, root, at FROM log_tree_heads ORDER BY at DESC, id DESC LIMIT 1";

/** The latest published tree head, publishing the live one first when the latest is older than the period. */
export async function publishedTreeHead(): Promise<TreeHead> {
  const { rows } = await pool().query<{ size: string; root: Buffer; at: Date }>(LATEST);
  const latest = rows[0];
  if (latest && Date.now() - latest.at.getTime() < env().STOPSMS_LOG_PUBLISH_SECONDS * 1000) return headOfRow(latest);
  return publishTreeHeadIfDue(0);
}

/**
 * Publishes the live tree head unless one was published less than the period (minus `earlyMs`) ago; the
 * latest either way. Under a lock, and checked again inside it: visitors arriving together after the period
 * (or a visitor and the hourly job) published one head each, milliseconds apart — two sizes that tell
 * whoever posted /stop between them whether it appended a leaf. `earlyMs`: the hourly job, due on the hour,
 * skips an hour a visitor already published a few minutes before it.
 */
export async function publishTreeHeadIfDue(earlyMs: number): Promise<TreeHead> {
  return rawTransaction(async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('log-tree-head', 0))");
    const latest = (await client.query<{ size: string; root: Buffer; at: Date }>(LATEST)).rows[0];
    const due = !latest || Date.now() - latest.at.getTime() >= env().STOPSMS_LOG_PUBLISH_SECONDS * 1000 - earlyMs;
    if (!due) return headOfRow(latest);
    const head = await currentTreeHead();
    await client.query("INSERT INTO log_tree_heads (size, root, at) VALUES ($1, $2, $3)", [
      head.size,
      Buffer.from(head.root, "base64url"),
      head.at,
    ]);
    return head;
  });
}

/** When the tree head after `head` will be published at the latest. */
export function nextPublication(head: TreeHead): Date {
  return new Date(Date.parse(head.at) + env().STOPSMS_LOG_PUBLISH_SECONDS * 1000);
}

/** How many leaves this audience may see proven. */
export async function visibleTreeSize(audience: LogAudience): Promise<number> {
  return audience === "provider" ? readTreeSize() : (await publishedTreeHead()).size;
}

/** A signed caller is a registered provider; anyone else is the public. */
export const audienceOf = (caller: object | null): LogAudience => (caller ? "provider" : "public");

/** `log/tree-head`: the live head for providers, the published one for everyone else. */
export async function treeHeadFor(audience: LogAudience): Promise<TreeHead> {
  return audience === "provider" ? currentTreeHead() : publishedTreeHead();
}
