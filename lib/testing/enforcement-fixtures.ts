// The enforcement tests' fixtures: refusals, links minted at a given time, and complaints from those links.
import { POST as respondRoute } from "@/app/api/v1/complaints/[id]/response/route";
import { db } from "@/lib/db/client";
import { mintLinks } from "@/lib/links/mint-links";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { type TestProvider } from "@/lib/testing/api-client";
import { uniquePhone } from "@/lib/testing/fixtures";
import { reportFromLink } from "@/lib/complaints/report-from-link";

export const HOUR = 3_600_000;
// The route as Next calls it, with its [id] parameter taken from the path.
export const respond = (request: Request) =>
  respondRoute(request, { params: Promise.resolve({ id: new URL(request.url).pathname.split("/")[4]! }) });
export const LAG = 48 * HOUR;

// The feed is never backdated here (other tests check its invariants over the shared database): each
// test records a refusal now and places the link's mint time, or the reported day, relative to it.

/** An opposition recorded now: its seq and exact time. */
export async function oppose(
  phone: string,
  target: { scope: "all"; senderId: null } | { scope: "sender"; senderId: number } = { scope: "all", senderId: null },
) {
  const { receipt } = await recordOpposition({ phone, target, source: "web", verified: false });
  return { seq: receipt.seq, at: receipt.createdAt };
}

export async function mintAt(provider: TestProvider, phone: string, at: Date): Promise<string> {
  const { links } = await mintLinks({
    providerId: provider.id,
    senderId: provider.senders[0]!.id,
    campaign: "bf-2026",
    phones: [phone],
    expiresInDays: 90,
    defaultRegion: "MA",
    publicUrl: "https://stopsms.test",
  });
  const code = links[0]!.code;
  await db().$executeRaw`UPDATE stop_links SET created_at = ${at} WHERE code = ${code}`;
  return code;
}

/** A complaint from a link minted `afterRefusal` ms after a refusal of all senders (none when null). */
export async function linkComplaint(provider: TestProvider, afterRefusal: number | null) {
  const phone = uniquePhone();
  const opposed = afterRefusal === null ? null : await oppose(phone);
  const code = await mintAt(provider, phone, new Date((opposed?.at.getTime() ?? Date.now()) + (afterRefusal ?? 0)));
  const report = await reportFromLink(code, { sharePhone: false });
  return { phone, code, id: report!.id, verdict: report!.verdict };
}
