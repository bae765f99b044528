import smpp from "smpp";

// How a text travels as SMS (3GPP TS 23.038 / 23.040): in the GSM 7-bit alphabet when every character
// has a place in it (160 characters, or 153 per part of a long message), otherwise in UCS-2, which Arabic
// always needs (70 characters, or 67 per part). A long message's parts carry a concatenation header
// (UDH: IEI 0x00, 8-bit reference) so that phones join them. Past three parts the text is refused:
// nothing this platform sends needs more, and a longer text is a bug to see, not a cost to pay.

export const MAX_PARTS = 3;
export const DATA_CODING = { gsm7: 0x00, ucs2: 0x08 } as const;

export interface SmsPart {
  dataCoding: (typeof DATA_CODING)[keyof typeof DATA_CODING];
  /** The concatenation header, or null for a single-part message. */
  udh: Buffer | null;
  /** The part's bytes: unpacked septets (one per octet, as SMPP carries them) or UTF-16BE. */
  payload: Buffer;
}

export class SmsTooLongError extends Error {
  constructor(
    readonly parts: number,
    readonly maxParts = MAX_PARTS,
  ) {
    super(`the text needs ${parts} SMS parts; at most ${maxParts} are sent`);
    this.name = "SmsTooLongError";
  }
}

const gsm = smpp.encodings.ASCII;

/** Units of each character: septets in GSM 7-bit (2 for the extension table), UTF-16 units in UCS-2. */
function unitsOf(text: string, coding: SmsPart["dataCoding"]): { char: string; bytes: Buffer }[] {
  return [...text].map((char) => ({
    char,
    bytes: coding === DATA_CODING.gsm7 ? gsm.encode(char) : Buffer.from(char, "utf16le").swap16(),
  }));
}

/** `maxParts`: the platform's own texts stay within 3; the gate allows what each account's contract says. */
export function splitSms(text: string, reference: number, maxParts = MAX_PARTS): SmsPart[] {
  const dataCoding = gsm.match(text) ? DATA_CODING.gsm7 : DATA_CODING.ucs2;
  const [single, perPart] = dataCoding === DATA_CODING.gsm7 ? [160, 153] : [140, 134]; // in octets
  const units = unitsOf(text, dataCoding);
  const total = units.reduce((sum, u) => sum + u.bytes.length, 0);
  if (total <= single) return [{ dataCoding, udh: null, payload: Buffer.concat(units.map((u) => u.bytes)) }];
  const chunks: Buffer[][] = [[]];
  let used = 0;
  for (const unit of units) {
    // A character is never cut: an escape pair or a surrogate pair stays in one part.
    if (used + unit.bytes.length > perPart) {
      chunks.push([]);
      used = 0;
    }
    chunks.at(-1)!.push(unit.bytes);
    used += unit.bytes.length;
  }
  if (chunks.length > maxParts) throw new SmsTooLongError(chunks.length, maxParts);
  return chunks.map((bytes, i) => ({
    dataCoding,
    udh: Buffer.from([0x05, 0x00, 0x03, reference & 0xff, chunks.length, i + 1]),
    payload: Buffer.concat(bytes),
  }));
}
