import { describe, expect, it } from "vitest";
import { landingPage } from "@/lib/web/landing/landing-page";

const HOUR = 3_600_000;
const since = new Date("2026-11-02T09:00:00Z");
const link = (mintedAfterHours: number) =>
  ({
    status: "active",
    code: "x7Kq2PzA",
    phone: "+212612345678",
    sender: { id: 1, code: "atlas-bank", name: "Atlas Bank" },
    providerId: 1,
    providerName: "Acme Télécom",
    mintedAt: new Date(since.getTime() + mintedAfterHours * HOUR),
    opposedSender: null,
    opposedAll: { receiptId: "R-AAAAA-BBBBB", since },
    declaration: null,
    opposedSource: null,
  }) as const;

const declared = {
  ...link(1),
  opposedAll: null,
  declaration: {
    advertiser: "Atlas Bank",
    purpose: "offres de crédit",
    basis: "consent",
    source: { id: 7, code: "databroker-x", name: "DataBroker X", kind: "broker" },
    collectedAt: "2025-03",
    collectedHow: "jeu-concours sur atlas.ma",
  },
} as const;

describe("the landing page before a one-tap report", () => {
  it("says the SMS should not have been sent only when it was sent past the senders' 48 hours", () => {
    const past = landingPage("fr", link(72), "/x7Kq2PzA").body.toString();
    expect(past).toContain("plus de 48 heures après : il n&#x27;aurait pas dû vous être envoyé");
    const within = landingPage("fr", link(3), "/x7Kq2PzA").body.toString();
    expect(within).toContain("moins de 48 heures après : les expéditeurs ont ce délai pour appliquer un refus");
    expect(within).not.toContain("aurait pas dû");
  });
});

describe("why did I get this SMS", () => {
  it("shows the declaration and offers to refuse the list source and to say I never agreed", () => {
    const page = landingPage("fr", declared, "/x7Kq2PzA").body.toString();
    expect(page).toContain("Pourquoi ai-je reçu cet SMS ?");
    expect(page).toContain("vous avez donné votre accord");
    expect(page).toContain("DataBroker X, une société qui vend ou loue des fichiers de numéros");
    expect(page).toContain("en mars 2025 : <bdi>jeu-concours sur atlas.ma</bdi>");
    expect(page).toContain('value="source"');
    expect(page).toContain('value="no-consent"');
  });

  it("in Arabic, names the source and the month", () => {
    const page = landingPage("ar", declared, "/x7Kq2PzA").body.toString();
    expect(page).toContain("لماذا وصلتني هذه الرسالة؟");
    expect(page).toContain("إيقاف الرسائل المرسلة إلى الأرقام التي قدّمتها DataBroker X");
    expect(page).toContain("2025");
  });

  it("offers no source refusal for the advertiser's own list, and says when nothing was declared", () => {
    const own = landingPage(
      "fr",
      { ...declared, declaration: { ...declared.declaration, source: null } },
      "/x",
    ).body.toString();
    expect(own).toContain("Atlas Bank lui-même");
    expect(own).not.toContain('value="source"');
    const none = landingPage("fr", { ...declared, declaration: null }, "/x").body.toString();
    expect(none).toContain("n&#x27;a pas déclaré d&#x27;où vient votre numéro");
    expect(none).not.toContain('value="no-consent"');
  });
});

describe("the landing page's frame (#24: one citizen frame)", () => {
  it("is every citizen page's own: skip link, language buttons returning here, footer, no script, its small sheet", () => {
    const page = landingPage("ar", declared, '/x7Kq2PzA"><script>').body.toString();
    expect(page.startsWith('<!DOCTYPE html><html lang="ar" dir="rtl">')).toBe(true);
    expect(page).toContain('<a href="#main"'); // the skip link the template frame lacked
    expect(page).toContain('<main id="main"');
    expect(page).toContain('name="next" value="/x7Kq2PzA&quot;&gt;&lt;script&gt;"');
    expect(page).toContain('href="/statistics"');
    expect(page).toMatch(/<title>[^<]+ · StopSMS<\/title>/);
    expect(page).toContain('<meta name="robots" content="noindex"/>');
    expect(page).not.toMatch(/<script/i);
    // The classes its body uses are in its sheet.
    expect(page).toMatch(/<style>[^<]*\.bg-brand-700\{/);
    expect(page).toMatch(/<style>[^<]*\.border-s-4\{/);
  });
});

describe("one rendering per shape (#24: the body is React, rendered once per campaign's shape)", () => {
  it("gives each link of the same shape its own code, number, dates and receipt", () => {
    const first = landingPage("fr", link(72), "/x7Kq2PzA").body.toString();
    const second = landingPage(
      "fr",
      {
        ...link(100),
        code: "Zz9Yy8Xx",
        phone: "+212698765499",
        opposedAll: { receiptId: "R-CCCCC-DDDDD", since: new Date("2026-10-01T08:00:00Z") },
      },
      "/Zz9Yy8Xx",
    ).body.toString();
    expect(first).toContain('action="/x7Kq2PzA"');
    expect(first).toContain("•• 78</bdi>");
    expect(first).toContain("R-AAAAA-BBBBB");
    expect(second).toContain('action="/Zz9Yy8Xx"');
    expect(second).toContain("•• 99</bdi>");
    expect(second).toContain("le 1 octobre 2026");
    expect(second).toContain('href="/receipt/R-CCCCC-DDDDD"');
    for (const other of ["x7Kq2PzA", "R-AAAAA-BBBBB", "2 novembre"]) expect(second).not.toContain(other);
  });

  it("escapes what providers and staff wrote, in text and in attributes", () => {
    const page = landingPage(
      "fr",
      {
        ...declared,
        sender: { ...declared.sender, name: 'Atlas <b>"Bank"</b>' },
        declaration: { ...declared.declaration, purpose: "<script>alert(1)</script>", collectedHow: "a & b" },
      },
      "/x7Kq2PzA",
    ).body.toString();
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<b>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("<bdi>a &amp; b</bdi>");
  });

  it("renders again when what is refused changes", () => {
    const open = landingPage("fr", { ...declared }, "/x7Kq2PzA").body.toString();
    const refused = landingPage(
      "fr",
      { ...declared, opposedSource: { receiptId: "R-SSSSS-SSSSS", since } },
      "/x7Kq2PzA",
    ).body.toString();
    expect(open).toContain('value="source"');
    expect(refused).not.toContain('value="source"');
    expect(refused).toContain('href="/receipt/R-SSSSS-SSSSS"');
  });
});

describe("stored text that looks like a slot", () => {
  it("is text, never a slot (a NUL the door would have refused is dropped)", () => {
    const page = landingPage(
      "fr",
      { ...declared, declaration: { ...declared.declaration, purpose: "offres \u0000CODE\u0000 \u0000NOPE\u0000" } },
      "/x7Kq2PzA",
    ).body.toString();
    expect(page).toContain("<bdi>offres CODE NOPE</bdi>");
  });
});
