import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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
import { checkPackFile, findIssuedPack } from "./check-pack-file";
import { fingerprintOf, issueEvidencePack } from "./issue-evidence-pack";
import { renderPackPdf } from "./pdf/render-pack-pdf";
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
    const issued = await issueEvidencePack(document!);
    const text = pdfText(await renderPackPdf(issued, "pack.json"));
    expect(text).toContain(`Signalement ${id}`);
    expect(text).toContain("Infraction");
  });

  it("print a complaint typed on /report as a prosecutor reads it: the SMS in Arabic intact, the sender as seen, the facts in time order, the signed file attached", async () => {
    const phone = uniquePhone();
    await recordOpposition({ phone, target: { scope: "all", senderId: null }, source: "web", verified: false });
    const arabic =
      "عرض خاص: تخفيضات كبيرة على جميع المنتجات في متجرنا حتى نهاية الأسبوع، زوروا www.atlas.ma أو اتصلوا بنا على 0522123456 (مجانا)";
    const created = await createComplaint(
      {
        reason: "after_opposition",
        senderSeen: "ATLASBNK",
        senderAsTyped: "ATLASBNK",
        senderChoice: "typed",
        messageText: arabic,
        receivedOn: new Date().toISOString().slice(0, 10),
        phone,
        sharePhone: false,
      },
      { defaultRegion: "MA" },
    );
    if (created.status !== "created") throw new Error(`not created: ${JSON.stringify(created)}`);
    const issued = await issueEvidencePack((await buildComplaintEvidence(created.id))!);
    const pdf = await renderPackPdf(issued, "stopsms-preuve.json");
    const text = pdfText(pdf);
    // Letters and their order exactly, over two lines, with a Latin address and a number inside. What
    // pdftotext (poppler) does not give back: the two letters of a lam-alef ligature (it reverses them); the
    // attached JSON holds the text exactly.
    const popplerLamAlef = (t: string) => t.replace(/ل([اأإآ])/g, "$1ل");
    expect(squeeze(text)).toContain(squeeze(popplerLamAlef(arabic)));
    expect(text).toContain("ATLASBNK");
    expect(text).toContain(issued.fingerprint);
    expect(text).toContain("/verify-pack");
    expect(text).toMatch(/Page 1 \/ \d/);
    // Plain French, no table names, no developer's command.
    expect(text).not.toMatch(/stop_links|opposition_changes|provider_acks|npm run|minté/);
    // The facts in time order: the refusal, then the end of the legal delay, then the report.
    const received = text.indexOf("Jour où le citoyen déclare avoir reçu le SMS");
    const refusal = text.indexOf("s'oppose aux SMS commerciaux");
    const report = text.indexOf("Le citoyen signale ce SMS");
    const delay = text.indexOf("Fin du délai légal");
    expect(received).toBeGreaterThan(0);
    expect(refusal).toBeGreaterThan(received);
    expect(report).toBeGreaterThan(refusal);
    expect(delay).toBeGreaterThan(report);
    // The attached file is the one whose fingerprint is printed, and /verify-pack knows it.
    const attached = attachedFile(pdf);
    expect(fingerprintOf(attached)).toBe(issued.fingerprint);
    expect(attached.equals(issued.file)).toBe(true);
    expect(await checkPackFile(attached)).toMatchObject({ valid: true, issued: { kind: "complaint" } });
    expect(await findIssuedPack(issued.fingerprint)).toMatchObject({ kind: "complaint" });
    const changed = Buffer.from(attached);
    const at = changed.indexOf("ATLASBNK");
    changed[at] = "B".charCodeAt(0);
    expect(await checkPackFile(changed)).toMatchObject({ valid: false });
    expect(await findIssuedPack(fingerprintOf(changed))).toBeNull();
  });
});

const squeeze = (text: string) => text.replace(/\s+/g, "");

// poppler-utils (README): what a reader's tools get out of the PDF, in the order it is written (-raw).
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pack-"));
  writeFileSync(path.join(dir, "pack.pdf"), pdf);
  const run = spawnSync("pdftotext", ["-raw", "-enc", "UTF-8", path.join(dir, "pack.pdf"), "-"], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pdftotext: ${run.error ?? run.stderr}`);
  // Lines joined, direction marks dropped: a wrapped paragraph reads as one.
  return run.stdout.replace(/[\u200e\u200f\u202a-\u202e]/g, "").replace(/\s+/g, " ");
}

function attachedFile(pdf: Buffer): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), "pack-"));
  writeFileSync(path.join(dir, "pack.pdf"), pdf);
  const run = spawnSync("pdfdetach", ["-saveall", "-o", dir, path.join(dir, "pack.pdf")], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`pdfdetach: ${run.error ?? run.stderr}`);
  const name = readdirSync(dir).find((f) => f.endsWith(".json"))!;
  return readFileSync(path.join(dir, name));
}
