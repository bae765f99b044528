import { randomInt } from "node:crypto";
import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { startAppServer } from "@/scripts/lib/app-server";
import { postOptOut, recordResult } from "./results";

const PORT = 3246;

/** A /stop post whose body arrives slowly: it is in flight, for sure, when the server is told to stop. */
function slowOptOut(
  url: string,
  phone: string,
  onHeadersSent: () => void,
): Promise<{ status: number; location: string }> {
  const body = new URLSearchParams({ phone, scope: "all" }).toString();
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/stop/submit`,
      {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": String(body.length),
          "x-forwarded-for": `10.66.${randomInt(0, 250)}.${randomInt(1, 250)}`,
          connection: "keep-alive",
        },
      },
      (response) => {
        response.resume();
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, location: String(response.headers.location ?? "") }),
        );
      },
    );
    request.on("error", reject);
    request.write(body.slice(0, 5));
    request.flushHeaders();
    onHeadersSent();
    setTimeout(() => request.end(body.slice(5)), 1_500);
  });
}

describe("a stop (SIGTERM) drains the server", () => {
  it("finishes the requests in flight, loses no acknowledged opposition, and exits within the bound", async () => {
    const server = await startAppServer(inject("databaseUrl"), PORT);
    const acknowledged = new Map<string, string>();
    let stopping = false;
    let load = true;
    let refusedAfterStop = 0;
    // Each number once, in a range no other test uses: a number already opposed gets a new receipt for the same
    // opposition, which would look like a lost one below.
    let next = randomInt(1_000_000, 5_000_000);
    const worker = async () => {
      while (load) {
        const phone = `+21267${next++}`;
        const { receipt } = await postOptOut(server.url, phone);
        if (receipt) acknowledged.set(phone, receipt);
        else if (stopping) {
          refusedAfterStop++;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const slowPhone = `+21267${next++}`;
    let headersSent!: () => void;
    const sent = new Promise<void>((resolve) => (headersSent = resolve));
    const slow = slowOptOut(server.url, slowPhone, () => headersSent());
    await sent;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalled = Date.now();
    stopping = true;
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      server.process.once("exit", (code) => resolve({ code, at: Date.now() })),
    );
    server.process.kill("SIGTERM");
    const slowAnswer = await slow;
    const exit = await exited;
    load = false;
    await Promise.all(workers);

    const phones = [...acknowledged.keys()];
    const rows = await db().$queryRaw<{ phone: string; receipt_id: string }[]>`
      SELECT phone, receipt_id FROM oppositions WHERE phone = ANY(${[...phones, slowPhone]}::text[]) AND scope = 'all'`;
    const found = new Map(rows.map((r) => [r.phone, r.receipt_id]));
    const lost = phones.filter((p) => found.get(p) !== acknowledged.get(p));
    recordResult("graceful stop (SIGTERM) under load", {
      "acknowledged opt-outs": acknowledged.size,
      "request in flight at the signal (slow body)": `${slowAnswer.status} ${slowAnswer.location.replace(/^.*\/receipt\//, "receipt ")}`,
      "exit after the signal (s)": ((exit.at - signalled) / 1000).toFixed(1),
      "exit code": String(exit.code),
      "requests refused once stopping (new connections)": refusedAfterStop,
      "lost acknowledged oppositions": lost.length,
    });
    // The request that was still sending its body when the signal came was finished and answered.
    expect(slowAnswer.status).toBe(303);
    expect(found.has(slowPhone)).toBe(true);
    expect(slowAnswer.location).toContain(`/receipt/${found.get(slowPhone)}`);
    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(12_000);
    expect(acknowledged.size).toBeGreaterThan(20);
    expect(lost).toEqual([]);
  });
});
