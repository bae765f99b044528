import type { NextRequest } from "next/server";
import { HomePage } from "@/components/citizen/home-page";
import { env } from "@/lib/env";
import { citizenPageResponse } from "@/lib/html/render-citizen-page";
import { requestLocale } from "@/lib/http/citizen-request";
import { translatorFor } from "@/lib/i18n/translator";

export async function GET(request: NextRequest) {
  const locale = requestLocale(request);
  return citizenPageResponse({
    locale,
    title: translatorFor(locale)("Meta.title"),
    absoluteTitle: true,
    path: "/",
    body: <HomePage locale={locale} maxLagHours={env().STOPSMS_MAX_LAG_HOURS} />,
  });
}
