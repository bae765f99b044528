import { describe, expect, it } from "vitest";
import { ConcatAssembler, type PartAnswer } from "./concat-assembler";

const options = (timeoutMs = 1_000, maxHeld = 10) => ({
  timeoutMs,
  maxHeld,
  incomplete: { status: 0x45 },
  failed: { status: 0x08 },
  full: { status: 0x58 },
});

describe("joining the parts of a message the ESME split itself", () => {
  it("decides once on the parts in order, whatever order they came in, and answers each part with its own result", async () => {
    const assembler = new ConcatAssembler<string>(options());
    const decided: string[][] = [];
    const decide = async (items: string[]): Promise<PartAnswer[]> => {
      decided.push(items);
      return items.map((_, i) => ({ status: 0, messageId: `m${i + 1}` }));
    };
    const answers = await Promise.all([
      assembler.collect("k", { reference: 7, total: 3, seq: 2 }, "b", decide),
      assembler.collect("k", { reference: 7, total: 3, seq: 3 }, "c", decide),
      assembler.collect("k", { reference: 7, total: 3, seq: 1 }, "a", decide),
    ]);
    expect(decided).toEqual([["a", "b", "c"]]);
    expect(answers.map((a) => a.messageId)).toEqual(["m2", "m3", "m1"]);
    expect(assembler.size).toBe(0);
  });

  it("answers the parts of a message that never completes, after the timeout, and holds no more than its bound", async () => {
    let expired = 0;
    const assembler = new ConcatAssembler<string>({ ...options(30, 1), onExpired: () => expired++ });
    const never = async (): Promise<PartAnswer[]> => {
      throw new Error("never decided");
    };
    const lone = assembler.collect("a", { reference: 1, total: 2, seq: 1 }, "x", never);
    expect(await assembler.collect("b", { reference: 2, total: 2, seq: 1 }, "y", never)).toEqual({ status: 0x58 });
    expect(await lone).toEqual({ status: 0x45 });
    expect(expired).toBe(1);
    expect(assembler.size).toBe(0);
  });

  it("answers every part with the failure when the decision throws", async () => {
    const assembler = new ConcatAssembler<string>(options());
    const boom = async (): Promise<PartAnswer[]> => {
      throw new Error("boom");
    };
    const answers = await Promise.all([
      assembler.collect("k", { reference: 1, total: 2, seq: 1 }, "a", boom),
      assembler.collect("k", { reference: 1, total: 2, seq: 2 }, "b", boom),
    ]);
    expect(answers).toEqual([{ status: 0x08 }, { status: 0x08 }]);
  });
});
