import type { NextRequest } from "next/server";
import { StopPage, stopPageTitle, type StopFlash } from "@/components/citizen/stop-page";
import { citizenPage } from "@/lib/web/html/citizen-document";
import { documentResponse } from "@/lib/web/html/document-response";
import { requestFlash, requestLocale } from "@/lib/web/citizen-request";
import { flashClearHeader } from "@/lib/web/form-flash";
import { listPublicSenders } from "@/lib/providers/list-public-senders";

export async function GET(request: NextRequest) {
  const locale = requestLocale(request);
  const flash = requestFlash<StopFlash>(request, "stop");
  const senders = await listPublicSenders();
  return documentResponse(
    citizenPage({
      locale,
      title: stopPageTitle(locale, flash),
      path: "/stop",
      body: <StopPage {...{ locale, flash, senders }} />,
    }),
    { headers: flash.values ? flashClearHeader("stop") : {} },
  );
}
