import type { NextRequest } from "next/server";
import { StopPage, stopPageTitle, type StopFlash } from "@/components/citizen/stop-page";
import { citizenPageResponse } from "@/lib/html/render-citizen-page";
import { requestFlash, requestLocale } from "@/lib/http/citizen-request";
import { flashClearHeader } from "@/lib/http/form-flash";
import { listPublicSenders } from "@/lib/providers/list-public-senders";

export async function GET(request: NextRequest) {
  const locale = requestLocale(request);
  const flash = requestFlash<StopFlash>(request, "stop");
  const senders = await listPublicSenders();
  return citizenPageResponse(
    { locale, title: stopPageTitle(locale, flash), path: "/stop", body: <StopPage {...{ locale, flash, senders }} /> },
    { headers: flash.values ? flashClearHeader("stop") : {} },
  );
}
