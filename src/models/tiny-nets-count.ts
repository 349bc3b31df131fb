// Exact counting core for `tiny-nets`: for a threshold network with n Boolean inputs, one hidden
// layer of h threshold units and every weight and bias in a small integer alphabet, count how many
// parameter configurations compute each Boolean function of the inputs.
//
// Conventions. Input point i (0 ≤ i < 2^n) has x_j = (i >> j) & 1. A function is its truth table,
// an integer whose bit i is the output on point i. Hidden z_k = [w_k·x + b_k > 0]; output
// y = [v·z + c > 0].
//
// Method. A hidden unit's (w, b) matters only through its truth table t, so the A^(n+1) settings
// of a unit collapse to D distinct tables with multiplicities m(t) (D = 47 for n = 3 ternary). The
// output unit likewise acts as a Boolean function g of the hidden code z, with multiplicities.
// Splitting g on the last hidden unit, g(z', z_h) = z_h ? g1(z') : g0(z'), the network computes
//   f = B ^ (X & t_h),  B = g0(t_1…t_{h−1}),  X = (g0 ^ g1)(t_1…t_{h−1}),
// so we (1) accumulate weights W[B, X] over the first h−1 hidden tables and g, and (2) for each X
// project the last unit's table distribution onto X (u = t_h & X) and add W·P_X[u] to f = B ^ u.
// Permuting the inputs permutes tables and preserves multiplicities, so t_1 runs only over one
// representative per orbit of the input permutation group S_n (weighted by orbit size); the
// result is symmetrised over S_n at the end. Every count is a sum of products of multiplicities
// bounded by n!·A^parameters ≤ 24·5^19 < 2^53, so Float64 arithmetic here is exact.

export type Alphabet = 'ternary' | 'quinary';

export const ALPHABETS: Record<Alphabet, readonly number[]> = {
  ternary: [-1, 0, 1],
  quinary: [-2, -1, 0, 1, 2],
};

export interface FunctionTable {
  n: number;
  hidden: number;
  alphabet: Alphabet;
  /** Weights and biases in the network: h(n+1) + h + 1. */
  parameters: number;
  /** All configurations, A^parameters (exact: below 2^53 for every supported setting). */
  total: number;
  /** counts[f] = number of configurations computing truth table f; length 2^(2^n). */
  counts: Float64Array;
  /** Functions with a nonzero count. */
  reachable: number;
}

export const parameterCount = (n: number, hidden: number): number => hidden * (n + 1) + hidden + 1;

/** Distinct truth tables of one threshold unit [w·x + b > 0] over all weight/bias settings in the
 * alphabet, with how many settings give each. Sorted by table. */
export function thresholdTables(inputs: number, alphabet: readonly number[]): { tables: Int32Array; mult: Float64Array } {
  const points = 1 << inputs;
  const A = alphabet.length;
  const settings = A ** (inputs + 1);
  const byTable = new Map<number, number>();
  const digits = new Int32Array(inputs + 1);
  for (let s = 0; s < settings; s++) {
    let r = s;
    for (let j = 0; j <= inputs; j++) {
      digits[j] = alphabet[r % A];
      r = (r - (r % A)) / A;
    }
    let table = 0;
    for (let i = 0; i < points; i++) {
      let pre = digits[inputs];
      for (let j = 0; j < inputs; j++) if ((i >> j) & 1) pre += digits[j];
      if (pre > 0) table |= 1 << i;
    }
    byTable.set(table, (byTable.get(table) ?? 0) + 1);
  }
  const keys = [...byTable.keys()].sort((a, b) => a - b);
  return { tables: Int32Array.from(keys), mult: Float64Array.from(keys, (k) => byTable.get(k)!) };
}

/** All permutations of 0…k−1. */
function permutations(k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(k - 1)) for (let pos = 0; pos <= p.length; pos++) out.push([...p.slice(0, pos), k - 1, ...p.slice(pos)]);
  return out;
}

/** For each permutation of the n input variables, a map of truth tables (as byte lookups). */
function tablePermuters(n: number): ((table: number) => number)[] {
  const points = 1 << n;
  return permutations(n).map((perm) => {
    // Point i goes to the point whose bit perm[j] is bit j of i.
    const target = new Int32Array(points);
    for (let i = 0; i < points; i++) {
      let t = 0;
      for (let j = 0; j < n; j++) if ((i >> j) & 1) t |= 1 << perm[j];
      target[i] = t;
    }
    const bytes = Math.ceil(points / 8);
    const luts = Array.from({ length: bytes }, (_, byte) => {
      const lut = new Int32Array(256);
      for (let v = 0; v < 256; v++) {
        let out = 0;
        for (let b = 0; b < 8 && byte * 8 + b < points; b++) if ((v >> b) & 1) out |= 1 << target[byte * 8 + b];
        lut[v] = out;
      }
      return lut;
    });
    if (bytes === 1) {
      const lut = luts[0];
      return (table: number) => lut[table & 0xff];
    }
    const [lo, hi] = luts;
    return (table: number) => lo[table & 0xff] | hi[(table >> 8) & 0xff];
  });
}

/** Open-addressing accumulator from non-negative 32-bit keys to positive weights. */
class WeightMap {
  keys: Uint32Array;
  values: Float64Array;
  size = 0;
  private shift: number;
  constructor(bits = 12) {
    this.keys = new Uint32Array(1 << bits);
    this.values = new Float64Array(1 << bits);
    this.shift = 32 - bits;
  }
  add(key: number, weight: number): void {
    const mask = this.keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      if (this.values[slot] === 0) {
        this.keys[slot] = key;
        this.values[slot] = weight;
        if (++this.size * 2 > this.keys.length) this.grow();
        return;
      }
      if (this.keys[slot] === key) {
        this.values[slot] += weight;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }
  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Float64Array(values.length * 2);
    this.shift--;
    this.size = 0;
    for (let s = 0; s < keys.length; s++) if (values[s] !== 0) this.add(keys[s], values[s]);
  }
}

/**
 * Count configurations for every function, as a generator that yields progress fractions in
 * [0, 1] between chunks of work (so a worker can report progress and stop early) and returns the
 * table. Use `countFunctions` to run it to completion.
 */
export function* countFunctionsSteps(n: number, hidden: number, alphabet: Alphabet): Generator<number, FunctionTable> {
  if (![2, 3, 4].includes(n) || ![1, 2, 3].includes(hidden)) throw new RangeError(`unsupported n = ${n}, h = ${hidden}`);
  const values = ALPHABETS[alphabet];
  const points = 1 << n;
  const full = (1 << points) - 1;
  const unit = thresholdTables(n, values);
  const out = thresholdTables(hidden, values);
  const D = unit.tables.length;
  const half = 1 << (hidden - 1);

  // Prefixes (t_1 … t_{h−1}) with weights. t_1 runs over S_n orbit representatives only, and t_2
  // over orbit representatives of the permutations that fix t_1 (valid because the final
  // symmetrisation averages over all of S_n).
  const permuters = tablePermuters(n);
  const useSymmetry = hidden >= 2;
  const orbitReps = (group: ((t: number) => number)[]) => {
    const reps: { table: number; weight: number }[] = [];
    const seen = new Set<number>();
    for (let d = 0; d < D; d++) {
      const t = unit.tables[d];
      if (seen.has(t)) continue;
      const orbit = new Set(group.map((p) => p(t)));
      for (const u of orbit) seen.add(u);
      reps.push({ table: t, weight: orbit.size * unit.mult[d] });
    }
    return reps;
  };
  const reps = useSymmetry ? orbitReps(permuters) : [];

  // Step 1: W[B, X] over prefixes and output functions g. With g0 = the codes z' where g(z', 0) = 1
  // and gd = the codes where g(z', 0) ≠ g(z', 1), B and X are unions of the prefix's cells.
  const G = out.tables.length;
  const g0Codes = new Int32Array(G);
  const gdCodes = new Int32Array(G);
  const codeMask = (1 << half) - 1;
  for (let gi = 0; gi < G; gi++) {
    const g = out.tables[gi];
    g0Codes[gi] = g & codeMask;
    gdCodes[gi] = (g ^ (g >> half)) & codeMask;
  }
  const W = new WeightMap();
  const unions = new Int32Array(1 << half);
  // t1, t2: the first hidden tables when h ≥ 2 (resp. 3); unused slots are ignored.
  const addPrefix = (t1: number, t2: number, weight: number) => {
    // unions[S] = points where the first h−1 hidden units output a code in the set S.
    for (let z = 0; z < half; z++) {
      let cell = full;
      if (hidden >= 2) cell &= z & 1 ? t1 : ~t1;
      if (hidden >= 3) cell &= z & 2 ? t2 : ~t2;
      const bit = 1 << z;
      for (let S = bit; S < bit << 1; S++) unions[S] = unions[S - bit] | (cell & full);
    }
    for (let gi = 0; gi < G; gi++) {
      W.add(((unions[g0Codes[gi]] << points) | unions[gdCodes[gi]]) >>> 0, weight * out.mult[gi]);
    }
  };
  if (hidden === 1) addPrefix(0, 0, 1);
  else if (hidden === 2) for (const r of reps) addPrefix(r.table, 0, r.weight);
  else {
    for (let ri = 0; ri < reps.length; ri++) {
      const r = reps[ri];
      for (const r2 of orbitReps(permuters.filter((p) => p(r.table) === r.table))) {
        addPrefix(r.table, r2.table, r.weight * r2.weight);
      }
      yield (0.3 * (ri + 1)) / reps.length;
    }
  }

  // Step 2: bucket the (B, X) entries by X and convolve each bucket with the projection of the
  // last unit's tables onto X.
  const size = 2 ** points;
  const start = new Int32Array(size + 1);
  for (let s = 0; s < W.keys.length; s++) if (W.values[s] !== 0) start[(W.keys[s] & full) + 1]++;
  for (let x = 0; x < size; x++) start[x + 1] += start[x];
  const fill = start.slice(0, size);
  const slots = new Int32Array(W.size);
  for (let s = 0; s < W.keys.length; s++) if (W.values[s] !== 0) slots[fill[W.keys[s] & full]++] = s;
  const M = new Float64Array(size);
  const projection = new Float64Array(size);
  const us = new Int32Array(D);
  const ps = new Float64Array(D);
  let sinceYield = 0;
  for (let X = 0; X < size; X++) {
    if (start[X] === start[X + 1]) continue;
    let support = 0;
    for (let d = 0; d < D; d++) {
      const u = unit.tables[d] & X;
      if (projection[u] === 0) us[support++] = u;
      projection[u] += unit.mult[d];
    }
    for (let j = 0; j < support; j++) {
      ps[j] = projection[us[j]];
      projection[us[j]] = 0;
    }
    for (let e = start[X]; e < start[X + 1]; e++) {
      const s = slots[e];
      const B = (W.keys[s] - X) / size;
      const w = W.values[s];
      for (let j = 0; j < support; j++) M[B ^ us[j]] += w * ps[j];
    }
    sinceYield += (start[X + 1] - start[X]) * support;
    if (sinceYield > 1 << 20) {
      sinceYield = 0;
      yield 0.3 + (0.65 * start[X + 1]) / W.size;
    }
  }

  // Symmetrise over S_n: counts[f] = (1/n!)·Σ_π M[π f].
  let counts = M;
  if (useSymmetry) {
    counts = new Float64Array(M.length);
    for (let f = 0; f < M.length; f++) {
      const m = M[f];
      if (m !== 0) for (const p of permuters) counts[p(f)] += m;
    }
    const scale = permuters.length;
    for (let f = 0; f < counts.length; f++) counts[f] /= scale;
  }
  let reachable = 0;
  for (let f = 0; f < counts.length; f++) if (counts[f] !== 0) reachable++;
  const parameters = parameterCount(n, hidden);
  yield 1;
  return { n, hidden, alphabet, parameters, total: values.length ** parameters, counts, reachable };
}

const cache = new Map<string, FunctionTable>();
const cacheKey = (n: number, hidden: number, alphabet: Alphabet) => `${n}|${hidden}|${alphabet}`;

/** The cached table, if it has been computed. */
export function cachedFunctionTable(n: number, hidden: number, alphabet: Alphabet): FunctionTable | undefined {
  return cache.get(cacheKey(n, hidden, alphabet));
}

/** Like `countFunctionsSteps`, but answers from (and fills) the module-level cache. */
export function* functionTableSteps(n: number, hidden: number, alphabet: Alphabet): Generator<number, FunctionTable> {
  const hit = cachedFunctionTable(n, hidden, alphabet);
  if (hit) return hit;
  const table = yield* countFunctionsSteps(n, hidden, alphabet);
  cache.set(cacheKey(n, hidden, alphabet), table);
  return table;
}

/** Counts for every function, cached per (n, h, alphabet). `onProgress` gets fractions in [0, 1]. */
export function countFunctions(
  n: number,
  hidden: number,
  alphabet: Alphabet,
  onProgress?: (fraction: number) => void,
): FunctionTable {
  const steps = functionTableSteps(n, hidden, alphabet);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    onProgress?.(r.value);
  }
}
