// The parts of the `smpp` package (no bundled types) that lib/sms uses.
declare module "smpp" {
  import type { EventEmitter } from "node:events";

  export interface PDU {
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    response(fields?: Record<string, unknown>): PDU;
    isResponse(): boolean;
  }

  export interface Session extends EventEmitter {
    bind_transceiver(fields: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
    submit_sm(fields: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
    deliver_sm(fields: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
    enquire_link(fields?: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
    unbind(fields?: Record<string, unknown>, callback?: (pdu: PDU) => void): boolean;
    send(pdu: PDU, callback?: (pdu: PDU) => void): boolean;
    pause(): void;
    resume(): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
  }

  export interface Server extends EventEmitter {
    listen(port: number, host?: string, callback?: () => void): this;
    close(callback?: () => void): void;
    address(): { port: number } | string | null;
  }

  export interface Encoding {
    match(value: string): boolean;
    encode(value: string): Buffer;
    decode(value: Buffer): string;
  }

  export function connect(
    options: { url?: string; host?: string; port?: number; auto_enquire_link_period?: number; connectTimeout?: number },
    listener?: () => void,
  ): Session;
  export function createServer(listener: (session: Session) => void): Server;
  export const PDU: { prototype: { fromBuffer(this: PDU, buffer: Buffer): unknown } };
  export const encodings: { ASCII: Encoding; LATIN1: Encoding; UCS2: Encoding };
  export const ESME_RBINDFAIL: number;
  export const ESME_RSYSERR: number;
  export const ESME_ROK: number;
  export const errors: Record<string, number>;
}
