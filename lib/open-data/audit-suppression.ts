// The attacker's view of the open data: every published total is an equation (total = sum of its parts), the
// visible cells are known numbers, the hidden cells unknowns. A hidden cell is disclosed when these
// equations, combined in any way (differences of files or periods included), fix its value. Found by
// Gaussian elimination over a prime field: x is fixed exactly when its unit vector lies in the row space.

const P = 1_000_003;
const mod = (a: number) => ((a % P) + P) % P;

function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, P, mod(a)];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

/** The hidden cells whose exact value the published equations give away (empty: none). */
export function disclosedCells(system: { hidden: readonly boolean[]; relations: readonly number[][] }): number[] {
  const unknown = new Map<number, number>();
  system.hidden.forEach((h, id) => h && unknown.set(id, unknown.size));
  // Each relation over the unknowns only: total − Σ parts = (known numbers, irrelevant to what is fixed).
  const rows: Map<number, number>[] = [];
  for (const [total, ...parts] of system.relations) {
    const row = new Map<number, number>();
    const add = (id: number, c: number) => {
      const u = unknown.get(id);
      if (u === undefined) return;
      const v = mod((row.get(u) ?? 0) + c);
      if (v === 0) row.delete(u);
      else row.set(u, v);
    };
    add(total!, 1);
    for (const part of parts) add(part, -1);
    if (row.size > 0) rows.push(row);
  }
  // Sparse elimination to reduced row echelon form.
  const pivotRow = new Map<number, Map<number, number>>();
  for (const candidate of rows) {
    let row = candidate;
    for (;;) {
      let reduced = false;
      for (const [col] of row) {
        const pivot = pivotRow.get(col);
        if (!pivot) continue;
        const factor = row.get(col)!;
        const next = new Map(row);
        for (const [c, v] of pivot) {
          const value = mod((next.get(c) ?? 0) - factor * v);
          if (value === 0) next.delete(c);
          else next.set(c, value);
        }
        row = next;
        reduced = true;
        break;
      }
      if (!reduced) break;
    }
    if (row.size === 0) continue;
    const [col, lead] = row.entries().next().value as [number, number];
    const scale = inverse(lead);
    const normalised = new Map([...row].map(([c, v]) => [c, mod(v * scale)]));
    // Keep every pivot row free of the new pivot column.
    for (const [pc, prow] of pivotRow) {
      const f = prow.get(col);
      if (!f) continue;
      for (const [c, v] of normalised) {
        const value = mod((prow.get(c) ?? 0) - f * v);
        if (value === 0) prow.delete(c);
        else prow.set(c, value);
      }
      pivotRow.set(pc, prow);
    }
    pivotRow.set(col, normalised);
  }
  const ids = [...unknown.keys()];
  return [...pivotRow].filter(([, row]) => row.size === 1).map(([col]) => ids[col]!);
}
