import "server-only";
import { ApiProblem, problems } from "@/lib/problems";
import { env } from "@/lib/env";
import { readCompliance, type ComplianceRow } from "@/lib/stats/read-compliance";
import { toCsv } from "@/lib/stats/to-csv";
import { openFiguresFor, type OpenFigures } from "./compute-open-figures";
import { DATASETS, isDataset } from "./datasets";
import { gridPeriods, parseGridPeriod, senderMonthOf, type GridPeriod } from "./grid";
import { buildOpenLattice, type OpenLattice } from "./open-lattice";
import { readOpenRows } from "./read-open-rows";

// The open data's files (/api/open/v1/<dataset>.json|.csv, datasets.json) as plain values; served over HTTP,
// cached, revalidated and limited per address by lib/web/serve-open-data.ts.

export const LICENCE = {
  name: "Licence Ouverte / Open Licence 2.0",
  url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
  attribution: "CNDP — StopSMS",
};
export const CACHE_SECONDS = 300;

interface Window {
  generatedAt: string;
  grid: ReturnType<typeof gridPeriods>;
  lattice: OpenLattice;
  compliance: ComplianceRow[] | null;
}
// One per process, not per bundle: Next bundles the /statistics page and the /api/open/v1 route apart, and two
// module-level caches computed minutes apart made the page and its own downloads disagree.
type Cached = { at: number; days: string; window: Promise<Window> } | null;
const shared = globalThis as unknown as { stopsmsOpenWindow?: Cached };

/**
 * The whole window's cells, computed at most once per five minutes per instance (concurrent requests share
 * one computation), and again as soon as a week or a month ends: a public request then costs the rows it
 * returns, whatever period it asks for.
 */
function readWindow(now = new Date()): Promise<Window> {
  const grid = gridPeriods(now);
  const days = `${grid.days.from}|${grid.days.to}`;
  const current = shared.stopsmsOpenWindow;
  if (current && current.days === days && Date.now() - current.at < CACHE_SECONDS * 1000) return current.window;
  const window = (async () => {
    const [rows, compliance] = await Promise.all([
      readOpenRows(grid.days),
      env().STOPSMS_PUBLISH_PROVIDERS === "on"
        ? readCompliance({ from: grid.days.from, to: grid.days.to, preset: "custom" })
        : Promise.resolve(null),
    ]);
    const lattice = buildOpenLattice(rows, grid, env().STOPSMS_PUBLISH_MIN_LINKS);
    return { generatedAt: new Date().toISOString(), grid, lattice, compliance };
  })();
  const entry = { at: Date.now(), days, window };
  shared.stopsmsOpenWindow = entry;
  window.catch(() => {
    if (shared.stopsmsOpenWindow === entry) shared.stopsmsOpenWindow = null;
  });
  return window;
}

/** Forgets the computed window (tests that write figures, then read them at once). */
export function forgetOpenWindow(): void {
  shared.stopsmsOpenWindow = null;
}

/** Every open table of one grid period (null: the query names no published period). */
export async function readOpenFigures(
  params: { period?: string; range?: string },
  now = new Date(),
): Promise<{
  period: GridPeriod;
  senderMonth: GridPeriod;
  figures: OpenFigures;
  generatedAt: string;
  grid: Window["grid"];
} | null> {
  const period = parseGridPeriod(params, now);
  if (!period) return null;
  const window = await readWindow(now);
  const senderMonth = senderMonthOf(period, now);
  const figures = openFiguresFor(
    window.lattice,
    period,
    senderMonth,
    window.grid,
    window.compliance,
    env().STOPSMS_MAX_LAG_HOURS,
  );
  return { period, senderMonth, figures, generatedAt: window.generatedAt, grid: window.grid };
}

const unknownPeriod = () =>
  new ApiProblem(
    422,
    "unknown-period",
    "No such published period",
    "period is a finished ISO week (2026-W48) or month (2026-11) of the last 13 months: see /api/open/v1/datasets.json",
  );

export function dataDictionary(baseUrl: string) {
  return {
    licence: LICENCE,
    privacy:
      "No phone number, receipt, complaint text or anything per person. Figures are published on a fixed grid: finished ISO weeks and calendar months of the last 13 months, and their days; senders, sectors and list sources per month only. Counts from 1 to 9 are published as \"masked\", and so is any other cell from which a masked one could be recovered: inside a day (its total, channels and scopes), a week's or a month's cell unless every one of its days' cells is shown, inside a month's sectors and senders, inside a month's kinds of list source and named sources (with the rest of each kind's sources). This is decided once for the whole grid, so a cell is masked in every file that carries it, and no combination of published totals (differences of files or periods included) gives one back.",
    parameters: {
      period:
        "An ISO week (2026-W48) or a month (2026-11), finished, within the last 13 months; default: the last finished week",
      range: "Older links: 7d is the last finished week; 30d, 90d and custom the last finished month",
    },
    datasets: Object.fromEntries(
      Object.entries(DATASETS).map(([name, d]) => [
        name,
        {
          title: d.title,
          description: d.description,
          columns: d.columns,
          json: `${baseUrl}/api/open/v1/${name}.json`,
          csv: `${baseUrl}/api/open/v1/${name}.csv`,
        },
      ]),
    ),
  };
}

export interface OpenDataFile {
  body: string;
  contentType: string;
  filename?: string;
}

/** One published file; an unknown dataset or period is the caller's mistake (ApiProblem, 404 or 422). */
export async function readOpenDataFile(
  file: string,
  params: Record<string, string>,
  origin: string,
): Promise<OpenDataFile> {
  if (file === "datasets.json")
    return { body: JSON.stringify(dataDictionary(origin)), contentType: "application/json; charset=utf-8" };
  const match = /^([a-z-]+)\.(json|csv)$/.exec(file);
  if (!match || !isDataset(match[1]!)) throw problems.notFound("no such dataset: see /api/open/v1/datasets.json");
  const [, name, format] = match as unknown as [string, string, "json" | "csv"];
  const read = await readOpenFigures(params);
  if (!read) throw unknownPeriod();
  const { period, senderMonth, figures, generatedAt } = read;
  const dataset = DATASETS[name]!;
  const rows = dataset.pick(figures);
  const covered = dataset.period === "month" ? senderMonth : period;
  if (format === "csv") {
    const columns = dataset.columns.map((c) => c.name);
    const csv = toCsv(
      columns,
      rows.map((r) =>
        columns.map((c) => (typeof r[c] === "boolean" ? String(r[c]) : (r[c] as string | number | null))),
      ),
    );
    return {
      body: csv,
      contentType: "text/csv; charset=utf-8",
      filename: `stopsms-${name}-${covered.from}-${covered.to}.csv`,
    };
  }
  const periodFields =
    dataset.period === "now" ? { at: generatedAt } : { period: covered.id, from: covered.from, to: covered.to };
  return {
    body: JSON.stringify({ dataset: name, ...periodFields, generated_at: generatedAt, licence: LICENCE.name, rows }),
    contentType: "application/json; charset=utf-8",
  };
}
