import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { formatDateTime, translatorFor } from "@/lib/i18n/translator";
import type { ResolvedLink } from "@/lib/links/resolve-link";
import { maskPhone } from "@/lib/phone/mask-phone";
import { type DocumentAnswer } from "@/lib/web/html/document-response";
import { lightMessageAnswer } from "@/lib/web/html/light-message-page";
import { renderLightPageAnswer } from "@/lib/web/html/render-light-page";
import { fillSlots, slot, TOKEN_SLOT, toSlotTemplate, type SlotTemplate } from "@/lib/web/html/slot-template";
import { intoPostForms } from "@/lib/web/form-token";
import { staticMarkup } from "@/lib/web/html/static-markup";
import { LandingBody, landingTitle, LANDING_SLOTS, type LandingShape } from "./landing-body";

type ActiveLink = Extract<ResolvedLink, { status: "active" }>;

// One rendering per shape (language, sender, provider, declaration, what is already refused): a campaign's
// links share one, so a request fills its slots instead of rendering React (a render per request cost a
// third of the landing page's throughput, and the declared page's month names ten times the page). The key
// is the whole shape, the body's only input, so a page can never be another shape's. Bounded: forgotten
// all at once past 2 000 shapes (a shape per sender and language, a few per declared campaign).
interface LandingTemplate {
  /** The page's title (the body's heading): a function of the shape too. */
  title: string;
  body: SlotTemplate;
}
const templates = new Map<string, LandingTemplate>();
const MAX_TEMPLATES = 2_000;

function templateFor(shape: LandingShape): LandingTemplate {
  const key = JSON.stringify(shape);
  // A NUL in stored text would read as a slot marker: the door refuses it in every field; dropped here too.
  if (key.includes("\\u0000")) return templateFor(JSON.parse(key.replaceAll("\\u0000", "")) as LandingShape);
  let template = templates.get(key);
  if (template) return template;
  template = {
    title: landingTitle(shape),
    body: toSlotTemplate(intoPostForms(staticMarkup(<LandingBody shape={shape} />), slot(TOKEN_SLOT))),
  };
  if (templates.size >= MAX_TEMPLATES) templates.clear();
  templates.set(key, template);
  return template;
}

function shapeOf(locale: Locale, link: ActiveLink): { shape: LandingShape; refusal: ActiveLink["opposedAll"] } {
  // The oldest refusal older than the link sets the deadline, as the verdict does (assess-complaint.ts).
  const before = [
    link.opposedAll && link.opposedAll.since < link.mintedAt ? (["Link.refusedOnAll", link.opposedAll] as const) : null,
    link.opposedSender && link.opposedSender.since < link.mintedAt
      ? (["Link.refusedOnSender", link.opposedSender] as const)
      : null,
  ]
    .filter((x) => x !== null)
    .sort((a, b) => a[1].since.getTime() - b[1].since.getTime())[0];
  const maxLagHours = env().STOPSMS_MAX_LAG_HOURS;
  const shape: LandingShape = {
    locale,
    sender: link.sender.name,
    providerName: link.providerName,
    maxLagHours,
    opposedSender: link.opposedSender !== null,
    opposedAll: link.opposedAll !== null,
    opposedSource: link.opposedSource !== null,
    refusedBefore: before
      ? {
          key: before[0],
          pastDelay: link.mintedAt.getTime() - before[1].since.getTime() > maxLagHours * 3_600_000,
        }
      : null,
    declaration: link.declaration,
  };
  return { shape, refusal: before ? before[1] : (link.opposedAll ?? link.opposedSender) };
}

/** The short-link landing page: who sent the SMS, to which (masked) number, and the choices. */
export function landingPage(locale: Locale, link: ResolvedLink, path: string): DocumentAnswer {
  if (link.status !== "active") return missPage(locale, path, link.status === "expired" ? 410 : 404);
  const { shape, refusal } = shapeOf(locale, link);
  const { title, body } = templateFor(shape);
  const S = LANDING_SLOTS;
  const values: Record<string, string> = { [S.code]: link.code, [S.phone]: maskPhone(link.phone) };
  if (refusal) {
    values[S.refusalDate] = formatDateTime(locale, refusal.since, false);
    values[S.refusalReceipt] = refusal.receiptId;
  }
  if (shape.refusedBefore) values[S.sentAt] = formatDateTime(locale, link.mintedAt);
  if (link.opposedSource) {
    values[S.sourceDate] = formatDateTime(locale, link.opposedSource.since, false);
    values[S.sourceReceipt] = link.opposedSource.receiptId;
  }
  return renderLightPageAnswer({
    locale,
    title,
    currentPath: path,
    body: (tokenInput) => fillSlots(body, values, tokenInput),
  });
}

/** One page for unknown and expired codes: the body tells a code-guesser nothing (no sender's name). */
function missPage(locale: Locale, path: string, status: 404 | 410): DocumentAnswer {
  const t = translatorFor(locale);
  return lightMessageAnswer(
    {
      locale,
      path,
      title: t("Link.missTitle"),
      text: t("Link.missBody"),
      action: { href: "/stop", label: t("Link.useForm") },
    },
    { status },
  );
}
