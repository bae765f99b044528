import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countUnverifiedRefusal, uncountUnverifiedRefusal } from "./count-unverified-refusal";

async function hourCount(): Promise<number> {
  const rows = await db().$queryRawUnsafe<{ n: number }[]>(
    "SELECT coalesce(sum(count), 0)::int AS n FROM unverified_refusals_hourly WHERE hour = date_trunc('hour', now())",
  );
  return rows[0]!.n;
}

describe("the hourly count of unverified refusals", () => {
  it("gives each of many refusals arriving together its own place, in few updates", async () => {
    const before = await hourCount();
    const counts = await Promise.all(Array.from({ length: 50 }, () => countUnverifiedRefusal()));
    const places = counts.map((hour) => hour.count).sort((a, b) => a - b);
    // Other test files count in the same hour meanwhile: the places are distinct, the total grew by 50 at least.
    expect(new Set(places).size).toBe(50);
    expect((await hourCount()) - before).toBeGreaterThanOrEqual(50);
    expect(places.at(-1)! - places[0]!).toBeGreaterThanOrEqual(49);
    for (const hour of counts) expect(hour.retryAfterSeconds).toBeGreaterThan(0);
    expect(counts.every((hour) => hour.retryAfterSeconds <= 3600)).toBe(true);
  });

  it("counts and takes back at once without a deadlock (a repeated refusal is taken back while others are counted)", async () => {
    // Reproduced by the launch-day bench: a count held the hour's row and waited for a network's, while a
    // take-back held that network's row and waited for the hour's; PostgreSQL ended one after 1 s (a 500 for
    // every refusal of the batch). Both now take the hour's row first.
    const networks = ["198.51.100.0/24", "203.0.113.0/24", "192.0.2.0/24"];
    for (let round = 0; round < 30; round++) {
      await Promise.all(networks.map((network) => countUnverifiedRefusal(network)));
      await Promise.all(
        networks.flatMap((network) => [
          countUnverifiedRefusal(network),
          uncountUnverifiedRefusal(network),
          countUnverifiedRefusal(networks[(networks.indexOf(network) + 1) % 3]),
          uncountUnverifiedRefusal(network),
        ]),
      );
    }
  });
});
