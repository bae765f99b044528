import "server-only";
import { pool } from "@/lib/db/client";
import { problems } from "@/lib/problems";
import { declarationOf, readCampaignDeclaration, type Declaration, type DeclarationView } from "./campaign-declaration";
import { findListSource } from "./find-list-source";
import { OWN_SOURCE, type DeclarationInput } from "./schemas";

export type FixedDeclaration = Declaration & { listSourceId: number | null };

/**
 * Fixes a campaign's declaration at its first mint and holds every later mint to it (SYNC-PROTOCOL 1.2):
 * a different one is 409 `declaration-changed` (the same list under another story would hide its origin
 * from the citizens already messaged). A later mint may omit it. Returns the declaration in force, or null
 * when none is required and none was given.
 */
export async function fixCampaignDeclaration(input: {
  providerId: number;
  sender: { id: number; name: string };
  campaign: string;
  declaration: DeclarationInput | undefined;
  required: boolean;
}): Promise<FixedDeclaration | null> {
  const { sender, campaign } = input;
  const existing = await readCampaignDeclaration(sender.id, campaign);
  if (existing) return heldTo(existing, input.declaration && normalise(input.declaration, sender.name));
  if (!input.declaration) {
    if (input.required) throw problems.declarationRequired();
    return null;
  }
  const wanted = normalise(input.declaration, sender.name);
  const [listSourceId, sector] = await Promise.all([activeSourceId(wanted.source), senderSector(sender.id)]);
  // Law 09-08 and the CNDP's line on political messages: no "existing customer" exception.
  if (sector === "politics" && wanted.basis !== "consent") throw problems.consentRequired();
  await pool().query(
    `INSERT INTO campaign_declarations
       (sender_id, campaign, provider_id, advertiser, purpose, basis, list_source_id, collected_at, collected_how)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (sender_id, campaign) DO NOTHING`,
    [
      sender.id,
      campaign,
      input.providerId,
      wanted.advertiser,
      wanted.purpose,
      wanted.basis,
      listSourceId,
      wanted.collected_at,
      wanted.collected_how,
    ],
  );
  // Two first mints at once: the one that committed first fixed it; hold this one to it.
  return heldTo((await readCampaignDeclaration(sender.id, campaign))!, wanted);
}

/** The declaration in force, after checking that the one given (if any) is the same. */
function heldTo(stored: DeclarationView, given: Declaration | undefined): FixedDeclaration {
  const fixed = declarationOf(stored);
  if (given && !sameDeclaration(fixed, given)) throw problems.declarationChanged(fixed);
  return { ...fixed, listSourceId: stored.listSource?.id ?? null };
}

function normalise(declaration: DeclarationInput, senderName: string): Declaration {
  return { ...declaration, advertiser: declaration.advertiser ?? senderName };
}

function sameDeclaration(a: Declaration, b: Declaration): boolean {
  return (
    a.advertiser === b.advertiser &&
    a.purpose === b.purpose &&
    a.basis === b.basis &&
    a.source === b.source &&
    a.collected_at === b.collected_at &&
    a.collected_how === b.collected_how
  );
}

async function activeSourceId(code: string): Promise<number | null> {
  if (code === OWN_SOURCE) return null;
  const source = await findListSource(code);
  if (!source || source.suspendedAt) throw problems.unknownSource(code);
  return source.id;
}

async function senderSector(senderId: number): Promise<string> {
  const { rows } = await pool().query<{ sector: string }>("SELECT sector FROM senders WHERE id = $1", [senderId]);
  return rows[0]?.sector ?? "other";
}
