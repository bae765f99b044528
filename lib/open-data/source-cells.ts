import type { OpenRows } from "./read-open-rows";

// A month's list sources in the open data's cells (open-lattice.ts): named ones, and each kind's total.

/** Where a campaign's numbers come from (its declaration, 1.2): only a broker's or a partner's list can be refused. */
export const SOURCE_KINDS = ["own", "broker", "partner"] as const;

/** A named list source of a month: its refusals and no-consent complaints as cell ids. */
export interface SourceCells {
  code: string;
  name: string;
  kind: string;
  minted: number;
  refusals: number;
  noConsent: number;
}
/** A kind of source in a month, every source of it included (named or not); refusals null for `own`. */
export interface SourceKindCells {
  kind: string;
  sources: number;
  minted: number;
  refusals: number | null;
  noConsent: number;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * A month's list sources: those whose campaigns minted at least the senders' publication threshold of links
 * are named; each kind's row counts all its sources, so its total, its named sources and the rest of them
 * (unpublished, but a difference anyone can take) are one relation: a rest of 1 to 9 is protected too.
 */
export function sourceCellsOf(
  monthRows: OpenRows["sources"],
  publishMinLinks: number,
  cell: (value: number) => number,
): { named: SourceCells[]; kinds: { cells: SourceKindCells[]; relations: number[][] } } {
  const named: SourceCells[] = monthRows
    .filter((s) => s.code !== null && s.minted >= publishMinLinks)
    .map((s) => ({
      code: s.code!,
      name: s.name ?? s.code!,
      kind: s.kind,
      minted: s.minted,
      refusals: cell(s.refusals),
      noConsent: cell(s.noConsent),
    }));
  const relations: number[][] = [];
  const cells = SOURCE_KINDS.flatMap((kind) => {
    const ofKind = monthRows.filter((s) => s.kind === kind);
    if (ofKind.length === 0) return [];
    const namedOfKind = named.filter((s) => s.kind === kind);
    const namedCodes = new Set(namedOfKind.map((s) => s.code));
    const rest = ofKind.filter((s) => s.code === null || !namedCodes.has(s.code));
    const total = (key: "refusals" | "noConsent") => {
      const id = cell(sum(ofKind.map((s) => s[key])));
      relations.push([id, ...namedOfKind.map((s) => s[key]), cell(sum(rest.map((s) => s[key])))]);
      return id;
    };
    return [
      {
        kind,
        sources: ofKind.length,
        minted: sum(ofKind.map((s) => s.minted)),
        refusals: kind === "own" ? null : total("refusals"),
        noConsent: total("noConsent"),
      },
    ];
  });
  return { named, kinds: { cells, relations } };
}
