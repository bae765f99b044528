import { ForbiddenNotice } from "@/components/staff/forbidden-notice";
import { CITIZEN_CSS } from "@/lib/generated/citizen-css";

/**
 * The 403 answer of a refused staff action (a form post, so there is no page to render it in): the same
 * notice component as the staff pages, as one small document.
 */
export function staffForbiddenDocument(message: string) {
  return (
    <html lang="fr" dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Accès refusé · Espace CNDP · StopSMS</title>
        <style dangerouslySetInnerHTML={{ __html: CITIZEN_CSS }} />
      </head>
      <body className="font-sans text-slate-900">
        <main id="main" className="mx-auto max-w-2xl px-4 py-6">
          <ForbiddenNotice message={message} backHref="/staff" />
        </main>
      </body>
    </html>
  );
}
