import { randomInt } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { startAppServer } from "@/scripts/lib/app-server";
import { postOptOut, recordResult } from "./results";

const PORT = 3231;

describe("no acknowledged opposition is lost", () => {
  it("survives kill -9 of the server in the middle of a full-speed opt-out run", async () => {
    const server = await startAppServer(inject("databaseUrl"), PORT);
    const acknowledged = new Map<string, string>();
    let attempts = 0;
    let failures = 0;
    let stop = false;
    const started = Date.now();
    // Each number posted once, and in a range no other test uses: a number already opposed (by an earlier test
    // on this database, or twice here) is answered with a new receipt for the same opposition, which would
    // look like a lost one below (seen once the server took more opt-outs per second).
    let next = randomInt(1_000_000, 5_000_000);
    const worker = async () => {
      while (!stop) {
        const phone = `+21266${next++}`;
        attempts++;
        const { status, receipt } = await postOptOut(server.url, phone);
        if (receipt) acknowledged.set(phone, receipt);
        else failures++;
        if (status === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const beforeKill = acknowledged.size;
    await server.stop("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop = true;
    await Promise.all(workers);
    const seconds = (Date.now() - started) / 1000;

    const restarted = await startAppServer(inject("databaseUrl"), PORT);
    try {
      const phones = [...acknowledged.keys()];
      // Lost: the acknowledged receipt is gone, or no longer names an opposition in force for that number, or
      // the number's feed does not hold exactly one add.
      const rows = await db().$queryRaw<{ phone: string; receipt_id: string; changes: bigint }[]>`
        SELECT o.phone, r.id AS receipt_id, (SELECT count(*) FROM opposition_changes c WHERE c.phone = o.phone AND c.op = 'add') AS changes
        FROM receipts r JOIN oppositions o ON o.id = r.opposition_id
        WHERE r.id = ANY(${[...acknowledged.values()]}::text[]) AND o.scope = 'all' AND o.withdrawn_at IS NULL`;
      const found = new Map(rows.map((r) => [r.phone, r]));
      const lost = phones.filter(
        (p) => found.get(p)?.receipt_id !== acknowledged.get(p) || found.get(p)?.changes !== 1n,
      );
      // The restarted server serves the same receipts.
      const sample = phones.slice(0, 5);
      for (const phone of sample)
        expect((await fetch(`${restarted.url}/receipt/${acknowledged.get(phone)}`)).status).toBe(200);
      recordResult("kill -9 during opt-outs", {
        "acknowledged opt-outs": acknowledged.size,
        "acknowledged before the kill": beforeKill,
        "requests sent": attempts,
        "requests without acknowledgement (refused connections after the kill)": failures,
        "load duration (s)": seconds.toFixed(1),
        "acknowledged per second": Math.round(beforeKill / 4),
        "lost after restart": lost.length,
      });
      expect(acknowledged.size).toBeGreaterThan(50);
      expect(lost).toEqual([]);
    } finally {
      await restarted.stop();
    }
  });
});
