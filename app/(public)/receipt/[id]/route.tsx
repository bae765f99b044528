import type { NextRequest } from "next/server";
import { notFoundPage } from "@/components/citizen/not-found-body";
import { ReceiptPage } from "@/components/citizen/receipt-page";
import { env } from "@/lib/env";
import { citizenPage } from "@/lib/web/html/citizen-document";
import { documentResponse } from "@/lib/web/html/document-response";
import { requestLocale } from "@/lib/web/citizen-request";
import { translatorFor } from "@/lib/i18n/translator";
import { isReceiptId } from "@/lib/oppositions/receipt-id";
import { loadReceipt } from "@/lib/oppositions/load-receipt";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const { id } = await params;
  const locale = requestLocale(request);
  const receipt = isReceiptId(id) ? await loadReceipt(id) : null;
  const t = translatorFor(locale);
  if (!receipt) return documentResponse(notFoundPage(locale), { status: 404 });
  const status = request.nextUrl.searchParams.get("status") ?? undefined;
  const hours = env().STOPSMS_MAX_LAG_HOURS;
  return documentResponse(
    citizenPage({
      locale,
      title: t("Receipt.title"),
      path: `/receipt/${receipt.id}`,
      noIndex: true,
      body: <ReceiptPage {...{ locale, receipt, status, hours }} />,
    }),
  );
}
