/**
 * Group commit for a hot write: calls that arrive while `writers` writes are in flight wait, and the next
 * write takes them all (at most `maxBatch`). A call that finds a writer free is written at once, alone, so a
 * quiet moment adds no latency. `write` answers each item of its batch, in order, fulfilled or rejected; if
 * it throws, every item of that batch is rejected with its error.
 */
export function groupWhileInFlight<T, R>(
  write: (items: T[]) => Promise<PromiseSettledResult<R>[]>,
  { writers, maxBatch }: { writers: number; maxBatch: number },
): (item: T) => Promise<R> {
  const waiting: { item: T; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  let inFlight = 0;
  const startWrites = () => {
    while (inFlight < writers && waiting.length > 0) {
      const batch = waiting.splice(0, maxBatch);
      inFlight++;
      const settle = (results: PromiseSettledResult<R>[]) => {
        // The writer is free before anyone is answered: a caller answered now and calling again is not
        // made to wait for a write that is over.
        inFlight--;
        batch.forEach((entry, i) => {
          const result = results[i];
          if (result?.status === "fulfilled") entry.resolve(result.value);
          else entry.reject(result ? result.reason : new Error("no answer for this item of the batch"));
        });
        startWrites();
      };
      write(batch.map((entry) => entry.item)).then(settle, (error: unknown) =>
        settle(batch.map(() => ({ status: "rejected", reason: error }))),
      );
    }
  };
  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      startWrites();
    });
}
