import type { ConcatPart } from "./concat-part";

// Holds the parts of a long message until the last one arrives, then hands the whole to one decision and
// answers every part's submit_sm with its own result. An ESME sends a message's parts back to back, so
// waiting costs milliseconds; a part whose siblings never come is answered after `timeoutMs` (the ESME
// retries the message), and the number of messages held is bounded, so a hostile ESME costs little.

export interface PartAnswer {
  status: number;
  messageId?: string;
}

interface Held<T> {
  total: number;
  parts: Map<number, { item: T; answer: (a: PartAnswer) => void }>;
  timer: NodeJS.Timeout;
}

export class ConcatAssembler<T> {
  private readonly held = new Map<string, Held<T>>();

  constructor(
    private readonly options: {
      timeoutMs: number;
      maxHeld: number;
      /** For the parts of a message that never completed. */
      incomplete: PartAnswer;
      /** For the parts of a message whose decision threw. */
      failed: PartAnswer;
      /** For a part that would hold one message more than `maxHeld`. */
      full: PartAnswer;
      onExpired?: () => void;
    },
  ) {}

  get size(): number {
    return this.held.size;
  }

  /**
   * This part's answer, once its whole message is decided by `decide` (called once, with the items in
   * order, and returning one answer per part).
   */
  collect(key: string, part: ConcatPart, item: T, decide: (items: T[]) => Promise<PartAnswer[]>): Promise<PartAnswer> {
    let held = this.held.get(key);
    if (held && held.total !== part.total) {
      // The same reference reused for another message: the first one will never complete.
      this.expire(key);
      held = undefined;
    }
    if (!held) {
      if (this.held.size >= this.options.maxHeld) return Promise.resolve(this.options.full);
      held = { total: part.total, parts: new Map(), timer: setTimeout(() => this.expire(key), this.options.timeoutMs) };
      held.timer.unref();
      this.held.set(key, held);
    }
    const whole = held;
    return new Promise<PartAnswer>((answer) => {
      // A part sent twice (the ESME retried it): the earlier copy is answered as the later one will be.
      const earlier = whole.parts.get(part.seq);
      whole.parts.set(part.seq, {
        item,
        answer: earlier
          ? (a) => {
              earlier.answer(a);
              answer(a);
            }
          : answer,
      });
      if (whole.parts.size < whole.total) return;
      clearTimeout(whole.timer);
      this.held.delete(key);
      const ordered = [...whole.parts.entries()].sort(([a], [b]) => a - b).map(([, p]) => p);
      decide(ordered.map((p) => p.item)).then(
        (answers) => ordered.forEach((p, i) => p.answer(answers[i] ?? answers.at(-1)!)),
        () => ordered.forEach((p) => p.answer(this.options.failed)),
      );
    });
  }

  private expire(key: string) {
    const held = this.held.get(key);
    if (!held) return;
    clearTimeout(held.timer);
    this.held.delete(key);
    this.options.onExpired?.();
    for (const part of held.parts.values()) part.answer(this.options.incomplete);
  }

  /** Answers every held part (the gate is stopping). */
  drain() {
    for (const key of [...this.held.keys()]) this.expire(key);
  }
}
