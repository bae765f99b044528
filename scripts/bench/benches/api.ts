// The provider API at national scale: snapshot (pages and files), change pages, wash, mint.
import { spawnSync } from "node:child_process";
import { randomInt, type KeyObject } from "node:crypto";
import pg from "pg";
import { performance } from "node:perf_hooks";
import { verifyPlatformResponse, type Jwks } from "@/lib/web/signatures/verify-response";
import { type AppServer } from "@/scripts/lib/app-server";
import { postOptouts, statusCounts } from "@/scripts/bench/bench-optout";
import { concurrentDownloadsRss, firstLoadThroughFiles } from "@/scripts/bench/bench-snapshot-files";
import { registerKey } from "@/scripts/bench/register-key";
import { fmt, percentile, repeated, timed, type Figures } from "@/scripts/bench/measure";
import {
  log,
  report,
  benchUrl,
  runs,
  justLoadedNote,
  rateLimitedMs,
  rateLimitedCalls,
  signedFetch,
} from "@/scripts/bench/context";
import { TEST_DECLARATION } from "@/lib/testing/declaration";
import { tsxCliArgs } from "@/scripts/lib/typescript-script";

export function measureCopy(): { ms: number } {
  const started = performance.now();
  const result = spawnSync(
    "psql",
    [
      benchUrl,
      "-q",
      "-c",
      "\\copy (SELECT o.phone, o.scope, s.code, o.created_at FROM oppositions o LEFT JOIN senders s ON s.id = o.sender_id WHERE o.withdrawn_at IS NULL ORDER BY o.id) TO '/dev/null'",
    ],
    { encoding: "utf8" },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return { ms: performance.now() - started };
}

/** The whole list through the paged signed snapshot, beside COPY measured just before. */

export function snapshotThroughApi(server: AppServer, key: { keyid: string; privateKey: KeyObject }, jwks: Jwks) {
  return async (): Promise<Figures> => {
    const copy = measureCopy();
    let entries = 0;
    let cursor: string | null = null;
    let verified = true;
    const api = await timed(async () => {
      do {
        const { response, bytes } = await signedFetch(
          server,
          key,
          "GET",
          `/suppressions/snapshot?limit=50000${cursor ? `&cursor=${cursor}` : ""}`,
        );
        verified &&= await verifyPlatformResponse(response, bytes, jwks);
        const page = JSON.parse(Buffer.from(bytes).toString()) as { entries: unknown[]; cursor: string | null };
        entries += page.entries.length;
        cursor = page.cursor;
      } while (cursor);
    });
    const rate = entries / (api.ms / 1000);
    const copyRate = entries / (copy.ms / 1000);
    return { rate, copyRate, share: (rate / copyRate) * 100, seconds: api.ms / 1000, entries, verified: +verified };
  };
}

export async function benchSnapshot(server: AppServer, key: { keyid: string; privateKey: KeyObject }, jwks: Jwks) {
  const r = await repeated(runs, snapshotThroughApi(server, key, jwks));
  report(
    "snapshot: whole list through the signed API, every page verified",
    `${r.show("rate")} rows/s = ${r.show("share")} % of COPY (${fmt(r.median("entries"))} rows in ${r.show("seconds", 1)} s${r.always("verified") ? "" : ", SIGNATURE FAILURE"})`,
    `COPY … TO STDOUT: ${r.show("copyRate")} rows/s; ${justLoadedNote("snapshot")}`,
    "— (round 1 aimed at 50 %; a first load now goes through the snapshot files, next row)",
    r.always("verified") ? null : false,
  );
}

export async function benchSnapshotFiles(server: AppServer, client: pg.Client, jwks: Jwks) {
  const r = await repeated(runs, async () => {
    // Built as the scheduled job builds them (npm run admin -- snapshot:build), timed on its own.
    const build = spawnSync(process.execPath, tsxCliArgs("scripts/admin.ts", "snapshot:build"), {
      env: { ...process.env, DATABASE_URL: benchUrl, NODE_OPTIONS: "" },
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`snapshot:build failed: ${build.stderr}`);
    log(build.stdout.trim());
    const buildMs = Number(/built in (\d+) ms/.exec(build.stdout)?.[1]);
    const copy = measureCopy();
    const key = await registerKey(client);
    // Refusals keep arriving after the build, as they would in the minutes before a provider's first load.
    const arriving = await postOptouts(server.url, 60, 2000);
    log(`refusals posted after the build: ${arriving.receipts} receipts, ${JSON.stringify(statusCounts(arriving))}`);
    const load = await firstLoadThroughFiles(server.url, key, jwks);
    const rate = load.entries / (load.ms / 1000);
    const inForce = Number(
      (
        await client.query(
          "SELECT count(*) AS n FROM oppositions WHERE withdrawn_at IS NULL AND canary_provider_id IS NULL",
        )
      ).rows[0].n,
    );
    const copyRate = inForce / (copy.ms / 1000);
    const keys = [];
    for (let i = 0; i < 4; i++) keys.push(await registerKey(client));
    const rss = await concurrentDownloadsRss(server.url, keys, jwks, server.process.pid!);
    return {
      rate,
      copyRate,
      share: (rate / copyRate) * 100,
      entries: load.entries,
      files: load.files,
      filesSeconds: load.filesMs / 1000,
      changes: load.changes,
      seconds: load.ms / 1000,
      buildSeconds: buildMs / 1000,
      rssBefore: rss.before / 2 ** 20,
      rssPeak: rss.peak / 2 ** 20,
      rssGrowth: (rss.peak - rss.before) / 2 ** 20,
      downloaded: rss.entries.reduce((sum, n) => sum + n, 0),
    };
  });
  report(
    "first load through the snapshot files: manifest, files (4 at a time, each hashed, decompressed, lines counted, signature checked), then the feed from `at`",
    `${r.show("rate")} rows/s = ${r.show("share")} % of COPY (${fmt(r.median("entries"))} entries in ${fmt(r.median("files"))} files in ${r.show("filesSeconds", 1)} s, then ${r.show("changes")} changes; ${r.show("seconds", 1)} s in all). Built beforehand in ${r.show("buildSeconds", 1)} s`,
    `COPY … TO STDOUT: ${r.show("copyRate")} rows/s`,
    "≥ 100 % of COPY",
    r.median("share") >= 100,
  );
  report(
    "server memory while 4 providers download the snapshot files at once",
    `RSS ${r.show("rssBefore")} MiB before, ${r.show("rssPeak")} MiB at the peak: +${r.show("rssGrowth")} MiB for 4 × ${fmt(r.median("downloaded") / 4)} entries`,
    "files streamed in 1 MiB chunks",
    "streamed: the peak does not grow with the list (< 200 MiB more)",
    r.median("rssGrowth") < 200,
  );
}

/** The change page of 10 000 at random positions, 40 pages. */

export async function changePages(server: AppServer, key: { keyid: string; privateKey: KeyObject }, head: number) {
  const latencies: number[] = [];
  for (let i = 0; i < 40; i++) {
    const after = randomInt(0, Math.max(1, head - 20_000));
    const { ms, value } = await timed(() =>
      signedFetch(server, key, "GET", `/suppressions/changes?after=${after}&limit=10000`),
    );
    if (value.response.status !== 200) throw new Error(`changes answered ${value.response.status}`);
    latencies.push(ms);
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export async function benchChanges(server: AppServer, key: { keyid: string; privateKey: KeyObject }, head: number) {
  const pages = await repeated(runs, () => changePages(server, key, head));
  report(
    "change feed: page of 10 000 at random positions (40 pages)",
    `p50 ${pages.show("p50", 0, " ms")}, p99 ${pages.show("p99", 0, " ms")}`,
    justLoadedNote("changes"),
    "p50 < 100 ms",
    pages.median("p50") < 100,
  );
  const catchUp = await repeated(runs, async () => {
    let after = 0;
    let total = 0;
    const waitedBefore = rateLimitedMs;
    const callsBefore = rateLimitedCalls;
    const { ms } = await timed(async () => {
      for (;;) {
        const { bytes } = await signedFetch(server, key, "GET", `/suppressions/changes?after=${after}&limit=10000`);
        const page = JSON.parse(Buffer.from(bytes).toString()) as { changes: unknown[]; next: number; more: boolean };
        total += page.changes.length;
        after = page.next;
        if (!page.more) break;
      }
    });
    const waited = rateLimitedMs - waitedBefore;
    return {
      overall: total / (ms / 1000),
      unthrottled: total / ((ms - waited) / 1000),
      total,
      seconds: ms / 1000,
      waited: waited / 1000,
      limited: rateLimitedCalls - callsBefore,
    };
  });
  report(
    "change feed: catch-up from seq 0 through every page (honouring 429 Retry-After)",
    `${catchUp.show("overall")} rows/s overall; ${catchUp.show("unthrottled")} rows/s while not rate-limited (${fmt(catchUp.median("total"))} changes in ${catchUp.show("seconds", 1)} s, of which ${catchUp.show("waited", 1)} s waiting on the 600 calls/min/key limit, ${catchUp.show("limited")} calls answered 429)`,
    "—",
    "—",
    null,
  );
}

/**
 * A campaign of 1 M numbers posted in 10 calls of 100 000 (a wash or a mint): the time, and how many entries
 * of `field` the answers held in all.
 */

export async function postCampaign(
  server: AppServer,
  key: { keyid: string; privateKey: KeyObject },
  path: string,
  body: (phones: string[]) => object,
  field: string,
) {
  let entries = 0;
  const { ms } = await timed(async () => {
    for (let call = 0; call < 10; call++) {
      const { response, bytes } = await signedFetch(
        server,
        key,
        "POST",
        path,
        JSON.stringify(body(campaignBatch(call))),
      );
      if (response.status !== 200)
        throw new Error(`${path} answered ${response.status}: ${Buffer.from(bytes).toString().slice(0, 200)}`);
      entries += (JSON.parse(Buffer.from(bytes).toString()) as Record<string, unknown[]>)[field]!.length;
    }
  });
  return { seconds: ms / 1000, entries };
}

/** 1 M numbers washed in 10 calls of 100 000. */

export async function wash(server: AppServer, key: { keyid: string; privateKey: KeyObject }) {
  const { seconds, entries } = await postCampaign(
    server,
    key,
    "/suppressions/check",
    (phones) => ({ sender: "bench-sender-1", phones }),
    "suppressed",
  );
  return { seconds, suppressed: entries };
}

export const campaignBatch = (call: number) =>
  Array.from({ length: 100_000 }, (_, i) => `+2126${10_000_000 + call * 100_000 + i * 7 + 3}`);

export async function benchWash(server: AppServer, key: { keyid: string; privateKey: KeyObject }) {
  const r = await repeated(runs, () => wash(server, key));
  report(
    "wash: 1 M numbers in 10 calls of 100 000",
    `${r.show("seconds", 2, " s")} (${fmt(r.median("suppressed"))} suppressed)`,
    justLoadedNote("wash"),
    "< 5 s",
    r.median("seconds") < 5,
  );
}

export async function benchMint(server: AppServer, key: { keyid: string; privateKey: KeyObject }, client: pg.Client) {
  const r = await repeated(runs, async () => {
    const campaign = `bench-run-${Date.now()}`;
    const { seconds, entries: minted } = await postCampaign(
      server,
      key,
      "/links",
      (phones) => ({ sender: "bench-sender-2", campaign, phones, expires_in_days: 90, declaration: TEST_DECLARATION }),
      "links",
    );
    // Each run mints into the same table as the first: the links table does not grow by a million a run.
    await client.query("DELETE FROM stop_links WHERE campaign = $1", [campaign]);
    await client.query("VACUUM (ANALYZE) stop_links");
    return { seconds, minted };
  });
  report(
    "mint: 1 M links in 10 calls of 100 000",
    `${r.show("seconds", 1, " s")} (${fmt(r.median("minted"))} links)`,
    "—",
    "< 30 s",
    r.median("seconds") < 30,
  );
}
