import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compute, divisors, exactCount, logWeightedCount, model, nearestDivisor, schema, type Rule,
} from '../../src/models/serial-parallel';
import { defaults } from '../../src/core/schema';
import { allNumbers, arbitraryParams } from '../support/arbitrary';

type P = ReturnType<typeof defaults<typeof schema>>;
const params = (over: Partial<P> = {}): P => ({ ...defaults(schema), ...over });

/** Every assignment of every step to a (layer, unit) cell, enumerated one step at a time. */
function bruteForce(rule: Rule, L: number, n: number, k: number, W: number): number {
  const d = n / k;
  const used = new Set<number>();
  let count = 0;
  const place = (chain: number, pos: number, prevLayer: number): void => {
    if (chain === k) {
      count++;
      return;
    }
    if (pos === d) return place(chain + 1, 0, -1);
    const first = prevLayer + 1;
    const last = rule === 'plain' && pos > 0 ? Math.min(prevLayer + 1, L - 1) : L - 1;
    for (let layer = first; layer <= last; layer++) {
      for (let unit = 0; unit < W; unit++) {
        const cell = layer * W + unit;
        if (used.has(cell)) continue;
        used.add(cell);
        place(chain, pos + 1, layer);
        used.delete(cell);
      }
    }
  };
  place(0, 0, -1);
  return count;
}

function choose(n: number, r: number): bigint {
  if (r < 0 || r > n) return 0n;
  let c = 1n;
  for (let i = 1; i <= r; i++) c = (c * BigInt(n - r + i)) / BigInt(i);
  return c;
}

function factorial(n: number): bigint {
  let f = 1n;
  for (let i = 2; i <= n; i++) f *= BigInt(i);
  return f;
}

/** log10 of a positive BigInt, to ~15 significant digits. */
function log10Big(x: bigint): number {
  const s = x.toString();
  const head = s.slice(0, 17);
  return Math.log10(Number(head)) + (s.length - head.length);
}

/** Two chains, counted directly by how many layers they share (independent of the model). */
function twoChains(rule: Rule, L: number, d: number, W: number): bigint {
  const w = BigInt(W);
  const pairCell = w * (w - 1n);
  let total = 0n;
  if (rule === 'residual') {
    // i shared layers: choose them, the rest of chain A, the rest of chain B (disjoint from A).
    for (let i = 0; i <= d; i++) {
      total += choose(L, i) * choose(L - i, d - i) * choose(L - d, d - i) * w ** BigInt(2 * (d - i)) * pairCell ** BigInt(i);
    }
  } else {
    for (let a = 0; a + d <= L; a++) {
      for (let b = 0; b + d <= L; b++) {
        const shared = Math.max(0, d - Math.abs(a - b));
        total += w ** BigInt(2 * (d - shared)) * pairCell ** BigInt(shared);
      }
    }
  }
  return total;
}

const log10Positions = (rule: Rule, L: number, d: number) =>
  rule === 'plain' ? Math.log10(L - d + 1) : log10Big(choose(L, d));

/** log10 of the model's full count (units included), without the chart work `compute` adds. */
const log10Count = (rule: Rule, L: number, n: number, k: number, W: number) =>
  logWeightedCount(rule, L, n, k, W) / Math.LN10 + n * Math.log10(W);

describe('serial-parallel', () => {
  it('counts exactly what brute-force enumeration of layers and units counts', () => {
    const cases: [number, number, number, number][] = [
      // L, n, k, W
      [5, 4, 2, 2], [6, 6, 3, 2], [4, 4, 4, 3], [6, 6, 2, 2], [5, 4, 1, 3], [7, 6, 3, 1],
      [3, 2, 2, 1], [3, 6, 3, 2], [5, 6, 6, 2], [6, 4, 4, 2], [4, 2, 2, 5],
    ];
    for (const rule of ['plain', 'residual'] as const) {
      for (const [L, n, k, W] of cases) {
        const expected = bruteForce(rule, L, n, k, W);
        expect(exactCount(rule, L, n, k, W), `${rule} L=${L} n=${n} k=${k} W=${W}`).toBe(BigInt(expected));
        // The float recursion (with the residual shortcut) agrees wherever there is a solution.
        if (expected > 0) expect(log10Count(rule, L, n, k, W)).toBeCloseTo(Math.log10(expected), 10);
      }
    }
  });

  it('reproduces the 24-layer example (unlimited width)', () => {
    const res = compute(params({ width: 'unlimited', rule: 'residual' }));
    const exact = Number((choose(24, 4) ** 2n * 10n ** 12n) / choose(24, 8)) / 1e12;
    expect(exact).toBeCloseTo(153.52, 2);
    expect(10 ** res.log10Ratio).toBeCloseTo(exact, 9);
    const plain = compute(params({ width: 'unlimited', rule: 'plain' }));
    expect(10 ** plain.log10Ratio).toBeCloseTo(441 / 17, 10);
    expect(441 / 17).toBeCloseTo(25.94, 2);
  });

  it('with unlimited width, the ratio is the placement ratio (and the recursion agrees)', () => {
    for (const rule of ['plain', 'residual'] as const) {
      for (const [L, n, k] of [[24, 8, 2], [96, 12, 3], [30, 16, 4], [200, 64, 8]]) {
        const r = compute(params({ rule, layers: L, steps: n, chains: k, width: 'unlimited' }));
        expect(r.log10Ratio).toBeCloseTo(k * log10Positions(rule, L, n / k) - log10Positions(rule, L, n), 9);
        expect(r.log10Ratio).toBe(r.log10PlacementRatio);
      }
      // The recursion with every falling factorial set to 1 counts positions^k.
      for (const [L, n, k] of [[9, 6, 3], [12, 8, 2], [10, 4, 4]]) {
        const positions = rule === 'plain' ? BigInt(L - n / k + 1) : choose(L, n / k);
        expect(exactCount(rule, L, n, k, 'unlimited')).toBe(positions ** BigInt(k));
      }
    }
  });

  it('agrees with a direct two-chain count at finite width, up to 200 layers', () => {
    for (const rule of ['plain', 'residual'] as const) {
      const r = compute(params({ rule }));
      expect(r.log10Parallel).toBeCloseTo(log10Big(twoChains(rule, 24, 4, 512)), 9);
      for (const [L, n, W] of [[24, 8, 4], [96, 16, 4], [200, 64, 4], [200, 64, 512], [64, 64, 1]]) {
        expect(log10Count(rule, L, n, 2, W), `${rule} L=${L} n=${n} W=${W}`).toBeCloseTo(log10Big(twoChains(rule, L, n / 2, W)), 9);
      }
    }
  });

  it('at width 1 the chains must use disjoint layers: multinomial and interval counts', () => {
    for (const [L, n, k] of [[24, 8, 2], [24, 8, 8], [200, 64, 8], [200, 64, 16], [64, 64, 4], [100, 60, 10]]) {
      const d = n / k;
      // k labelled chains in disjoint layer sets: choose n layers, then n!/(d!)^k ways to deal them out.
      const dealt = choose(L, n) * (factorial(n) / factorial(d) ** BigInt(k));
      expect(log10Count('residual', L, n, k, 1)).toBeCloseTo(log10Big(dealt), 9);
      // k labelled, non-overlapping blocks of d consecutive layers: k!·C(L−n+k, k).
      const blocks = factorial(k) * choose(L - n + k, k);
      expect(log10Count('plain', L, n, k, 1)).toBeCloseTo(log10Big(blocks), 9);
    }
  });

  it('the float recursion matches exact BigInt counts on larger cases', () => {
    for (const rule of ['plain', 'residual'] as const) {
      for (const [L, n, k, W] of [[30, 12, 3, 4], [40, 12, 6, 3], [24, 16, 8, 5], [50, 20, 4, 2]]) {
        const exact = exactCount(rule, L, n, k, W);
        const r = compute(params({ rule, layers: L, steps: n, chains: k, width: W }));
        expect(r.log10Parallel, `${rule} L=${L} n=${n} k=${k} W=${W}`).toBeCloseTo(log10Big(exact), 9);
        expect(r.log10Serial).toBeCloseTo(log10Big(exactCount(rule, L, n, 1, W)), 9);
      }
    }
  });

  it('finite width converges up to the unlimited ratio as W grows', () => {
    for (const rule of ['plain', 'residual'] as const) {
      for (const [L, n, k] of [[24, 8, 2], [96, 24, 4], [48, 32, 8]]) {
        const base = params({ rule, layers: L, steps: n, chains: k });
        const limit = compute({ ...base, width: 'unlimited' }).log10Ratio;
        let previous = -Infinity;
        for (const W of [1, 2, 4, 16, 64, 512, 4096, 100000]) {
          const ratio = compute({ ...base, width: W }).log10Ratio;
          expect(ratio).toBeGreaterThanOrEqual(previous - 1e-12);
          expect(ratio).toBeLessThanOrEqual(limit + 1e-12);
          previous = ratio;
        }
        expect(limit - previous).toBeLessThan(1e-3);
        expect(limit - previous).toBeGreaterThan(0);
      }
    }
  });

  it('normalises steps to the depth and chains to the nearest divisor, with notes', () => {
    const a = model.normalize!(params({ chains: 3 }));
    expect(a.values.chains).toBe(2);
    expect(a.notes).toHaveLength(1);
    expect(a.notes[0].param).toBe('chains');
    const b = model.normalize!(params({ layers: 10, steps: 30, chains: 3 }));
    expect(b.values.steps).toBe(10);
    expect(b.values.chains).toBe(2);
    expect(b.notes.map((x) => x.param)).toEqual(['steps', 'chains']);
    expect(model.normalize!(params()).notes).toHaveLength(0);
    // Direct callers outside the schema are brought into range, with a note.
    const c = model.normalize!(params({ layers: 500, steps: 96, chains: 8 }));
    expect([c.values.layers, c.values.steps, c.values.chains]).toEqual([200, 64, 8]);
    expect(c.notes.map((x) => x.param)).toEqual(['layers', 'steps']);
    expect(nearestDivisor(24, 5)).toBe(4);
    expect(nearestDivisor(64, 20)).toBe(16);
    expect(nearestDivisor(7, 64)).toBe(7);
    expect(divisors(12)).toEqual([1, 2, 3, 4, 6, 12]);
  });

  it('is finite and consistent over the whole schema', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const r = compute(p);
        for (const x of allNumbers(r)) expect(Number.isFinite(x)).toBe(true);
        const L = p.layers as number;
        const n = p.steps as number;
        const k = p.chains as number;
        expect(r.chainLength * k).toBe(n);
        // Parallel is never rarer than serial, and a finite width only removes solutions.
        expect(r.log10Ratio).toBeGreaterThanOrEqual(-1e-9);
        expect(r.log10Ratio).toBeLessThanOrEqual(r.log10PlacementRatio + 1e-9);
        expect(r.log10Parallel - r.log10Serial).toBeCloseTo(r.log10Ratio, 9);
        expect(r.byLayers.length).toBe(201 - n);
        expect(r.byLayers[0].layers).toBe(n);
        const here = r.byLayers[L - n];
        expect(p.rule === 'plain' ? here.log10RatioPlain : here.log10RatioResidual).toBe(r.log10Ratio);
        expect(r.byChains.map((c) => c.chains)).toEqual(divisors(n));
        expect(r.byChains[0].log10RatioPlain).toBe(0);
        const mine = r.byChains.find((c) => c.chains === k)!;
        expect(p.rule === 'plain' ? mine.log10RatioPlain : mine.log10RatioResidual).toBe(r.log10Ratio);
        for (const c of r.byChains) {
          expect(c.log10RatioResidual).toBeGreaterThanOrEqual(-1e-9);
          expect(c.log10RatioPlain).toBeGreaterThanOrEqual(-1e-9);
        }
      }),
      { numRuns: 40 },
    );
  });
});
