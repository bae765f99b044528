import "server-only";
import { createHash } from "node:crypto";
import { clientIp } from "@/lib/http/client-ip";
import { ApiProblem, problems } from "@/lib/http/problem";
import { checkRateLimit } from "@/lib/rate-limit/check-rate-limit";
import { parseDateRange, type DateRange } from "@/lib/stats/date-range";
import { toCsv } from "@/lib/stats/to-csv";
import { computeOpenFigures, type OpenFigures } from "./compute-open-figures";
import { DATASETS, isDataset } from "./datasets";
import { openPeriod, type OpenPeriod } from "./open-period";

// GET /api/open/v1/<dataset>.json|.csv and /api/open/v1/datasets.json: public, unsigned, for browsers too
// (CORS), cached here and by anyone in between for five minutes, revalidated by ETag, limited per address.

export const LICENCE = {
  name: "Licence Ouverte / Open Licence 2.0",
  url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
  attribution: "CNDP — StopSMS",
};
const CACHE_SECONDS = 300;
const RATE_LIMIT = { limit: 120, windowMs: 60_000 };

const cache = new Map<string, { at: number; generatedAt: string; figures: OpenFigures }>();

/** Every open table of the period a range asks for, computed at most once per five minutes per instance. */
export async function readOpenFigures(
  range: Pick<DateRange, "from" | "to">,
  now = new Date(),
): Promise<{ period: OpenPeriod; figures: OpenFigures; generatedAt: string }> {
  const period = openPeriod(range, now);
  const key = `${period.days.from}|${period.days.to}|${period.weeks.to}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_SECONDS * 1000) return { period, ...hit };
  const entry = { at: Date.now(), generatedAt: new Date().toISOString(), figures: await computeOpenFigures(period) };
  if (cache.size > 500) cache.clear();
  cache.set(key, entry);
  return { period, ...entry };
}

export function dataDictionary(baseUrl: string) {
  return {
    licence: LICENCE,
    privacy:
      'No phone number, receipt, complaint text or anything per person. Counts from 1 to 9 are published as "< 10", and more cells are hidden wherever a hidden one could be derived from published totals (a day and its channels, a week and its days, a sector and its senders). Periods are whole weeks of finished days; senders\' figures cover finished weeks only, so no difference between two publications isolates one day of one sender.',
    parameters: {
      range: "7d, 30d (default), 90d or custom, widened to whole weeks",
      from: "YYYY-MM-DD (with range=custom)",
      to: "YYYY-MM-DD (with range=custom)",
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

function answer(
  request: Request,
  status: number,
  body: string,
  contentType: string,
  extra: Record<string, string> = {},
): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers: Record<string, string> = {
    "Content-Type": contentType,
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag",
    "Cache-Control": status === 200 ? `public, max-age=${CACHE_SECONDS}` : "no-store",
    ETag: etag,
    ...extra,
  };
  if (status === 200 && request.headers.get("if-none-match") === etag)
    return new Response(null, { status: 304, headers });
  return new Response(body, { status, headers });
}

export async function serveOpenData(request: Request, file: string): Promise<Response> {
  try {
    const limit = await checkRateLimit(RATE_LIMIT, "open-data", clientIp(request.headers));
    if (!limit.allowed) throw problems.rateLimited(limit.retryAfterSeconds);
    const url = new URL(request.url);
    if (file === "datasets.json")
      return answer(request, 200, JSON.stringify(dataDictionary(url.origin)), "application/json; charset=utf-8");
    const match = /^([a-z-]+)\.(json|csv)$/.exec(file);
    if (!match || !isDataset(match[1]!)) throw problems.notFound("no such dataset: see /api/open/v1/datasets.json");
    const [, name, format] = match as unknown as [string, string, "json" | "csv"];
    const { period, figures, generatedAt } = await readOpenFigures(
      parseDateRange(Object.fromEntries(url.searchParams)),
    );
    const dataset = DATASETS[name]!;
    const rows = dataset.pick(figures);
    const covered = dataset.period === "weeks" ? period.weeks : period.days;
    if (format === "csv") {
      const columns = dataset.columns.map((c) => c.name);
      return answer(
        request,
        200,
        toCsv(
          columns,
          rows.map((r) =>
            columns.map((c) => (typeof r[c] === "boolean" ? String(r[c]) : (r[c] as string | number | null))),
          ),
        ),
        "text/csv; charset=utf-8",
        {
          "Content-Disposition": `inline; filename="stopsms-${name}-${covered.from}-${covered.to}.csv"`,
        },
      );
    }
    const periodFields = dataset.period === "now" ? { at: generatedAt } : { from: covered.from, to: covered.to };
    return answer(
      request,
      200,
      JSON.stringify({ dataset: name, ...periodFields, generated_at: generatedAt, licence: LICENCE.name, rows }),
      "application/json; charset=utf-8",
    );
  } catch (error) {
    // The caller's mistakes (unknown dataset, too many calls) as problem+json; anything else is Next's 500.
    if (!(error instanceof ApiProblem)) throw error;
    const problem = error;
    const extra: Record<string, string> =
      problem.code === "rate-limited" ? { "Retry-After": String(problem.extra.retry_after) } : {};
    return answer(request, problem.status, JSON.stringify(problem.toJSON()), "application/problem+json", extra);
  }
}
