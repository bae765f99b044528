import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { BarChart } from "@/components/statistics/bar-chart";
import { DownloadsAndMethod } from "@/components/statistics/downloads-and-method";
import { FigureTable } from "@/components/statistics/figure-table";
import { PeriodForm } from "@/components/statistics/period-form";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { numberFormat as numberFormatFor } from "@/lib/i18n/number-format";
import { formatDateTime, formatDay } from "@/lib/i18n/translator";
import { CHANNELS, SCOPES, type Row } from "@/lib/open-data/compute-open-figures";
import { addDays } from "@/lib/open-data/open-period";
import { SUPPRESSED } from "@/lib/open-data/small-cells";
import type { GridPeriod } from "@/lib/open-data/grid";
import { readOpenFigures } from "@/lib/open-data/read-open-data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Statistics");
  return { title: t("title"), description: t("intro") };
}

type Search = Promise<{ period?: string; range?: string }>;

/** Open statistics: server-rendered HTML and SVG only, no client script; the same rows as /api/open/v1. */
export default async function StatisticsPage({ searchParams }: { searchParams: Search }) {
  const { period: asked, range } = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("Statistics"), getLocale() as Promise<Locale>]);
  // A period that is not (or no longer) published shows the last finished week.
  const read = (await readOpenFigures({ period: asked, range })) ?? (await readOpenFigures({}))!;
  const { period, senderMonth, figures, generatedAt, grid } = read;
  const numberFormat = numberFormatFor(locale);
  const show = (value: Row[string] | undefined) =>
    typeof value === "number"
      ? numberFormat.format(value)
      : value === null
        ? t("none")
        : value === SUPPRESSED
          ? t("masked")
          : String(value);
  // A date is one unit in a table's first column: "23 نونبر 2026" broke over three lines at 360 px.
  const day = (value: Row[string] | undefined) => formatDay(locale, String(value)).replace(/ /g, "\u00a0");
  const monthName = new Intl.DateTimeFormat(locale === "ar" ? "ar-MA" : locale, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const label = (p: GridPeriod) =>
    p.kind === "week"
      ? t("weekLabel", { from: day(p.from), to: day(p.to) })
      : monthName.format(new Date(`${p.from}T12:00:00Z`));
  const h = figures.headline[0] ?? {};
  const totals = (rows: Row[]) => rows.filter((r) => r.channel === "total" && r.scope === "total");
  // Each table's cells by (period, channel, scope), looked up once each rather than searched.
  const indexes = new Map<Row[], Map<string, Row>>();
  const cell = (rows: Row[], key: string, at: Row[string] | undefined, channel: string, scope: string) => {
    let index = indexes.get(rows);
    if (!index) indexes.set(rows, (index = new Map(rows.map((r) => [`${String(r[key])}|${r.channel}|${r.scope}`, r]))));
    return show(index.get(`${String(at)}|${channel}|${scope}`)?.new_refusals ?? 0);
  };
  const breakdown = (rows: Row[], key: string) =>
    totals(rows).map((r) => [
      key === "week" ? t("weekLabel", { from: day(r.week), to: day(addDays(String(r.week), 6)) }) : day(r.day),
      show(r.new_refusals),
      ...CHANNELS.map((c) => cell(rows, key, r[key], c, "total")),
      ...SCOPES.map(([, s]) => cell(rows, key, r[key], "total", s)),
      show(r.withdrawals),
    ]);
  const breakdownHead = (first: string) => [
    first,
    t("total"),
    ...CHANNELS.map((c) => t(`channels.${c}`)),
    ...SCOPES.map(([, s]) => t(`scopes.${s}`)),
    t("withdrawalsShort"),
  ];
  const chart = (rows: Row[], label: string, key: string) => (
    <BarChart bars={totals(rows)} label={label} barKey={key} mirrored={locale === "ar"} />
  );
  // Up to the legal delay in hours ("36 h"); past it in whole days ("90 jours", not "2 159,9 h").
  const lag = (hours: Row[string] | undefined) => {
    if (typeof hours !== "number") return hours === null || hours === undefined ? t("none") : show(hours);
    if (hours <= 48) return t("hours", { value: show(hours) });
    const days = Math.round(hours / 24);
    return t("days", { count: days, value: show(days) });
  };
  const table = (head: string[], rows: React.ReactNode[][], label: string) => (
    <FigureTable head={head} rows={rows} label={t("tableOf", { title: label })} empty={t("noData")} />
  );
  const headlineFigures: [string, Row[string]][] = [
    [t("inForceAll"), h.refusals_in_force_all_senders ?? null],
    [t("inForceSender"), h.refusals_in_force_one_sender ?? null],
    [t("newRefusals"), h.new_refusals ?? null],
    [t("withdrawals"), h.withdrawals ?? null],
    [t("complaints"), h.complaints_received ?? null],
    [t("violations"), h.violation_verdicts ?? null],
    ...(h.providers_late === null || h.providers_late === undefined
      ? []
      : [[t("providersLate"), h.providers_late] as [string, Row[string]]]),
  ];
  const sector = (value: Row[string] | undefined) => t(`sectors.${String(value)}` as "sectors.other");
  const sourceKind = (value: Row[string] | undefined) => t(`sourceKinds.${String(value)}` as "sourceKinds.own");
  return (
    <PageShell path="/statistics">
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p className="mt-2">{t("intro")}</p>
      <PeriodForm
        selected={period.id}
        weeks={grid.weeks.map((w) => ({ id: w.id, label: label(w) }))}
        months={grid.months.map((m) => ({ id: m.id, label: label(m) }))}
      />
      <p className="mt-2 text-sm text-slate-700" data-testid="open-period">
        {t("periodValue", { label: label(period), updated: formatDateTime(locale, new Date(generatedAt)) })}
      </p>

      <section aria-labelledby="headline" className="mt-6">
        <h2 id="headline" className="text-xl font-semibold">
          {t("headlineTitle")}
        </h2>
        <dl className="mt-2 grid grid-cols-1 gap-2 sm:grid-cols-2">
          {headlineFigures.map(([label, value]) => (
            <div key={label} className="rounded border border-slate-200 p-3">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-2xl font-bold tabular-nums" dir="ltr">
                {show(value)}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="weekly" className="mt-8">
        <h2 id="weekly" className="text-xl font-semibold">
          {t("weeklyTitle")}
        </h2>
        {chart(figures.refusalsWeekly, t("weeklyChartLabel"), "week")}
        {table(breakdownHead(t("week")), breakdown(figures.refusalsWeekly, "week"), t("weeklyTitle"))}
      </section>

      <section aria-labelledby="daily" className="mt-8">
        <h2 id="daily" className="text-xl font-semibold">
          {t("dailyTitle")}
        </h2>
        {chart(figures.refusalsDaily, t("chartLabel"), "day")}
        {table(breakdownHead(t("day")), breakdown(figures.refusalsDaily, "day"), t("dailyTitle"))}
      </section>

      <section aria-labelledby="senders" className="mt-8">
        <h2 id="senders" className="text-xl font-semibold">
          {t("sendersTitle")}
        </h2>
        <p className="mt-1 text-sm">
          {t("sendersIntro", { min: numberFormat.format(env().STOPSMS_PUBLISH_MIN_LINKS), month: label(senderMonth) })}
        </p>
        {table(
          [
            t("sender"),
            t("sector"),
            t("refusals"),
            t("links"),
            t("per1000"),
            t("complaintsShort"),
            t("violationsShort"),
          ],
          figures.senders.map((s) => [
            String(s.name),
            sector(s.sector),
            show(s.refusals),
            show(s.links_minted),
            show(s.refusals_per_1000_links),
            show(s.complaints),
            show(s.violations),
          ]),
          t("sendersTitle"),
        )}
      </section>

      <section aria-labelledby="sectors" className="mt-8">
        <h2 id="sectors" className="text-xl font-semibold">
          {t("sectorsTitle")}
        </h2>
        {table(
          [t("sector"), t("refusals"), t("links"), t("per1000"), t("complaintsShort"), t("violationsShort")],
          figures.sectors.map((s) => [
            sector(s.sector),
            show(s.refusals),
            show(s.links_minted),
            show(s.refusals_per_1000_links),
            show(s.complaints),
            show(s.violations),
          ]),
          t("sectorsTitle"),
        )}
      </section>

      <section aria-labelledby="sources" className="mt-8">
        <h2 id="sources" className="text-xl font-semibold">
          {t("sourcesTitle")}
        </h2>
        <p className="mt-1 text-sm">
          {t("sourcesIntro", { min: numberFormat.format(env().STOPSMS_PUBLISH_MIN_LINKS), month: label(senderMonth) })}
        </p>
        <h3 className="mt-4 font-semibold">{t("sourceKindsTitle")}</h3>
        {table(
          [t("sourceKind"), t("links"), t("refusals"), t("per1000"), t("noConsent"), t("noConsentPer1000")],
          figures.sourceKinds.map((k) => [
            sourceKind(k.kind),
            show(k.links_minted),
            show(k.refusals),
            show(k.refusals_per_1000_links),
            show(k.no_consent_complaints),
            show(k.no_consent_per_1000_links),
          ]),
          t("sourceKindsTitle"),
        )}
        <h3 className="mt-4 font-semibold">{t("namedSourcesTitle")}</h3>
        {table(
          [
            t("source"),
            t("sourceKind"),
            t("links"),
            t("refusals"),
            t("per1000"),
            t("noConsent"),
            t("noConsentPer1000"),
          ],
          figures.sources.map((s) => [
            <bdi key="name">{String(s.name)}</bdi>,
            sourceKind(s.kind),
            show(s.links_minted),
            show(s.refusals),
            show(s.refusals_per_1000_links),
            show(s.no_consent_complaints),
            show(s.no_consent_per_1000_links),
          ]),
          t("namedSourcesTitle"),
        )}
      </section>

      <section aria-labelledby="complaints" className="mt-8">
        <h2 id="complaints" className="text-xl font-semibold">
          {t("complaintsTitle")}
        </h2>
        {table(
          [
            t("day"),
            t("received"),
            ...(["violation", "within_deadline", "no_opposition", "undetermined", "not_assessed"] as const).map((v) =>
              t(`verdicts.${v}`),
            ),
          ],
          figures.complaintsDaily
            .filter((c) => c.received !== 0)
            .map((c) => [
              day(c.day),
              show(c.received),
              show(c.violation),
              show(c.within_deadline),
              show(c.no_opposition),
              show(c.undetermined),
              show(c.not_assessed),
            ]),
          t("complaintsTitle"),
        )}
      </section>

      {figures.providers.length > 0 && (
        <section aria-labelledby="providers" className="mt-8">
          <h2 id="providers" className="text-xl font-semibold">
            {t("providersTitle")}
          </h2>
          <p className="mt-1 text-sm">{t("providersIntro", { hours: env().STOPSMS_MAX_LAG_HOURS })}</p>
          {table(
            [t("provider"), t("fetchLag"), t("ackLag"), t("late"), t("answersMissing"), t("answersLate")],
            figures.providers.map((p) => [
              String(p.name),
              lag(p.fetch_lag_hours),
              lag(p.ack_lag_hours),
              p.late ? t("yes") : t("no"),
              show(p.answers_missing),
              show(p.answers_late),
            ]),
            t("providersTitle"),
          )}
        </section>
      )}

      <DownloadsAndMethod periodId={period.id} />
    </PageShell>
  );
}
