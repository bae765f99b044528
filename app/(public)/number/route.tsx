import type { NextRequest } from "next/server";
import { NumberVerification, VerifiedNumber } from "@/components/citizen/number-page";
import { citizenPage } from "@/lib/web/html/citizen-document";
import { documentResponse } from "@/lib/web/html/document-response";
import { requestFlash, requestLocale } from "@/lib/web/citizen-request";
import { translatorIn } from "@/lib/i18n/translator";
import { loadMyNumber } from "@/lib/my-number/load-my-number";
import type { NumberFlash } from "@/lib/web/citizen/number-form";
import { numberSessionOf } from "@/lib/web/citizen/session-cookie";

/** "My number": verify the number by SMS code, then see and manage everything recorded for it. */
export async function GET(request: NextRequest) {
  const locale = requestLocale(request);
  const session = await numberSessionOf(request);
  // Kept (until it expires) rather than read once: reloading the page while the SMS arrives keeps the code step.
  const flash = requestFlash<NumberFlash>(request, "number") as NumberFlash;
  const body = session ? (
    <VerifiedNumber
      locale={locale}
      data={await loadMyNumber(session.phone)}
      expiresAt={session.expiresAt}
      flash={flash}
    />
  ) : (
    <NumberVerification locale={locale} flash={flash} />
  );
  const failed = Boolean(flash.error && flash.error.key !== "nothing-to-withdraw");
  const title = translatorIn(locale, "Number")("title");
  return documentResponse(
    citizenPage({
      locale,
      title: failed ? translatorIn(locale, "Common")("errorIn", { title }) : title,
      path: "/number",
      noIndex: true,
      body,
    }),
  );
}
