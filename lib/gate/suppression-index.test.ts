import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SuppressionIndex } from "./suppression-index";

describe("the gate's suppression index", () => {
  it("answers global and per-sender refusals, follows changes through compaction, and survives a save", async () => {
    const index = SuppressionIndex.fromEntries([
      { phone: "+212600000001", scope: "all", sender: null },
      { phone: "+212600000002", scope: "sender", sender: "souk" },
      { phone: "+212600000003", scope: "sender", sender: "other" },
    ]);
    expect(index.opposes("+212600000001", "souk")).toBe("all");
    expect(index.opposes("+212600000002", "souk")).toBe("sender");
    expect(index.opposes("+212600000002", "other")).toBeNull();
    expect(index.opposes("+212600000004", "souk")).toBeNull();

    index.apply({ op: "add", phone: "+212600000004", scope: "all", sender: null });
    index.apply({ op: "remove", phone: "+212600000002", scope: "sender", sender: "souk" });
    expect(index.opposes("+212600000004", "x")).toBe("all");
    expect(index.opposes("+212600000002", "souk")).toBeNull();
    index.compact();
    expect(index.opposes("+212600000004", "x")).toBe("all");
    expect(index.opposes("+212600000002", "souk")).toBeNull();
    expect(index.size).toBe(3);

    const dir = await mkdtemp(path.join(os.tmpdir(), "gate-index-"));
    try {
      await index.save(path.join(dir, "index.bin"));
      const loaded = await SuppressionIndex.load(path.join(dir, "index.bin"));
      expect(loaded.opposes("+212600000001", "souk")).toBe("all");
      expect(loaded.opposes("+212600000003", "other")).toBe("sender");
      expect(loaded.opposes("+212600000002", "souk")).toBeNull();
      expect(loaded.size).toBe(3);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe("a list source's refusals in the gate (1.2)", () => {
  it("stop only the campaigns declaring that source, and decide-submit refuses them with 0x401", async () => {
    const { decideSubmit } = await import("./decide-submit");
    const index = SuppressionIndex.fromEntries([
      { phone: "+212600000009", scope: "source", sender: null, source: "databroker-x" },
    ]);
    expect(index.opposes("+212600000009", "souk", "databroker-x")).toBe("source");
    expect(index.opposes("+212600000009", "souk", "own")).toBeNull();
    expect(index.opposes("+212600000009", "souk")).toBeNull();
    index.apply({ op: "remove", phone: "+212600000009", scope: "source", sender: null, source: "databroker-x" });
    expect(index.opposes("+212600000009", "souk", "databroker-x")).toBeNull();
    index.apply({ op: "add", phone: "+212600000009", scope: "source", sender: null, source: "databroker-x" });

    const account = (source: string) => ({
      system_id: "esme",
      password_hash: "$argon2id$x",
      kind: "commercial" as const,
      campaign: "winter",
      declaration: {
        purpose: "soldes",
        basis: "consent" as const,
        source,
        collected_at: "2025-03",
        collected_how: "jeu-concours",
      },
      max_parts: 3,
      per_second: 10,
    });
    const context = (source: string) => ({
      account: account(source),
      mode: "require" as const,
      senderBySmsId: new Map([["SOUK", "souk"]]),
      index,
      listFresh: true,
      hasLink: () => true,
      region: "MA",
    });
    const pdu = { source_addr: "SOUK", destination_addr: "212600000009", dest_addr_ton: 1, short_message: "Soldes" };
    expect(decideSubmit(pdu as never, context("databroker-x"))).toMatchObject({
      action: "refuse",
      status: 0x401,
      reason: "opposed-source",
    });
    expect(decideSubmit(pdu as never, context("own"))).toMatchObject({ action: "forward" });
  });
});
