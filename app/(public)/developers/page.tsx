import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageShell } from "@/components/page-shell";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { numberFormat } from "@/lib/i18n/number-format";
import { ENDPOINT_EXAMPLES, fillExample } from "@/lib/sync/endpoint-examples";
import { curlExample, nodeExample, phpExample, pythonExample } from "@/lib/sync/examples";
import { API_RATE_LIMIT } from "@/lib/web/api/handle-signed-request";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Developers");
  return { title: t("title") };
}

function Code({ children, label }: { children: string; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs leading-relaxed text-slate-50"
      dir="ltr"
    >
      <code>{children}</code>
    </pre>
  );
}

const SECTIONS = ["onboarding", "mention", "obligations", "key", "sign", "files", "rules", "endpoints"] as const;
const ONBOARDING = ["declare", "key", "test"] as const;
const MENTION = ["what", "one", "length", "valid", "gate"] as const;
const OBLIGATIONS = ["pull", "ack", "answer", "limits"] as const;
const RULES = ["ranges", "at", "review", "start", "complaints"] as const;

// For providers' developers, in the reader's language (French, Arabic or English); code, field names and
// error codes stay as the protocol spells them. Every example request is sent as printed by the e2e suite.
export default async function DevelopersPage() {
  const t = await getTranslations("Developers");
  const config = env();
  const base = config.STOPSMS_PUBLIC_URL;
  const linkExample = `${base.replace(/\/+$/, "")}/Ab3dEf7h`;
  const number = numberFormat((await getLocale()) as Locale).format;
  const examples = ENDPOINT_EXAMPLES.map((example) =>
    fillExample(example, {
      sender: "souk-market",
      seq: 1042,
      size: 1043,
      complaint: "C-4KX9M-2QWPT",
      recent: "2026-11-23T08:00:00.000Z",
    }),
  );
  const link = (href: string) => (
    <a className="text-brand-800 underline" href={href} dir="ltr">
      {href}
    </a>
  );
  return (
    <PageShell path="/developers" wide>
      <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
      <p className="mt-3 max-w-3xl leading-relaxed">{t("intro")}</p>
      <p className="mt-2">
        {t("machine")} {link("/api/v1/openapi.json")} · {t("keys")} {link("/.well-known/stopsms-keys.json")}
      </p>

      <nav aria-labelledby="toc" className="mt-6 rounded border border-slate-200 p-4">
        <h2 id="toc" className="font-semibold">
          {t("toc")}
        </h2>
        <ol className="mt-2 space-y-1">
          {SECTIONS.map((section) => (
            <li key={section}>
              <a className="text-brand-800 underline" href={`#${section}`}>
                {t(`${section}Title`)}
              </a>
              {section === "endpoints" && (
                <ul className="mt-1 grid gap-x-6 gap-y-1 ps-6 sm:grid-cols-2 lg:grid-cols-3" dir="ltr">
                  {ENDPOINT_EXAMPLES.map((e) => (
                    <li key={e.id}>
                      <a className="break-all font-mono text-sm text-brand-800 underline" href={`#${e.id}`}>
                        {e.method} {e.path.split("?")[0]}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </nav>

      <h2 id="onboarding" className="mt-8 text-xl font-semibold">
        {t("onboardingTitle")}
      </h2>
      <ol className="mt-2 max-w-3xl list-decimal space-y-2 ps-6 leading-relaxed">
        {ONBOARDING.map((step) => (
          <li key={step}>{t(`onboarding.${step}`, { contact: config.STOPSMS_CONTROLLER_CONTACT })}</li>
        ))}
      </ol>

      <h2 id="mention" className="mt-8 text-xl font-semibold">
        {t("mentionTitle")}
      </h2>
      <ul className="mt-2 max-w-3xl list-disc space-y-2 ps-6 leading-relaxed">
        {MENTION.map((item) => (
          <li key={item}>{t(`mention.${item}`, { length: linkExample.length, example: linkExample, days: 90 })}</li>
        ))}
      </ul>
      <Code label="SMS">{`Soldes d'hiver -30% chez Souk Market, ce week-end.\nSTOP SMS: ${linkExample}`}</Code>

      <h2 id="obligations" className="mt-8 text-xl font-semibold">
        {t("obligationsTitle")}
      </h2>
      <ul className="mt-2 max-w-3xl list-disc space-y-2 ps-6 leading-relaxed">
        {OBLIGATIONS.map((item) => (
          <li key={item}>
            {t(`obligations.${item}`, {
              hours: config.STOPSMS_MAX_LAG_HOURS,
              days: config.STOPSMS_RESPONSE_DAYS,
              perKey: number(API_RATE_LIMIT.limit),
              numbers: number(config.STOPSMS_PROVIDER_NUMBERS_PER_MINUTE),
            })}
          </li>
        ))}
      </ul>

      <h2 id="key" className="mt-8 text-xl font-semibold">
        {t("keyTitle")}
      </h2>
      <p className="mt-2">{t("keyBody")}</p>
      <Code label="openssl">
        {"openssl genpkey -algorithm ed25519 -out key.pem\nopenssl pkey -in key.pem -pubout -out key.pub.pem"}
      </Code>

      <h2 id="sign" className="mt-8 text-xl font-semibold">
        {t("signTitle")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 ps-6">
        <li>
          <code dir="ltr">Signature-Input</code> {t("signCovered")}
        </li>
        <li>{t("signClock")}</li>
        <li>{t("signErrors")}</li>
      </ul>
      <h3 className="mt-4 font-semibold">{t("curlTitle")}</h3>
      <Code label="curl example">{curlExample(base)}</Code>
      <h3 className="mt-4 font-semibold">{t("nodeTitle")}</h3>
      <Code label="Node.js example">{nodeExample(base)}</Code>
      <h3 className="mt-4 font-semibold">{t("pythonTitle")}</h3>
      <Code label="Python example">{pythonExample(base)}</Code>
      <h3 className="mt-4 font-semibold">{t("phpTitle")}</h3>
      <Code label="PHP example">{phpExample(base)}</Code>
      <p className="mt-2">{t("client")}</p>
      <Code label="sync client">{`npm run sync-client -- --url ${base} --keyid … --key key.pem --out ./stopsms --watch`}</Code>
      <h3 className="mt-4 font-semibold">{t("gateTitle")}</h3>
      <p className="mt-2">{t("gateBody")}</p>
      <Code label="gate">{`STOPSMS_GATE_PLATFORM=${base} STOPSMS_GATE_UPSTREAM=smpp://… STOPSMS_GATE_ACCOUNTS=accounts.json npm run gate`}</Code>

      <h2 id="files" className="mt-8 text-xl font-semibold">
        {t("filesTitle")}
      </h2>
      <p className="mt-2 max-w-3xl leading-relaxed">{t("filesBody")}</p>

      <h2 id="rules" className="mt-8 text-xl font-semibold">
        {t("rulesTitle")}
      </h2>
      <ul className="mt-2 max-w-3xl list-disc space-y-2 ps-6 leading-relaxed">
        {RULES.map((rule) => (
          <li key={rule}>{t(`rules.${rule}`)}</li>
        ))}
      </ul>

      <h2 id="endpoints" className="mt-8 text-xl font-semibold">
        {t("endpointsTitle")}
      </h2>
      <p className="mt-2">{t("endpointsIntro")}</p>
      {examples.map((e) => (
        <section key={e.id} id={e.id} aria-labelledby={`${e.id}-title`} className="mt-6 border-t border-slate-200 pt-4">
          <h3 id={`${e.id}-title`} className="break-all font-mono font-semibold" dir="ltr">
            {e.method} /api/v1{ENDPOINT_EXAMPLES.find((x) => x.id === e.id)!.path.split("?")[0]}
          </h3>
          <p className="mt-1">
            {t(`endpoints.${e.id}` as "endpoints.senders")} {e.public && t("public")} {e.operator && t("operator")}
          </p>
          {/* minmax(0, 1fr): a code block scrolls on its own instead of widening the page (a grid item is as wide as its content otherwise). */}
          <div className="mt-2 grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
            <div>
              <h4 className="text-sm font-semibold">{t("request")}</h4>
              <Code label={`${e.id}: ${t("request")}`}>
                {`${e.method} /api/v1${e.path}${e.body === undefined ? "" : `\nContent-Type: application/json\n\n${JSON.stringify(e.body, null, 2)}`}`}
              </Code>
            </div>
            <div>
              <h4 className="text-sm font-semibold">{t("answer")}</h4>
              <Code label={`${e.id}: ${t("answer")}`}>{`200 OK\n\n${JSON.stringify(e.answer, null, 2)}`}</Code>
            </div>
          </div>
        </section>
      ))}
    </PageShell>
  );
}
