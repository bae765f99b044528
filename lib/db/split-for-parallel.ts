// PostgreSQL runs each statement on one core: the two halves of a long list, sent at once on two
// connections, finish in about two thirds of the time on a two-core server (measured: washing 100 000
// numbers 280 → 200 ms, minting 1 M links 31 → 21 s); smaller or more pieces only queue. Short lists stay
// whole.
const PARALLEL = 2;
const MIN_SPLIT = 5_000;

/** The pieces of `items` to send as concurrent statements (one piece for a short list, none for an empty one). */
export function splitForParallel<T>(items: T[]): T[][] {
  const size = items.length < MIN_SPLIT ? items.length : Math.ceil(items.length / PARALLEL);
  const pieces: T[][] = [];
  for (let i = 0; i < items.length; i += size) pieces.push(items.slice(i, i + size));
  return pieces;
}
