import { describe, expect, it, vi } from "vitest";
import { createComplaint } from "@/lib/complaints/create-complaint";
import { reportFromLink } from "@/lib/complaints/report-from-link";
import { db } from "@/lib/db/client";
import { mintLinks } from "@/lib/links/mint-links";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { platformKey } from "@/lib/signing/platform-key";
import { createApiProvider } from "@/lib/testing/api-client";
import { uniquePhone } from "@/lib/testing/fixtures";
import { buildComplaintEvidence, buildProviderEvidence } from "./build-complaint-evidence";
import { renderPackPdf } from "./render-pack-pdf";
import { signPack } from "./sign-pack";
import { verifyPack } from "./verify-pack";

// Staff sign-in is not what is tested here: the builders' role check sees an analyst.
vi.mock("@/lib/auth/require-staff", () => ({
  requireStaff: async () => ({ id: 0, role: "analyst", actor: { kind: "cli", label: "evidence-test" } }),
}));

async function violationComplaint() {
  const provider = await createApiProvider();
  const phone = uniquePhone();
  await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: false });
  const { links } = await mintLinks({
    providerId: provider.id,
    senderId: provider.senders[0]!.id,
    campaign: "promo",
    phones: [phone],
    expiresInDays: 30,
    defaultRegion: "MA",
    publicUrl: "https://stopsms.test",
  });
  // Minted five days after the refusal (the feed itself is never backdated: other tests check its invariants).
  await db().$executeRaw`UPDATE stop_links SET created_at = now() + interval '5 days' WHERE code = ${links[0]!.code}`;
  const report = await reportFromLink(links[0]!.code, { sharePhone: false });
  return { provider, id: report!.id };
}

const jwks = () => ({ keys: [platformKey().jwk] });

describe("evidence packs", () => {
  it("sign a complaint's facts so that the JWKS verifies them, and fail after any changed byte", async () => {
    const { id } = await violationComplaint();
    const document = await buildComplaintEvidence(id);
    expect(document).toMatchObject({
      type: "stopsms-evidence-pack",
      verdict: "violation",
      complaint: { id, verified: true },
      link: { campaign: "promo" },
      change: { op: "add", reason: "opposed" },
    });
    const pack = signPack(document);
    const text = JSON.stringify(pack);
    const check = verifyPack(text, jwks());
    expect(check).toMatchObject({ valid: true, kid: platformKey().keyid });
    // Every single byte of the payload and of the header matters.
    for (const field of ["payload", "protected"] as const) {
      for (const at of [0, Math.floor(pack[field].length / 2), pack[field].length - 1]) {
        const chars = [...pack[field]];
        chars[at] = chars[at] === "A" ? "B" : "A";
        expect(verifyPack(JSON.stringify({ ...pack, [field]: chars.join("") }), jwks()).valid).toBe(false);
      }
    }
    expect(
      verifyPack(text, { keys: [{ ...platformKey().jwk, x: Buffer.alloc(32, 1).toString("base64url") }] }).valid,
    ).toBe(false);
    expect(await db().auditLog.count({ where: { action: "evidence.complaint", targetId: id } })).toBe(1);
  });

  it("gather a provider's complaints over a period, and render a French PDF", async () => {
    const { provider, id } = await violationComplaint();
    // Today in Morocco, as the period's days are (between 23:00 and 24:00 UTC, the UTC date is yesterday).
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Casablanca" }).format(new Date());
    const document = await buildProviderEvidence(provider.slug, { from: today, to: today });
    expect(document).toMatchObject({ verdicts: { violation: 1 }, complaints: [{ complaint: { id } }] });
    const pdf = await renderPackPdf(signPack(document));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1000);
  });

  it("render as a PDF a complaint typed on /report, whose facts include the day it was received (a range)", async () => {
    const provider = await createApiProvider();
    const phone = uniquePhone();
    await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: false });
    const created = await createComplaint(
      {
        reason: "after_opposition",
        senderSeen: provider.senders[0]!.code,
        messageText: "Soldes ce week-end",
        receivedOn: new Date().toISOString().slice(0, 10),
        phone,
        sharePhone: false,
      },
      { defaultRegion: "MA" },
    );
    if (created.status !== "created") throw new Error(`not created: ${JSON.stringify(created)}`);
    const document = await buildComplaintEvidence(created.id);
    const pdf = await renderPackPdf(signPack(document));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
