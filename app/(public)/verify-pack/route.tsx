import type { NextRequest } from "next/server";
import { VerifyPackPage, type PackVerdict } from "@/components/citizen/verify-pack-page";
import { citizenPage } from "@/lib/web/html/citizen-document";
import { checkPackFile, findIssuedPack } from "@/lib/evidence/check-pack-file";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { requestLocale } from "@/lib/web/citizen-request";
import { formRefusedResponse, guardCitizenPost } from "@/lib/web/guard-citizen-post";
import { documentResponse } from "@/lib/web/html/document-response";
import { readPackPost } from "@/lib/web/read-pack-post";

const page = (locale: Locale, verdict: PackVerdict | null) =>
  documentResponse(
    citizenPage({
      locale,
      title: translatorFor(locale)("VerifyPack.title"),
      path: "/verify-pack",
      body: <VerifyPackPage locale={locale} verdict={verdict} />,
    }),
  );

export async function GET(request: NextRequest) {
  return page(requestLocale(request), null);
}

// A check, not a change: the answer is the page itself (nothing to redirect to), and nothing is kept.
export async function POST(request: NextRequest) {
  const locale = requestLocale(request);
  const refused = await guardCitizenPost(request, locale);
  if (refused) return refused;
  const post = await readPackPost(request);
  if (post.kind === "refused") return formRefusedResponse(locale, post.status, "/verify-pack");
  if (post.kind === "fingerprint") {
    const issued = await findIssuedPack(post.fingerprint);
    return page(
      locale,
      issued
        ? {
            kind: "fingerprint-issued",
            fingerprint: post.fingerprint,
            issuedAt: issued.issuedAt,
            packKind: issued.kind,
          }
        : { kind: "fingerprint-unknown", fingerprint: post.fingerprint.slice(0, 64) },
    );
  }
  if (!post.file) return page(locale, { kind: "no-file" });
  const check = await checkPackFile(post.file);
  return page(
    locale,
    check.valid
      ? {
          kind: "file-valid",
          fingerprint: check.fingerprint,
          issuedAt: check.issued?.issuedAt ?? null,
          packKind: check.kind,
          subject: Object.values(check.subject).map(String).join(", "),
        }
      : { kind: "file-invalid", fingerprint: check.fingerprint },
  );
}
