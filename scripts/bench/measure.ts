import { performance } from "node:perf_hooks";

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The figures one run of a benchmark measured, by name (a check that held is 1, one that failed 0). */
export type Figures = Record<string, number>;

/**
 * Every figure of `npm run bench` is the median of `BENCH_RUNS` runs (3; `-- --runs 1` while working on
 * one), shown with the spread of the runs: one run on a shared two-core machine can be off by a third.
 */
export class Runs {
  constructor(readonly samples: Figures[]) {}

  private values(name: string): number[] {
    const values = this.samples.map((sample) => sample[name]);
    if (values.some((value) => value === undefined)) throw new Error(`no figure "${name}" in every run`);
    return (values as number[]).sort((a, b) => a - b);
  }

  median(name: string): number {
    const values = this.values(name);
    const middle = values.length >> 1;
    return values.length % 2 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
  }

  /** Whether a check held in every run. */
  always(name: string): boolean {
    return this.values(name).every((value) => value !== 0);
  }

  /** "131 (125–140)": the median, then the lowest and highest run; a single run is shown alone. */
  show(name: string, digits = 0, unit = ""): string {
    const values = this.values(name);
    const median = `${fmt(this.median(name), digits)}${unit}`;
    if (values.length === 1) return median;
    return `${median} (${fmt(values[0]!, digits)}–${fmt(values.at(-1)!, digits)})`;
  }

  get count(): number {
    return this.samples.length;
  }
}

export async function repeated(runs: number, measure: (run: number) => Promise<Figures>): Promise<Runs> {
  const samples: Figures[] = [];
  for (let run = 0; run < runs; run++) samples.push(await measure(run));
  return new Runs(samples);
}
