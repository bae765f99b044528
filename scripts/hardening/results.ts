import { appendFileSync, mkdirSync } from "node:fs";

export const RESULTS_FILE = ".data/hardening/results.jsonl";

/** Each hardening test records its figures; the run's teardown writes them to docs/reliability.md. */
export function recordResult(name: string, figures: Record<string, string | number>): void {
  mkdirSync(".data/hardening", { recursive: true });
  appendFileSync(RESULTS_FILE, `${JSON.stringify({ name, figures, at: new Date().toISOString() })}\n`);
  console.log(
    `[hardening] ${name}: ${Object.entries(figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(", ")}`,
  );
}

/** Runs tasks with at most `concurrency` in flight. */
export async function pool<T>(
  items: T[],
  concurrency: number,
  run: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        await run(items[index]!, index);
      }
    }),
  );
}

let ipCounter = 0;
/** A distinct client address per request, so per-address rate limits do not shape a load test. */
export function nextIp(): string {
  ipCounter++;
  // Each call from another /24 as well: citizens come from many networks (the per-network cap is its own test).
  return `10.${(ipCounter >> 16) & 255}.${ipCounter & 255}.${(ipCounter >> 8) & 255}`;
}

/**
 * One citizen's opt-out through the /stop form, from a fresh address: the HTTP status (0 when no answer came)
 * and the receipt id when the refusal was acknowledged (303 to its receipt).
 */
export async function postOptOut(baseUrl: string, phone: string): Promise<{ status: number; receipt: string | null }> {
  try {
    const response = await fetch(`${baseUrl}/stop/submit`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": nextIp() },
      body: new URLSearchParams({ phone, scope: "all" }),
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    const receipt = /\/receipt\/(R-[A-Z0-9-]+)$/.exec(response.headers.get("location") ?? "")?.[1] ?? null;
    return { status: response.status, receipt: response.status === 303 ? receipt : null };
  } catch {
    return { status: 0, receipt: null };
  }
}
