import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { readGateStatus } from "@/lib/providers/read-gate-status";
import { buildSnapshotFiles } from "@/lib/snapshot-files/build-snapshot-files";
import { uniquePhone } from "@/lib/testing/fixtures";
import { bindEsme, openGateBench, until, type GateBench } from "@/lib/testing/gate-bench";
import { textOf } from "./decide-submit";
import type { RunningGate } from "./start-gate";
import type { Esme } from "./test-esme";

const national = (phone: string) => phone.replace(/^\+/, "");

describe("the StopSMS gate between a real ESME and a real SMSC", () => {
  let bench: GateBench;
  let gate: RunningGate;
  let esme: Esme;
  const opposed = { all: uniquePhone(), souk: uniquePhone(), other: uniquePhone() };
  let soukCode = "";
  let otherCode = "";

  beforeAll(async () => {
    bench = await openGateBench();
    [soukCode, otherCode] = bench.provider.senders.map((s) => s.code) as [string, string];
    const senders = await db().sender.findMany({ where: { code: { in: [soukCode, otherCode] } } });
    const idOf = (code: string) => senders.find((s) => s.code === code)!.id;
    await recordOpposition({
      phone: opposed.all,
      target: { scope: "all", senderId: null },
      source: "web",
      verified: true,
    });
    await recordOpposition({
      phone: opposed.souk,
      target: { scope: "sender", senderId: idOf(soukCode) },
      source: "web",
      verified: true,
    });
    await recordOpposition({
      phone: opposed.other,
      target: { scope: "sender", senderId: idOf(otherCode) },
      source: "web",
      verified: true,
    });
    await buildSnapshotFiles();
    gate = await bench.start();
    esme = await bindEsme(gate.port, "esme1");
    await until(() => bench.smsc.binds > 0);
  });
  afterAll(async () => {
    esme?.close();
    await bench?.close();
  });

  const submit = (from: string, to: string, text: string, extra: Record<string, unknown> = {}, who = esme) =>
    who.submit({
      source_addr: from,
      destination_addr: national(to),
      dest_addr_ton: 1,
      dest_addr_npi: 1,
      short_message: text,
      ...extra,
    });

  it("refuses a number opposed to every sender or to this one, and sends to one opposed only to another", async () => {
    expect((await submit("SOUK", opposed.all, "Soldes")).command_status).toBe(0x401);
    expect((await submit("SOUK", opposed.souk, "Soldes")).command_status).toBe(0x401);
    const before = bench.smsc.submits.length;
    const answer = await submit("SOUK", opposed.other, "Soldes");
    expect(answer.command_status).toBe(0);
    expect(answer.message_id).toMatch(/^m\d+$/);
    expect(bench.smsc.submits.length).toBe(before + 1);
    expect(bench.smsc.submits.some((p) => p.destination_addr === national(opposed.all))).toBe(false);
    // The platform knows the gate by its name (1.2), and the staff provider page says so.
    expect(bench.platform.requests.every((r) => r.userAgent === "stopsms-gate/test")).toBe(true);
    expect(await readGateStatus(bench.provider.id)).toMatchObject({ version: "test", listCurrentAt: expect.any(Date) });
  });

  it("appends the recipient's own link in GSM 7-bit, in Arabic UCS-2, and splits into parts with UDH when it grows", async () => {
    const phone = uniquePhone();
    await submit("SOUK", phone, "Soldes -50% ce week-end chez Souk");
    const sent = bench.smsc.submits.at(-1)!;
    const text = textOf(sent);
    const link = /STOP SMS: (https?:\/\/[^/]+\/([A-Za-z0-9]+))$/.exec(text);
    if (!link) throw new Error(text);
    expect(text.startsWith("Soldes -50% ce week-end chez Souk\n")).toBe(true);
    expect(sent.data_coding).toBe(0);
    const minted = await db().stopLink.findFirst({ where: { code: link![2]! }, include: { sender: true } });
    expect(minted).toMatchObject({ phone, campaign: "winter" });
    expect(minted!.sender.code).toBe(soukCode);

    const beforeArabic = bench.smsc.submits.length;
    await submit("SOUK", uniquePhone(), "تخفيضات نهاية الأسبوع عند سوق");
    const arabic = bench.smsc.submits.slice(beforeArabic);
    for (const part of arabic) expect(part.data_coding).toBe(8);
    expect(arabic.map(textOf).join("")).toMatch(/^تخفيضات نهاية الأسبوع عند سوق\nSTOP SMS للإيقاف: http/);

    const before = bench.smsc.submits.length;
    const long = "Offre speciale: ".padEnd(150, "x");
    expect((await submit("SOUK", uniquePhone(), long)).command_status).toBe(0);
    const parts = bench.smsc.submits.slice(before);
    expect(parts).toHaveLength(2);
    for (const part of parts) expect(Number(part.esm_class) & 0x40).toBe(0x40);
    const joined = parts.map((p) => (p.short_message as { message: string }).message).join("");
    expect(joined).toMatch(/^Offre speciale: x+\nSTOP SMS: https?:\/\/[^/]+\/[A-Za-z0-9]+$/);
  });

  it("joins a message its ESME split itself, appends the link to the whole, and answers each part", async () => {
    // Campaign tools often split long texts themselves (UDH, 8-bit reference): the mention goes once, at the end.
    const phone = uniquePhone();
    const udh = (seq: number) => Buffer.from([5, 0x00, 3, 0x5a, 2, seq]);
    const first = "Grande braderie chez Souk: tout le magasin a -40% des vendredi, ".padEnd(153, "y");
    const second = "et jusqu'a dimanche soir.";
    const before = bench.smsc.submits.length;
    const answers = await Promise.all([
      submit("SOUK", phone, "", { esm_class: 0x40, short_message: { udh: udh(1), message: first } }),
      submit("SOUK", phone, "", { esm_class: 0x40, short_message: { udh: udh(2), message: second } }),
    ]);
    expect(answers.map((a) => a.command_status)).toEqual([0, 0]);
    const parts = bench.smsc.submits.slice(before);
    expect(parts).toHaveLength(2);
    // Each part answered with the id of the part sent in its place (the SMSC numbers them m1, m2, …).
    const [id1, id2] = answers.map((a) => Number(String(a.message_id).slice(1)));
    expect(id2).toBe(id1! + 1);
    for (const part of parts) expect(Number(part.esm_class) & 0x40).toBe(0x40);
    // The gate's own split (its own reference), one mention, after the whole text.
    expect(parts.map(textOf).join("")).toMatch(
      new RegExp(`^${first}${second}\nSTOP SMS: https?://[^/]+/[A-Za-z0-9]+$`),
    );

    // The same message to an opposed number: no part leaves, each is refused.
    const refused = await Promise.all([
      submit("SOUK", opposed.all, "", { esm_class: 0x40, short_message: { udh: udh(1), message: first } }),
      submit("SOUK", opposed.all, "", { esm_class: 0x40, short_message: { udh: udh(2), message: second } }),
    ]);
    expect(refused.map((a) => a.command_status)).toEqual([0x401, 0x401]);
    expect(bench.smsc.submits.length).toBe(before + 2);
  });

  it("lets transactional messages through untouched and refuses an unregistered sender id", async () => {
    const bank = await bindEsme(gate.port, "bank1");
    try {
      expect((await submit("SOUK", opposed.all, "Votre code: 1234", {}, bank)).command_status).toBe(0);
      expect(textOf(bench.smsc.submits.at(-1)!)).toBe("Votre code: 1234");
      expect((await submit("NOTOURS", uniquePhone(), "Promo")).command_status).toBe(0x0a);
    } finally {
      bank.close();
    }
  });

  it("routes each delivery receipt to the session that sent the message", async () => {
    const second = await bindEsme(gate.port, "esme2");
    try {
      const mine = await submit("SOUK", uniquePhone(), "Promo 1", { registered_delivery: 1 });
      const theirs = await submit("OTHER", uniquePhone(), "Promo 2", { registered_delivery: 1 }, second);
      await until(() => esme.delivered.length > 0 && second.delivered.length > 0);
      expect(esme.delivered.map((p) => p.receipted_message_id)).toEqual([mine.message_id]);
      expect(second.delivered.map((p) => p.receipted_message_id)).toEqual([theirs.message_id]);
    } finally {
      second.close();
    }
  });

  it("records a STOP reply and refuses the next submit to that number at once", async () => {
    const phone = uniquePhone();
    expect((await submit("SOUK", phone, "Promo")).command_status).toBe(0);
    bench.smsc.sendMo(national(phone), "SOUK", "STOP");
    await until(() => esme.delivered.some((p) => textOf(p) === "STOP"));
    expect((await submit("SOUK", phone, "Promo encore")).command_status).toBe(0x401);
    await until(async () => (await db().opposition.count({ where: { phone, withdrawnAt: null } })) === 1);
  });

  it("keeps filtering while the platform is down, holds commercial messages once the list is stale, and catches up", async () => {
    bench.platform.down = true;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await submit("SOUK", opposed.all, "Promo")).command_status).toBe(0x401);
    expect((await submit("SOUK", uniquePhone(), "Promo")).command_status).not.toBe(0x401);
    gate.keeper.syncedAt = Date.now() - 7 * 3_600_000;
    expect((await submit("SOUK", uniquePhone(), "Promo")).command_status).toBe(0x58);
    bench.platform.down = false;
    await until(() => gate.keeper.fresh());
    expect((await submit("SOUK", uniquePhone(), "Promo")).command_status).toBe(0);
  });

  it("answers ESME_RTHROTTLED while the SMSC is away and sends again once it is back", async () => {
    const binds = bench.smsc.binds;
    bench.smsc.cut();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const during = await submit("SOUK", uniquePhone(), "Promo");
    expect([0, 0x58]).toContain(during.command_status);
    await until(() => bench.smsc.binds > binds, 10_000);
    expect((await submit("SOUK", uniquePhone(), "Promo")).command_status).toBe(0);
  });
});
