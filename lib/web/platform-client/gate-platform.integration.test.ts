import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordOpposition } from "@/lib/oppositions/record-opposition";
import { uniquePhone } from "@/lib/testing/fixtures";
import { openGateBench, type GateBench } from "@/lib/testing/gate-bench";
import { gatePlatform } from "./gate-platform";

describe("the gate's platform client", () => {
  let bench: GateBench;
  beforeAll(async () => {
    bench = await openGateBench();
  });
  afterAll(() => bench?.close());

  it("takes an acknowledgement behind the provider's own (another gate of the provider went further) as done", async () => {
    await recordOpposition({
      phone: uniquePhone(),
      target: { scope: "all", senderId: null },
      source: "web",
      verified: true,
    });
    const client = gatePlatform({
      url: bench.platform.url,
      keyid: bench.provider.keyid,
      key: bench.provider.privateKey,
      userAgent: "stopsms-gate/test",
    });
    const page = await client.changes(0);
    expect(page.next).toBeGreaterThan(1);
    await client.acknowledge(page.next);
    // A second gate, started from an older snapshot, acknowledges its first page: behind, not an error.
    await expect(client.acknowledge(page.next - 1)).resolves.toBeUndefined();
    // Anything else the platform refuses still fails: beyond what was fetched.
    await expect(client.acknowledge(page.next + 1_000_000)).rejects.toThrow(/422|beyond/);
  });
});
