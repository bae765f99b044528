import { EventEmitter } from "node:events";
import net from "node:net";
import { coalescedWriter } from "./coalesced-write";
import { buildPdu, COMMAND, parsePdu, readPdus, responseTo, STATUS, withSequence, type RawPdu } from "./pdu-wire";

// The gate's bind to the operator's SMSC: one transceiver, kept alive with enquire_link, bound again after a
// back-off that doubles up to a minute when it drops. A submit while unbound, or unanswered within 10 s, comes
// back as ESME_RTHROTTLED, which tells the ESME to retry: nothing is lost and nothing is sent twice by the gate.

const ENQUIRE_LINK_MS = 30_000;
const RESPONSE_TIMEOUT_MS = 10_000;
const BACKOFF_MS = { first: 500, max: 60_000 };

export interface UpstreamAnswer {
  status: number;
  messageId: string | null;
}

export interface UpstreamTarget {
  host: string;
  port: number;
  systemId: string;
  password: string;
}

export class Upstream extends EventEmitter {
  private socket: net.Socket | null = null;
  private write: ((bytes: Buffer) => boolean) | null = null;
  private bound = false;
  private sequence = 0;
  private readonly pending = new Map<
    number,
    { resolve: (answer: UpstreamAnswer) => void; timer: NodeJS.Timeout; onAccepted?: (messageId: string) => void }
  >();
  private backoff = BACKOFF_MS.first;
  private keepAlive: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly target: UpstreamTarget) {
    super();
  }

  get isBound(): boolean {
    return this.bound;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  /**
   * Sends a submit_sm (its own sequence number replaced) and resolves with the SMSC's answer. `onAccepted`
   * runs as the answer is read, before any PDU after it: a delivery receipt may follow in the same packet.
   */
  submit(bytes: Buffer, onAccepted?: (messageId: string) => void): Promise<UpstreamAnswer> {
    if (!this.bound || !this.socket) return Promise.resolve({ status: STATUS.throttled, messageId: null });
    const sequence = this.nextSequence();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(sequence);
        resolve({ status: STATUS.throttled, messageId: null });
      }, RESPONSE_TIMEOUT_MS);
      this.pending.set(sequence, { resolve, timer, onAccepted });
      this.write!(withSequence(bytes, sequence));
    });
  }

  /** Unbinds once nothing is in flight (at most 10 s), then closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    const deadline = Date.now() + RESPONSE_TIMEOUT_MS;
    while (this.pending.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const socket = this.socket;
    if (socket && this.bound) {
      socket.write(buildPdu("unbind", { sequence_number: this.nextSequence() }));
      await new Promise((resolve) => {
        socket.once("close", resolve);
        setTimeout(resolve, 2000);
        socket.end();
      });
    }
    socket?.destroy();
    if (this.keepAlive) clearInterval(this.keepAlive);
  }

  private nextSequence(): number {
    this.sequence = this.sequence >= 0x7fffffff ? 1 : this.sequence + 1;
    return this.sequence;
  }

  private connect(): void {
    const socket = net.connect({ host: this.target.host, port: this.target.port });
    this.socket = socket;
    this.write = coalescedWriter(socket);
    socket.setNoDelay(true);
    socket.on("connect", () => {
      socket.write(
        buildPdu("bind_transceiver", {
          sequence_number: this.nextSequence(),
          system_id: this.target.systemId,
          password: this.target.password,
          interface_version: 0x34,
        }),
      );
    });
    readPdus(
      socket,
      (raw) => this.onPdu(socket, raw),
      () => socket.destroy(),
    );
    socket.on("error", (error) => this.emit("problem", error.message));
    socket.on("close", () => this.onClose(socket));
  }

  private onPdu(socket: net.Socket, raw: RawPdu): void {
    switch (raw.commandId) {
      case COMMAND.bind_transceiver_resp: {
        if (raw.bytes.readUInt32BE(8) !== STATUS.ok) {
          this.emit("problem", `bind refused: status 0x${raw.bytes.readUInt32BE(8).toString(16)}`);
          socket.destroy();
          return;
        }
        this.bound = true;
        this.backoff = BACKOFF_MS.first;
        this.keepAlive = setInterval(
          () => socket.write(buildPdu("enquire_link", { sequence_number: this.nextSequence() })),
          ENQUIRE_LINK_MS,
        );
        this.emit("bound");
        return;
      }
      case COMMAND.submit_sm_resp: {
        const waiter = this.pending.get(raw.sequence);
        if (!waiter) return;
        this.pending.delete(raw.sequence);
        clearTimeout(waiter.timer);
        const status = raw.bytes.readUInt32BE(8);
        // submit_sm_resp's body is one C-octet string, the message id (SMPP 3.4, 4.4.2): read in place, not
        // through a whole PDU parse for every message the gate sends.
        const end = raw.bytes.indexOf(0, 16);
        const messageId =
          status === STATUS.ok ? raw.bytes.toString("latin1", 16, end < 0 ? raw.bytes.length : end) : null;
        if (messageId) waiter.onAccepted?.(messageId);
        waiter.resolve({ status, messageId });
        return;
      }
      case COMMAND.enquire_link:
        socket.write(responseTo(raw, "enquire_link", STATUS.ok));
        return;
      case COMMAND.unbind:
        socket.write(responseTo(raw, "unbind", STATUS.ok));
        socket.end();
        return;
      case COMMAND.deliver_sm: {
        const pdu = parsePdu(raw);
        // Answered at once: the gate takes the message, then routes it to the right ESME session.
        socket.write(responseTo(raw, "deliver_sm", STATUS.ok));
        if (pdu) this.emit("deliver", raw, pdu);
        return;
      }
      default:
        return;
    }
  }

  private onClose(socket: net.Socket): void {
    if (this.socket !== socket) return;
    this.bound = false;
    this.socket = null;
    if (this.keepAlive) clearInterval(this.keepAlive);
    for (const [sequence, waiter] of this.pending) {
      clearTimeout(waiter.timer);
      waiter.resolve({ status: STATUS.throttled, messageId: null });
      this.pending.delete(sequence);
    }
    if (this.stopped) return;
    this.emit("problem", `upstream closed; binding again in ${this.backoff} ms`);
    setTimeout(() => !this.stopped && this.connect(), this.backoff);
    this.backoff = Math.min(this.backoff * 2, BACKOFF_MS.max);
  }
}
