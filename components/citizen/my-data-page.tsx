import type { Locale } from "@/lib/i18n/locales";
import { phoneNumber, receiptId } from "./ltr-words";
import { isolated, senderNodes } from "./sender-nodes";
import { formatDateTime, translatorIn } from "@/lib/i18n/translator";
import type { MyData } from "@/lib/my-number/export-my-number";
import { formatPhone } from "@/lib/phone/format-phone";

const KEYS = ["oppositions", "changes", "receipts", "links", "complaints", "verification_codes"] as const;
const REASONS = ["after_opposition", "no_mention", "no_consent", "other"] as const;
const STATUSES = ["new", "reviewing", "forwarded", "closed"] as const;
const pick = <K extends string>(keys: readonly K[], value: string, fallback: K): K =>
  keys.find((k) => k === value) ?? fallback;

/**
 * "My data" (law 09-08 right of access) as a document the citizen reads and can print, in their language;
 * the same data as a JSON file beside it, its keys described at the end.
 */
export function MyDataPage({ locale, data }: { locale: Locale; data: MyData }) {
  const t = translatorIn(locale, "MyData");
  const when = (date: Date | string | null) => (date ? formatDateTime(locale, new Date(date)) : "—");
  const what = (o: { scope: string; sender: { name: string } | null; list_source?: { name: string } | null }) =>
    o.sender
      ? t.rich("whatSender", senderNodes(o.sender.name))
      : o.list_source
        ? t.rich("whatSource", isolated({ source: o.list_source.name }))
        : t("whatAll");
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p className="mt-2">
        {t.rich("intro", {
          phone: formatPhone(data.phone),
          date: when(data.exported_at),
          num: phoneNumber,
        })}
      </p>
      <p className="mt-2">{t("notKept")}</p>

      <Section id="oppositions" title={t("oppositionsTitle")} empty={data.oppositions.length === 0 && t("none")}>
        {data.oppositions.map((o) => (
          <li key={o.receipt} className="border-s-4 border-slate-300 ps-3">
            <p className="font-semibold">{what(o)}</p>
            <p className="text-sm text-slate-700">
              {t("since", { date: when(o.since) })} ·{" "}
              {o.withdrawn_at ? t("endedOn", { date: when(o.withdrawn_at) }) : t("inForce")} ·{" "}
              <a href={`/receipt/${o.receipt}`} className="underline">
                {t.rich("receipt", { id: o.receipt, r: receiptId })}
              </a>
            </p>
          </li>
        ))}
      </Section>

      <Section id="receipts" title={t("receiptsTitle")} empty={data.receipts.length === 0 && t("none")}>
        {data.receipts.map((r) => (
          <li key={r.id}>
            <a href={`/receipt/${r.id}`} className="underline">
              {t.rich("receipt", { id: r.id, r: receiptId })}
            </a>{" "}
            · {r.op === "add" ? t("receiptAdd") : t("receiptRemove")} · {what({ ...r, list_source: null })} ·{" "}
            {when(r.at)}
          </li>
        ))}
      </Section>

      <Section id="links" title={t("linksTitle")} empty={data.links.length === 0 && t("none")}>
        {data.links.map((l) => (
          <li key={l.code} className="border-s-4 border-slate-300 ps-3">
            <p className="font-semibold">
              <bdi>{l.sender.name}</bdi>
            </p>
            <p className="text-sm text-slate-700">
              {t("linkBy", { provider: l.provider.name, date: when(l.created_at) })}
              {l.declaration && (
                <>
                  {" · "}
                  {t.rich("linkSource", isolated({ source: l.declaration.source_name ?? l.declaration.source ?? "" }))}
                </>
              )}
              {l.confirmed_at && <> · {t("linkUsed", { date: when(l.confirmed_at) })}</>}
            </p>
          </li>
        ))}
      </Section>

      <Section id="complaints" title={t("complaintsTitle")} empty={data.complaints.length === 0 && t("none")}>
        {data.complaints.map((c) => (
          <li key={c.id} className="border-s-4 border-slate-300 ps-3">
            <p className="font-semibold">
              {t(`reasons.${pick(REASONS, c.reason, "other")}`)} · <bdi>{c.senderSeen}</bdi>
            </p>
            <p className="text-sm text-slate-700">
              {t("complaintRef", { id: c.id, date: when(c.createdAt) })} ·{" "}
              {t(`statuses.${pick(STATUSES, c.status, "new")}`)}
            </p>
            <p className="mt-1 whitespace-pre-line text-sm" dir="auto">
              {c.messageText}
            </p>
          </li>
        ))}
      </Section>

      <Section id="codes" title={t("codesTitle")} empty={data.verification_codes.length === 0 && t("none")}>
        {data.verification_codes.map((c, i) => (
          <li key={i}>
            {when(c.createdAt)} · {c.usedAt ? t("codeUsed", { date: when(c.usedAt) }) : t("codeUnused")}
          </li>
        ))}
      </Section>

      <section aria-labelledby="file" className="mt-8">
        <h2 id="file" className="text-xl font-semibold">
          {t("fileTitle")}
        </h2>
        <p className="mt-2">{t("fileBody")}</p>
        <a
          href="/number/data.json"
          download
          className="mt-3 inline-block rounded-lg border-2 border-brand-700 px-4 py-3 font-semibold text-brand-800"
        >
          {t("download")}
        </a>
        <dl className="mt-4 space-y-1 text-sm">
          {KEYS.map((key) => (
            <div key={key}>
              <dt className="inline font-mono" dir="ltr">
                {key}
              </dt>{" "}
              <dd className="inline">— {t(`keys.${key}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
      <p className="mt-8">
        <a href="/number" className="font-semibold text-brand-800 underline">
          {t("back")}
        </a>
      </p>
    </>
  );
}

function Section({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty: string | false;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {empty ? <p className="mt-2">{empty}</p> : <ul className="mt-3 space-y-2">{children}</ul>}
    </section>
  );
}
