import { describe, expect, it } from "vitest";
import { groupWhileInFlight } from "./group-while-in-flight";

describe("groupWhileInFlight", () => {
  it("writes a call that finds a writer free alone, and the calls that wait together, in order", async () => {
    const batches: number[][] = [];
    const call = groupWhileInFlight<number, number>(
      async (items) => {
        batches.push(items);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return items.map((item) => ({ status: "fulfilled", value: item * 10 }));
      },
      { writers: 1, maxBatch: 3 },
    );
    const answers = await Promise.all([1, 2, 3, 4, 5, 6].map(call));
    expect(answers).toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it("answers each item as the write says, and rejects the whole batch when the write throws", async () => {
    const call = groupWhileInFlight<number, number>(
      async (items) => {
        if (items.includes(0)) throw new Error("write failed");
        return items.map((item) =>
          item % 2
            ? { status: "fulfilled", value: item }
            : { status: "rejected", reason: new Error(`odd only: ${item}`) },
        );
      },
      { writers: 1, maxBatch: 10 },
    );
    const settled = await Promise.allSettled([1, 2, 3].map(call)); // batches [1] and [2, 3]
    expect(settled.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((settled[1] as PromiseRejectedResult).reason.message).toBe("odd only: 2");
    const thrown = await Promise.allSettled([7, 0, 9].map(call)); // batches [7] and [0, 9]
    expect(thrown.map((result) => result.status)).toEqual(["fulfilled", "rejected", "rejected"]);
    expect((thrown[2] as PromiseRejectedResult).reason.message).toBe("write failed");
    expect(await call(5)).toBe(5); // and it goes on writing afterwards
  });
});
