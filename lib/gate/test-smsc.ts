import type { AddressInfo } from "node:net";
import smpp, { type PDU, type Session } from "smpp";
import { textOf } from "./decide-submit";

// A small SMSC built on the `smpp` package's server, for trying the gate on one machine (`npm run gate --
// test-smsc`) and for its tests: it accepts one system_id/password, answers every submit_sm with a message id,
// sends a delivery receipt when one is asked for, and can send an MO (a citizen's reply) to whoever is bound.

export interface TestSmsc {
  port: number;
  submits: PDU[];
  binds: number;
  /** A citizen's reply from `from` to `to`. */
  sendMo(from: string, to: string, text: string): void;
  /** Drops every bind (an SMSC restart); `refuse` keeps refusing new ones until called again with false. */
  cut(refuse?: boolean): void;
  close(): Promise<void>;
}

export async function startTestSmsc(
  credentials: { systemId: string; password: string },
  onSubmit: (pdu: PDU, text: string) => void = () => undefined,
  port = 0,
): Promise<TestSmsc> {
  const submits: PDU[] = [];
  const sessions = new Set<Session>();
  let refusing = false;
  let counter = 0;
  const state = { binds: 0 };
  const server = smpp.createServer((session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
    session.on("error", () => undefined);
    session.on("bind_transceiver", (pdu: PDU) => {
      const ok = !refusing && pdu.system_id === credentials.systemId && pdu.password === credentials.password;
      if (ok) state.binds++;
      session.send(pdu.response({ command_status: ok ? 0 : smpp.ESME_RBINDFAIL, system_id: "test-smsc" }));
    });
    session.on("submit_sm", (pdu: PDU) => {
      submits.push(pdu);
      const id = `m${++counter}`;
      onSubmit(pdu, textOf(pdu));
      session.send(pdu.response({ message_id: id }));
      if (Number(pdu.registered_delivery ?? 0) & 0x01)
        session.deliver_sm({
          source_addr: pdu.destination_addr,
          destination_addr: pdu.source_addr,
          esm_class: 0x04,
          receipted_message_id: id,
          message_state: 2,
          short_message: `id:${id} sub:001 dlvrd:001 submit date:2612051200 done date:2612051200 stat:DELIVRD err:000 text:`,
        });
    });
    session.on("deliver_sm_resp", () => undefined);
    session.on("enquire_link", (pdu: PDU) => session.send(pdu.response()));
    session.on("unbind", (pdu: PDU) => {
      session.send(pdu.response());
      session.close();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    submits,
    get binds() {
      return state.binds;
    },
    sendMo(from, to, text) {
      for (const session of sessions)
        session.deliver_sm({
          source_addr: from,
          source_addr_ton: 1,
          destination_addr: to,
          short_message: text,
        });
    },
    cut(refuse = false) {
      refusing = refuse;
      for (const session of sessions) session.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const session of sessions) session.destroy();
        server.close(() => resolve());
      }),
  };
}
