// Residual networks as ensembles of paths (Veit, Wilber & Belongie 2016).
// A network of n residual blocks unrolls into 2^n paths; a path that takes k residual branches
// has length k, so lengths are Binomial(n, 1/2). If each residual branch scales the gradient by
// r, a path of length k carries gradient ∝ r^k, and the gradient mass at length k is
// ∝ C(n, k)·r^k: a Binomial(n, r/(1+r)) distribution with mean n·r/(1+r).
import type { Model, Note, Values } from '../core/schema';
import { LOG10_2, logChoose, logSumExp } from '../core/logmath';

export const schema = {
  blocks: { kind: 'number', label: 'Residual blocks n', min: 1, max: 200, default: 54, step: 1, integer: true },
  decay: {
    kind: 'number', label: 'Gradient factor per branch r', min: 0.01, max: 1, default: 0.26, step: 0.01,
    help: 'How much each residual branch a path passes through scales its gradient.',
  },
  from: { kind: 'number', label: 'Path length from a', min: 0, max: 200, default: 5, step: 1, integer: true },
  to: { kind: 'number', label: 'Path length to b', min: 0, max: 200, default: 17, step: 1, integer: true },
} as const;

export type Params = Values<typeof schema>;

export interface Result {
  /** log10 of the number of paths, 2^n. */
  log10Paths: number;
  /** Share of all paths with a ≤ length ≤ b. */
  share: number;
  /** Share of gradient mass carried by paths with a ≤ length ≤ b. */
  gradientShare: number;
  effectiveMean: number;
  /** Central 90% range of the gradient-weighted length distribution (5% and 95% quantiles). */
  effectiveFrom: number;
  effectiveTo: number;
  /** Per length k = 0…n: share of paths and share of gradient. */
  pathDistribution: number[];
  gradientDistribution: number[];
}

/** Normalised distribution ∝ C(n, k)·r^k for k = 0…n, computed in log space. */
function weighted(n: number, r: number): number[] {
  const logs = Array.from({ length: n + 1 }, (_, k) => logChoose(n, k) + k * Math.log(r));
  const z = logSumExp(logs);
  return logs.map((l) => Math.exp(l - z));
}

function rangeSum(dist: number[], a: number, b: number): number {
  let s = 0;
  for (let k = Math.max(0, a); k <= Math.min(dist.length - 1, b); k++) s += dist[k];
  return Math.min(1, s);
}

function quantile(dist: number[], q: number): number {
  let acc = 0;
  for (let k = 0; k < dist.length; k++) {
    acc += dist[k];
    if (acc >= q - 1e-12) return k;
  }
  return dist.length - 1;
}

export function normalize(v: Params, changed?: string): { values: Params; notes: Note[] } {
  const notes: Note[] = [];
  let { from, to } = v;
  const n = v.blocks as number;
  if ((to as number) > n) {
    notes.push({ param: 'to', message: `Path length to b cannot exceed n = ${n}; using ${n}.` });
    to = n;
  }
  if ((from as number) > (to as number)) {
    // Keep the end the reader just moved and move the other one.
    if (changed === 'from') {
      notes.push({ param: 'to', message: `Path length to b cannot be below a; using ${from}.` });
      to = from;
    } else {
      notes.push({ param: 'from', message: `Path length from a cannot exceed b; using ${to}.` });
      from = to;
    }
  }
  return { values: { ...v, from, to }, notes };
}

export function compute(p: Params): Result {
  const n = p.blocks as number;
  const r = p.decay as number;
  const a = p.from as number;
  const b = p.to as number;
  const pathDistribution = weighted(n, 1);
  const gradientDistribution = weighted(n, r);
  return {
    log10Paths: n * LOG10_2,
    share: rangeSum(pathDistribution, a, b),
    gradientShare: rangeSum(gradientDistribution, a, b),
    effectiveMean: (n * r) / (1 + r),
    effectiveFrom: quantile(gradientDistribution, 0.05),
    effectiveTo: quantile(gradientDistribution, 0.95),
    pathDistribution,
    gradientDistribution,
  };
}

export const model: Model<typeof schema, Result> = { id: 'residual-paths', schema, normalize, compute };
