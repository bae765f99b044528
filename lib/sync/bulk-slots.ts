import "server-only";

// Bodies are held in memory while they are checked and run (up to MAX_BODY_BYTES each), and a bulk call
// (wash, mint) keeps a database connection and a core busy for seconds. Two caps keep both bounded: all
// bodies in flight on this instance, and one provider's bulk calls at once, so that one provider's six
// parallel washes cannot starve the citizens' pages. Per instance: with several instances each has its own.
export const MAX_BODIES_IN_FLIGHT = 8;
export const MAX_BULK_CALLS_PER_PROVIDER = 2;

let inFlight = 0;
const perProvider = new Map<number, number>();

/** Takes a body slot before any byte is read; null when the instance is full (answer 429). */
export function takeBodySlot(): (() => void) | null {
  if (inFlight >= MAX_BODIES_IN_FLIGHT) return null;
  inFlight++;
  return once(() => inFlight--);
}

/** Takes one of the provider's bulk-call slots; null when it already runs its share (answer 429). */
export function takeProviderBulkSlot(providerId: number): (() => void) | null {
  const used = perProvider.get(providerId) ?? 0;
  if (used >= MAX_BULK_CALLS_PER_PROVIDER) return null;
  perProvider.set(providerId, used + 1);
  return once(() => {
    const left = (perProvider.get(providerId) ?? 1) - 1;
    if (left <= 0) perProvider.delete(providerId);
    else perProvider.set(providerId, left);
  });
}

function once(release: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      release();
    }
  };
}
