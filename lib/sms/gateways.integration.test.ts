import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import smpp, { type PDU, type Session } from "smpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { uniquePhone } from "@/lib/testing/fixtures";
import { httpGateway } from "./http-gateway";
import { outboxGateway } from "./outbox-gateway";
import { sendSms, SmsNotSentError } from "./send-sms";
import { SmppGateway } from "./smpp-gateway";

/** A real SMPP server (the same package's implementation) recording binds and messages, with their wire bytes. */
function startSmsc() {
  const binds: { system_id: unknown; password: unknown }[] = [];
  const submits: PDU[] = [];
  const wire: Buffer[] = [];
  const sessions: Session[] = [];
  // Every PDU read from a socket goes through this parser: keep submit_sm (0x00000004) as it crossed the wire.
  const proto = smpp.PDU.prototype;
  const parse = proto.fromBuffer;
  proto.fromBuffer = function (this: PDU, buffer: Buffer) {
    if (buffer.readUInt32BE(4) === 0x00000004) wire.push(Buffer.from(buffer));
    return parse.call(this, buffer);
  };
  const server = smpp.createServer((session) => {
    sessions.push(session);
    session.on("error", () => undefined);
    session.on("bind_transceiver", (pdu: PDU) => {
      binds.push({ system_id: pdu.system_id, password: pdu.password });
      const ok = pdu.system_id === "stopsms" && pdu.password === "s3cret";
      session.send(pdu.response({ command_status: ok ? 0 : smpp.ESME_RBINDFAIL }));
    });
    session.on("submit_sm", (pdu: PDU) => {
      submits.push(pdu);
      session.send(pdu.response({ message_id: String(submits.length) }));
    });
    session.on("enquire_link", (pdu: PDU) => session.send(pdu.response()));
  });
  return {
    binds,
    submits,
    wire,
    sessions,
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
      ),
    close: () => {
      proto.fromBuffer = parse;
      for (const s of sessions) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe("SMPP gateway against a real SMPP server", () => {
  const smsc = startSmsc();
  let port = 0;
  beforeAll(async () => {
    port = await smsc.listen();
  });
  afterAll(() => smsc.close());

  it("binds as a transceiver with the URL's credentials and sends Arabic as UCS-2, byte for byte", async () => {
    const gateway = new SmppGateway({ url: `smpp://stopsms:s3cret@127.0.0.1:${port}`, source: "StopSMS" });
    const text = "StopSMS : رمزك هو 482913، صالح 10 دقائق.";
    await gateway.send({ to: "+212612345678", text });
    expect(smsc.binds.at(-1)).toEqual({ system_id: "stopsms", password: "s3cret" });
    const pdu = smsc.submits.at(-1)!;
    expect(pdu.destination_addr).toBe("212612345678");
    expect(pdu.dest_addr_ton).toBe(1);
    expect(pdu.source_addr).toBe("StopSMS");
    expect(pdu.source_addr_ton).toBe(5);
    expect(pdu.data_coding).toBe(0x08);
    const expected = Buffer.from(text, "utf16le").swap16();
    // On the wire: data_coding 0x08, then sm_length, then exactly the UTF-16BE bytes of the text.
    const raw = smsc.wire.at(-1)!;
    const at = raw.indexOf(expected);
    expect(at).toBeGreaterThan(0);
    expect(raw[at - 1]).toBe(expected.length);
    expect(at + expected.length).toBe(raw.length);
    expect((pdu.short_message as { message: string }).message).toBe(text);
    await gateway.close();
  });

  it("splits a long Arabic text into concatenated parts with a UDH", async () => {
    const gateway = new SmppGateway({ url: `smpp://stopsms:s3cret@127.0.0.1:${port}`, source: "2020" });
    const before = smsc.submits.length;
    await gateway.send({ to: "+212612345678", text: "ب".repeat(100) });
    const parts = smsc.submits.slice(before);
    expect(parts).toHaveLength(2);
    expect(parts.every((p) => ((p.esm_class as number) & 0x40) === 0x40)).toBe(true);
    expect(parts.map((p) => (p.short_message as { udh: Buffer[] }).udh[0]!.subarray(2, 4)[1])).toEqual([2, 2]);
    expect(parts[0]!.source_addr_ton).toBe(0);
    await gateway.close();
  });

  it("binds again after the SMSC drops the connection", async () => {
    const gateway = new SmppGateway({ url: `smpp://stopsms:s3cret@127.0.0.1:${port}`, source: "StopSMS" });
    await gateway.send({ to: "+212612345678", text: "one" });
    const binds = smsc.binds.length;
    smsc.sessions.at(-1)!.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await gateway.send({ to: "+212612345678", text: "two" });
    expect(smsc.binds.length).toBe(binds + 1);
    expect((smsc.submits.at(-1)!.short_message as { message: string }).message).toBe("two");
    await gateway.close();
  });

  it("fails, is counted and says nothing of the number when the bind is refused", async () => {
    const gateway = new SmppGateway({ url: `smpp://stopsms:wrong@127.0.0.1:${port}`, source: "StopSMS" });
    const before = await db().smsFailure.count();
    await expect(sendSms({ to: "+212612345678", text: "code 123456" }, gateway)).rejects.toBeInstanceOf(
      SmsNotSentError,
    );
    const failures = await db().smsFailure.findMany({ orderBy: { id: "desc" }, take: 1 });
    expect(await db().smsFailure.count()).toBe(before + 1);
    expect(failures[0]!.gateway).toBe("smpp");
    expect(failures[0]!.error).not.toContain("212612345678");
    expect(failures[0]!.error).not.toContain("123456");
    await gateway.close();
  });
});

describe("HTTP gateway", () => {
  it("posts JSON with an HMAC-SHA256 signature over the body, and treats a non-2xx answer as a failure", async () => {
    const received: { body: string; signature: string | undefined }[] = [];
    let status = 202;
    const server = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        received.push({ body, signature: request.headers["x-stopsms-signature"] as string | undefined });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    const secret = "a-shared-secret-of-at-least-32-characters";
    const gateway = httpGateway({ url, secret, source: "StopSMS" });
    try {
      await gateway.send({ to: "+212612345678", text: "رمز 123456" });
      const { body, signature } = received[0]!;
      expect(JSON.parse(body)).toEqual({ to: "+212612345678", from: "StopSMS", text: "رمز 123456" });
      expect(signature).toBe(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
      status = 503;
      await expect(gateway.send({ to: "+212612345678", text: "x" })).rejects.toThrow(/503/);
    } finally {
      server.close();
    }
  });
});

describe("outbox gateway", () => {
  it("keeps the message for the admin CLI", async () => {
    const phone = uniquePhone();
    await sendSms({ to: phone, text: "code 111111" }, outboxGateway);
    expect(await db().smsOutbox.findMany({ where: { phone } })).toMatchObject([{ phone, body: "code 111111" }]);
  });
});
