import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { publishTreeHeadIfDue } from "@/lib/transparency-log/published-head";
import { buildSnapshotFilesIfDue } from "@/lib/snapshot-files/build-snapshot-files";
import { checkRollups } from "./check-rollups";
import { markMissedDeadlines } from "./mark-missed-deadlines";
import { purgeExpiredData } from "./purge-expired-data";
import { TIME_ZONE } from "@/lib/time-zone";

// Scheduled jobs on PostgreSQL itself (pg-boss, schema `pgboss`): no extra server. Every instance starts a
// worker; pg-boss hands each scheduled run to exactly one of them. Times are Moroccan.
export const SCHEDULES = [
  { name: "retention-purge", cron: "17 3 * * *", run: async () => ({ purged: await purgeExpiredData() }) },
  // The transparency log's hourly tree head (docs/protocol.md 1.1 log/tree-heads), unless a visitor's request
  // published one in the last 55 minutes (published-head.ts: never two heads close together).
  {
    name: "log-tree-head",
    cron: "0 * * * *",
    run: async () => ({ treeHead: await publishTreeHeadIfDue(5 * 60_000) }),
  },
  // The dashboard's rollups recounted from the feed (last 3 days), repaired and audited if they disagree.
  { name: "rollup-check", cron: "40 * * * *", run: async () => ({ check: await checkRollups(3) }) },
  // Complaints past their answer deadline without an answer: the miss recorded once, audited.
  { name: "complaint-deadlines", cron: "*/15 * * * *", run: async () => await markMissedDeadlines() },
  // Snapshot files (docs/protocol.md 1.1): checked every minute, built every STOPSMS_SNAPSHOT_MINUTES at
  // most and only when the feed moved; old files deleted once no recent manifest names them.
  {
    name: "snapshot-files",
    cron: "* * * * *",
    run: async () => {
      const build = await buildSnapshotFilesIfDue(env().STOPSMS_SNAPSHOT_MINUTES);
      return build
        ? { snapshotFiles: { at: String(build.at), files: build.files.length, ms: build.ms } }
        : { quiet: true };
    },
  },
] as const;

/**
 * Off on the embedded database: PGlite serves every connection from one session, where pg-boss's own
 * transactions would interleave with the app's. A trial run does not need retention jobs.
 */
export async function startJobs(): Promise<PgBoss | null> {
  const { STOPSMS_JOBS, DATABASE_URL } = env();
  if (STOPSMS_JOBS === "off" || process.env.STOPSMS_EMBEDDED === "1") return null;
  const boss = new PgBoss({ connectionString: DATABASE_URL, max: 2, application_name: "stopsms-jobs" });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  for (const job of SCHEDULES) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: TIME_ZONE });
    await boss.work(job.name, async () => {
      const result: Record<string, unknown> = await job.run();
      // A check that found nothing to do (most minutes of the snapshot files' job) is not worth a line.
      if (!result.quiet) logger.info({ job: job.name, ...result }, "scheduled job done");
      return result;
    });
  }
  return boss;
}
