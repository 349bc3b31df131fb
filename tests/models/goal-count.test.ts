import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compute, model, NO_EXTRA, pinnedParameters, presets, schema, type Params } from '../../src/models/goal-count';
import { defaults } from '../../src/core/schema';
import { allNumbers, arbitraryParams, arbitraryValue } from '../support/arbitrary';

const params = (over: Partial<Params> = {}): Params => ({ ...defaults(schema), ...over });
const L2 = Math.log10(2);

/** log10 of a positive BigInt rational num/den, independent of the model's float arithmetic. */
function log10Rational(num: bigint, den: bigint): number {
  const digits = (x: bigint) => x.toString().length;
  const shift = 30 - (digits(num) - digits(den)); // scale so the quotient has ~30 digits
  const q = shift >= 0 ? (num * 10n ** BigInt(shift)) / den : num / (den * 10n ** BigInt(-shift));
  const s = q.toString();
  return Math.log10(Number(s.slice(0, 17))) + (s.length - 17) - shift;
}

/**
 * Brute force: a toy network of `slots` free parameters of `bits` bits each (everything a
 * non-schemer does not use). A schemer pins the first `cr` slots to zero and stores its goal as a
 * fixed-length code of `codeBits` bits at the start of the remaining bits; `goals` distinct codes
 * are in use. Returns log10(schemer configurations / non-schemer configurations), with `honest`
 * equally large non-schemer variants.
 */
function bruteForceLog10Odds(slots: number, bits: number, cr: number, goals: number, codeBits: number, honest: number): number {
  const totalBits = slots * bits;
  const perGoal = new Array<number>(goals).fill(0);
  for (let config = 0; config < 2 ** totalBits; config++) {
    let pinned = true;
    for (let s = 0; s < cr; s++) if (((config >>> (s * bits)) & (2 ** bits - 1)) !== 0) pinned = false;
    if (!pinned) continue;
    const code = (config >>> (cr * bits)) & (2 ** codeBits - 1);
    if (code < goals) perGoal[code]++;
  }
  const schemers = perGoal.reduce((a, b) => a + b, 0);
  // Every goal in use gets the same share: a fixed-length code charges each one codeBits.
  for (const n of perGoal) expect(n).toBe(2 ** (totalBits - cr * bits - codeBits));
  return Math.log10(schemers) - Math.log10(honest * 2 ** totalBits);
}

describe('goal-count', () => {
  it('default: 10^20 goals, 1000 pinned parameters at 8 bits', () => {
    const r = compute(params());
    expect(r.log10GoalSpaceOdds).toBe(20);
    expect(r.log10ParameterSpaceOdds).toBeCloseTo(20 - 8000 * L2, 10);
    expect(r.log10ParameterSpaceOdds).toBeCloseTo(-2388.2404, 3);
    expect(r.log10Probability).toBeCloseTo(20 - 8000 * L2, 10);
    expect(r.probability).toBe(0); // below double range: the view shows 10^log10Probability
    expect(r.log10GoalSpaceProbability).toBeCloseTo(-Math.log10(1 + 1e-20), 15);
    expect(r.breakEvenExtra).toBeCloseTo(20 / (8 * L2), 10);
    expect(r.breakEvenExtra).toBeCloseTo(8.30482, 4);
  });

  it('agrees with exact rational arithmetic on integer cases', () => {
    for (const [k, j, b, cr, g, mode] of [
      [20, 0, 8, 1000, 0, 'free'], [3, 1, 2, 5, 0, 'free'], [60, 2, 16, 3, 17, 'custom'],
      [100, 0, 1, 10, 1000, 'custom'], [0, 0, 32, 1, 0, 'free'], [7, 7, 4, 2, 40, 'custom'],
    ] as const) {
      const exact = log10Rational(10n ** BigInt(k), 10n ** BigInt(j) * 2n ** BigInt(b * cr + g));
      const r = compute(params({ goals: k, honest: j, bits: b, extra: cr, 'goal-cost': mode, 'goal-bits': g }));
      expect(r.log10ParameterSpaceOdds).toBeCloseTo(exact, 9);
      expect(r.log10GoalSpaceOdds).toBeCloseTo(log10Rational(10n ** BigInt(k), 10n ** BigInt(j)), 12);
    }
  });

  it('encoded and custom modes agree with brute-force counts of a toy network', () => {
    for (const [slots, bits, cr, goalsLog2, honest] of [[4, 2, 1, 2, 1], [6, 2, 2, 3, 1], [3, 4, 1, 4, 2], [5, 3, 0, 5, 1]]) {
      const goals = 2 ** goalsLog2;
      const extra = cr === 0 ? NO_EXTRA : cr;
      const encoded = compute(params({ goals: Math.log10(goals), honest: Math.log10(honest), bits, extra, 'goal-cost': 'encoded' }));
      expect(encoded.log10ParameterSpaceOdds).toBeCloseTo(bruteForceLog10Odds(slots, bits, cr, goals, goalsLog2, honest), 12);
      // A longer code than needed: custom bits per goal, fewer goals than codes.
      const custom = compute(params({ goals: Math.log10(goals - 1), honest: Math.log10(honest), bits, extra, 'goal-cost': 'custom', 'goal-bits': goalsLog2 }));
      expect(custom.log10ParameterSpaceOdds).toBeCloseTo(bruteForceLog10Odds(slots, bits, cr, goals - 1, goalsLog2, honest), 12);
    }
  });

  it('encoded goals cancel the multiplicity exactly, for every M', () => {
    fc.assert(
      fc.property(arbitraryParams(model, { 'goal-cost': fc.constant('encoded') }), (p) => {
        const r = compute(p);
        const closed = -(p.bits as number) * pinnedParameters(p.extra) * Math.log10(2) - (p.honest as number);
        expect(r.log10ParameterSpaceOdds === closed).toBe(true);
        expect(r.goalBits * L2).toBeCloseTo(p.goals as number, 9);
      }),
    );
  });

  it('custom bits equal to log2 M reproduce encoded mode', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const bitsForM = (p.goals as number) / L2;
        const custom = compute({ ...p, 'goal-cost': 'custom', 'goal-bits': bitsForM });
        const encoded = compute({ ...p, 'goal-cost': 'encoded' });
        const scale = Math.max(1, Math.abs(encoded.log10ParameterSpaceOdds));
        expect(Math.abs(custom.log10ParameterSpaceOdds - encoded.log10ParameterSpaceOdds) / scale).toBeLessThan(1e-12);
      }),
    );
  });

  it('break-even extra reasoning makes the parameter-space odds even', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const r = compute(p);
        const headroom = (p.goals as number) - (p.honest as number) - r.goalBits * L2;
        const closed = Math.max(0, headroom) / ((p.bits as number) * L2);
        expect(Math.abs(r.breakEvenExtra - closed)).toBeLessThanOrEqual(1e-9 * Math.max(1, closed));
        if (r.breakEvenExtra < 1 || r.breakEvenExtra > 1e6) return;
        const even = compute({ ...p, extra: r.breakEvenExtra });
        expect(Math.abs(even.log10ParameterSpaceOdds)).toBeLessThan(1e-9 * Math.max(1, headroom));
      }),
    );
  });

  it('presets give the numbers their descriptions promise', () => {
    const byId = Object.fromEntries(presets.map((p) => [p.id, compute(p.params)]));
    const counting = byId['counting-argument'];
    expect(counting.log10ParameterSpaceOdds).toBe(counting.log10GoalSpaceOdds);
    expect(counting.log10ParameterSpaceOdds).toBe(20);
    expect(counting.log10ComplementProbability).toBeCloseTo(-20, 12);

    const llamas = byId['inner-llamas'];
    expect(llamas.log10GoalSpaceOdds).toBeCloseTo(256 * L2, 9); // 2^256 images
    expect(llamas.log10ParameterSpaceOdds).toBeCloseTo(log10Rational(2n ** 256n, 2n ** BigInt(8 * 512)), 9);
    expect(Math.round(llamas.log10GoalSpaceOdds)).toBe(77);
    expect(Math.round(llamas.log10ParameterSpaceOdds)).toBe(-1156);

    const encoded = byId['encoded-goals'];
    expect(encoded.log10ParameterSpaceOdds).toBe(0);
    expect(encoded.probability).toBe(0.5);

    for (const p of presets) {
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.description.length).toBeGreaterThan(0);
      expect(Object.keys(p.params).sort()).toEqual(Object.keys(schema).sort());
    }
  });

  it('a preset survives the round trip through its link', async () => {
    const { readState, writeState } = await import('../../src/core/schema');
    for (const p of presets) {
      const search = new URLSearchParams();
      writeState(model, p.params, search);
      expect(readState(model, search).values).toEqual(p.params);
    }
  });

  it('waterfall bars add up to the two totals', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const r = compute(p);
        const bar = Object.fromEntries(r.waterfall.map((b) => [b.key, b]));
        expect(r.waterfall.map((b) => b.key)).toEqual(['multiplicity', 'honest', 'goal-space', 'goal-encoding', 'extra-reasoning', 'parameter-space']);
        const scale = Math.max(1, Math.abs(r.log10ParameterSpaceOdds));
        expect(bar.multiplicity.value).toBe(p.goals);
        expect(bar.honest.value).toBe(-(p.honest as number) + 0);
        expect(bar['goal-space'].to).toBe(r.log10GoalSpaceOdds);
        expect(bar['parameter-space'].to).toBe(r.log10ParameterSpaceOdds);
        const sum = bar.multiplicity.value + bar.honest.value + bar['goal-encoding'].value + bar['extra-reasoning'].value;
        expect(Math.abs(sum - r.log10ParameterSpaceOdds) / scale).toBeLessThan(1e-12);
        expect(Math.abs(bar['extra-reasoning'].to - r.log10ParameterSpaceOdds) / scale).toBeLessThan(1e-12);
        for (const b of r.waterfall) if (b.kind === 'step') expect(b.to - b.from).toBeCloseTo(b.value, 6);
      }),
    );
  });

  it('is finite and in range over the whole schema', () => {
    const corners: Params[] = [];
    for (const goals of [0, 100]) for (const honest of [0, 100]) for (const bits of [1, 32])
      for (const extra of [NO_EXTRA, 1, 1e6] as const) for (const mode of ['free', 'encoded', 'custom'])
        for (const gb of [0, 1000]) corners.push(params({ goals, honest, bits, extra, 'goal-cost': mode, 'goal-bits': gb }));
    const check = (p: Params) => {
      const r = compute(p);
      for (const x of allNumbers(r)) expect(Number.isFinite(x)).toBe(true);
      for (const x of allNumbers(r)) expect(Object.is(x, -0)).toBe(false);
      expect(r.probability >= 0 && r.probability <= 1).toBe(true);
      expect(r.goalSpaceProbability >= 0 && r.goalSpaceProbability <= 1).toBe(true);
      expect(r.log10Probability).toBeLessThanOrEqual(0);
      expect(r.log10ComplementProbability).toBeLessThanOrEqual(0);
      expect(r.breakEvenExtra).toBeGreaterThanOrEqual(0);
      // The log forms are consistent with the odds: log10 p − log10(1 − p) = log10 odds.
      const x = r.log10ParameterSpaceOdds;
      expect(Math.abs(r.log10Probability - r.log10ComplementProbability - x)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(x)));
      // The smaller of p and 1 − p never underflows to −Infinity in log form.
      expect(Math.min(r.log10Probability, r.log10ComplementProbability)).toBeCloseTo(-Math.abs(x) - Math.log10(1 + 10 ** -Math.abs(x)), 6);
    };
    corners.forEach(check);
    fc.assert(fc.property(arbitraryParams(model), check));
  });

  it('is monotone in every input', () => {
    const numeric = (name: keyof Params) => arbitraryValue(schema[name]);
    const asNumber = (v: Params[keyof Params]) => (v === NO_EXTRA ? 0 : (v as number));
    const inputs: [keyof Params, 1 | -1][] = [['goals', 1], ['honest', -1], ['bits', -1], ['extra', -1], ['goal-bits', -1]];
    for (const [name, sign] of inputs) {
      fc.assert(
        fc.property(arbitraryParams(model), numeric(name), numeric(name), (p, a, b) => {
          const [lo, hi] = asNumber(a as never) <= asNumber(b as never) ? [a, b] : [b, a];
          const rLo = compute({ ...p, [name]: lo });
          const rHi = compute({ ...p, [name]: hi });
          const d = rHi.log10ParameterSpaceOdds - rLo.log10ParameterSpaceOdds;
          const tol = 1e-12 * Math.max(1, Math.abs(rLo.log10ParameterSpaceOdds));
          expect(sign * d).toBeGreaterThanOrEqual(-tol);
          expect(sign * (rHi.log10Probability - rLo.log10Probability)).toBeGreaterThanOrEqual(-tol);
          // A probability in [0, 1]: inputs a rounding error apart may differ by one (5.6e-17 found).
          expect(sign * (rHi.probability - rLo.probability)).toBeGreaterThanOrEqual(-1e-15);
          const g = rHi.log10GoalSpaceOdds - rLo.log10GoalSpaceOdds;
          if (name === 'goals') expect(g).toBeGreaterThanOrEqual(0);
          else if (name === 'honest') expect(g).toBeLessThanOrEqual(0);
          else expect(g).toBe(0); // bits, extra and goal bits do not enter the goal count
        }),
      );
    }
  });

  it('strictly: more goals help in free and custom mode and change nothing when encoded', () => {
    const r = (goals: number, mode: string) => compute(params({ goals, 'goal-cost': mode })).log10ParameterSpaceOdds;
    expect(r(30, 'free') - r(20, 'free')).toBeCloseTo(10, 9);
    expect(r(30, 'custom') - r(20, 'custom')).toBeCloseTo(10, 9);
    expect(r(30, 'encoded')).toBe(r(20, 'encoded'));
    expect(r(100, 'encoded')).toBe(r(0, 'encoded'));
    // Encoding costs more than free and less than 1000 custom bits once M < 2^1000.
    expect(r(50, 'encoded')).toBeLessThan(r(50, 'free'));
  });
});
