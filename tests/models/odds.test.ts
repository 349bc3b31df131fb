import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjustments, compute, marks, model, schema, type Params } from '../../src/models/odds';
import { defaults } from '../../src/core/schema';
import { allNumbers, arbitraryParams, arbitraryValue } from '../support/arbitrary';

const params = (over: Partial<Params> = {}): Params => ({ ...defaults(schema), ...over });
const ids = ['counting', 'simplicity', 'speed', 'path', 'payoff', 'evidence'] as const;
const total = (p: Params) => (p.prior as number) + ids.reduce((s, id) => s + (p[id] as number), 0);

/** Probability from log10 odds the long way: odds = 10^x, p = odds / (1 + odds), for moderate x. */
const fromOdds = (x: number) => 10 ** x / (1 + 10 ** x);

describe('odds', () => {
  it('defaults to Carlsmith’s 25%', () => {
    const r = compute(params());
    expect(Math.abs(r.probability - 0.25)).toBeLessThan(1e-12);
    expect(r.log10Odds).toBeCloseTo(-Math.log10(3), 12);
    expect(r.log10Probability).toBeCloseTo(Math.log10(0.25), 12);
    expect(r.log10ComplementProbability).toBeCloseTo(Math.log10(0.75), 12);
    for (const s of r.steps) expect(Math.abs(s.probability - 0.25)).toBeLessThan(1e-12);
  });

  it('adds the goal-guarding payoff weight at neutral, so the default stays at 25%', () => {
    expect(schema.payoff.default).toBe(0);
    expect(compute(params({ payoff: 0 })).probability).toBeCloseTo(0.25, 14);
    // One unit of payoff is a factor of ten on the odds: 1 : 3 becomes 10 : 3 (or 1 : 30).
    expect(compute(params({ payoff: 1 })).probability).toBeCloseTo(10 / 13, 14);
    expect(compute(params({ payoff: -1 })).probability).toBeCloseTo(1 / 31, 14);
    // Cancelling weights return exactly to the default.
    expect(compute(params({ payoff: 0.5, evidence: -0.5 })).probability).toBeCloseTo(0.25, 14);
  });

  it('marks Carlsmith’s 25% (2023) and 20% (2024)', () => {
    expect(marks.map((m) => m.probability)).toEqual([0.25, 0.2]);
    for (const m of marks) expect(fromOdds(m.log10Odds)).toBeCloseTo(m.probability, 12);
    // An adjustment of log10(3/4) takes the default from 25% to 20%: odds 1:3 → 1:4.
    expect(compute(params({ evidence: Math.log10(3 / 4) })).probability).toBeCloseTo(0.2, 12);
  });

  it('matches p = odds / (1 + odds) on hand cases', () => {
    expect(compute(params({ prior: 0 })).probability).toBe(0.5);
    expect(compute(params({ prior: 1, counting: 1, speed: -1 })).probability).toBeCloseTo(10 / 11, 14);
    expect(compute(params({ prior: -2, simplicity: -0.5, path: 0.5 })).probability).toBeCloseTo(1 / 101, 14);
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const r = compute(p);
        const x = total(p);
        expect(Math.abs(r.log10Odds - x)).toBeLessThan(1e-12);
        expect(r.probability).toBeCloseTo(fromOdds(x), 12);
        // log forms: log10 p − log10(1 − p) is the log odds, and p + (1 − p) = 1.
        expect(r.log10Probability - r.log10ComplementProbability).toBeCloseTo(r.log10Odds, 10);
        expect(10 ** r.log10Probability + 10 ** r.log10ComplementProbability).toBeCloseTo(1, 12);
        expect(10 ** r.log10Probability / r.probability).toBeCloseTo(1, 12);
      }),
    );
  });

  it('adjustments add in log odds: any permutation or partition gives the same result', () => {
    const values = fc.array(arbitraryValue(schema.counting) as fc.Arbitrary<number>, { minLength: ids.length, maxLength: ids.length });
    fc.assert(
      fc.property(arbitraryValue(schema.prior) as fc.Arbitrary<number>, values, fc.func(fc.integer()), (prior, vs, rank) => {
        const base = compute(params({ prior, ...Object.fromEntries(ids.map((id, i) => [id, vs[i]])) }));
        // Permutation: the same values under shuffled names.
        const order = ids.map((_, i) => i).sort((a, b) => rank(a) - rank(b) || a - b);
        const permuted = compute(params({ prior, ...Object.fromEntries(ids.map((id, i) => [id, vs[order[i]]])) }));
        expect(Math.abs(permuted.log10Odds - base.log10Odds)).toBeLessThan(1e-12);
        expect(Math.abs(permuted.probability - base.probability)).toBeLessThan(1e-12);
        // Partition: fold every adjustment into the prior, where the prior's range allows.
        const folded = prior + vs.reduce((s, v) => s + v, 0);
        if (Math.abs(folded) <= schema.prior.max) {
          const merged = compute(params({ prior: folded }));
          expect(Math.abs(merged.probability - base.probability)).toBeLessThan(1e-12);
        }
        // Partition: merge counting and simplicity into one adjustment, where the range allows.
        const pair = vs[0] + vs[1];
        if (Math.abs(pair) <= schema.counting.max) {
          const merged = compute(params({ prior, counting: pair, simplicity: 0, speed: vs[2], path: vs[3], payoff: vs[4], evidence: vs[5] }));
          expect(Math.abs(merged.log10Odds - base.log10Odds)).toBeLessThan(1e-12);
        }
      }),
    );
  });

  it('stays inside (0, 1) over the whole schema extremes included', () => {
    const extreme = (sign: number) =>
      params({ prior: sign * schema.prior.max, ...Object.fromEntries(ids.map((id) => [id, sign * schema[id].max])) });
    const check = (p: Params) => {
      const r = compute(p);
      for (const x of allNumbers(r)) expect(Number.isFinite(x)).toBe(true);
      for (const s of [r, ...r.steps]) {
        // Strictly inside (0, 1) wherever double precision can say so (|log odds| < 16).
        if (Math.abs(s.log10Odds) < 15.9) expect(s.probability > 0 && s.probability < 1).toBe(true);
        else expect(s.probability >= 0 && s.probability <= 1).toBe(true);
        expect(s.log10Probability < 0).toBe(true);
      }
      expect(r.log10ComplementProbability < 0).toBe(true);
    };
    check(extreme(1));
    check(extreme(-1));
    expect(compute(extreme(1)).log10ComplementProbability).toBeCloseTo(-16, 9);
    expect(compute(extreme(-1)).log10Probability).toBeCloseTo(-16, 9);
    fc.assert(fc.property(arbitraryParams(model), check));
  });

  it('is monotone in the prior and in every adjustment', () => {
    for (const name of ['prior', ...ids] as const) {
      fc.assert(
        fc.property(arbitraryParams(model), arbitraryValue(schema[name]), arbitraryValue(schema[name]), (p, a, b) => {
          const [lo, hi] = (a as number) <= (b as number) ? [a, b] : [b, a];
          const rLo = compute({ ...p, [name]: lo });
          const rHi = compute({ ...p, [name]: hi });
          // Sums of log odds may round the other way by an ulp when lo and hi are a rounding apart
          // (fast-check found −0.3013191434871779 vs −0.301319143487178).
          const slack = (x: number) => 1e-12 * (1 + Math.abs(x));
          expect(rHi.log10Odds).toBeGreaterThanOrEqual(rLo.log10Odds - slack(rLo.log10Odds));
          expect(rHi.probability).toBeGreaterThanOrEqual(rLo.probability * (1 - 1e-12));
          expect(rHi.log10Probability).toBeGreaterThanOrEqual(rLo.log10Probability - slack(rLo.log10Probability));
          expect(rHi.log10ComplementProbability).toBeLessThanOrEqual(rLo.log10ComplementProbability + slack(rLo.log10ComplementProbability));
          if ((hi as number) - (lo as number) > 1e-9) expect(rHi.log10Odds).toBeGreaterThan(rLo.log10Odds);
        }),
      );
    }
  });

  it('charts the prior and each adjustment cumulatively, ending at the result', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const r = compute(p);
        expect(r.steps.map((s) => s.id)).toEqual(['prior', ...ids]);
        expect(r.steps[0].log10Odds).toBe(p.prior);
        for (let i = 1; i < r.steps.length; i++) {
          expect(r.steps[i].delta).toBe(p[ids[i - 1]]);
          expect(r.steps[i].log10Odds - r.steps[i - 1].log10Odds).toBeCloseTo(r.steps[i].delta, 12);
        }
        const last = r.steps[r.steps.length - 1];
        expect(last.log10Odds).toBe(r.log10Odds);
        expect(last.probability).toBe(r.probability);
      }),
    );
  });

  it('explains every adjustment and links it to its section', () => {
    expect(adjustments.map((a) => a.id)).toEqual(ids);
    expect(Object.fromEntries(adjustments.map((a) => [a.id, a.section]))).toEqual({
      counting: '/counting/#the-counting-argument',
      simplicity: '/counting/#simplicity-bias',
      speed: '/speed-and-depth/#how-big-is-the-cost',
      path: '/path-dependence/#high-and-low-path-dependence',
      payoff: '/introduction/#prerequisites',
      evidence: '/weighing-it-up/#evidence-since-2023',
    });
    for (const a of adjustments) {
      expect(a.label).toBe(schema[a.id].label);
      for (const text of [a.positive, a.negative]) {
        expect(text.length).toBeGreaterThan(20);
        expect(text.trim().split(/(?<=[.!?])\s+/)).toHaveLength(1); // one sentence
      }
      expect(schema[a.id].default).toBe(0);
    }
  });
});
