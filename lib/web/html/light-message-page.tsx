import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import type { DocumentAnswer } from "@/lib/web/html/document-response";
import { ActionLink, LightMessage } from "@/lib/web/html/light-ui";
import { renderLightPageAnswer } from "@/lib/web/html/render-light-page";

export interface LightMessagePage {
  locale: Locale;
  /** The page's own path: where its language buttons come back to. */
  path: string;
  title: string;
  text: string;
  /** Where to go from here. */
  action?: { href: string; label: string; kind?: "primary" | "secondary" };
}

/** A light page that only says something (not found, refused, too many tries, the outage): title, sentence, a way on. */
export function lightMessageAnswer(
  page: LightMessagePage,
  init: { status: number; headers?: Record<string, string> },
): DocumentAnswer {
  const { action } = page;
  return renderLightPageAnswer(
    {
      locale: page.locale,
      title: page.title,
      currentPath: page.path,
      body: (
        <LightMessage title={page.title} text={page.text}>
          {action && (
            <ActionLink href={action.href} kind={action.kind}>
              {action.label}
            </ActionLink>
          )}
        </LightMessage>
      ),
    },
    init,
  );
}
