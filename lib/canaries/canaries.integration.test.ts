import { describe, expect, it, vi } from "vitest";
import { POST as keywords } from "@/app/api/v1/keywords/route";
import { POST as links } from "@/app/api/v1/links/route";
import { POST as check } from "@/app/api/v1/suppressions/check/route";
import { GET as changes } from "@/app/api/v1/suppressions/changes/route";
import { GET as snapshot } from "@/app/api/v1/suppressions/snapshot/route";
import { db } from "@/lib/db/client";
import { resolveLink } from "@/lib/links/resolve-link";
import { loadMyNumber } from "@/lib/my-number/load-my-number";
import { findOppositionsInForce } from "@/lib/oppositions/find-oppositions-in-force";
import { createApiProvider, signedCall, type TestProvider } from "@/lib/testing/api-client";
import { uniquePhone } from "@/lib/testing/fixtures";
import { buildIntegrityEvidence } from "@/lib/evidence/build-integrity-evidence";
import { signPack } from "@/lib/evidence/sign-pack";
import { verifyPack } from "@/lib/evidence/verify-pack";
import { checkRollups } from "@/lib/jobs/check-rollups";
import { platformKey } from "@/lib/signing/platform-key";
import { TEST_DECLARATION } from "@/lib/testing/declaration";

// The evidence builder's role check sees an analyst (staff sign-in is tested elsewhere).
vi.mock("@/lib/auth/require-staff", () => ({
  requireStaff: async () => ({ id: 0, role: "analyst", actor: { kind: "cli", label: "canary-test" } }),
}));

type Entry = { phone: string; scope: string; sender: string | null };

async function snapshotOf(provider: TestProvider): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const page: { json: { entries: Entry[]; cursor: string | null } } = await signedCall(snapshot, provider, {
      path: `/suppressions/snapshot?limit=50000${cursor ? `&cursor=${cursor}` : ""}`,
    });
    entries.push(...page.json.entries);
    cursor = page.json.cursor;
  } while (cursor);
  return entries;
}

const canariesOf = async (provider: TestProvider) =>
  (
    await db().opposition.findMany({
      where: { canaryProviderId: provider.id },
      select: { phone: true },
      orderBy: { id: "asc" },
    })
  ).map((o) => o.phone);
const alertsBy = (caller: TestProvider) =>
  db().integrityAlert.findMany({ where: { callerProviderId: caller.id }, orderBy: { id: "asc" } });

describe("canary entries", () => {
  it("are in each provider's snapshot and feed only, unique to it, stable, in the reserved range, and never shown to citizens", async () => {
    const [a, b] = [await createApiProvider(), await createApiProvider()];
    const [snapA, snapB] = [await snapshotOf(a), await snapshotOf(b)];
    const [canA, canB] = [await canariesOf(a), await canariesOf(b)];
    expect(canA).toHaveLength(3);
    expect(canB).toHaveLength(3);
    for (const phone of [...canA, ...canB]) expect(phone).toMatch(/^\+2126999\d{5}$/);
    expect(canA.filter((p) => canB.includes(p))).toEqual([]);
    const phonesA = snapA.map((e) => e.phone);
    const phonesB = snapB.map((e) => e.phone);
    for (const phone of canA) expect(phonesA).toContain(phone);
    for (const phone of canA) expect(phonesB).not.toContain(phone);
    for (const phone of canB) expect(phonesA).not.toContain(phone);
    // Same form as any entry: scope all, no sender.
    expect(snapA.filter((e) => canA.includes(e.phone)).every((e) => e.scope === "all" && e.sender === null)).toBe(true);

    const feedA = await signedCall(changes, a, { path: "/suppressions/changes?after=0&limit=10000" });
    const feedB = await signedCall(changes, b, { path: "/suppressions/changes?after=0&limit=10000" });
    const changed = (page: { json: { changes: { phone: string; reason: string }[] } }) =>
      page.json.changes.map((c) => c.phone);
    for (const phone of canA) expect(changed(feedA)).toContain(phone);
    for (const phone of canA) expect(changed(feedB)).not.toContain(phone);

    await snapshotOf(a);
    expect(await canariesOf(a)).toEqual(canA); // stable

    expect(await findOppositionsInForce(canA[0]!)).toEqual([]);
    const mine = await loadMyNumber(canA[0]!);
    expect(mine.inForce).toEqual([]);
    expect(mine.history).toEqual([]);
    const stats = await db().$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM opposition_changes c WHERE c.canary_provider_id = ${a.id}`;
    expect(Number(stats[0]!.n)).toBe(3);
    // Never counted: the rollups (dashboard, metrics, open data), recounted from the feed without canaries,
    // need no repair where canaries were just written (scope all, source link, today).
    const check = await checkRollups(1);
    expect(check.repaired.filter((r) => r.scope === "all" && r.senderId === null && r.source === "link")).toEqual([]);
  });

  it("B minting links for A's canary gets exactly a normal answer, and raises one alert naming A, with the call and the key", async () => {
    const [a, b] = [await createApiProvider(), await createApiProvider()];
    await snapshotOf(a);
    const [canary] = await canariesOf(a);
    const normal = uniquePhone();
    const campaign = `leak-${Date.now()}`;
    const forCanary = await signedCall(links, b, {
      path: "/links",
      body: { sender: b.senders[0]!.code, campaign, phones: [canary], declaration: TEST_DECLARATION },
    });
    const forNormal = await signedCall(links, b, {
      path: "/links",
      body: { sender: b.senders[0]!.code, campaign: `${campaign}-n`, phones: [normal], declaration: TEST_DECLARATION },
    });
    expect(forCanary.response.status).toBe(200);
    const shape = (text: string, phone: string, code: string) =>
      text.replaceAll(phone, "<phone>").replaceAll(code, "<code>");
    const canaryText = Buffer.from(forCanary.bytes).toString();
    const normalText = Buffer.from(forNormal.bytes).toString();
    expect(shape(canaryText, canary!, forCanary.json.links[0].code)).toBe(
      shape(normalText, normal, forNormal.json.links[0].code),
    );
    expect([...forCanary.response.headers.keys()].sort()).toEqual([...forNormal.response.headers.keys()].sort());
    // The link's landing page shows nothing of the canary opposition.
    const resolved = await resolveLink(forCanary.json.links[0].code);
    expect(JSON.stringify(resolved)).not.toMatch(/receipt|R-/);

    const alerts = await alertsBy(b);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      listProviderId: a.id,
      callerProviderId: b.id,
      keyid: b.keyid,
      endpoint: "POST /links",
      phones: [canary],
    });
    expect(alerts[0]!.details).toMatchObject({ sender: b.senders[0]!.code, campaign, numbers: 1 });
    expect(
      await db().auditLog.count({ where: { action: "integrity-alert.raise", targetId: String(alerts[0]!.id) } }),
    ).toBe(1);

    // The alert as a signed evidence pack, which verifies with the platform's key.
    const pack = await buildIntegrityEvidence(String(alerts[0]!.id));
    expect(pack!.alert).toMatchObject({
      list_provider: { slug: a.slug },
      caller: { slug: b.slug },
      keyid: b.keyid,
      endpoint: "POST /links",
      canary_numbers: [canary],
    });
    const check = verifyPack(JSON.stringify(signPack(pack)), { keys: [platformKey().jwk] });
    expect(check.valid).toBe(true);
  });

  it("a wash hides another provider's canary (an unknown number to the caller) but not one's own; a STOP 'from' a canary records nothing; each raises an alert", async () => {
    const [a, b] = [await createApiProvider(), await createApiProvider()];
    await snapshotOf(a);
    const [canary] = await canariesOf(a);
    const byB = await signedCall(check, b, {
      path: "/suppressions/check",
      body: { sender: b.senders[0]!.code, phones: [canary, uniquePhone()] },
    });
    expect(byB.json.suppressed).toEqual([]);
    const byA = await signedCall(check, a, {
      path: "/suppressions/check",
      body: { sender: a.senders[0]!.code, phones: [canary] },
    });
    expect(byA.json.suppressed).toEqual([{ phone: canary, scope: "all" }]);
    expect((await alertsBy(b)).map((x) => [x.endpoint, x.listProviderId])).toEqual([
      ["POST /suppressions/check", a.id],
    ]);
    expect((await alertsBy(a)).map((x) => [x.endpoint, x.listProviderId])).toEqual([
      ["POST /suppressions/check", a.id],
    ]);

    const before = await db().oppositionChange.count({ where: { phone: canary } });
    const stop = await signedCall(keywords, b, {
      path: "/keywords",
      body: { from: canary, text: "STOP", sender: b.senders[0]!.code },
    });
    expect(stop.json).toMatchObject({
      recorded: true,
      op: "add",
      scope: "sender",
      receipt: expect.stringMatching(/^R-/),
    });
    expect(await db().oppositionChange.count({ where: { phone: canary } })).toBe(before);
    expect((await alertsBy(b)).at(-1)).toMatchObject({ endpoint: "POST /keywords", listProviderId: a.id });
  });
});
