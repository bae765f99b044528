import type { PDU } from "smpp";
import { UDH_INDICATOR } from "./pdu-wire";

// Where a part of a long message the ESME split itself sits in its whole (3GPP TS 23.040 §9.2.3.24.1/.8):
// the concatenation element of its UDH (IEI 0x00, 8-bit reference; IEI 0x08, 16-bit), or SMPP's own
// sar_* TLVs. The gate joins the parts before it decides: a link, an opposition, a mention concern the
// message, never one part of it.

export interface ConcatPart {
  reference: number;
  total: number;
  /** 1-based, as on the wire. */
  seq: number;
}

function fromUdh(udh: unknown): ConcatPart | null {
  const elements = Array.isArray(udh) ? udh : [];
  for (const element of elements) {
    if (!Buffer.isBuffer(element)) continue;
    if (element[0] === 0x00 && element[1] === 3 && element.length >= 5)
      return { reference: element[2]!, total: element[3]!, seq: element[4]! };
    if (element[0] === 0x08 && element[1] === 4 && element.length >= 6)
      return { reference: element.readUInt16BE(2), total: element[4]!, seq: element[5]! };
  }
  return null;
}

/** The part's place, or null for a message in one piece. A malformed place (seq 0, seq past total) is null too: the whole is then decided as one part. */
export function concatPartOf(pdu: PDU): ConcatPart | null {
  const body = pdu.short_message as { udh?: unknown } | undefined;
  const part =
    Number(pdu.esm_class ?? 0) & UDH_INDICATOR && body && typeof body === "object"
      ? fromUdh(body.udh)
      : pdu.sar_total_segments !== undefined
        ? {
            reference: Number(pdu.sar_msg_ref_num ?? 0),
            total: Number(pdu.sar_total_segments),
            seq: Number(pdu.sar_segment_seqnum ?? 0),
          }
        : null;
  if (!part || part.total < 2 || part.seq < 1 || part.seq > part.total) return null;
  return part;
}
