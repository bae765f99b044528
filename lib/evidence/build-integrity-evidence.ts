import "server-only";
import { requireStaff } from "@/lib/auth/require-staff";
import { openIntegrityAlert } from "@/lib/integrity/integrity-alerts";
import { evidenceHeader } from "./build-complaint-evidence";

/**
 * Staff download, audited (opening the alert is): an integrity alert as a signed pack, for the ANRT or a
 * prosecutor: whose list the canary numbers were given in, who used them, with which key, in which call.
 */
export async function buildIntegrityEvidence(id: string) {
  const staff = await requireStaff("analyst");
  const alert = await openIntegrityAlert(staff.actor, id).catch(() => null);
  if (!alert) return null;
  return {
    ...evidenceHeader({ integrity_alert: alert.id }),
    finding:
      "These numbers belong to nobody: they were only ever given, as oppositions, in the suppression list of the list provider below. Their presence in this call shows that list was used to send, or prepare sending, SMS.",
    alert: {
      id: alert.id,
      at: alert.at.toISOString(),
      endpoint: alert.endpoint,
      keyid: alert.keyid,
      list_provider: alert.listProvider,
      caller: alert.caller,
      canary_numbers: alert.phones,
      call: alert.details,
    },
  };
}
