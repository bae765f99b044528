import { MIN_PUBLISHED, SUPPRESSED, type PublishedCount } from "./small-cells";

// Small-cell suppression across linked tables (issue 14). Every published figure is a cell; every published
// equation between cells (a day's total and its channels, a week and its days, a sector and its senders, a
// period and its weeks) is a relation. Cells of 1 to 9 are hidden (primary suppression). A relation with
// exactly one hidden cell would give it back (total minus the others), so one more cell of it is hidden,
// the smallest visible non-zero one, and so on until no relation has exactly one hidden cell. Zero is
// published and never hidden: it reveals no one. Hiding only grows, so the loop ends.

export class LinkedCells {
  private readonly values: number[] = [];
  private readonly relations: number[][] = [];
  private hidden: boolean[] | null = null;

  /** A published count; its id. */
  cell(value: number): number {
    this.values.push(value);
    this.hidden = null;
    return this.values.length - 1;
  }

  /** These cells are tied by one equation anyone can write from the published tables (a total and its parts). */
  relate(cells: number[]): void {
    if (cells.length > 1) this.relations.push(cells);
    this.hidden = null;
  }

  /** The published form of a cell: its value, or "masked". */
  published(id: number): PublishedCount {
    this.hidden ??= suppressLinked(this.values, this.relations);
    return this.hidden[id] ? SUPPRESSED : this.values[id]!;
  }

  value(id: number): number {
    return this.values[id]!;
  }

  isHidden(id: number): boolean {
    return this.published(id) === SUPPRESSED;
  }
}

/**
 * `forced`: cells hidden whatever their value; `locked`: cells never chosen to protect another (a figure that
 * anyone can add up from other published cells: hiding it would protect nothing).
 */
export function suppressLinked(
  values: readonly number[],
  relations: readonly number[][],
  forced: readonly boolean[] = [],
  locked: ReadonlySet<number> = new Set(),
): boolean[] {
  const hidden = values.map((v, id) => (v > 0 && v < MIN_PUBLISHED) || forced[id] === true);
  for (let changed = true; changed;) {
    changed = false;
    for (const cells of relations) {
      if (cells.filter((id) => hidden[id]).length !== 1) continue;
      let smallest = -1;
      for (const id of cells)
        if (!hidden[id] && !locked.has(id) && values[id]! > 0 && (smallest < 0 || values[id]! < values[smallest]!))
          smallest = id;
      // Found unless every other cell is zero, hidden or locked: a locked total is 0 or at least 10 (lib/open-data/open-lattice.ts).
      if (smallest >= 0) {
        hidden[smallest] = true;
        changed = true;
      }
    }
  }
  return hidden;
}
