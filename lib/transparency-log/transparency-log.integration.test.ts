import { describe, expect, it } from "vitest";
import { GET as getConsistency } from "@/app/api/v1/log/consistency/route";
import { GET as getInclusion } from "@/app/api/v1/log/inclusion/route";
import { GET as getTreeHead } from "@/app/api/v1/log/tree-head/route";
import { GET as getTreeHeads } from "@/app/api/v1/log/tree-heads/route";
import { pool } from "@/lib/db/client";
import { changesOf, listChanges } from "@/lib/oppositions/list-changes";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { withdrawOpposition } from "@/lib/oppositions/withdraw-opposition";
import { platformKey } from "@/lib/signing/platform-key";
import { verifyPlatformResponse } from "@/lib/web/signatures/verify-response";
import { createApiProvider, signedCall } from "@/lib/testing/api-client";
import { createProvider, createSender, uniquePhone } from "@/lib/testing/fixtures";
import { changeLeafHash } from "./leaf-data";
import { fromBase64Url, verifyConsistency, verifyInclusion } from "./merkle";
import { publishedTreeHead, publishTreeHeadIfDue } from "./published-head";

import { proveReceipt } from "./prove-receipt";

/** A publication now, whatever the period (the hourly job's, forced). */
const recordTreeHead = () => publishTreeHeadIfDue(Infinity);

const jwks = () => ({ keys: [platformKey().jwk] });

async function call(handler: (request: Request) => Promise<Response>, pathAndQuery: string) {
  const response = await handler(new Request(`http://localhost/api/v1${pathAndQuery}`));
  const body = new Uint8Array(await response.arrayBuffer());
  return { response, body, json: JSON.parse(Buffer.from(body).toString("utf8")) };
}

describe("the transparency log", () => {
  it("gives concurrent writers gap-free indexes, one leaf and the subtree roots for each change", async () => {
    const sender = await createSender();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordOpposition({
          phone: uniquePhone(),
          target: i % 2 ? { scope: "all", senderId: null } : { scope: "sender", senderId: sender.id },
          source: "web",
          verified: true,
        }),
      ),
    );
    const { rows } = await pool().query<{
      changes: string;
      lowest: string;
      highest: string;
      distinct_indexes: string;
      leaves: string;
      size: string;
    }>(
      `SELECT count(*) AS changes, min(log_index) AS lowest, max(log_index) AS highest, count(DISTINCT log_index) AS distinct_indexes,
              (SELECT count(*) FROM log_hashes WHERE level = 0) AS leaves, (SELECT size FROM log_size) AS size
       FROM opposition_changes`,
    );
    const r = rows[0]!;
    expect(Number(r.lowest)).toBe(0);
    expect(Number(r.highest) + 1).toBe(Number(r.changes));
    expect(r.distinct_indexes).toBe(r.changes);
    expect(Number(r.leaves)).toBeGreaterThanOrEqual(Number(r.changes));
    expect(Number(r.size)).toBeGreaterThanOrEqual(Number(r.changes));
  });

  it("serves changes whose leaf, recomputed from what the feed gives, is in the signed tree head, which stays consistent with later ones", async () => {
    const sender = await createSender();
    const provider = await createProvider([sender.id]);
    // A registered provider sees the live tree (it has the feed); visitors see the published one (below).
    const auditor = await createApiProvider();
    const live = async (handler: (request: Request) => Promise<Response>, pathAndQuery: string) => {
      const { response, bytes, json } = await signedCall(handler, auditor, { path: pathAndQuery });
      return { response, body: bytes, json };
    };
    const phone = uniquePhone();
    await recordOpposition({ phone, target: { scope: "sender", senderId: sender.id }, source: "link", verified: true });
    await withdrawOpposition({ phone, target: { scope: "sender", senderId: sender.id }, source: "web" });
    const page = await listChanges({ providerId: provider.id, after: 0n, limit: 10_000 });
    const mine = changesOf(page).filter((c) => c.phone === phone);
    expect(mine.map((c) => c.reason)).toEqual(["opposed", "withdrawn"]);
    expect(mine[0]!.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(mine[0]!.salt).not.toBe(mine[1]!.salt);

    const head = await live(getTreeHead, "/log/tree-head");
    expect(head.response.status).toBe(200);
    expect(await verifyPlatformResponse(head.response, head.body, jwks())).toBe(true);
    const { size, root } = head.json as { size: number; root: string };

    for (const change of mine) {
      const index = Number(change.index);
      const proof = await live(getInclusion, `/log/inclusion?index=${index}&size=${size}`);
      expect(proof.response.status).toBe(200);
      expect(await verifyPlatformResponse(proof.response, proof.body, jwks())).toBe(true);
      const leaf = changeLeafHash(change);
      expect(proof.json.leaf).toBe(leaf.toString("base64url"));
      expect(verifyInclusion(index, size, leaf, proof.json.path.map(fromBase64Url), fromBase64Url(root))).toBe(true);
      // Any other data (here a different phone) gives another leaf, which the proof does not accept.
      expect(
        verifyInclusion(
          index,
          size,
          changeLeafHash({ ...change, phone: uniquePhone() }),
          proof.json.path.map(fromBase64Url),
          fromBase64Url(root),
        ),
      ).toBe(false);
    }

    await recordOpposition({
      phone: uniquePhone(),
      target: { scope: "all", senderId: null },
      source: "web",
      verified: true,
    });
    const later = (await live(getTreeHead, "/log/tree-head")).json as { size: number; root: string };
    expect(later.size).toBeGreaterThan(size);
    const consistency = await live(getConsistency, `/log/consistency?from=${size}&to=${later.size}`);
    expect(
      verifyConsistency(
        size,
        later.size,
        fromBase64Url(root),
        fromBase64Url(later.root),
        consistency.json.path.map(fromBase64Url),
      ),
    ).toBe(true);
  });

  it("answers 422 for proofs beyond the tree and lists the recorded tree heads", async () => {
    const head = (await call(getTreeHead, "/log/tree-head")).json as { size: number };
    const beyond = await call(getInclusion, `/log/inclusion?index=0&size=${head.size + 1000}`);
    expect(beyond.response.status).toBe(422);
    expect(beyond.response.headers.get("content-type")).toBe("application/problem+json");
    expect((await call(getInclusion, "/log/inclusion?index=abc&size=1")).response.status).toBe(422);
    expect((await call(getConsistency, `/log/consistency?from=2&to=1`)).response.status).toBe(422);

    const before = new Date(Date.now() - 1000).toISOString();
    const recorded = await recordTreeHead();
    const listed = await call(getTreeHeads, `/log/tree-heads?after=${encodeURIComponent(before)}`);
    expect(listed.response.status).toBe(200);
    expect(listed.json.tree_heads).toContainEqual(recorded);
  });
});

describe("the log as an anonymous visitor sees it", () => {
  it("tells nothing about whether a refusal was new: the public tree head moves once per publication, and nothing beyond it is proven", async () => {
    const provider = await createApiProvider();
    const first = await call(getTreeHead, "/log/tree-head");
    expect(first.response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await verifyPlatformResponse(first.response, first.body, jwks())).toBe(true);
    const published = first.json as { size: number; root: string; at: string };
    // A first refusal for a fresh number grows the live tree: a visitor sees the same head as before.
    await recordOpposition({
      phone: uniquePhone(),
      target: { scope: "all", senderId: null },
      source: "web",
      verified: true,
    });
    expect((await call(getTreeHead, "/log/tree-head")).json).toEqual(published);
    const live = (await signedCall(getTreeHead, provider, { path: "/log/tree-head" })).json as { size: number };
    expect(live.size).toBeGreaterThan(published.size);
    // Proofs beyond the published head are refused without telling the live size; a provider gets them.
    for (const [handler, query] of [
      [getInclusion, `/log/inclusion?index=0&size=${live.size}`],
      [getConsistency, `/log/consistency?from=1&to=${live.size}`],
    ] as const) {
      const anonymous = await call(handler, query);
      expect(anonymous.response.status).toBe(422);
      expect(JSON.stringify(anonymous.json)).not.toContain(String(live.size));
      expect((await signedCall(handler, provider, { path: query })).response.status).toBe(200);
    }
  });
});

describe("a receipt's check on /verify", () => {
  it("waits for the next published tree head, says when, then proves the entry in it", async () => {
    await recordTreeHead();
    const { receipt } = await recordOpposition({
      phone: uniquePhone(),
      target: { scope: "all", senderId: null },
      source: "web",
      verified: true,
    });
    const awaiting = await proveReceipt(receipt.id);
    expect(awaiting?.status).toBe("awaiting");
    if (awaiting?.status !== "awaiting") return;
    expect(awaiting.nextAt.getTime() - awaiting.publishedAt.getTime()).toBe(3600 * 1000);

    await recordTreeHead();
    const proven = await proveReceipt(receipt.id);
    expect(proven).toMatchObject({ status: "proven", verified: true, index: awaiting.index });
  });
});

describe("the hourly publication", () => {
  it("publishes one tree head when many visitors arrive at once after the period, never one per visitor", async () => {
    // Two heads a few milliseconds apart would tell whoever posted /stop between them whether it appended.
    await pool().query("UPDATE log_tree_heads SET at = at - interval '2 hours'");
    const since = new Date();
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        if (i % 3 === 0)
          await recordOpposition({
            phone: uniquePhone(),
            target: { scope: "all", senderId: null },
            source: "web",
            verified: true,
          });
        return publishedTreeHead();
      }),
    );
    const { rows } = await pool().query<{ n: string }>("SELECT count(*) AS n FROM log_tree_heads WHERE at >= $1", [
      since,
    ]);
    expect(Number(rows[0]!.n)).toBe(1);
  });
});
