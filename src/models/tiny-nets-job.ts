// tiny-nets as a worker job (src/workers/tiny-nets.worker.ts): the exact count for n = 4, and the
// "all functions" panel's data, binned: n = 4 has tens of thousands of computable functions, too
// many to draw (or to copy out of a worker) one by one. One cell per (group, K_LZ, rounded
// log10 P); the worker sends the cells instead of the full landscape.
import { computeSteps, type Params, type Result } from './tiny-nets';
import type { Step } from '../core/job';

export interface LandscapeCell {
  /** K_LZ of the functions in the cell. */
  k: number;
  /** log10 P(f), rounded to the cell's resolution. */
  lp: number;
  /** Functions in the cell. */
  count: number;
  /** Whether they agree with the target on every training point. */
  fits: boolean;
}

/** A result as the view receives it: from the worker, with the landscape already binned. */
export type ViewResult = Result & { landscapeCells?: LandscapeCell[] };

/** log10 P resolution: exact enough to separate n ≤ 3's 256 functions, coarser for n = 4. */
const binFor = (functions: number) => (functions > 1000 ? 0.15 : 0.04);

export function landscapeCells(r: Result): LandscapeCell[] {
  const { tables, log10P, complexity } = r.landscape;
  const trainMask = r.trainPoints.reduce((m, i) => m | (1 << i), 0);
  const fixed = r.target & trainMask;
  const bin = binFor(tables.length);
  const cells = new Map<number, LandscapeCell>();
  // K_LZ takes few distinct values; index them so a cell's key is a plain number.
  const kIndex = new Map<number, number>();
  for (let i = 0; i < tables.length; i++) {
    const fits = (tables[i] & trainMask) === fixed;
    const step = Math.round(log10P[i] / bin);
    let ki = kIndex.get(complexity[i]);
    if (ki === undefined) kIndex.set(complexity[i], (ki = kIndex.size));
    const key = (ki * 100000 + (step + 50000)) * 2 + (fits ? 1 : 0);
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { k: complexity[i], lp: step * bin, count: 1, fits });
  }
  return [...cells.values()].sort((a, b) => Number(a.fits) - Number(b.fits));
}

/** Functions the ranking panel lists (the target is added if it ranks lower). */
export const SHOWN_FUNCTIONS = 20;

/** The result as the view needs it, to copy from the worker at n = 4: the landscape binned into
 * cells and the ranking cut to the rows the panel lists (up to 65,536 functions fit when training
 * shows no point; copying them all blocked the page for tens of milliseconds). */
export function slimForView(r: Result): ViewResult {
  const ranked = r.ranked.slice(0, SHOWN_FUNCTIONS);
  const target = r.ranked.find((f) => f.honest);
  if (target && !ranked.includes(target)) ranked.push(target);
  return { ...r, ranked, landscape: { tables: [], log10P: [], complexity: [] }, landscapeCells: landscapeCells(r) };
}

/** The count reports progress in [0, 1]; ranking the consistent functions afterwards is the last
 * stretch, so the count is scaled to 90%. The result goes back slimmed (slimForView), which keeps
 * the copy to the main thread small. */
export function* job(values: Params): Generator<Step<ViewResult>, ViewResult, void> {
  const steps = computeSteps(values);
  for (;;) {
    const next = steps.next();
    if (next.done) return slimForView(next.value);
    yield { progress: 0.9 * next.value };
  }
}
