import "server-only";
import { randomInt } from "node:crypto";
import smpp, { type PDU, type Session } from "smpp";
import { logger } from "@/lib/log";
import type { SmsGateway } from "./sms-gateway";
import { splitSms } from "./split-sms";

const ENQUIRE_LINK_MS = 30_000; // keeps the bind alive through NAT and SMSC idle timers
const RESPONSE_TIMEOUT_MS = 10_000;
const BACKOFF_MS = { first: 1_000, max: 60_000 };

export interface SmppConfig {
  url: string; // smpp://system_id:password@host:port
  source: string; // short code or alphanumeric sender id
}

/**
 * An SMPP 3.4 transceiver bind kept open and alive with enquire_link; when it drops, the next bind is
 * tried after a back-off that doubles up to a minute, and any send in between waits for it (bounded).
 */
export class SmppGateway implements SmsGateway {
  readonly name = "smpp";
  private session: Promise<Session> | null = null;
  private backoff = BACKOFF_MS.first;
  private retryAt = 0;

  constructor(private readonly config: SmppConfig) {}

  async send({ to, text }: { to: string; text: string }): Promise<void> {
    const parts = splitSms(text, randomInt(256));
    const session = await this.bound();
    const source = this.config.source;
    const alphanumeric = /[^\d+]/.test(source);
    for (const part of parts) {
      const pdu = await request(session, "submit_sm", {
        source_addr_ton: alphanumeric ? 5 : 0, // 5: alphanumeric sender id
        source_addr_npi: alphanumeric ? 0 : 1,
        source_addr: source,
        dest_addr_ton: 1, // international: E.164 without "+"
        dest_addr_npi: 1,
        destination_addr: to.replace(/^\+/, ""),
        data_coding: part.dataCoding,
        short_message: part.udh ? { udh: part.udh, message: part.payload } : part.payload,
      });
      if (pdu.command_status !== 0)
        throw new Error(`submit_sm refused with status 0x${pdu.command_status.toString(16)}`);
    }
  }

  /** Closes the bind (tests, shutdown). */
  async close(): Promise<void> {
    const session = await this.session?.catch(() => null);
    this.session = null;
    session?.destroy();
  }

  private bound(): Promise<Session> {
    this.session ??= this.bind();
    return this.session;
  }

  private async bind(): Promise<Session> {
    const wait = this.retryAt - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(wait, RESPONSE_TIMEOUT_MS)));
    const url = new URL(this.config.url);
    try {
      const session = await connect(url);
      const pdu = await request(session, "bind_transceiver", {
        system_id: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
        interface_version: 0x34,
      });
      if (pdu.command_status !== 0) {
        session.destroy();
        throw new Error(`bind_transceiver refused with status 0x${pdu.command_status.toString(16)}`);
      }
      this.backoff = BACKOFF_MS.first;
      const current = this.session;
      const forget = (reason: string) => {
        if (this.session === current) this.session = null;
        logger.warn({ gateway: "smpp", reason }, "SMPP bind lost; the next message binds again");
      };
      session.on("close", () => forget("closed"));
      session.on("error", (error: Error) => forget(error.message));
      session.on("unbind", (pdu: PDU) => {
        session.send(pdu.response());
        session.close();
      });
      session.on("enquire_link", (pdu: PDU) => session.send(pdu.response()));
      return session;
    } catch (error) {
      this.session = null;
      this.retryAt = Date.now() + this.backoff;
      this.backoff = Math.min(this.backoff * 2, BACKOFF_MS.max);
      throw error;
    }
  }
}

function connect(url: URL): Promise<Session> {
  return new Promise((resolve, reject) => {
    const session = smpp.connect({ url: `smpp://${url.host}`, auto_enquire_link_period: ENQUIRE_LINK_MS });
    const timer = setTimeout(() => {
      session.destroy();
      reject(new Error("SMPP connection timed out"));
    }, RESPONSE_TIMEOUT_MS);
    session.once("connect", () => {
      clearTimeout(timer);
      resolve(session);
    });
    session.once("error", (error: Error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function request(
  session: Session,
  command: "bind_transceiver" | "submit_sm",
  fields: Record<string, unknown>,
): Promise<PDU> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no ${command}_resp within ${RESPONSE_TIMEOUT_MS} ms`)),
      RESPONSE_TIMEOUT_MS,
    );
    const sent = session[command](fields, (pdu) => {
      clearTimeout(timer);
      resolve(pdu);
    });
    if (!sent) {
      clearTimeout(timer);
      reject(new Error("the SMPP connection is not writable"));
    }
  });
}
