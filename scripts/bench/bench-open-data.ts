import autocannon from "autocannon";
import type { AppServer } from "@/scripts/lib/app-server";
import { percentile, repeated, timed, type Figures, type Runs } from "./measure";

// The open statistics: what a public request costs on the fixed grid of periods (finished ISO weeks and
// months), the one computation of the whole window it needs every five minutes, and whether the server
// stays responsive while anyone sends the most expensive public request at its allowed rate.

const DATASETS = [
  "headline",
  "refusals-daily",
  "refusals-weekly",
  "senders",
  "sectors",
  "sources",
  "source-kinds",
  "complaints-daily",
  "providers",
];
type Report = (benchmark: string, result: string, reference: string, target: string, met: boolean | null) => void;

function isoWeek(monday: Date): string {
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Every published period: the finished weeks and months of the last 13 months. */
function gridPeriods(): string[] {
  const now = new Date();
  const thisMonday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  thisMonday.setUTCDate(thisMonday.getUTCDate() - ((thisMonday.getUTCDay() + 6) % 7));
  const weeks = Array.from({ length: 52 }, (_, i) =>
    isoWeek(new Date(thisMonday.getTime() - (i + 1) * 7 * 86_400_000)),
  );
  const months = Array.from({ length: 13 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
  return [...weeks, ...months];
}

async function get(url: string, address: string): Promise<{ ms: number; status: number }> {
  const { ms, value } = await timed(() =>
    fetch(url, { headers: { "x-forwarded-for": address } }).then(async (r) => (await r.arrayBuffer(), r.status)),
  );
  return { ms, status: value };
}

export async function benchOpenData(server: AppServer, runs: number, report: Report): Promise<void> {
  const periods = gridPeriods();
  const paths = DATASETS.map((d) => `/api/open/v1/${d}.json`).concat(["/statistics"]);
  // The first request after start computes the whole window (13 months of rollups) once.
  const cold = await get(`${server.url}/api/open/v1/senders.json?period=${periods.at(-1)}`, "10.78.0.1");
  if (cold.status !== 200) throw new Error(`open data answered ${cold.status}`);
  // Each path once before measuring: the first request of a route loads its code.
  for (const path of paths) await get(`${server.url}${path}?period=${periods[0]}`, "10.78.0.2");
  const r = await repeated(runs, async (run) => {
    const figures: Figures = {};
    let worst = 0;
    for (const [p, path] of paths.entries()) {
      const latencies: number[] = [];
      for (let i = 0; i < 25; i++) {
        const period = periods[(i + 25 * p + run) % periods.length]!;
        const { ms, status } = await get(
          `${server.url}${path}?period=${period}`,
          `10.77.${i}.${p + paths.length * run}`,
        );
        if (status !== 200) throw new Error(`${path} answered ${status}`);
        latencies.push(ms);
      }
      figures[path] = percentile(latencies, 95);
      worst = Math.max(worst, ...latencies);
    }
    figures.worst = worst;
    return figures;
  });
  report(
    "open statistics: each dataset and /statistics for 25 grid periods (weeks and months) each (p95 ms)",
    paths.map((path) => `${path.replace("/api/open/v1/", "").replace(".json", "")} ${r.show(path)}`).join(", ") +
      `; worst single request ${r.show("worst")} ms; the whole window computed once: ${Math.round(cold.ms)} ms`,
    "—",
    "< 100 ms p95 each, worst < 100 ms",
    paths.every((path) => r.median(path) < 100) && r.median("worst") < 100,
  );
  const health = await healthUnderOpenDataLoad(server, runs, periods);
  report(
    "/api/health probed 20 times a second while one client sends the heaviest public requests at the open data's allowed rate (/statistics of a month and senders.json, 2 a second each)",
    `health p99 ${health.show("healthP99")} ms; /statistics p99 ${health.show("pageP99")} ms`,
    "—",
    "health p99 < 50 ms",
    health.median("healthP99") < 50,
  );
}

async function healthUnderOpenDataLoad(server: AppServer, runs: number, periods: string[]): Promise<Runs> {
  const months = periods.filter((p) => !p.includes("W"));
  return repeated(runs, async (run) => {
    const pageLatencies: number[] = [];
    let stop = false;
    // One client at the open data's allowed rate (120 a minute per address): 2 requests a second, each path.
    const senders = ["/statistics", "/api/open/v1/senders.json"].map(async (path, a) => {
      for (let i = 0; !stop; i++) {
        const started = Date.now();
        const { ms, status } = await get(
          `${server.url}${path}?period=${months[(i + a) % months.length]}`,
          `10.79.${run}.${a}`,
        );
        if (status !== 200) throw new Error(`${path} answered ${status}`);
        if (path === "/statistics") pageLatencies.push(ms);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 500 - (Date.now() - started))));
      }
    });
    // A monitoring probe's pace, not a flood: what it sees is what an operator's health check sees.
    const result = await new Promise<autocannon.Result>((resolve, reject) =>
      autocannon({ url: `${server.url}/api/health`, connections: 1, overallRate: 20, duration: 10 }, (error, res) =>
        error ? reject(error) : resolve(res),
      ),
    );
    stop = true;
    await Promise.all(senders);
    return { healthP99: result.latency.p99, pageP99: percentile(pageLatencies, 99) };
  });
}
