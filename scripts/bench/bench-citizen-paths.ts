// The citizen and staff paths round 2 added, each timed from outside like a browser: a "my number" code
// request until its SMS is in the outbox, and a complaint's signed evidence pack (JSON and PDF).
import { randomInt } from "node:crypto";
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { percentile } from "./measure";

/** An analyst's session cookie (the dashboard and evidence benchmarks sign in as staff do). */
export async function signInAnalyst(base: string, client: pg.Client): Promise<string> {
  const email = `bench-${Date.now()}-${randomInt(1_000_000)}@cndp.example`;
  const { hashPassword } = await import("@/lib/auth/password");
  await client.query(
    "INSERT INTO staff_users (email, password_hash, role, updated_at) VALUES ($1, $2, 'analyst', now())",
    [email, await hashPassword("benchmark passphrase")],
  );
  const signIn = await fetch(`${base}/staff/sign-in/submit`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: "benchmark passphrase" }),
    redirect: "manual",
  });
  return signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

const formHeaders = (base: string, address: string) => ({
  "content-type": "application/x-www-form-urlencoded",
  origin: base,
  "sec-fetch-site": "same-origin",
  "x-forwarded-for": address,
});

/** `count` code requests, one after another, each for a new number from its own address. */
export async function measureOtpRequests(base: string, client: pg.Client, count: number) {
  const latencies: number[] = [];
  const phones: string[] = [];
  const start = 71_000_000 + randomInt(0, 5_000_000);
  for (let i = 0; i < count; i++) {
    const phone = `+2127${start + i}`;
    phones.push(phone);
    const started = performance.now();
    const response = await fetch(`${base}/number/code`, {
      method: "POST",
      redirect: "manual",
      headers: formHeaders(base, `10.200.${i >> 8}.${i & 255}`),
      body: `phone=${encodeURIComponent(phone)}`,
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status !== 303) throw new Error(`/number/code answered ${response.status}`);
  }
  const sent = await client.query("SELECT count(DISTINCT phone)::int AS n FROM sms_outbox WHERE phone = ANY($1)", [
    phones,
  ]);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), inOutbox: sent.rows[0].n as number };
}

/** A complaint about an SMS received after a refusal, then its evidence pack `count` times in each format. */
export async function measureEvidencePacks(base: string, client: pg.Client, cookie: string, count: number) {
  const target = await client.query<{ phone: string; sender: string }>(
    `SELECT o.phone, (SELECT name FROM senders ORDER BY id LIMIT 1) AS sender FROM oppositions o
     WHERE o.withdrawn_at IS NULL AND o.scope = 'all' AND o.canary_provider_id IS NULL LIMIT 1`,
  );
  const { phone, sender } = target.rows[0]!;
  const report = await fetch(`${base}/report/submit`, {
    method: "POST",
    redirect: "manual",
    headers: formHeaders(base, `10.201.${randomInt(255)}.${randomInt(255)}`),
    body: new URLSearchParams({
      reason: "after_opposition",
      senderSeen: sender,
      messageText: "Promotion exceptionnelle, -50 % ce week-end seulement",
      receivedOn: new Date().toISOString().slice(0, 10),
      phone,
    }),
  });
  const reference = /reference=(C-[0-9A-Z-]+)/.exec(report.headers.get("location") ?? "")?.[1];
  if (!reference) throw new Error(`/report/submit answered ${report.status} ${report.headers.get("location")}`);
  const time = async (format: string) => {
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const response = await fetch(`${base}/staff/evidence/complaints/${reference}${format}`, { headers: { cookie } });
      const bytes = (await response.arrayBuffer()).byteLength;
      latencies.push(performance.now() - started);
      if (response.status !== 200 || bytes === 0) throw new Error(`evidence pack answered ${response.status}`);
    }
    return { p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  };
  return { json: await time(""), pdf: await time("?format=pdf") };
}
