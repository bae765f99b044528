import { generateKeyPairSync, randomInt } from "node:crypto";
import PgBoss from "pg-boss";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { signRequest } from "@/lib/web/signatures/sign-request";
import { createProvider, createSender } from "@/lib/testing/fixtures";
import { startAppServer } from "@/scripts/lib/app-server";
import { recordResult } from "./results";

const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";

describe("two instances on one database and one Redis", () => {
  it("refuse a replay across instances, share rate limits, and run a scheduled job once", async () => {
    const env = { REDIS_URL, STOPSMS_JOBS: "on" };
    const [a, b] = await Promise.all([
      startAppServer(inject("databaseUrl"), 3243, env),
      startAppServer(inject("databaseUrl"), 3244, env),
    ]);
    try {
      // A signed request served by A is a replay on B.
      const sender = await createSender();
      const provider = await createProvider([sender.id]);
      const { publicKey, privateKey } = generateKeyPairSync("ed25519");
      const keyid = `${provider.slug}-multi`;
      await db().providerKey.create({
        data: {
          keyid,
          providerId: provider.id,
          publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
        },
      });
      const headers = await signRequest({ method: "GET", url: `${a.url}/api/v1/senders`, keyid, privateKey });
      expect((await fetch(`${a.url}/api/v1/senders`, { headers })).status).toBe(200);
      // Same path and query on the other instance: the signature still verifies, the nonce is spent.
      const replay = await fetch(`${b.url}/api/v1/senders`, { headers });
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as { code: string }).code).toBe("replayed");

      // One address, alternating instances: the 21st /stop post in ten minutes is refused. Redis outlives this
      // run (its counters too, for ten minutes), so the address is drawn at random rather than counted.
      const ip = `100.${64 + randomInt(64)}.${randomInt(256)}.${randomInt(1, 255)}`;
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        const server = i % 2 ? b : a;
        const response = await fetch(`${server.url}/stop/submit`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip },
          body: "phone=12",
          redirect: "manual",
        });
        statuses.push(response.status);
      }
      expect(statuses.slice(0, 20).every((s) => s === 303)).toBe(true);
      expect(statuses[20]).toBe(429);

      // A run of the retention job, sent once, is done by exactly one of the two instances' workers.
      const before = await db().auditLog.count({ where: { action: "retention.purge" } });
      const boss = new PgBoss({ connectionString: inject("databaseUrl"), max: 1, supervise: false, schedule: false });
      await boss.start();
      let runs = 0;
      try {
        for (let i = 0; i < 40; i++) {
          // Both workers must have created the queue (they do at start).
          if ((await boss.getQueue("retention-purge")) !== null) break;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
        const jobId = await boss.send("retention-purge", {});
        for (let i = 0; i < 60; i++) {
          const job = jobId ? await boss.getJobById("retention-purge", jobId) : null;
          if (job?.state === "completed") break;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        runs = (await db().auditLog.count({ where: { action: "retention.purge" } })) - before;
      } finally {
        await boss.stop({ graceful: false, wait: false });
      }
      expect(runs).toBe(1);
      recordResult("several instances", {
        "replay on the other instance": "401 replayed",
        "/stop posts from one address across two instances before 429": statuses.filter((s) => s === 303).length,
        "runs of one retention job with two workers": runs,
      });
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
