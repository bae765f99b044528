import { parsePhone } from "@/lib/phone/parse-phone";

// An SMPP address to E.164, by its type of number (SMPP 3.4, 5.2.5): 1 international (with or without "+"),
// 2 national (the region's own plan, "0612345678"), 0 unknown: operators send either, so "0…" or a "+" reads as
// written and bare digits as international. A handset's STOP reply (deliver_sm) often comes national from
// the SMSC; read as international it was dropped, and the refusal with it.
export const TON_INTERNATIONAL = 1;
export const TON_NATIONAL = 2;

export function phoneOfAddress(address: unknown, ton: unknown, region: string): string | null {
  const written = String(address ?? "").trim();
  if (written === "") return null;
  const kind = Number(ton ?? 0);
  const digits = written.replace(/^\+/, "");
  const input =
    kind === TON_NATIONAL || (kind !== TON_INTERNATIONAL && !written.startsWith("+") && digits.startsWith("0"))
      ? digits
      : `+${digits}`;
  const parsed = parsePhone(input, region);
  return parsed.ok ? parsed.e164 : null;
}
