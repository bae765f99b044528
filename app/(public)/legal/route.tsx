import type { NextRequest } from "next/server";
import { LegalPage } from "@/components/citizen/legal-page";
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
      title: translatorFor(locale)("Legal.title"),
      path: "/legal",
      body: <LegalPage locale={locale} config={env()} />,
    }),
  );
}
