import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compute, model, schema } from '../../src/models/residual-paths';
import { defaults } from '../../src/core/schema';
import { allNumbers, arbitraryParams } from '../support/arbitrary';

const params = (over: Partial<ReturnType<typeof defaults<typeof schema>>> = {}) => ({ ...defaults(schema), ...over });

/** Exact binomial tail with BigInt, independent of the log-space model. */
function exactShare(n: number, a: number, b: number): number {
  let c = 1n;
  let sum = 0n;
  for (let k = 0; k <= n; k++) {
    if (k > 0) c = (c * BigInt(n - k + 1)) / BigInt(k);
    if (k >= a && k <= b) sum += c;
  }
  const scale = 10n ** 15n;
  return Number((sum * scale) / 2n ** BigInt(n)) / 1e15;
}

describe('residual-paths', () => {
  it("reproduces Veit et al.'s 54-block path shares", () => {
    expect(compute(params({ from: 19, to: 35 })).share).toBeCloseTo(0.9802, 4);
    expect(compute(params({ from: 5, to: 17 })).share).toBeCloseTo(0.004537, 6);
    expect(compute(params()).log10Paths).toBeCloseTo(54 * Math.log10(2), 12);
  });

  it('agrees with exact BigInt binomial sums', () => {
    for (const [n, a, b] of [[1, 0, 0], [10, 3, 7], [54, 0, 54], [120, 50, 70], [200, 0, 90]]) {
      expect(compute(params({ blocks: n, from: a, to: b })).share).toBeCloseTo(exactShare(n, a, b), 12);
    }
  });

  it('gradient-weighted mean equals n·r/(1+r) for the whole range', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const r = compute(p);
        const mean = r.gradientDistribution.reduce((s, w, k) => s + w * k, 0);
        expect(mean).toBeCloseTo(((p.blocks as number) * (p.decay as number)) / (1 + (p.decay as number)), 8);
      }),
    );
  });

  it('is finite, normalised and in range over the whole schema', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const r = compute(p);
        for (const x of allNumbers(r)) expect(Number.isFinite(x)).toBe(true);
        const total = (d: number[]) => d.reduce((s, x) => s + x, 0);
        expect(total(r.pathDistribution)).toBeCloseTo(1, 10);
        expect(total(r.gradientDistribution)).toBeCloseTo(1, 10);
        for (const s of [r.share, r.gradientShare]) expect(s >= 0 && s <= 1).toBe(true);
        expect(r.effectiveFrom).toBeLessThanOrEqual(r.effectiveMean + 1);
        expect(r.effectiveTo).toBeGreaterThanOrEqual(r.effectiveMean - 1);
      }),
    );
  });

  it('normalises an inverted or oversized range with notes', () => {
    const { values, notes } = model.normalize!(params({ blocks: 10, from: 8, to: 30 }));
    expect(values.to).toBe(10);
    expect(values.from).toBe(8);
    expect(notes).toHaveLength(1);
    const swapped = model.normalize!(params({ from: 20, to: 10 }));
    expect(swapped.values.from).toBe(10);
    expect(swapped.notes[0].param).toBe('from');
  });
});
