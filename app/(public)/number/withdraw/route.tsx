import type { NextRequest } from "next/server";
import { WithdrawPage } from "@/components/citizen/withdraw-page";
import { citizenPage } from "@/lib/web/html/citizen-document";
import { documentResponse } from "@/lib/web/html/document-response";
import { requestLocale } from "@/lib/web/citizen-request";
import { seeOther } from "@/lib/web/form-post";
import { translatorIn } from "@/lib/i18n/translator";
import { findSenderByCodeOrName } from "@/lib/providers/list-public-senders";
import { numberSessionOf } from "@/lib/web/citizen/session-cookie";
import { findListSource } from "@/lib/sources/find-list-source";

export async function GET(request: NextRequest) {
  if (!(await numberSessionOf(request))) return seeOther("/number");
  const scope = request.nextUrl.searchParams.get("scope");
  const senderCode = request.nextUrl.searchParams.get("sender");
  const sender = scope === "sender" && senderCode ? await findSenderByCodeOrName(senderCode.slice(0, 200)) : null;
  const sourceCode = request.nextUrl.searchParams.get("source");
  const listSource = scope === "source" && sourceCode ? await findListSource(sourceCode.slice(0, 200)) : null;
  if (scope !== "all" && !sender && !listSource) return seeOther("/number");
  const locale = requestLocale(request);
  return documentResponse(
    citizenPage({
      locale,
      title: translatorIn(locale, "Number")("withdrawTitle"),
      path: "/number/withdraw",
      noIndex: true,
      body: <WithdrawPage locale={locale} sender={sender} listSource={listSource} />,
    }),
  );
}
