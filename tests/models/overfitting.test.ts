import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { additionCount, compute, model, parameterCountingAnswer, schema, scientific } from '../../src/models/overfitting';
import { compute as computeTinyNets, schema as tinySchema } from '../../src/models/tiny-nets';
import { defaults } from '../../src/core/schema';
import { allNumbers, arbitraryParams } from '../support/arbitrary';

const params = (over: Partial<ReturnType<typeof defaults<typeof schema>>> = {}) => ({ ...defaults(schema), ...over });

describe('overfitting', () => {
  it('reproduces Belrose & Pope’s “10^430,100,828” for 4-digit addition', () => {
    // Convention: inputs are ordered pairs (a, b) with 0 ≤ a, b ≤ 9999 (10^8 of them); an output
    // is any possible sum 0 … 19998 (19,999 values); candidates = 19999^(10^8).
    const a = additionCount(4, 992);
    expect(a.inputs).toBe(1e8);
    expect(a.outputs).toBe(19_999);
    expect(a.candidatesExponent).toBe(430_100_828);
    // Independently: 10^8·ln(19999)/ln(10), well away from an integer boundary.
    const viaLn = (1e8 * Math.log(19_999)) / Math.LN10;
    expect(Math.floor(viaLn)).toBe(430_100_828);
    expect(viaLn - 430_100_828).toBeGreaterThan(0.03);
    expect(a.candidatesMantissa).toBeCloseTo(10 ** (viaLn - 430_100_828), 5);
    // Other conventions miss it: 20,000 outputs, or 5-digit output strings (10^5 outputs).
    expect(Math.floor(1e8 * Math.log10(20_000))).not.toBe(430_100_828);
    expect(1e8 * 5).not.toBe(430_100_828);
    // 992 training examples leave 10^8 − 992 inputs unseen.
    expect(a.unseen).toBe(1e8 - 992);
    expect(a.log10Generalise).toBeCloseTo(-(1e8 - 992) * Math.log10(19_999), 3);
  });

  it('counts consistent and generalising functions exactly for small cases', () => {
    // Enumerate every Boolean function of n bits; fix a training set; count.
    for (const n of [1, 2, 3]) {
      const inputs = 2 ** n;
      for (const share of [0, 0.25, 0.5, 1]) {
        const seen = Math.round(share * inputs);
        const target = (2 ** inputs - 1) & 0b1011_0110;
        const trainMask = 2 ** seen - 1; // the first `seen` points
        let consistent = 0;
        let generalise = 0;
        for (let f = 0; f < 2 ** inputs; f++) {
          if ((f & trainMask) !== (target & trainMask)) continue;
          consistent++;
          if (f === target) generalise++;
        }
        const point = compute(params({ bits: 3, seen: share })).boolean[n - 1];
        expect(point.n).toBe(n);
        expect(point.unseen).toBe(inputs - seen);
        expect(10 ** point.log10Consistent).toBeCloseTo(consistent, 9);
        expect(10 ** point.log10Generalise).toBeCloseTo(generalise / consistent, 12);
        expect(10 ** point.log10Candidates).toBeCloseTo(2 ** inputs, 6);
      }
    }
    // Small addition: 1 digit has 100 input pairs and 19 sums.
    const one = additionCount(1, 10);
    expect(one.inputs).toBe(100);
    expect(one.outputs).toBe(19);
    expect(one.log10Generalise).toBeCloseTo(-90 * Math.log10(19), 12);
  });

  it('writes numbers as mantissa × 10^exponent', () => {
    expect(scientific(2)).toEqual({ mantissa: 1, exponent: 2 });
    const s = scientific(Math.log10(3.5e-7));
    expect(s.exponent).toBe(-7);
    expect(s.mantissa).toBeCloseTo(3.5, 12);
  });

  it('is finite and monotone over the whole schema', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const r = compute(p);
        expect(allNumbers(r).every(Number.isFinite)).toBe(true);
        expect(r.boolean).toHaveLength(p.bits as number);
        for (let k = 1; k < r.boolean.length; k++) {
          // More inputs: never a larger share that generalises; strictly more candidates.
          expect(r.boolean[k].log10Generalise).toBeLessThanOrEqual(r.boolean[k - 1].log10Generalise);
          expect(r.boolean[k].log10Candidates).toBeGreaterThan(r.boolean[k - 1].log10Candidates);
        }
        for (const b of r.boolean) {
          expect(b.log10Generalise).toBeLessThanOrEqual(0);
          expect(b.log10Consistent).toBeLessThanOrEqual(b.log10Candidates);
        }
        const a = r.addition;
        expect(a.unseen + a.examples).toBe(a.inputs);
        expect(a.log10Generalise).toBeLessThanOrEqual(0);
        expect(a.candidatesMantissa >= 1 && a.candidatesMantissa < 10).toBe(true);
      }),
    );
  });

  it('clamps training examples to the number of input pairs, with a note', () => {
    const { values, notes } = model.normalize!(params({ digits: 1, examples: 500 }));
    expect(values.examples).toBe(100);
    expect(notes[0].param).toBe('examples');
    expect(model.normalize!(params()).notes).toEqual([]);
  });

  it('reads the parameter-counting answer off tiny-nets', () => {
    const tiny = computeTinyNets({ ...defaults(tinySchema) });
    const answer = parameterCountingAnswer(tiny);
    expect(answer.unseen).toBe(tiny.deploymentPoints.length);
    expect(10 ** answer.log10FractionUniform).toBeCloseTo(tiny.pHonestUniform, 12);
    expect(answer.pHonestParam).toBe(tiny.pHonestParam);
    expect(answer.log10Advantage!).toBeCloseTo(Math.log10(tiny.pHonestParam / tiny.pHonestUniform), 12);
    // Parameter counting, unlike function counting, expects the default target to generalise.
    expect(answer.pHonestParam).toBeGreaterThan(10 ** answer.log10FractionUniform);
    const unreachable = parameterCountingAnswer(
      computeTinyNets({ ...defaults(tinySchema), n: 4, hidden: 1, target: 'parity', train: '' }),
    );
    expect(unreachable.pHonestParam).toBe(0);
    expect(unreachable.log10PHonestParam).toBeNull();
  });
});
