import { describe, expect, it } from 'vitest';
import {
  ALPHABETS,
  type Alphabet,
  countFunctionsSteps,
  parameterCount,
  thresholdTables,
} from '../../src/models/tiny-nets-count';
import { bruteForce } from './tiny-nets-brute';

/** Run the counting generator to completion, uncached, collecting its progress reports. */
function count(n: number, h: number, alphabet: Alphabet) {
  const steps = countFunctionsSteps(n, h, alphabet);
  const progress: number[] = [];
  for (;;) {
    const r = steps.next();
    if (r.done) return { table: r.value, progress };
    progress.push(r.value);
  }
}

/** Semi-brute force for larger cases: each hidden unit's tables by direct enumeration, then every
 * ordered tuple of hidden tables against every output configuration, evaluated point by point. */
function bruteByHiddenTables(n: number, h: number, alphabet: readonly number[]): Float64Array {
  const points = 1 << n;
  const A = alphabet.length;
  const unit = new Map<number, number>();
  for (let s = 0; s < A ** (n + 1); s++) {
    const wb = Array.from({ length: n + 1 }, (_, j) => alphabet[Math.floor(s / A ** j) % A]);
    let t = 0;
    for (let i = 0; i < points; i++) {
      let pre = wb[n];
      for (let j = 0; j < n; j++) if ((i >> j) & 1) pre += wb[j];
      if (pre > 0) t |= 1 << i;
    }
    unit.set(t, (unit.get(t) ?? 0) + 1);
  }
  const tables = [...unit.entries()];
  // Each output configuration as a lookup from hidden code to output bit.
  const outputs: Uint8Array[] = [];
  for (let s = 0; s < A ** (h + 1); s++) {
    const vc = Array.from({ length: h + 1 }, (_, j) => alphabet[Math.floor(s / A ** j) % A]);
    const lut = new Uint8Array(1 << h);
    for (let z = 0; z < 1 << h; z++) {
      let pre = vc[h];
      for (let k = 0; k < h; k++) if ((z >> k) & 1) pre += vc[k];
      lut[z] = pre > 0 ? 1 : 0;
    }
    outputs.push(lut);
  }
  const counts = new Float64Array(2 ** points);
  const codes = new Int32Array(points);
  const tuple = new Array<number>(h).fill(0);
  for (;;) {
    let weight = 1;
    codes.fill(0);
    for (let k = 0; k < h; k++) {
      const [t, m] = tables[tuple[k]];
      weight *= m;
      for (let i = 0; i < points; i++) if ((t >> i) & 1) codes[i] |= 1 << k;
    }
    for (const lut of outputs) {
      let f = 0;
      for (let i = 0; i < points; i++) if (lut[codes[i]]) f |= 1 << i;
      counts[f] += weight;
    }
    let k = 0;
    while (k < h && tuple[k] === tables.length - 1) tuple[k++] = 0;
    if (k === h) return counts;
    tuple[k]++;
  }
}

const expectSameCounts = (got: Float64Array, want: Float64Array) => {
  expect(got.length).toBe(want.length);
  const mismatches: number[] = [];
  for (let f = 0; f < want.length; f++) if (got[f] !== want[f]) mismatches.push(f);
  expect(mismatches).toEqual([]);
};

describe('tiny-nets counting core', () => {
  it('has the 47 distinct hidden-unit tables widgets.md quotes for n = 3', () => {
    expect(thresholdTables(3, ALPHABETS.ternary).tables.length).toBe(47);
    // Every setting of a unit is accounted for.
    for (const n of [2, 3, 4]) {
      for (const a of ['ternary', 'quinary'] as const) {
        const { mult } = thresholdTables(n, ALPHABETS[a]);
        expect(mult.reduce((s, m) => s + m, 0)).toBe(ALPHABETS[a].length ** (n + 1));
      }
    }
  });

  const exhaustive: [number, number, Alphabet][] = [
    [2, 1, 'ternary'], [2, 2, 'ternary'], [2, 3, 'ternary'], [3, 1, 'ternary'], [3, 2, 'ternary'],
    [4, 1, 'ternary'], [4, 2, 'ternary'], [2, 1, 'quinary'], [3, 1, 'quinary'], [4, 1, 'quinary'],
  ];
  it.each(exhaustive)('agrees exactly with enumerating every configuration (n = %i, h = %i, %s)', (n, h, a) => {
    const want = bruteForce(n, h, ALPHABETS[a]);
    expect(want.reduce((s, c) => s + c, 0)).toBe(ALPHABETS[a].length ** parameterCount(n, h));
    expectSameCounts(count(n, h, a).table.counts, want);
  });

  it.each([[3, 3, 'ternary'], [3, 2, 'quinary']] as [number, number, Alphabet][])(
    'agrees exactly with a tuple-by-tuple count over hidden tables (n = %i, h = %i, %s)',
    (n, h, a) => {
      expectSameCounts(count(n, h, a).table.counts, bruteByHiddenTables(n, h, ALPHABETS[a]));
    },
  );

  it('matches the stated size of the n = 3, h = 3 prior: 3^16 = 43,046,721 configurations', () => {
    const { table } = count(3, 3, 'ternary');
    expect(table.parameters).toBe(16);
    expect(table.total).toBe(43_046_721);
    expect(table.counts.reduce((s, c) => s + c, 0)).toBe(43_046_721);
  });

  it('reports monotone progress in [0, 1] that ends at 1, and keeps counts exact', () => {
    const { table, progress } = count(3, 3, 'quinary');
    expect(progress.length).toBeGreaterThan(5);
    for (let i = 0; i < progress.length; i++) {
      expect(progress[i] >= 0 && progress[i] <= 1).toBe(true);
      if (i > 0) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]);
    }
    expect(progress.at(-1)).toBe(1);
    let sum = 0;
    for (const c of table.counts) {
      expect(Number.isSafeInteger(c)).toBe(true);
      sum += c;
    }
    expect(sum).toBe(5 ** 16);
    expect(table.reachable).toBe(table.counts.filter((c) => c > 0).length);
  });

  it('keeps every count exact: n!·total < 2^53 for every supported setting', () => {
    for (const a of ['ternary', 'quinary'] as const) {
      for (const n of [2, 3, 4]) {
        for (const h of [1, 2, 3]) {
          const factorial = [1, 1, 2, 6, 24][n];
          expect(Number.isSafeInteger(factorial * ALPHABETS[a].length ** parameterCount(n, h))).toBe(true);
        }
      }
    }
  });
});
