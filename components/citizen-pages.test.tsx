import { describe, expect, it } from "vitest";
import { StopPage, stopPageTitle } from "@/components/citizen/stop-page";
import { citizenPage } from "@/lib/web/html/citizen-document";
import { staffForbiddenDocument } from "@/components/staff/forbidden-document";
import { documentResponse, renderDocument } from "@/lib/web/html/document-response";

const senders = [{ code: "atlas-bank", name: "Atlas Bank" }];

describe("the light citizen renderer", () => {
  it("renders a whole document with no script, in the reader's language and direction", () => {
    const html = renderDocument(
      citizenPage({
        locale: "ar",
        title: stopPageTitle("ar", {}),
        path: "/stop",
        body: <StopPage locale="ar" flash={{}} senders={senders} />,
      }),
    );
    expect(html.startsWith('<!DOCTYPE html><html lang="ar" dir="rtl">')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
    expect(html).toMatch(/<title>[^<]+ · StopSMS<\/title>/);
    expect(html).toContain('<option value="Atlas Bank">');
    expect(html).toMatch(/<style>[^<]*\.bg-brand-700\{/); // the classes the page uses are in its stylesheet
  });

  it("after a refused post: 'Erreur :' first in the title, the summary focused on arrival, the input escaped", () => {
    const flash = { values: { phone: '"><script>alert(1)</script>' }, errors: { phone: "phone.invalid" } };
    const html = renderDocument(
      citizenPage({
        locale: "fr",
        title: stopPageTitle("fr", flash),
        path: "/stop",
        body: <StopPage locale="fr" flash={flash} senders={senders} />,
      }),
    );
    expect(html).toMatch(/<title>Erreur : [^<]+ · StopSMS<\/title>/);
    expect(html).toMatch(/<div role="alert" tabindex="-1" autofocus=""/);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&quot;&gt;&lt;script&gt;");
  });

  it("answers with a policy under which no script can run, and never into a shared cache", async () => {
    const response = documentResponse(citizenPage({ locale: "en", title: "Legal", path: "/legal", body: <p>text</p> }));
    expect(response.headers.get("Content-Security-Policy")).toMatch(/^default-src 'none'; /);
    expect(response.headers.get("Content-Security-Policy")).not.toContain("script-src");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await response.text()).toContain("<title>Legal · StopSMS</title>");
  });

  it("renders the staff 403 answer from the notice component", async () => {
    const response = documentResponse(staffForbiddenDocument("Votre rôle ne permet pas cette action."), {
      status: 403,
    });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain('<h1 class="text-2xl font-bold">Accès refusé</h1>');
    expect(html).toContain("Votre rôle ne permet pas cette action.");
    expect(html).toContain('href="/staff"');
  });
});
