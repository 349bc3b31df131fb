// What the basins view, its client and its worker share (no chart code, so the worker stays small).
import type { Result } from '../../../src/models/basins';
import { formatNumber, formatPow10 } from '../../../src/core/format';

/** Runs drawn as dots: the first SAMPLE_RUNS runs of the simulation (a run's trajectory depends only
 * on the seed, its index and the parameters, so these are the same runs the full simulation has). */
export const SAMPLE_RUNS = 300;

export interface BasinsResult extends Result {
  /** Positions of the first runs (≤ SAMPLE_RUNS) after `simulatedSteps` steps. */
  sample: number[];
  /** Steps simulated so far, and whether the whole run is done (false while a worker streams). */
  simulatedSteps: number;
  done: boolean;
  /** Set in the browser: the landscape panel is a canvas drawn by the client, not an SVG. */
  live?: boolean;
}

/** Steps known by their log10, as a plain number when it fits ("2,170"), else as a power of ten. */
export function formatSteps(log10: number): string {
  if (!Number.isFinite(log10)) return '–';
  if (log10 < 6) return formatNumber(Number((10 ** log10).toPrecision(3)));
  return formatPow10(log10, 2);
}

/** Loss at θ, interpolated on the drawing grid (exact at grid points; the grid is fine). */
export function lossAt(r: Result, theta: number): number {
  const xs = r.landscapeX;
  const n = xs.length;
  const t = ((theta - xs[0]) / (xs[n - 1] - xs[0])) * (n - 1);
  const i = Math.max(0, Math.min(n - 2, Math.floor(t)));
  const f = Math.max(0, Math.min(1, t - i));
  return r.landscapeLoss[i] * (1 - f) + r.landscapeLoss[i + 1] * f;
}

/** A small, fixed vertical offset per run so dots resting in one well do not all coincide. */
export const jitter = (i: number) => ((i * 0.618034) % 1) * 0.07;
