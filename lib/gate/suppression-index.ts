import { readFile, rename, writeFile } from "node:fs/promises";

// The gate's list in memory, compact enough for 20 M entries in a few hundred MB: each scope ("all", one
// sender, or one list source) is a sorted Float64Array of numbers (E.164 digits fit a double exactly: at most 15 < 2^53), looked
// up by binary search, plus a small overlay of the changes since the last compaction. A Set of strings would
// take ~80 bytes an entry; this takes 8.

const GLOBAL = "all";
const COMPACT_AFTER = 50_000;

/** An entry or change as the feed, snapshot and files carry it (`source` only on a 1.2 source entry). */
export interface ListEntry {
  phone: string;
  scope: string;
  sender: string | null;
  source?: string | null;
}

const keyOf = ({ scope, sender, source }: Omit<ListEntry, "phone">) =>
  scope === "all" ? GLOBAL : scope === "source" ? `source:${source}` : `${scope}:${sender}`;
export const numberOf = (phone: string) => Number(phone.replace(/^\+/, ""));

function contains(sorted: Float64Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = sorted[middle]!;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

export class SuppressionIndex {
  private base = new Map<string, Float64Array>();
  private overlay = new Map<string, Map<number, boolean>>();
  private overlaySize = 0;

  /** A full list (a snapshot load), added file by file: only numbers are kept, never the entries. */
  static builder() {
    const lists = new Map<string, number[]>();
    return {
      add(entries: Iterable<ListEntry>) {
        for (const entry of entries) {
          const key = keyOf(entry);
          let list = lists.get(key);
          if (!list) lists.set(key, (list = []));
          list.push(numberOf(entry.phone));
        }
      },
      build(): SuppressionIndex {
        const index = new SuppressionIndex();
        for (const [key, list] of lists) {
          const sorted = Float64Array.from(list).sort();
          lists.delete(key);
          index.base.set(
            key,
            sorted.filter((value, i) => i === 0 || value !== sorted[i - 1]),
          );
        }
        return index;
      },
    };
  }

  static fromEntries(entries: Iterable<ListEntry>): SuppressionIndex {
    const builder = SuppressionIndex.builder();
    builder.add(entries);
    return builder.build();
  }

  apply(change: ListEntry & { op: "add" | "remove" }): void {
    const key = keyOf(change);
    let changes = this.overlay.get(key);
    if (!changes) this.overlay.set(key, (changes = new Map()));
    if (!changes.has(numberOf(change.phone))) this.overlaySize++;
    changes.set(numberOf(change.phone), change.op === "add");
    if (this.overlaySize >= COMPACT_AFTER) this.compact();
  }

  private inScope(key: string, value: number): boolean {
    const changed = this.overlay.get(key)?.get(value);
    if (changed !== undefined) return changed;
    const sorted = this.base.get(key);
    return sorted ? contains(sorted, value) : false;
  }

  /**
   * Whether `phone` refuses SMS from `sender` (every sender, or this one) or, for a campaign declaring a list
   * source (1.2), numbers from that source.
   */
  opposes(phone: string, sender: string, source?: string | null): "all" | "sender" | "source" | null {
    const value = numberOf(phone);
    if (this.inScope(GLOBAL, value)) return "all";
    if (this.inScope(keyOf({ scope: "sender", sender }), value)) return "sender";
    return source && this.inScope(keyOf({ scope: "source", sender: null, source }), value) ? "source" : null;
  }

  /** Folds the overlay into the sorted arrays. */
  compact(): void {
    for (const [key, changes] of this.overlay) {
      const kept = [...(this.base.get(key) ?? [])].filter((value) => changes.get(value) !== false);
      for (const [value, present] of changes) if (present) kept.push(value);
      this.base.set(key, Float64Array.from(new Set(kept)).sort());
    }
    this.overlay.clear();
    this.overlaySize = 0;
  }

  get size(): number {
    this.compact();
    return this.entries;
  }

  /** Entries in the sorted arrays (the overlay's changes not folded in yet). */
  get entries(): number {
    let total = 0;
    for (const sorted of this.base.values()) total += sorted.length;
    return total;
  }

  /** Bytes held by the sorted arrays (the overlay is bounded by COMPACT_AFTER). */
  get bytes(): number {
    let total = 0;
    for (const sorted of this.base.values()) total += sorted.byteLength;
    return total;
  }

  /** Written as one JSON header line (scopes and their lengths) then the arrays' bytes, through a rename. */
  async save(file: string): Promise<void> {
    this.compact();
    const scopes = [...this.base].map(([key, sorted]) => ({ key, length: sorted.length }));
    const header = Buffer.from(`${JSON.stringify({ version: 1, scopes })}\n`);
    const arrays = [...this.base.values()].map((sorted) =>
      Buffer.from(sorted.buffer, sorted.byteOffset, sorted.byteLength),
    );
    await writeFile(`${file}.tmp`, Buffer.concat([header, ...arrays]));
    await rename(`${file}.tmp`, file);
  }

  static async load(file: string): Promise<SuppressionIndex> {
    const bytes = await readFile(file);
    const end = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, end).toString("utf8")) as { scopes: { key: string; length: number }[] };
    const index = new SuppressionIndex();
    let offset = end + 1;
    for (const { key, length } of header.scopes) {
      // Copied out: a Float64Array needs an 8-byte aligned offset, which the file's layout does not give.
      const copy = new Float64Array(length);
      Buffer.from(copy.buffer).set(bytes.subarray(offset, offset + length * 8));
      index.base.set(key, copy);
      offset += length * 8;
    }
    return index;
  }
}
