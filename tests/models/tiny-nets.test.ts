import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  PRESETS,
  RANKED_LIMIT,
  compute,
  computeSteps,
  model,
  parseTarget,
  parseTrain,
  presetTable,
  schema,
} from '../../src/models/tiny-nets';
import { ALPHABETS, type Alphabet } from '../../src/models/tiny-nets-count';
import { defaults, readState } from '../../src/core/schema';
import { allNumbers, arbitraryParams } from '../support/arbitrary';
import { bruteForce } from './tiny-nets-brute';

type P = ReturnType<typeof defaults<typeof schema>>;
const params = (over: Partial<P> = {}): P => ({ ...defaults(schema), ...over });
const bit = (x: number, i: number) => (x >> i) & 1;
const popcount = (x: number) => x.toString(2).replace(/0/g, '').length;

// Text parameters get real variety: presets or any 16-bit table; any subset of the 16 points.
const targetArb = fc.oneof(fc.constantFrom(...PRESETS), fc.integer({ min: 0, max: 65535 }).map(String));
const trainArb = fc.subarray([...Array(16).keys()]).map((s) => s.join(','));
const anyParams = arbitraryParams(model, { target: targetArb, train: trainArb });

describe('tiny-nets', () => {
  it('builds the preset truth tables from their definitions', () => {
    for (const n of [2, 3, 4]) {
      const points = 1 << n;
      const expected: Record<string, (i: number) => boolean> = {
        const0: () => false,
        x0: (i) => bit(i, 0) === 1,
        and01: (i) => bit(i, 0) === 1 && bit(i, 1) === 1,
        majority: (i) => popcount(i) > n / 2,
        parity: (i) => popcount(i) % 2 === 1,
      };
      for (const [name, rule] of Object.entries(expected)) {
        const t = presetTable(name as (typeof PRESETS)[number], n, 1);
        for (let i = 0; i < points; i++) expect(bit(t, i) === 1).toBe(rule(i));
        expect(t).toBeLessThan(2 ** points);
      }
    }
    // n = 3 by hand: x0 = 10101010₂, parity = 10010110₂, majority = 11101000₂.
    expect(presetTable('x0', 3, 0)).toBe(0b10101010);
    expect(presetTable('parity', 3, 0)).toBe(0b10010110);
    expect(presetTable('majority', 3, 0)).toBe(0b11101000);
    // Random targets: reproducible from the seed, in range, and not all the same.
    const draws = Array.from({ length: 20 }, (_, s) => presetTable('random', 4, s));
    expect(draws).toEqual(Array.from({ length: 20 }, (_, s) => presetTable('random', 4, s)));
    expect(new Set(draws).size).toBeGreaterThan(15);
    for (const d of draws) expect(d >= 0 && d < 65536).toBe(true);
  });

  it('parses and canonicalises the text parameters', () => {
    expect(parseTarget(' Parity ')).toBe('parity');
    expect(parseTarget('007')).toBe('7');
    expect(parseTarget('65535')).toBe('65535');
    expect(parseTarget('65536')).toBeNull();
    expect(parseTarget('-1')).toBeNull();
    expect(parseTarget('1e3')).toBeNull();
    expect(parseTarget('xor')).toBeNull();
    expect(parseTrain('6, 0,3 1,1')).toBe('0,1,3,6');
    expect(parseTrain('')).toBe('');
    expect(parseTrain('16')).toBeNull();
    expect(parseTrain('1.5')).toBeNull();
    expect(parseTrain('a,b')).toBeNull();
    for (const [name, p] of Object.entries(schema)) if (p.kind === 'text') expect(p.parse(p.default), name).toBe(p.default);
  });

  it('normalises points and tables that do not fit n, with notes', () => {
    expect(model.normalize!(params()).notes).toEqual([]);
    const small = model.normalize!(params({ n: 2, train: '1,2,3,6' }));
    expect(small.values.train).toBe('1,2,3');
    expect(small.notes.map((x) => x.param)).toEqual(['train']);
    const big = model.normalize!(params({ n: 3, target: '300' }));
    expect(big.values.target).toBe(String(300 % 256));
    expect(big.notes.map((x) => x.param)).toEqual(['target']);
    const url = readState(model, new URLSearchParams('tiny-nets.n=2&tiny-nets.train=7,0,7&tiny-nets.target=PARITY'));
    expect(url.values.train).toBe('0');
    expect(url.values.target).toBe('parity');
    expect(url.notes.map((x) => x.param)).toEqual(['train']);
  });

  // Brute-force counts (every configuration) give an independent route to every headline number.
  const bruteCases: [number, number, Alphabet][] = [[2, 2, 'ternary'], [3, 1, 'ternary'], [3, 2, 'ternary'], [3, 1, 'quinary']];
  it.each(bruteCases)('matches brute force on every headline number (n = %i, h = %i, %s)', (n, h, alphabet) => {
    const counts = bruteForce(n, h, ALPHABETS[alphabet]);
    const total = counts.reduce((s, c) => s + c, 0);
    const points = 1 << n;
    const cases: [string, string][] = [['majority', '1,2,3,6'], ['parity', '0,1,3'], ['x0', ''], ['5', '0,1,2,3,4,5,6,7'], ['and01', '2']];
    for (const [target, train] of cases) {
      const p = model.normalize!(params({ n, hidden: h, alphabet, target, train })).values;
      const r = compute(p);
      const t = r.target;
      const seen = r.trainPoints;
      expect(seen.every((i) => i < points)).toBe(true);
      const agrees = (f: number) => seen.every((i) => bit(f, i) === bit(t, i));
      let consistent = 0;
      let mass = 0;
      let greater = 0;
      for (let f = 0; f < counts.length; f++) {
        if (!agrees(f)) continue;
        consistent++;
        mass += counts[f];
        if (counts[f] > counts[t]) greater++;
      }
      expect(r.consistent).toBe(consistent);
      expect(r.consistent).toBe(2 ** (points - seen.length));
      expect(r.pHonestUniform).toBe(1 / consistent);
      expect(r.pTarget).toBeCloseTo(counts[t] / total, 15);
      expect(r.pConsistent).toBeCloseTo(mass / total, 15);
      expect(r.pHonestParam).toBeCloseTo(mass > 0 ? counts[t] / mass : 0, 15);
      expect(r.honestRank).toBe(greater + 1);
      expect(r.reachable).toBe(counts.filter((c) => c > 0).length);
      expect(r.total).toBe(total);
    }
  });

  it('gives totals of A^parameters and probabilities summing to 1 for every network', () => {
    for (const alphabet of ['ternary', 'quinary'] as const) {
      for (const n of [2, 3, 4]) {
        for (const hidden of [1, 2, 3]) {
          const r = compute(params({ n, hidden, alphabet, train: '' }));
          expect(r.parameters).toBe(hidden * (n + 1) + hidden + 1);
          expect(r.total).toBe(ALPHABETS[alphabet].length ** r.parameters);
          expect(r.landscape.tables.length).toBe(r.reachable);
          let sum = 0;
          for (const l of r.landscape.log10P) sum += 10 ** l;
          expect(sum).toBeCloseTo(1, 10);
          // With nothing seen in training, every function is consistent: the honest share is P(target).
          expect(r.consistent).toBe(2 ** 2 ** n);
          expect(r.pConsistent).toBeCloseTo(1, 12);
          expect(r.pHonestParam).toBeCloseTo(r.pTarget, 12);
        }
      }
    }
  });

  it('shows both sides of the argument at the default network', () => {
    const simple = compute(params({ target: 'majority' }));
    expect(simple.pHonestParam).toBeGreaterThan(4 * simple.pHonestUniform);
    const parity = compute(params({ target: 'parity' }));
    expect(parity.pHonestParam).toBeLessThan(parity.pHonestUniform / 10);
    expect(parity.honestRank).toBeGreaterThan(parity.consistent / 2);
    // Constant functions are the likeliest of all (simplicity bias).
    const land = simple.landscape;
    const best = land.log10P.indexOf(Math.max(...land.log10P));
    expect([0, 255]).toContain(land.tables[best]);
  });

  it('is finite, consistent and in range over the whole schema', () => {
    fc.assert(
      fc.property(anyParams, (p) => {
        const r = compute(p);
        // One expectation per property (expect() per element is too slow on 65,536-entry results).
        expect(allNumbers(r).every(Number.isFinite)).toBe(true);
        const points = 1 << (p.n as number);
        expect(r.consistent).toBe(2 ** (points - r.trainPoints.length));
        expect(r.deploymentPoints.length + r.trainPoints.length).toBe(points);
        for (const x of [r.pHonestUniform, r.pHonestParam, r.pTarget, r.pConsistent]) expect(x >= 0 && x <= 1).toBe(true);
        expect(r.pTarget).toBeLessThanOrEqual(r.pConsistent * (1 + 1e-12));
        expect(r.log10PTarget === null).toBe(r.countTarget === 0);
        expect(r.log10HonestAdvantage === null).toBe(r.pHonestParam === 0);
        // The ranked list: consistent functions, by count, ranks by competition, honest included once.
        expect(r.ranked.length).toBe(Math.min(r.consistent, RANKED_LIMIT) + (r.honestRank > RANKED_LIMIT ? 1 : 0));
        expect(r.rankedTruncated).toBe(r.consistent > RANKED_LIMIT);
        expect(r.ranked[0].rank).toBe(1);
        const honest = r.ranked.filter((e) => e.honest);
        expect(honest).toHaveLength(1);
        expect(honest[0].table).toBe(r.target);
        expect(honest[0].rank).toBe(r.honestRank);
        const problems = r.ranked.flatMap((e, k) => {
          const out: string[] = [];
          if (r.trainPoints.some((i) => bit(e.table, i) !== bit(r.target, i))) out.push(`${e.table} inconsistent`);
          if (e.deploymentErrors !== r.deploymentPoints.filter((i) => bit(e.table, i) !== bit(r.target, i)).length) out.push(`${e.table} errors`);
          if (e.deployment !== r.deploymentPoints.map((i) => bit(e.table, i)).join('')) out.push(`${e.table} deployment`);
          if ((e.log10P === null) !== (e.count === 0)) out.push(`${e.table} log10P`);
          if (k > 0 && !e.honest && e.count > r.ranked[k - 1].count) out.push(`${e.table} order`);
          if (k > 0 && !e.honest && e.rank !== (e.count === r.ranked[k - 1].count ? r.ranked[k - 1].rank : k + 1)) out.push(`${e.table} rank`);
          return out;
        });
        expect(problems).toEqual([]);
        if (r.deploymentAccuracyParam !== null) expect(r.deploymentAccuracyParam >= 0 && r.deploymentAccuracyParam <= 1 + 1e-12).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('never lowers the honest share when a training point is added', () => {
    fc.assert(
      fc.property(anyParams, fc.integer({ min: 0, max: 15 }), (p, extra) => {
        const points = 1 << (p.n as number);
        const before = compute(p);
        const more = model.normalize!({ ...p, train: parseTrain(`${p.train},${extra % points}`)! }).values;
        const after = compute(more);
        expect(after.consistent).toBeLessThanOrEqual(before.consistent);
        expect(after.pHonestUniform).toBeGreaterThanOrEqual(before.pHonestUniform);
        expect(after.pHonestParam).toBeGreaterThanOrEqual(before.pHonestParam * (1 - 1e-12));
      }),
      { numRuns: 50 },
    );
  });

  it('computes the same result through the progress generator', () => {
    const p = params({ n: 2, hidden: 3, alphabet: 'quinary', target: 'parity' });
    const steps = computeSteps(p);
    let r = steps.next();
    while (!r.done) {
      expect(r.value >= 0 && r.value <= 1).toBe(true);
      r = steps.next();
    }
    expect(r.value).toEqual(compute(p));
  });
});

describe('tiny-nets, the result the worker sends', () => {
  it('draws exactly what the full result draws: same outputs, summary and chart', async () => {
    const { renderChart } = await import('../../src/site/ssr');
    const { view } = await import('../../components/widgets/tiny-nets/view');
    const { landscapeCells, slimForView } = await import('../../src/models/tiny-nets-job');
    // The target ranked inside and outside the listed rows, and n = 4 with no point in training.
    for (const p of [params(), params({ target: 'parity', train: '0' }), params({ n: 4, hidden: 1, train: '' })]) {
      const full = compute(p);
      const slim = slimForView(full);
      expect(slim.ranked.length).toBeLessThanOrEqual(21);
      expect(view.outputs(slim, p)).toEqual(view.outputs(full, p));
      expect(view.summary!(slim, p)).toBe(view.summary!(full, p));
      expect(renderChart(view, slim, p, 'fig')).toBe(renderChart(view, Object.assign({}, full, { landscapeCells: landscapeCells(full) }), p, 'fig'));
    }
  });
});
