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
