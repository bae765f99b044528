import { invalidInput } from "@/lib/errors";
import { isE164 } from "@/lib/phone/parse-phone";
import type { OppositionTarget } from "./types";

/** Guards the write path itself, whatever the caller already checked. */
export function assertOppositionRequest(phone: string, target: OppositionTarget): void {
  if (!isE164(phone)) throw invalidInput("phone must be an E.164 number");
  const consistent =
    target.scope === "all"
      ? target.senderId === null && target.listSourceId == null
      : target.scope === "sender"
        ? Number.isInteger(target.senderId) && target.senderId > 0 && target.listSourceId == null
        : target.senderId === null && Number.isInteger(target.listSourceId) && target.listSourceId > 0;
  if (!consistent)
    throw invalidInput("scope 'all' takes no sender; scope 'sender' needs one; scope 'source' needs a list source");
}
