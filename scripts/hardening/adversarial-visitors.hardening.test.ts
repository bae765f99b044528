import { describe, expect, inject, it } from "vitest";
import { createStaffUser } from "@/lib/auth/create-staff-user";
import { db, pool } from "@/lib/db/client";
import { uniquePhone, uniqueSlug } from "@/lib/testing/fixtures";
import { startAppServer } from "@/scripts/lib/app-server";
import { ADVERSARIAL_ENV, cli, form } from "./adversarial-parties";
import { nextIp, recordResult } from "./results";

// The adversarial suite's second half (the first: adversarial.hardening.test.ts): citizens, visitors, an
// anonymous caller and staff against the others — accusations, SMS pumping, the network cap, the log's
// publication boundary, a distributed lock-out. Each outcome is written to docs/reliability.md by the run.

const PORT = 3252;
const outcomes: Record<string, string> = {};
const outcome = (attack: string, result: string) => (outcomes[attack] = result);

describe("the adversarial suite: citizens, visitors and staff", () => {
  it("refuses what a visitor, a stranger or a network does to someone else, and lets the legitimate one through", async () => {
    const server = await startAppServer(inject("databaseUrl"), PORT, ADVERSARIAL_ENV);
    try {
      // Citizens and visitors: unverified accusations, codes to foreign numbers, the network cap.
      const framed = uniquePhone();
      for (let i = 0; i < 20; i++)
        await form(server, "/report/submit", {
          reason: "no_mention",
          senderSeen: framed,
          messageText: "spam",
          receivedOn: new Date().toISOString().slice(0, 10),
        });
      const verifiedAgainst = await db().complaint.count({ where: { originatorPhone: framed, verified: true } });
      expect(verifiedAgainst).toBe(0);
      outcome(
        "a visitor accuses a competitor's number 20 times",
        "20 unverified reports, 0 verified: never flagged, in no CSV or dossier",
      );
      const before = await db().smsOutbox.count();
      const foreignCodes = [];
      for (const phone of ["+33612345678", "+212522123456", "+447911123456"])
        foreignCodes.push((await form(server, "/number/code", { phone })).status);
      expect(await db().smsOutbox.count()).toBe(before);
      outcome(
        "a visitor asks codes for foreign, fixed and premium numbers (SMS pumping)",
        `no SMS sent (answers ${foreignCodes.join(", ")})`,
      );
      const holder = uniquePhone();
      for (let i = 0; i < 10; i++) await form(server, "/number/code", { phone: holder });
      const sent = await db().smsOutbox.count({ where: { phone: holder } });
      expect(sent).toBeLessThanOrEqual(2);
      outcome(
        "a stranger asks 10 codes for someone's number at once",
        `${sent} SMS sent; the holder waits at most 15 minutes`,
      );
      const network = "100.64.9";
      const capped = [];
      for (let i = 1; i <= 7; i++)
        capped.push(
          (await form(server, "/stop/submit", { phone: uniquePhone(), scope: "all" }, `${network}.${i}`)).status,
        );
      expect(capped.slice(0, 5).every((s) => s === 303)).toBe(true);
      expect(capped.slice(5)).toEqual([200, 200]);
      const elsewhere = await form(server, "/stop/submit", { phone: uniquePhone(), scope: "all" }, "100.65.1.1");
      expect(elsewhere.status).toBe(303);
      outcome(
        "one network sends unverified refusals past its hourly cap (5)",
        `first 5 recorded, then the verified way offered (${capped.join(" ")}); another network still records`,
      );

      // Anonymous: racing /stop between two publications of the log at the hour's boundary.
      await pool().query("UPDATE log_tree_heads SET at = at - interval '2 hours'");
      const since = new Date();
      const heads = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          if (i === 4) await form(server, "/stop/submit", { phone: uniquePhone(), scope: "all" });
          const response = await fetch(`${server.url}/api/v1/log/tree-head`, {
            headers: { "x-forwarded-for": nextIp() },
          });
          return ((await response.json()) as { size: number }).size;
        }),
      );
      const published = await pool().query<{ n: string }>("SELECT count(*) AS n FROM log_tree_heads WHERE at >= $1", [
        since,
      ]);
      expect(Number(published.rows[0]!.n)).toBe(1);
      expect(new Set(heads).size).toBe(1);
      outcome(
        "a visitor posts /stop between public tree-head requests at the publication boundary",
        "one head published for all of them: every answer shows the same size",
      );

      // Staff: a distributed lock-out attempt.
      const email = `${uniqueSlug("adv")}@cndp.example`;
      await createStaffUser(cli, { email, role: "admin", password: "correct horse battery staple" });
      await Promise.all(
        Array.from({ length: 30 }, () =>
          form(server, "/staff/sign-in/submit", { email, password: "wrong" }).then((r) => r.arrayBuffer()),
        ),
      );
      const holderSignIn = await form(server, "/staff/sign-in/submit", {
        email,
        password: "correct horse battery staple",
      });
      expect(holderSignIn.headers.get("location")).toBe("/staff");
      outcome(
        "wrong passwords for an admin from 30 addresses",
        "the admin still signs in from their own address (slowed, alerted)",
      );
    } finally {
      await server.stop();
      recordResult("adversarial suite: citizens, visitors and staff", outcomes);
    }
  });
});
