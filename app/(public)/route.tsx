import type { NextRequest } from "next/server";
import { HomePage } from "@/components/citizen/home-page";
import { env } from "@/lib/env";
import { citizenPage } from "@/lib/web/html/citizen-document";
import { documentResponse } from "@/lib/web/html/document-response";
import { requestLocale } from "@/lib/web/citizen-request";
import { translatorFor } from "@/lib/i18n/translator";

export async function GET(request: NextRequest) {
  const locale = requestLocale(request);
  return documentResponse(
    citizenPage({
      locale,
      title: translatorFor(locale)("Meta.title"),
      absoluteTitle: true,
      path: "/",
      body: <HomePage locale={locale} maxLagHours={env().STOPSMS_MAX_LAG_HOURS} />,
    }),
  );
}
