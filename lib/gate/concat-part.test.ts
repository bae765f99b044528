import type { PDU } from "smpp";
import { describe, expect, it } from "vitest";
import { concatPartOf } from "./concat-part";

const pdu = (fields: Record<string, unknown>) => fields as unknown as PDU;

describe("a part's place in a long message", () => {
  it("reads the 8-bit and 16-bit concatenation elements of the UDH, and SMPP's sar_* TLVs", () => {
    const udh8 = { esm_class: 0x40, short_message: { udh: [Buffer.from([0x00, 3, 0x2a, 2, 1])], message: "a" } };
    expect(concatPartOf(pdu(udh8))).toEqual({ reference: 0x2a, total: 2, seq: 1 });
    const udh16 = { esm_class: 0x43, short_message: { udh: [Buffer.from([0x08, 4, 0x12, 0x34, 3, 3])], message: "c" } };
    expect(concatPartOf(pdu(udh16))).toEqual({ reference: 0x1234, total: 3, seq: 3 });
    const sar = { short_message: "b", sar_msg_ref_num: 513, sar_total_segments: 2, sar_segment_seqnum: 2 };
    expect(concatPartOf(pdu(sar))).toEqual({ reference: 513, total: 2, seq: 2 });
  });

  it("is null for a message in one piece, a UDH without concatenation, or an impossible place", () => {
    expect(concatPartOf(pdu({ esm_class: 0, short_message: { message: "x" } }))).toBeNull();
    expect(
      concatPartOf(
        pdu({ esm_class: 0x40, short_message: { udh: [Buffer.from([0x05, 4, 0, 0, 0, 0])], message: "x" } }),
      ),
    ).toBeNull();
    expect(
      concatPartOf(pdu({ esm_class: 0x40, short_message: { udh: [Buffer.from([0x00, 3, 1, 2, 3])], message: "x" } })),
    ).toBeNull();
    expect(
      concatPartOf(pdu({ esm_class: 0x40, short_message: { udh: [Buffer.from([0x00, 3, 1, 1, 1])], message: "x" } })),
    ).toBeNull();
  });
});
