import smpp, { type PDU, type Session } from "smpp";

// An ESME built on the `smpp` package's client, as a campaign tool binds to the gate: for its tests, its
// bench and `npm run gate -- send`. It answers every deliver_sm (receipts, replies) and keeps them.

export interface Esme {
  session: Session;
  delivered: PDU[];
  submit(fields: Record<string, unknown>): Promise<PDU>;
  close(): void;
}

/** Binds to `address` (host:port) as a transceiver; throws when the bind is refused. */
export async function bindTestEsme(address: string, systemId: string, password: string): Promise<Esme> {
  const session = smpp.connect({ url: `smpp://${address}` });
  // A refused connection rejects (nobody listening there); errors after it are the session's close.
  await new Promise((resolve, reject) => {
    session.once("connect", resolve);
    session.once("error", reject);
  });
  session.on("error", () => undefined);
  const delivered: PDU[] = [];
  session.on("deliver_sm", (pdu: PDU) => {
    delivered.push(pdu);
    session.send(pdu.response());
  });
  const answer = await new Promise<PDU>((resolve) =>
    session.bind_transceiver({ system_id: systemId, password }, resolve),
  );
  if (answer.command_status !== 0) throw new Error(`bind refused: 0x${answer.command_status.toString(16)}`);
  return {
    session,
    delivered,
    submit: (fields) => new Promise<PDU>((resolve) => session.submit_sm(fields, resolve)),
    close: () => session.destroy(),
  };
}
