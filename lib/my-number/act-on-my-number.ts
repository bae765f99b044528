import "server-only";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import type { OppositionTarget } from "@/lib/oppositions/types";
import { withdrawOpposition } from "@/lib/oppositions/withdraw-opposition";
import { findSenderByCodeOrName } from "@/lib/providers/list-public-senders";

/** The target a /number form names (scope and sender code), or null when it names nothing real. */
async function targetOf(form: { scope: string; sender: string }): Promise<OppositionTarget | null> {
  if (form.scope === "all") return { scope: "all", senderId: null };
  if (form.scope !== "sender" || !form.sender) return null;
  const sender = await findSenderByCodeOrName(form.sender);
  return sender ? { scope: "sender", senderId: sender.id } : null;
}

/** A verified holder stops all senders or one: returns the receipt id, or null for a form naming nothing. */
export async function stopForVerifiedNumber(
  phone: string,
  form: { scope: string; sender: string },
): Promise<string | null> {
  const target = await targetOf(form);
  if (!target) return null;
  const { receipt } = await recordOpposition({ phone, target, source: "web", verified: true });
  return receipt.id;
}

/** A verified holder withdraws an opposition (feed `remove`, reason `withdrawn`): its receipt id, or null. */
export async function withdrawForVerifiedNumber(
  phone: string,
  form: { scope: string; sender: string },
): Promise<string | null> {
  const target = await targetOf(form);
  if (!target) return null;
  const { receipt } = await withdrawOpposition({ phone, target, source: "web" });
  return receipt?.id ?? null;
}
