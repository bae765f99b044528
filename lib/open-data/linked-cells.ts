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

  /** The published form of a cell: its value, or "< 10". */
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

export function suppressLinked(values: number[], relations: number[][]): boolean[] {
  const hidden = values.map((v) => v > 0 && v < MIN_PUBLISHED);
  for (let changed = true; changed;) {
    changed = false;
    for (const cells of relations) {
      if (cells.filter((id) => hidden[id]).length !== 1) continue;
      let smallest = -1;
      for (const id of cells)
        if (!hidden[id] && values[id]! > 0 && (smallest < 0 || values[id]! < values[smallest]!)) smallest = id;
      // Always found: the hidden cell is non-zero, so a relation summing to it has another non-zero cell.
      if (smallest >= 0) {
        hidden[smallest] = true;
        changed = true;
      }
    }
  }
  return hidden;
}
