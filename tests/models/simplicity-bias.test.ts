import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compute, createSampler, initialNormals, lzWordsPacked, model, NormalStream, schema, type Params, type Result,
} from '../../src/models/simplicity-bias';
import { lzComplexity, lzWordCount } from '../../src/models/lz';
import { defaults } from '../../src/core/schema';
import { createRng } from '../../src/core/random';
import { referenceSample } from '../../bench/reference-sampler';
import { allNumbers, arbitraryParams } from '../support/arbitrary';

const params = (over: Partial<Params> = {}): Params => ({ ...defaults(schema), ...over });

function sample(over: Partial<Params>, engine: 'auto' | 'js' | 'wasm' = 'auto'): Result {
  const s = createSampler(params(over), { engine });
  s.run(Infinity);
  return s.snapshot();
}

/** LZ76 word count straight from the definition (Lempel & Ziv 1976): each new word is the shortest
 * prefix of the rest that is not a substring of everything before its last character. */
function lz76ByDefinition(s: string): number {
  let words = 0;
  let l = 0;
  while (l < s.length) {
    let k = 1;
    while (l + k <= s.length && s.slice(0, l + k - 1).includes(s.slice(l, l + k))) k++;
    words++;
    l += k;
  }
  return words;
}

function randomBits(rng: ReturnType<typeof createRng>, len: number, pOne: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += rng.uniform() < pOne ? '1' : '0';
  return s;
}

/** Upper tail of the chi-square distribution (Wilson–Hilferty), accurate enough for a gate. */
function chiSquareCritical(df: number, z: number): number {
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf; error < 1.5e-7). */
function phi(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t *
    Math.exp(-(x * x) / 2);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

describe('simplicity-bias: Lempel–Ziv complexity', () => {
  it('gives the reference values (shared lz.ts, used for every K_LZ the widget shows)', () => {
    expect(lzComplexity('0'.repeat(128))).toBe(7);
    expect(lzComplexity('1'.repeat(32))).toBe(5);
    expect(lzComplexity('01'.repeat(64))).toBe(21);
    expect(lzComplexity('0011'.repeat(32))).toBe(28);
    const rng = createRng(3);
    let sum = 0;
    for (let r = 0; r < 200; r++) {
      const k = lzComplexity(randomBits(rng, 128, 0.5));
      expect(k).toBeGreaterThan(110);
      expect(k).toBeLessThan(180);
      sum += k;
    }
    expect(sum / 200).toBeGreaterThan(140); // ≈ 149 for random 128-bit strings
    expect(sum / 200).toBeLessThan(158);
  });

  it('packed word counts match lz.ts and the definition of the LZ76 parse', () => {
    const rng = createRng(11);
    for (let r = 0; r < 300; r++) {
      const len = [32, 64, 128][r % 3];
      const s = randomBits(rng, len, [0.5, 0.1, 0.9, 0.02][r % 4]);
      const rev = [...s].reverse().join('');
      const words = lz76ByDefinition(s) + lz76ByDefinition(rev);
      const constant = !s.includes('0') || !s.includes('1');
      expect(lzComplexity(s)).toBeCloseTo(constant ? Math.log2(len) : (Math.log2(len) * words) / 2, 12);
      const packed = new Int32Array(len / 32 + 1);
      for (let i = 0; i < len; i++) if (s[i] === '1') packed[i >> 5] |= 1 << (i & 31);
      expect(lzWordsPacked(packed, len)).toBe(lz76ByDefinition(s));
      expect(lzWordsPacked(packed, len)).toBe(lzWordCount(s));
    }
  });
});

describe('simplicity-bias: normal generator', () => {
  it('has mean 0, variance 1, normal tails and a normal histogram', () => {
    const count = 200_000;
    const buf = new Float64Array(count);
    new NormalStream(42).fill(buf, 0, count);
    let sum = 0, sum2 = 0, sum4 = 0, over2 = 0, over3 = 0, max = 0;
    const edges = [-Infinity, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, Infinity];
    const bins = new Array(edges.length - 1).fill(0);
    for (const x of buf) {
      sum += x;
      sum2 += x * x;
      sum4 += x ** 4;
      if (Math.abs(x) > 2) over2++;
      if (Math.abs(x) > 3) over3++;
      max = Math.max(max, Math.abs(x));
      let b = 0;
      while (x >= edges[b + 1]) b++;
      bins[b]++;
    }
    const mean = sum / count, variance = sum2 / count - mean ** 2;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(count));
    expect(Math.abs(variance - 1)).toBeLessThan(0.015);
    expect(sum4 / count).toBeGreaterThan(2.9); // kurtosis 3
    expect(sum4 / count).toBeLessThan(3.1);
    expect(over2 / count).toBeCloseTo(0.0455, 2);
    expect(Math.abs(over3 / count - 0.0027)).toBeLessThan(0.0006);
    expect(max).toBeGreaterThan(3.9); // the tail beyond the base layer is reached
    let chi2 = 0;
    for (let b = 0; b < bins.length; b++) {
      const expected = count * (phi(edges[b + 1]) - phi(edges[b]));
      chi2 += (bins[b] - expected) ** 2 / expected;
    }
    expect(chi2).toBeLessThan(chiSquareCritical(bins.length - 1, 3.3));
  });

  it('is reproducible and independent of how the buffer is cut', () => {
    const a = new Float64Array(5000), b = new Float64Array(5000);
    new NormalStream(7).fill(a, 0, 5000);
    new NormalStream(7).fill(b, 0, 5000);
    expect(b).toEqual(a);
    const c = new Float64Array(5000);
    new NormalStream(8).fill(c, 0, 5000);
    expect(c).not.toEqual(a);
  });
});

describe('simplicity-bias: the sampler', () => {
  it('has the defaults widgets.md fixes, and runs WebAssembly in Node', () => {
    expect(defaults(schema)).toMatchObject({ n: 5, width: 20, bias: 'large', mode: 'mlp' });
    expect(schema.samples.default).toBe(1_000_000);
    expect(createSampler(params()).engine).toBe('wasm');
  });

  it('computes exactly the function of the network it drew (rebuilt by hand from its normals)', () => {
    // Parameters are read from the normal stream in this order: per first-layer unit (b, w_0 …
    // w_{n−1}); then, for each unit on at some point, its h outgoing weights; b2; the output
    // weights; the output bias. Here each network is evaluated point by point.
    const shapes: Partial<Params>[] = [
      {}, { bias: 'small' }, { n: 6, width: 7 }, { n: 7, width: 40 }, { width: 1 }, { n: 7, width: 3, bias: 'small' },
    ];
    for (const shape of shapes) {
      for (let seed = 0; seed < 3; seed++) {
        const p = params({ ...shape, seed, samples: 1 });
        const nb = initialNormals(p);
        const n = p.n as number, h = p.width as number, N = 1 << n;
        const large = p.bias === 'large';
        let q = 0;
        const layer1 = Array.from({ length: h }, () => {
          const b = nb[q++] * (large ? 1 : 1 / Math.sqrt(n));
          const w = Array.from({ length: n }, () => nb[q++] / Math.sqrt(n));
          return { b, w };
        });
        const pre1 = (u: { b: number; w: number[] }, i: number) => u.w.reduce((s, wj, j) => s + wj * ((i >> j) & 1), u.b);
        const live = layer1.filter((u) => Array.from({ length: N }, (_, i) => pre1(u, i)).some((z) => z > 0));
        const W2 = live.map(() => Array.from({ length: h }, () => nb[q++] / Math.sqrt(h)));
        const b2 = Array.from({ length: h }, () => nb[q++] * (large ? 1 : 1 / Math.sqrt(h)));
        const v = Array.from({ length: h }, () => nb[q++] / Math.sqrt(h));
        const b3 = nb[q++] * (large ? 1 : 1 / Math.sqrt(h));
        let bits = '';
        for (let i = 0; i < N; i++) {
          const a1 = live.map((u) => Math.max(0, pre1(u, i)));
          let out = b3;
          for (let k = 0; k < h; k++) out += v[k] * Math.max(0, a1.reduce((s, a, j) => s + W2[j][k] * a, b2[k]));
          bits += out > 0 ? '1' : '0';
        }
        for (const engine of ['wasm', 'js'] as const) {
          expect(sample({ ...shape, seed, samples: 1 }, engine).top[0].bits).toBe(bits);
        }
      }
    }
    // Perceptron: the first n normals are the weights.
    for (let seed = 0; seed < 20; seed++) {
      const p = params({ mode: 'perceptron', n: 6, seed, samples: 1 });
      const nb = initialNormals(p);
      let bits = '';
      for (let i = 0; i < 64; i++) {
        let z = 0;
        for (let j = 0; j < 6; j++) z += nb[j] * ((i >> j) & 1);
        bits += z > 0 ? '1' : '0';
      }
      expect(sample({ mode: 'perceptron', n: 6, seed, samples: 1 }).top[0].bits).toBe(bits);
    }
  });

  it('gives identical results on the WebAssembly and JavaScript engines', () => {
    for (const over of [{ samples: 1500 }, { samples: 1000, bias: 'small', n: 6, width: 9 }, { samples: 200, n: 7, width: 40 }]) {
      expect(sample(over, 'wasm')).toEqual(sample(over, 'js'));
    }
  });

  it('is reproducible from its seed, whatever the chunk sizes', () => {
    const whole = compute(params({ samples: 3000, seed: 9 }));
    const s = createSampler(params({ samples: 3000, seed: 9 }));
    for (const chunk of [1, 999, 17, 1500, 100_000]) s.run(chunk);
    expect(s.done).toBe(3000);
    expect(s.snapshot()).toEqual(whole);
    expect(compute(params({ samples: 3000, seed: 9 }))).toEqual(whole);
    const other = compute(params({ samples: 3000, seed: 10 }));
    expect(other.tHistogram).not.toEqual(whole.tHistogram);
  });

  it('makes the constant functions the two most likely for 5-20-20-1 with large bias', () => {
    const r = compute(params({ samples: 20_000, seed: 3 }));
    expect([r.constant0.rank, r.constant1.rank].sort()).toEqual([1, 2]);
    expect(r.pTop).toBe(Math.max(r.constant0.p, r.constant1.p));
    for (const c of [r.constant0, r.constant1]) expect(c.p).toBeGreaterThan(0.35);
    expect(r.top[0].kLZ).toBe(5);
    expect(r.top[2].ones === 1 || r.top[2].ones === 31).toBe(true); // next: one point differs
  });

  it('agrees in distribution with the straightforward reference sampler', () => {
    // Two-proportion z-tests on P(constant 0), P(constant 1) and P(T = 1) (different random numbers).
    const REF = 2000, FAST = 10_000;
    for (const over of [{}, { bias: 'small' }, { n: 6, width: 8 }]) {
      const p = params({ ...over, samples: REF, seed: 21 });
      const ref = referenceSample({ ...p, n: p.n as number, width: p.width as number, samples: REF, seed: 21 });
      const fast = compute(params({ ...over, samples: FAST, seed: 22 }));
      const N = 1 << (p.n as number);
      const refOnes = (t: number) => [...ref].reduce((s, [k, c]) => s + ([...k].filter((x) => x === '1').length === t ? c : 0), 0);
      const checks: [number, number][] = [
        [refOnes(0) / REF, fast.tHistogram[0] / FAST],
        [refOnes(N) / REF, fast.tHistogram[N] / FAST],
        [refOnes(1) / REF, fast.tHistogram[1] / FAST],
      ];
      expect(fast.constant0.count).toBe(fast.tHistogram[0]);
      for (const [a, b] of checks) {
        const pooled = (a * REF + b * FAST) / (REF + FAST);
        const se = Math.sqrt(pooled * (1 - pooled) * (1 / REF + 1 / FAST)) || 1e-9;
        expect(Math.abs(a - b) / se).toBeLessThan(4.5);
      }
    }
  });

  it('perceptron: T is uniform on 0 … 2^n − 1 and never 2^n (Mingard et al. 2019)', () => {
    for (const n of [5, 7]) {
      const samples = 20_000;
      const r = compute(params({ mode: 'perceptron', n, samples, seed: 5 }));
      const N = 1 << n;
      expect(r.tHistogram).toHaveLength(N + 1);
      expect(r.tHistogram[N]).toBe(0);
      expect(r.constant1).toEqual({ count: 0, p: 0, rank: null });
      const expected = samples / N;
      const chi2 = r.tHistogram.slice(0, N).reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
      expect(chi2).toBeLessThan(chiSquareCritical(N - 1, 3.3)); // p ≈ 5·10^−4
      expect(chi2).toBeGreaterThan(chiSquareCritical(N - 1, -3.3)); // not suspiciously flat either
      // Constant 0 is the only function with T = 0, so it alone carries probability 1/2^n.
      expect(Math.abs(r.constant0.count - expected)).toBeLessThan(4.5 * Math.sqrt(expected));
    }
  });

  it('reports rank–frequency and complexity data consistent with the counts', () => {
    const r = compute(params({ samples: 30_000, seed: 4 }));
    expect(r.samples).toBe(30_000);
    expect(r.tHistogram.reduce((a, b) => a + b, 0)).toBe(30_000);
    const rf = r.rankFrequency;
    expect(rf[0]).toEqual({ rank: 1, p: r.pTop });
    expect(rf[rf.length - 1].rank).toBe(r.distinct);
    expect(rf.length).toBeLessThanOrEqual(300);
    for (let q = 1; q < rf.length; q++) {
      expect(rf[q].rank).toBeGreaterThan(rf[q - 1].rank);
      expect(rf[q].p).toBeLessThanOrEqual(rf[q - 1].p);
    }
    expect(rf[rf.length - 1].p).toBe(r.singletons > 0 ? 1 / 30_000 : rf[rf.length - 1].p);
    // Every listed function's K_LZ and T agree with its bits; the top list is in count order.
    for (const f of r.top) {
      expect(f.kLZ).toBeCloseTo(lzComplexity(f.bits), 12);
      expect(f.ones).toBe([...f.bits].filter((x) => x === '1').length);
      expect(f.p).toBeCloseTo(f.count / 30_000, 15);
    }
    for (let q = 1; q < r.top.length; q++) expect(r.top[q].count).toBeLessThanOrEqual(r.top[q - 1].count);
    const tops = r.complexity.filter((c) => c.top);
    expect(tops.length).toBe(Math.min(250, r.distinct));
    expect(r.complexity.length).toBe(Math.min(500, r.distinct));
    // The profile covers exactly the functions seen twice or more.
    const seenTwice = r.complexityProfile.reduce((s, g) => s + g.functions, 0);
    expect(seenTwice).toBe(r.distinct - r.singletons);
    const mass = r.complexityProfile.reduce((s, g) => s + g.mass, 0);
    expect(mass).toBeCloseTo(1 - r.singletons / 30_000, 12);
    // Simplicity bias: the most likely complex functions are far less likely than the constants.
    const last = r.complexityProfile[r.complexityProfile.length - 1];
    expect(last.log10MaxP).toBeLessThan(Math.log10(r.pTop) - 2);
  });

  it('is finite and in range over the whole schema (small sample counts)', () => {
    fc.assert(
      fc.property(arbitraryParams(model, { samples: fc.integer({ min: 1000, max: 1500 }) }), (p) => {
        const r = compute(p);
        for (const x of allNumbers(r)) expect(Number.isFinite(x)).toBe(true);
        const N = 1 << (p.n as number);
        expect(r.samples).toBe(p.samples);
        expect(r.distinct).toBeGreaterThan(0);
        expect(r.distinct).toBeLessThanOrEqual(r.samples);
        expect(r.pTop).toBeGreaterThan(0);
        expect(r.pTop).toBeLessThanOrEqual(1);
        expect(r.tHistogram.reduce((a, b) => a + b, 0)).toBe(r.samples);
        for (const c of [r.constant0, r.constant1]) {
          if (c.rank !== null) expect(c.rank).toBeGreaterThanOrEqual(1);
          else expect(c.count).toBe(0);
        }
        if (p.mode === 'perceptron') expect(r.tHistogram[N]).toBe(0);
        for (const c of r.complexity) {
          expect(c.kLZ).toBeGreaterThanOrEqual(Math.log2(N));
          expect(c.log10P).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 12 },
    );
  });

  it('summarises an empty sampler without NaN', () => {
    const r = createSampler(params()).snapshot();
    expect(r.samples).toBe(0);
    expect(r.pTop).toBe(0);
    for (const x of allNumbers(r)) expect(Number.isFinite(x)).toBe(true);
  });
});
