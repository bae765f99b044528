import { describe, expect, it } from "vitest";
import { gunzipSync } from "node:zlib";
import { POST as links } from "@/app/api/v1/links/route";
import { GET as sourcesRoute } from "@/app/api/v1/sources/route";
import { GET as changes } from "@/app/api/v1/suppressions/changes/route";
import { POST as check } from "@/app/api/v1/suppressions/check/route";
import { GET as snapshot } from "@/app/api/v1/suppressions/snapshot/route";
import { reportFromLink } from "@/lib/complaints/report-from-link";
import { db } from "@/lib/db/client";
import { confirmLink } from "@/lib/links/confirm-link";
import { resolveLink } from "@/lib/links/resolve-link";
import { buildSnapshotFiles } from "@/lib/snapshot-files/build-snapshot-files";
import { openSnapshotFile, snapshotManifest } from "@/lib/snapshot-files/serve-snapshot-files";
import { createApiProvider, signedCall, type TestProvider } from "@/lib/testing/api-client";
import { TEST_DECLARATION } from "@/lib/testing/declaration";
import { uniquePhone, uniqueSlug } from "@/lib/testing/fixtures";
import { verifyLog } from "@/lib/transparency-log/verify-log";
import { exportMyNumber } from "@/lib/my-number/export-my-number";
import { loadMyNumber } from "@/lib/my-number/load-my-number";
import { withdrawForVerifiedNumber } from "@/lib/my-number/act-on-my-number";
import { createListSource } from "./create-list-source";
import { setListSourceSuspended } from "./update-list-source";

const cli = { kind: "cli", label: "test" } as const;

async function newSource(kind: "broker" | "partner" = "broker") {
  return createListSource(cli, { code: uniqueSlug("broker"), name: "DataBroker X", kind });
}

function mint(provider: TestProvider, body: Record<string, unknown>) {
  return signedCall(links, provider, {
    path: "/links",
    body: { sender: provider.senders[0]!.code, phones: [uniquePhone()], ...body },
  });
}

describe("campaign declarations (POST /links, 1.2)", () => {
  it("are required with a campaign's first mint, fixed after, and checked against the registry", async () => {
    const provider = await createApiProvider();
    const source = await newSource();
    const campaign = uniqueSlug("c");
    const declaration = { ...TEST_DECLARATION, source: source.code };

    const missing = await mint(provider, { campaign });
    expect(missing.response.status).toBe(422);
    expect(missing.json.code).toBe("declaration-required");

    expect((await mint(provider, { campaign, declaration })).response.status).toBe(200);
    // Later mints may omit it, or repeat it; a different one is refused with the one in force.
    expect((await mint(provider, { campaign })).response.status).toBe(200);
    expect((await mint(provider, { campaign, declaration })).response.status).toBe(200);
    const changed = await mint(provider, { campaign, declaration: { ...declaration, source: "own" } });
    expect(changed.response.status).toBe(409);
    expect(changed.json).toMatchObject({ code: "declaration-changed", declaration: { source: source.code } });

    const unknown = await mint(provider, {
      campaign: uniqueSlug("c"),
      declaration: { ...declaration, source: "nobody" },
    });
    expect(unknown.json.code).toBe("unknown-source");
    await setListSourceSuspended(cli, source.code, true);
    const suspended = await mint(provider, { campaign: uniqueSlug("c"), declaration });
    expect(suspended.json.code).toBe("unknown-source");
    const listed = await signedCall(sourcesRoute, provider, { path: "/sources" });
    expect(listed.json.sources.map((s: { code: string }) => s.code)).not.toContain(source.code);
    // The refused calls added no declaration: the campaign still has only its first.
    expect(await db().campaignDeclaration.count({ where: { campaign, senderId: provider.senders[0]!.id } })).toBe(1);
    // The open data counts the links per declared source: three mints of one new number each, the refused none.
    const counted = await db().dailySourceLinkStat.aggregate({
      where: { listSourceId: source.id },
      _sum: { minted: true },
    });
    expect(counted._sum.minted).toBe(3);
  });

  it("a political sender accepts only consent", async () => {
    const provider = await createApiProvider();
    await db().sender.update({ where: { id: provider.senders[0]!.id }, data: { sector: "politics" } });
    const customer = await mint(provider, {
      campaign: uniqueSlug("c"),
      declaration: { ...TEST_DECLARATION, basis: "customer" },
    });
    expect(customer.response.status).toBe(422);
    expect(customer.json.code).toBe("consent-required");
    expect((await mint(provider, { campaign: uniqueSlug("c"), declaration: TEST_DECLARATION })).response.status).toBe(
      200,
    );
  });
});

describe("refusing a list source", () => {
  it("reaches every provider through feed, snapshot, files and wash, and stops campaigns declaring it only", async () => {
    const [a, b] = [await createApiProvider(), await createApiProvider()];
    const source = await newSource();
    const phone = uniquePhone();
    const campaign = uniqueSlug("a");
    const minted = await mint(a, {
      campaign,
      phones: [phone],
      declaration: { ...TEST_DECLARATION, source: source.code },
    });
    const code = minted.json.links[0].code as string;

    const link = await resolveLink(code);
    expect(link.status === "active" && link.declaration?.source?.code).toBe(source.code);
    const head = (await signedCall(changes, b, { path: "/suppressions/changes?limit=1" })).json.head as number;
    const recorded = await confirmLink(code, "source");
    expect(recorded.status === "recorded" && recorded.receipt.listSource?.code).toBe(source.code);

    // B (another provider, another sender) gets the change: any of its campaigns may declare that source.
    const feed = await signedCall(changes, b, { path: `/suppressions/changes?after=${head}` });
    expect(feed.json.changes).toContainEqual(
      expect.objectContaining({ op: "add", phone, scope: "source", sender: null, source: source.code }),
    );
    let entries: { phone: string; scope: string; source?: string }[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = await signedCall(snapshot, b, {
        path: `/suppressions/snapshot?limit=50000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      });
      entries = entries.concat(page.json.entries);
      cursor = page.json.cursor;
    }
    expect(entries).toContainEqual(expect.objectContaining({ phone, scope: "source", source: source.code }));

    await buildSnapshotFiles();
    const manifest = await snapshotManifest({ providerId: b.id });
    const file = manifest.files.find((f) => f.scope === "source" && f.source === source.code)!;
    expect(file.entries).toBe(1);
    const opened = await openSnapshotFile({ providerId: b.id }, file.url.split("/").at(-1)!);
    const bytes = Buffer.from(await new Response(opened.body).arrayBuffer());
    expect(JSON.parse(gunzipSync(bytes).toString("utf8").trim())).toMatchObject({
      phone,
      scope: "source",
      source: source.code,
    });

    // B's campaign declaring that source: washed out and no link; B's campaign from its own list: untouched.
    const bSender = b.senders[0]!.code;
    const bCampaign = uniqueSlug("b");
    const bMint = await mint(b, {
      campaign: bCampaign,
      phones: [phone],
      declaration: { ...TEST_DECLARATION, source: source.code },
    });
    expect(bMint.json.links).toEqual([]);
    expect(bMint.json.invalid).toEqual([{ input: phone, reason: "opposed-source" }]);
    const washed = await signedCall(check, b, {
      path: "/suppressions/check",
      body: { sender: bSender, phones: [phone], campaign: bCampaign },
    });
    expect(washed.json.suppressed).toEqual([{ phone, scope: "source" }]);
    const bySource = await signedCall(check, b, {
      path: "/suppressions/check",
      body: { sender: bSender, phones: [phone], source: source.code },
    });
    expect(bySource.json.suppressed).toEqual([{ phone, scope: "source" }]);
    const own = await signedCall(check, b, { path: "/suppressions/check", body: { sender: bSender, phones: [phone] } });
    expect(own.json.suppressed).toEqual([]);
    const ownMint = await mint(b, { campaign: uniqueSlug("b"), phones: [phone], declaration: TEST_DECLARATION });
    expect(ownMint.json.links).toHaveLength(1);
    const unknownCampaign = await signedCall(check, b, {
      path: "/suppressions/check",
      body: { sender: bSender, phones: [phone], campaign: "never-minted" },
    });
    expect(unknownCampaign.json.code).toBe("unknown-campaign");

    // The source change's leaf covers its source: the whole log still verifies.
    expect((await verifyLog()).problems).toEqual([]);
  });

  it("cannot be asked for a campaign from the advertiser's own list", async () => {
    const provider = await createApiProvider();
    const minted = await mint(provider, { campaign: uniqueSlug("o"), declaration: TEST_DECLARATION });
    expect((await confirmLink(minted.json.links[0].code, "source")).status).toBe("unknown");
  });
});

describe("I never agreed", () => {
  it("is a verified no-consent complaint whose declaration comes from its link", async () => {
    const provider = await createApiProvider();
    const minted = await mint(provider, { campaign: uniqueSlug("n"), declaration: TEST_DECLARATION });
    const reported = await reportFromLink(minted.json.links[0].code, { sharePhone: false, reason: "no_consent" });
    const complaint = await db().complaint.findUniqueOrThrow({ where: { id: reported!.id } });
    expect(complaint).toMatchObject({ reason: "no_consent", verified: true });
  });
});

describe("my number (who has my number)", () => {
  it("shows per campaign the declared source, basis and collection, names a refused source, and the download has them", async () => {
    const provider = await createApiProvider();
    const source = await newSource("partner");
    const phone = uniquePhone();
    const minted = await mint(provider, {
      campaign: uniqueSlug("m"),
      phones: [phone],
      declaration: { ...TEST_DECLARATION, source: source.code },
    });
    await confirmLink(minted.json.links[0].code, "source");
    const mine = await loadMyNumber(phone);
    expect(mine.holders[0]).toMatchObject({
      purpose: TEST_DECLARATION.purpose,
      basis: "consent",
      sourceName: "DataBroker X",
      collectedAt: "2025-03",
    });
    expect(mine.inForce).toEqual([
      expect.objectContaining({
        scope: "source",
        sender: null,
        listSource: expect.objectContaining({ code: source.code }),
      }),
    ]);
    expect(mine.history).toHaveLength(1);
    expect(mine.history[0]).toMatchObject({ scope: "source", sourceName: "DataBroker X", senderName: null });
    const data = await exportMyNumber(phone);
    expect(data.links[0]!.declaration).toMatchObject({
      basis: "consent",
      source: source.code,
      collected_at: "2025-03",
    });
    expect(data.oppositions[0]).toMatchObject({ scope: "source", list_source: { code: source.code } });

    // The holder withdraws it from "my number": a feed remove naming the source; nothing left in force.
    const receipt = await withdrawForVerifiedNumber(phone, { scope: "source", sender: "", source: source.code }, "fr");
    expect(receipt).toMatch(/^R-/);
    expect((await loadMyNumber(phone)).inForce).toEqual([]);
    const removed = await db().oppositionChange.findFirst({ where: { phone, op: "remove" } });
    expect(removed).toMatchObject({ scope: "source", listSourceId: source.id, reason: "withdrawn" });
    expect(await withdrawForVerifiedNumber(phone, { scope: "source", sender: "", source: "nobody" }, "fr")).toBeNull();
  });
});
