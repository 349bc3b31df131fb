import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compute, model, schema } from '../../src/models/speed-cost';
import { defaults } from '../../src/core/schema';
import { allNumbers, arbitraryParams, arbitraryValue } from '../support/arbitrary';

type P = ReturnType<typeof defaults<typeof schema>>;
const params = (over: Partial<P> = {}): P => ({ ...defaults(schema), ...over });

/** The Chinchilla-style loss, written out independently of the model. */
const reducible = (n: number, alpha = 0.34) => 406.4 / n ** alpha;
const chinchilla = (n: number, alpha = 0.34) => 1.69 + reducible(n, alpha);

describe('speed-cost', () => {
  it('uses the Hoffmann et al. fit at the defaults', () => {
    const r = compute(params());
    expect(r.loss).toBeCloseTo(chinchilla(1e11), 12);
    expect(r.reducibleLoss).toBeCloseTo(0.07395, 5);
    expect(r.speedLoss).toBeCloseTo(0.34 * (406.4 / 1e11 ** 0.34) * 1e-3, 15);
    expect(r.ratio).toBeCloseTo(1000, 9);
    expect(r.kept).toBeCloseTo(0.99 ** 3, 15);
  });

  it('first-order losses are the slope of L(N) (finite differences) and match the exact change', () => {
    for (const [n, alpha] of [[1e6, 0.05], [1e9, 0.34], [1e11, 0.34], [1e13, 1]]) {
      const r = compute(params({ params: n, alpha }));
      // Central difference of L in ln N: −dL/d ln N = α·A/N^α.
      const h = 1e-4;
      // (E cancels; differencing the reducible part alone avoids rounding against E = 1.69.)
      const numeric = (reducible(n * Math.exp(-h), alpha) - reducible(n * Math.exp(h), alpha)) / (2 * h);
      expect(r.slope / numeric).toBeCloseTo(1, 6);
      // Small shares: the exact loss change agrees with the first-order one.
      const small = compute(params({ params: n, alpha, 'serial-share': 1e-5, 'param-share': 1e-8 }));
      expect(small.speedLossExact / small.speedLoss).toBeCloseTo(1, 4);
      expect(small.simplicityLossExact / small.simplicityLoss).toBeCloseTo(1, 7);
      // The exact change is the difference of two losses.
      const big = compute(params({ params: n, alpha, 'serial-share': 0.3 }));
      expect(big.speedLossExact).toBeCloseTo(chinchilla(n * 0.7, alpha) - chinchilla(n, alpha), 12);
    }
  });

  it('ratio is s/q exactly and net is the difference of the two losses', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const r = compute(p);
        expect(r.ratio).toBe((p['serial-share'] as number) / (p['param-share'] as number));
        expect(r.net).toBe(r.speedLoss - r.simplicityLoss);
        expect(r.speedLoss / r.simplicityLoss).toBeCloseTo(r.ratio, 6 - Math.log10(r.ratio));
        expect(Math.sign(r.net)).toBe(Math.sign(r.ratio - 1));
      }),
    );
  });

  it('every step rolls the dice: (1 − p)^Δ', () => {
    expect(compute(params({ 'extra-steps': 0 })).kept).toBe(1);
    expect(compute(params({ 'extra-steps': 0, fail: 0.2 })).log10Kept).toBe(0);
    const r = compute(params({ fail: 0.2, 'extra-steps': 1000 }));
    expect(r.log10Kept).toBeCloseTo(1000 * Math.log10(0.8), 9);
    expect(r.kept).toBeGreaterThan(0);
    // Tiny p: log1p keeps the answer exact where 1 − p would round.
    const tiny = compute(params({ fail: 1e-6, 'extra-steps': 3 }));
    expect(tiny.lost).toBeCloseTo(3e-6 - 3e-12, 17);
  });

  it('is monotone where the maths says so', () => {
    const pair = (name: keyof typeof schema) => fc.tuple(arbitraryValue(schema[name]), arbitraryValue(schema[name]));
    fc.assert(
      fc.property(arbitraryParams(model), pair('serial-share'), pair('param-share'), (p, [s1, s2], [q1, q2]) => {
        const [sLo, sHi] = [Math.min(s1 as number, s2 as number), Math.max(s1 as number, s2 as number)];
        const [qLo, qHi] = [Math.min(q1 as number, q2 as number), Math.max(q1 as number, q2 as number)];
        const a = compute({ ...p, 'serial-share': sLo });
        const b = compute({ ...p, 'serial-share': sHi });
        expect(b.speedLoss).toBeGreaterThanOrEqual(a.speedLoss);
        expect(b.net).toBeGreaterThanOrEqual(a.net);
        const c = compute({ ...p, 'param-share': qLo });
        const d = compute({ ...p, 'param-share': qHi });
        expect(d.simplicityLoss).toBeGreaterThanOrEqual(c.simplicityLoss);
        expect(d.net).toBeLessThanOrEqual(c.net);
      }),
    );
    fc.assert(
      fc.property(arbitraryParams(model), pair('fail'), pair('extra-steps'), (p, [p1, p2], [e1, e2]) => {
        const [pLo, pHi] = [Math.min(p1 as number, p2 as number), Math.max(p1 as number, p2 as number)];
        const [eLo, eHi] = [Math.min(e1 as number, e2 as number), Math.max(e1 as number, e2 as number)];
        expect(compute({ ...p, fail: pHi }).kept).toBeLessThanOrEqual(compute({ ...p, fail: pLo }).kept);
        expect(compute({ ...p, 'extra-steps': eHi }).kept).toBeLessThanOrEqual(compute({ ...p, 'extra-steps': eLo }).kept);
      }),
    );
    // Bigger models and steeper laws make both costs smaller in absolute terms.
    expect(compute(params({ params: 1e12 })).speedLoss).toBeLessThan(compute(params({ params: 1e10 })).speedLoss);
  });

  it('is finite, positive and in range over the whole schema', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const r = compute(p);
        for (const x of allNumbers(r)) expect(Number.isFinite(x)).toBe(true);
        expect(r.speedLoss).toBeGreaterThan(0);
        expect(r.simplicityLoss).toBeGreaterThan(0);
        expect(r.speedLossExact).toBeGreaterThanOrEqual(r.speedLoss);
        expect(r.loss).toBeGreaterThan(1.69);
        expect(r.kept).toBeGreaterThan(0);
        expect(r.kept).toBeLessThanOrEqual(1);
        expect(r.log10Kept).toBeLessThanOrEqual(0);
        expect(r.kept + r.lost).toBeCloseTo(1, 12);
      }),
    );
  });
});
