import "server-only";
import { db } from "@/lib/db/client";
import { recordOpposition, type RecordOppositionResult } from "@/lib/oppositions/record-opposition";
import { resolveLink } from "./resolve-link";

export type ConfirmLinkResult = { status: "unknown" | "expired" } | ({ status: "recorded" } & RecordOppositionResult);

/**
 * The citizen's explicit confirmation (a POST) from the landing page: records the opposition with source
 * `link`, verified, because the link was minted for that very number: to this sender, to all, or to the
 * list source the campaign declared.
 */
export async function confirmLink(code: string, choice: "sender" | "all" | "source"): Promise<ConfirmLinkResult> {
  const link = await resolveLink(code);
  if (link.status !== "active") return { status: link.status };
  const listSource = link.declaration?.source;
  // `source` refuses the list the campaign declared; a campaign from the advertiser's own collection has
  // none (refusing it is refusing the sender), nor has a page without the button: the choice is void.
  if (choice === "source" && !listSource) return { status: "unknown" };
  const target =
    choice === "all"
      ? ({ scope: "all", senderId: null } as const)
      : choice === "source"
        ? ({ scope: "source", senderId: null, listSourceId: listSource!.id } as const)
        : ({ scope: "sender", senderId: link.sender.id } as const);
  const result = await recordOpposition({
    phone: link.phone,
    target,
    source: "link",
    verified: true,
    viaProviderId: link.providerId,
  });
  await db().$executeRaw`UPDATE stop_links SET confirmed_at = COALESCE(confirmed_at, now()) WHERE code = ${code}`;
  return { status: "recorded", ...result };
}
