import { senderParams } from "@/lib/i18n/sender-params";
import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SubmitButton } from "@/components/form-field";
import { PageShell } from "@/components/page-shell";
import { findSenderByCodeOrName } from "@/lib/providers/list-public-senders";
import { NUMBER_SESSION_COOKIE, readNumberSession } from "@/lib/verification/number-session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Number");
  return { title: t("withdrawTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ scope?: string; sender?: string }> };

/** The confirmation step of a withdrawal: says what will happen, then a POST does it. */
export default async function WithdrawPage({ searchParams }: Props) {
  const [cookieStore, { scope, sender: senderCode }, t] = await Promise.all([
    cookies(),
    searchParams,
    getTranslations("Number"),
  ]);
  if (!readNumberSession(cookieStore.get(NUMBER_SESSION_COOKIE)?.value)) redirect("/number");
  const sender = scope === "sender" && senderCode ? await findSenderByCodeOrName(senderCode.slice(0, 200)) : null;
  if (scope !== "all" && !sender) redirect("/number");
  return (
    <PageShell path="/number/withdraw">
      <h1 className="text-2xl font-bold text-brand-800">{t("withdrawTitle")}</h1>
      <p className="mt-4 font-semibold">{sender ? t("withdrawSender", senderParams(sender.name)) : t("withdrawAll")}</p>
      <p className="mt-3">{t("withdrawConsequence")}</p>
      <form method="post" action="/number/withdraw/confirm">
        <input type="hidden" name="scope" value={sender ? "sender" : "all"} />
        {sender && <input type="hidden" name="sender" value={sender.code} />}
        <input type="hidden" name="confirm" value="yes" />
        <SubmitButton>{t("confirmWithdraw")}</SubmitButton>
      </form>
      <Link
        href="/number"
        className="mt-3 block min-h-12 rounded-lg border-2 border-brand-700 px-4 py-3 text-center font-semibold text-brand-800"
      >
        {t("cancel")}
      </Link>
    </PageShell>
  );
}
