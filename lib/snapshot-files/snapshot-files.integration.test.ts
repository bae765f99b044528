import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { GET as changes } from "@/app/api/v1/suppressions/changes/route";
import { GET as manifestRoute } from "@/app/api/v1/suppressions/snapshot/files/route";
import { GET as fileRoute } from "@/app/api/v1/suppressions/snapshot/files/[name]/route";
import { db, pool } from "@/lib/db/client";
import { lockFeed } from "@/lib/oppositions/feed-lock";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import type { OppositionTarget } from "@/lib/oppositions/types";
import { withdrawOpposition } from "@/lib/oppositions/withdraw-opposition";
import { GET as jwksRoute } from "@/app/.well-known/stopsms-keys.json/route";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { verifyPlatformResponse, verifyResponseToRequest, type Jwks } from "@/lib/web/signatures/verify-response";
import { createApiProvider, signedCall, type TestProvider } from "@/lib/testing/api-client";
import { uniquePhone } from "@/lib/testing/fixtures";
import { buildSnapshotFiles, buildSnapshotFilesIfDue, deleteUnservedFiles } from "./build-snapshot-files";

type Entry = { phone: string; scope: string; sender: string | null; since: string };
const keyOf = (e: { phone: string; scope: string; sender: string | null }) => `${e.phone}|${e.scope}|${e.sender ?? ""}`;

async function download(provider: TestProvider, url: string) {
  const name = url.split("/").at(-1)!;
  const headers = await signRequest({
    method: "GET",
    url: `http://stopsms.test${url}`,
    keyid: provider.keyid,
    privateKey: provider.privateKey,
  });
  const response = await fileRoute(new Request(`http://stopsms.test${url}`, { headers }), {
    params: Promise.resolve({ name }),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, headers };
}

describe("snapshot files", () => {
  it("are shared, signed, named by their SHA-256, sorted by phone, and only the provider's own lists", async () => {
    const provider = await createApiProvider(2);
    const stranger = await createApiProvider(1);
    const [a, b] = provider.senders;
    const phones = Array.from({ length: 12 }, uniquePhone);
    for (const [i, phone] of phones.entries()) {
      const target: OppositionTarget =
        i % 3 === 0 ? { scope: "all", senderId: null } : { scope: "sender", senderId: (i % 3 === 1 ? a : b)!.id };
      await recordOpposition({ phone, target, source: "web", verified: false });
    }
    await recordOpposition({
      phone: phones[0]!,
      target: { scope: "sender", senderId: stranger.senders[0]!.id },
      source: "web",
      verified: false,
    });
    const build = await buildSnapshotFiles();

    const manifest = await signedCall(manifestRoute, provider, { path: "/suppressions/snapshot/files" });
    expect(manifest.response.status).toBe(200);
    expect(manifest.json.at).toBe(Number(build.at));
    // Refused list sources (1.2) are every provider's lists too: other test files may have left some in force.
    const lists = manifest.json.files.filter((f: { scope: string }) => f.scope !== "source");
    expect(lists.map((f: { scope: string; sender: string | null }) => `${f.scope}:${f.sender}`)).toEqual([
      "all:null",
      ...[a!.code, b!.code].sort().map((code) => `sender:${code}`),
    ]);
    const jwks = (await jwksRoute().json()) as Jwks;
    const inForce = await db().$queryRaw<Entry[]>`
      SELECT o.phone, o.scope::text AS scope, s.code AS sender,
             to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS since
      FROM oppositions o LEFT JOIN senders s ON s.id = o.sender_id
      WHERE o.withdrawn_at IS NULL AND o.canary_provider_id IS NULL`;
    for (const file of lists as {
      scope: string;
      sender: string | null;
      url: string;
      sha256: string;
      entries: number;
      bytes: number;
    }[]) {
      const { response, bytes, headers } = await download(provider, file.url);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/gzip");
      const sha256 = createHash("sha256").update(bytes).digest();
      expect(sha256.toString("hex")).toBe(file.sha256);
      expect(file.url).toBe(`/api/v1/suppressions/snapshot/files/${file.sha256}.ndjson.gz`);
      expect(bytes.length).toBe(file.bytes);
      expect(await verifyPlatformResponse(response, { sha256 }, jwks)).toBe(true);
      expect(await verifyResponseToRequest(response, bytes, jwks, { headers })).toBe(true);
      const lines = gunzipSync(bytes).toString("utf8").split("\n").filter(Boolean);
      const entries = lines.map((l) => JSON.parse(l) as Entry);
      expect(entries).toHaveLength(file.entries);
      expect(entries.map((e) => e.phone)).toEqual(entries.map((e) => e.phone).sort());
      const expected = inForce.filter((e) => e.scope === file.scope && e.sender === file.sender);
      expect(entries.map(keyOf).sort()).toEqual(expected.map(keyOf).sort());
      expect(entries.find((e) => e.phone === expected[0]?.phone)?.since).toBe(expected[0]?.since);
    }
    // Another provider's sender file answers as a file that does not exist; so does a made-up name.
    const others = await signedCall(manifestRoute, stranger, { path: "/suppressions/snapshot/files" });
    const strangersFile = (others.json.files as { sender: string | null; url: string }[]).find((f) => f.sender)!;
    expect((await download(provider, strangersFile.url)).response.status).toBe(404);
    expect(
      (await download(provider, `/api/v1/suppressions/snapshot/files/${"0".repeat(64)}.ndjson.gz`)).response.status,
    ).toBe(404);
    expect((await download(provider, "/api/v1/suppressions/snapshot/files/..%2F..%2Fetc")).response.status).toBe(404);
  });

  it("are rebuilt only when the feed moved, store identical bytes once, and go when no recent manifest names them", async () => {
    const quiet = await createApiProvider(1);
    await recordOpposition({
      phone: uniquePhone(),
      target: { scope: "sender", senderId: quiet.senders[0]!.id },
      source: "web",
      verified: false,
    });
    // Writers of other test files wait on the feed lock meanwhile: here the feed does not move.
    await db().$transaction(
      async (tx) => {
        await lockFeed(tx);
        await buildSnapshotFiles();
        expect(await buildSnapshotFilesIfDue(0)).toBeNull();
      },
      { timeout: 30_000 },
    );
    expect(await buildSnapshotFilesIfDue(60)).toBeNull(); // built less than an hour ago
    const fileOf = async () =>
      (
        await pool().query(
          "SELECT DISTINCT f.id::text, f.sha256 FROM snapshot_files f JOIN snapshot_build_files bf ON bf.file_id = f.id WHERE bf.sender_id = $1",
          [quiet.senders[0]!.id],
        )
      ).rows;
    const before = await fileOf();
    await recordOpposition({
      phone: uniquePhone(),
      target: { scope: "all", senderId: null },
      source: "web",
      verified: false,
    });
    const again = await buildSnapshotFilesIfDue(0);
    expect(again).not.toBeNull();
    // That sender's list did not change: its file is the one already stored, named in the new build too.
    expect(await fileOf()).toEqual(before);
    expect(again!.files.find((f) => f.senderId === quiet.senders[0]!.id)?.sha256).toBe(before[0]!.sha256);
    await pool().query(
      "UPDATE snapshot_builds SET created_at = now() - interval '25 hours', last_served_at = NULL WHERE id < $1",
      [String(again!.buildId)],
    );
    await pool().query("UPDATE snapshot_files SET created_at = now() - interval '2 hours'");
    await deleteUnservedFiles();
    const builds = await pool().query("SELECT id::text FROM snapshot_builds");
    expect(builds.rows.map((r) => r.id)).toEqual([String(again!.buildId)]);
    const unnamed = await pool().query(
      "SELECT count(*)::int AS n FROM snapshot_files f WHERE NOT EXISTS (SELECT 1 FROM snapshot_build_files bf WHERE bf.file_id = f.id)",
    );
    expect(unnamed.rows[0].n).toBe(0);
  });

  it("lists every sender of the provider, even two nobody opposed, whose identical (empty) files are one", async () => {
    const provider = await createApiProvider(2);
    await buildSnapshotFiles();
    const manifest = await signedCall(manifestRoute, provider, { path: "/suppressions/snapshot/files" });
    const senderFiles = (
      manifest.json.files as { sender: string | null; sha256: string; url: string; entries: number }[]
    ).filter((f) => f.sender);
    expect(senderFiles.map((f) => f.sender).sort()).toEqual(provider.senders.map((s) => s.code).sort());
    expect(senderFiles[0]!.sha256).toBe(senderFiles[1]!.sha256);
    expect(senderFiles[0]!.entries).toBe(0);
    const { response, bytes } = await download(provider, senderFiles[0]!.url);
    expect(response.status).toBe(200);
    expect(gunzipSync(bytes).length).toBe(0);
  });

  it("then the feed: a provider converges to exactly its list in force, canaries included, while refusals keep arriving", async () => {
    const provider = await createApiProvider(2);
    const targets: OppositionTarget[] = [
      { scope: "all", senderId: null },
      { scope: "sender", senderId: provider.senders[0]!.id },
      { scope: "sender", senderId: provider.senders[1]!.id },
    ];
    const phones = Array.from({ length: 30 }, uniquePhone);
    const random = (n: number) => Math.floor(Math.random() * n);
    const churn = (count: number) =>
      Promise.all(
        Array.from({ length: count }, async () => {
          const phone = phones[random(phones.length)]!;
          const target = targets[random(targets.length)]!;
          if (Math.random() < 0.6) await recordOpposition({ phone, target, source: "web", verified: false });
          else await withdrawOpposition({ phone, target, source: "web" });
        }),
      );
    await churn(80);
    // Canaries made before the build are in no shared file: they must come through the feed.
    const { ensureCanaries } = await import("@/lib/canaries/ensure-canaries");
    await ensureCanaries(provider.id);
    await buildSnapshotFiles();
    await churn(20);
    const [manifest] = await Promise.all([
      signedCall(manifestRoute, provider, { path: "/suppressions/snapshot/files" }),
      churn(10),
    ]);
    const list = new Set<string>();
    for (const file of manifest.json.files as { url: string }[]) {
      const [{ bytes }] = await Promise.all([download(provider, file.url), churn(5)]);
      for (const line of gunzipSync(bytes).toString("utf8").split("\n").filter(Boolean))
        list.add(keyOf(JSON.parse(line) as Entry));
    }
    await churn(20);
    let after = manifest.json.at as number;
    for (;;) {
      const page = await signedCall(changes, provider, { path: `/suppressions/changes?after=${after}&limit=1000` });
      for (const change of page.json.changes) {
        if (change.op === "add") list.add(keyOf(change));
        else list.delete(keyOf(change));
      }
      after = page.json.next;
      if (!page.json.more) break;
    }
    const inForce = await db().$queryRaw<Entry[]>`
      SELECT o.phone, o.scope::text AS scope, s.code AS sender, '' AS since FROM oppositions o LEFT JOIN senders s ON s.id = o.sender_id
      WHERE o.withdrawn_at IS NULL AND (o.phone = ANY(${phones}::text[]) OR o.canary_provider_id = ${provider.id})
        AND (o.sender_id IS NULL OR o.sender_id = ANY(${provider.senders.map((s) => s.id)}::int[]))`;
    const canaries = await db().opposition.count({ where: { canaryProviderId: provider.id } });
    expect(canaries).toBeGreaterThan(0);
    const mine = [...list].filter(
      (key) => phones.includes(key.split("|")[0]!) || inForce.some((e) => keyOf(e) === key),
    );
    expect(mine.sort()).toEqual(inForce.map(keyOf).sort());
  });
});
