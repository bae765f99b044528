import type { NextRequest } from "next/server";
import {
  COMPLAINT_REFERENCE,
  ReportForm,
  reportHasErrors,
  ReportSent,
  type ReportFlash,
} from "@/components/citizen/report-page";
import { reportPrefill } from "@/lib/complaints/report-prefill";
import { citizenPage } from "@/lib/web/html/citizen-document";
import { documentResponse } from "@/lib/web/html/document-response";
import { requestFlash, requestLocale } from "@/lib/web/citizen-request";
import { flashClearHeader } from "@/lib/web/form-flash";
import { translatorIn } from "@/lib/i18n/translator";
import { followComplaint } from "@/lib/complaints/follow-complaint";
import { env } from "@/lib/env";

export async function GET(request: NextRequest) {
  const locale = requestLocale(request);
  const t = translatorIn(locale, "Report");
  const search = request.nextUrl.searchParams;
  const reference = search.get("reference");
  const progress = reference && COMPLAINT_REFERENCE.test(reference) ? await followComplaint(reference) : null;
  if (reference && progress)
    return documentResponse(
      citizenPage({
        locale,
        title: t("sentTitle"),
        path: "/report",
        noIndex: true,
        body: (
          <ReportSent
            locale={locale}
            reference={reference}
            progress={progress}
            maxLagHours={env().STOPSMS_MAX_LAG_HOURS}
          />
        ),
      }),
    );
  const flash = requestFlash<ReportFlash>(request, "report");
  const prefill = await reportPrefill({
    link: search.get("link") ?? undefined,
    receipt: search.get("receipt") ?? undefined,
    sender: search.get("sender") ?? undefined,
  });
  const title = reportHasErrors(flash) ? translatorIn(locale, "Common")("errorIn", { title: t("title") }) : t("title");
  return documentResponse(
    citizenPage({ locale, title, path: "/report", body: <ReportForm {...{ locale, flash, prefill }} /> }),
    { headers: flash.values ? flashClearHeader("report") : {} },
  );
}
