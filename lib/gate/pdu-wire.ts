import type { Socket } from "node:net";
import smpp, { type PDU } from "smpp";

// SMPP on a socket, one whole PDU at a time. The gate frames the bytes itself rather than through the `smpp`
// package's Session: the package stops reading a connection for good after one PDU it cannot parse, and caps
// PDUs at 16 KB. Here a PDU that does not parse gets a generic_nack and the next one is read; a length past
// 64 KB (or under the 16-byte header) closes the connection, since nothing after it can be framed. The package
// still parses and builds each PDU (its field tables are the SMPP 3.4 spec's).

export const MAX_PDU_BYTES = 64 * 1024;
/** esm_class's bit saying the short message starts with a user data header (SMPP 3.4, 5.2.12). */
export const UDH_INDICATOR = 0x40;
(smpp.PDU as unknown as { maxLength: number }).maxLength = MAX_PDU_BYTES;

export const STATUS = {
  ok: 0x00000000,
  invalidLength: 0x00000001, // ESME_RINVMSGLEN
  invalidCommandLength: 0x00000002,
  invalidBindStatus: 0x00000004,
  alreadyBound: 0x00000005,
  systemError: 0x00000008,
  invalidSource: 0x0000000a, // ESME_RINVSRCADR
  bindFailed: 0x0000000d,
  invalidDestination: 0x0000000b,
  submitFailed: 0x00000045, // ESME_RSUBMITFAIL: a part whose siblings never came
  invalidEsmClass: 0x00000043,
  throttled: 0x00000058, // ESME_RTHROTTLED: the ESME retries later
  recipientOpposed: 0x00000401, // vendor-specific: the number refuses SMS from this sender
  noMention: 0x00000402, // vendor-specific: a commercial message without its StopSMS link (require mode)
} as const;

export interface RawPdu {
  bytes: Buffer;
  commandId: number;
  sequence: number;
}

/** Calls `onPdu` with every whole PDU read; `onOversize` once if a length cannot be framed. */
export function readPdus(socket: Socket, onPdu: (pdu: RawPdu) => void, onOversize: (length: number) => void): void {
  let pending: Buffer = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length >= 4) {
      const length = pending.readUInt32BE(0);
      if (length < 16 || length > MAX_PDU_BYTES) {
        pending = Buffer.alloc(0);
        onOversize(length);
        return;
      }
      if (pending.length < length) return;
      const bytes = Buffer.from(pending.subarray(0, length));
      pending = pending.subarray(length);
      onPdu({ bytes, commandId: bytes.readUInt32BE(4), sequence: bytes.readUInt32BE(12) });
    }
  });
}

/** The package's parse of one PDU, or null when its body does not parse. */
export function parsePdu(raw: RawPdu): PDU | null {
  try {
    return new (smpp.PDU as unknown as new (bytes: Buffer) => PDU)(raw.bytes);
  } catch {
    return null;
  }
}

export function buildPdu(command: string, fields: Record<string, unknown>): Buffer {
  const pdu = new (
    smpp.PDU as unknown as new (
      command: string,
      fields: Record<string, unknown>,
    ) => PDU & {
      toBuffer(): Buffer;
    }
  )(command, fields);
  return pdu.toBuffer();
}

/** A response to `raw` with the given status (and fields when it is ok). */
export function responseTo(raw: RawPdu, command: string, status: number, fields: Record<string, unknown> = {}): Buffer {
  return buildPdu(`${command}_resp`, { ...fields, sequence_number: raw.sequence, command_status: status });
}

export function genericNack(sequence: number, status: number): Buffer {
  return buildPdu("generic_nack", { sequence_number: sequence, command_status: status });
}

/** The same PDU under another sequence number (relayed as it came, byte for byte otherwise). */
export function withSequence(bytes: Buffer, sequence: number): Buffer {
  const copy = Buffer.from(bytes);
  copy.writeUInt32BE(sequence, 12);
  return copy;
}

export const COMMAND = {
  generic_nack: 0x80000000,
  bind_receiver: 0x00000001,
  bind_transmitter: 0x00000002,
  submit_sm: 0x00000004,
  submit_sm_resp: 0x80000004,
  deliver_sm: 0x00000005,
  deliver_sm_resp: 0x80000005,
  unbind: 0x00000006,
  unbind_resp: 0x80000006,
  bind_transceiver: 0x00000009,
  bind_transceiver_resp: 0x80000009,
  enquire_link: 0x00000015,
  enquire_link_resp: 0x80000015,
} as const;
