import type { NextRequest } from "next/server";
import { z } from "zod";
import { answerToResponse } from "@/lib/web/html/document-response";
import { clientIp } from "@/lib/web/client-ip";
import { readFormPost } from "@/lib/web/form-post";
import { localeCookie } from "@/lib/i18n/locales";
import { reportFromLink } from "@/lib/complaints/report-from-link";
import { confirmLink } from "@/lib/links/confirm-link";
import { resolveLink } from "@/lib/links/resolve-link";
import { landingGet } from "@/lib/web/landing/landing-get";
import { landingPage } from "@/lib/web/landing/landing-page";

// GET never records anything: link scanners, SMS previews and prefetchers fetch links (RFC 8058 spirit).
// Only the citizen's POST from the page's buttons records, then redirects to the receipt (PRG).

type Context = { params: Promise<{ code: string }> };

// In production, GET and HEAD are answered before Next's router by scripts/serve.ts (same function).
export async function GET(request: NextRequest, { params }: Context) {
  const { code } = await params;
  return answerToResponse(
    await landingGet(
      code,
      request.headers.get("accept-language"),
      request.cookies.get(localeCookie)?.value,
      clientIp(request.headers),
    ),
  );
}

const form = z.object({
  choice: z.enum(["sender", "all", "source", "report", "no-consent"]),
  share: z.literal("yes").optional().catch(undefined),
});

export async function POST(request: NextRequest, { params }: Context) {
  const { code } = await params;
  const post = await readFormPost(request);
  if (post instanceof Response) return post;
  const { locale } = post;
  const parsed = form.safeParse(post.values);
  if (!parsed.success)
    return new Response(null, { status: 303, headers: { Location: `/${encodeURIComponent(code)}` } });
  if (parsed.data.choice === "report" || parsed.data.choice === "no-consent") {
    const reported = await reportFromLink(code, {
      sharePhone: parsed.data.share === "yes",
      reason: parsed.data.choice === "no-consent" ? "no_consent" : "after_opposition",
    });
    if (!reported)
      return answerToResponse(landingPage(locale, await resolveLink(code), `/${encodeURIComponent(code)}`));
    return new Response(null, { status: 303, headers: { Location: `/report?reference=${reported.id}` } });
  }
  const result = await confirmLink(code, parsed.data.choice);
  if (result.status !== "recorded")
    return answerToResponse(landingPage(locale, await resolveLink(code), `/${encodeURIComponent(code)}`));
  const status = result.created ? "new" : "already";
  return new Response(null, { status: 303, headers: { Location: `/receipt/${result.receipt.id}?status=${status}` } });
}
