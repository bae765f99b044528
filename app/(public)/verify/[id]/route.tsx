import type { NextRequest } from "next/server";
import { notFoundPage } from "@/components/citizen/not-found-body";
import { VerifyPage } from "@/components/citizen/verify-page";
import { citizenPage } from "@/lib/web/html/citizen-document";
import { documentResponse } from "@/lib/web/html/document-response";
import { requestLocale } from "@/lib/web/citizen-request";
import { translatorFor } from "@/lib/i18n/translator";
import { loadReceipt } from "@/lib/oppositions/load-receipt";
import { isReceiptId } from "@/lib/oppositions/receipt-id";
import { proveReceipt } from "@/lib/transparency-log/prove-receipt";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const { id } = await params;
  const locale = requestLocale(request);
  const t = translatorFor(locale);
  const proof = isReceiptId(id) ? await proveReceipt(id) : null;
  const receipt = !proof && isReceiptId(id) ? await loadReceipt(id) : null;
  if (receipt?.proofHidden)
    return documentResponse(
      citizenPage({
        locale,
        title: t("Verify.title"),
        path: `/verify/${receipt.id}`,
        noIndex: true,
        body: (
          <>
            <h1 className="text-2xl font-bold text-brand-800">{t("Verify.title")}</h1>
            <p className="mt-4">{t("Verify.hidden")}</p>
            <p className="mt-6">
              <a href={`/receipt/${receipt.id}`} className="font-semibold text-brand-800 underline">
                {t("Verify.back")}
              </a>
            </p>
          </>
        ),
      }),
    );
  if (!proof) return documentResponse(notFoundPage(locale), { status: 404 });
  return documentResponse(
    citizenPage({
      locale,
      title: t("Verify.title"),
      path: `/verify/${proof.receipt.id}`,
      noIndex: true,
      body: <VerifyPage locale={locale} proof={proof} />,
    }),
  );
}
