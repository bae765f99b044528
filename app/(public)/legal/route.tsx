import type { NextRequest } from "next/server";
import { LegalPage } from "@/components/citizen/legal-page";
import { env } from "@/lib/env";
import { citizenPageResponse } from "@/lib/html/render-citizen-page";
import { requestLocale } from "@/lib/http/citizen-request";
import { translatorFor } from "@/lib/i18n/translator";

export async function GET(request: NextRequest) {
  const locale = requestLocale(request);
  return citizenPageResponse({
    locale,
    title: translatorFor(locale)("Legal.title"),
    path: "/legal",
    body: <LegalPage locale={locale} config={env()} />,
  });
}
