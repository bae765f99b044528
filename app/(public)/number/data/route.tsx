import type { NextRequest } from "next/server";
import { MyDataPage } from "@/components/citizen/my-data-page";
import { citizenPage } from "@/lib/web/html/citizen-document";
import { translatorFor } from "@/lib/i18n/translator";
import { exportMyNumber } from "@/lib/my-number/export-my-number";
import { requestLocale } from "@/lib/web/citizen-request";
import { numberSessionOf } from "@/lib/web/citizen/session-cookie";
import { documentResponse } from "@/lib/web/html/document-response";
import { seeOther } from "@/lib/web/form-post";

// "My data" to read or print, only with a session for that number; the JSON file is /number/data.json.
export async function GET(request: NextRequest) {
  const session = await numberSessionOf(request);
  if (!session) return seeOther("/number");
  const locale = requestLocale(request);
  const response = documentResponse(
    citizenPage({
      locale,
      title: translatorFor(locale)("MyData.title"),
      path: "/number/data",
      noIndex: true,
      body: <MyDataPage locale={locale} data={await exportMyNumber(session.phone)} />,
    }),
  );
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}
