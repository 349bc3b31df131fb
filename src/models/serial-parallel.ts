// Counting arrangements of serial and parallel circuits (the seed thread's claim that k parallel
// chains have more ways to sit inside a network than one serial chain with the same n steps).
//
// A network has L layers of W units. A solution is n steps in k chains of length d = n/k. Each step
// takes one unit; steps of a chain sit in strictly increasing layers (rule `plain`: consecutive
// layers, L − d + 1 positions; rule `residual`: any increasing layers, C(L, d) positions); steps
// sharing a layer take distinct units. The chains compute different things, so they are
// distinguishable: swapping two chains gives a different solution (hence C(24,4)², not C(24,4)²/2).
//
// Count = Σ over placements Π over layers W·(W−1)…(W−s+1), s = steps in that layer. A serial chain
// never shares a layer, so its count is positions·W^n. For k chains we run a recursion over layers
// whose state is the multiset of chain progress (how many chains have placed j steps, j = 0…d):
// chains of equal length are exchangeable, so C(k+d, d) states suffice (≤ 12,870 for n ≤ 64). A
// layer moves a_j of the m_j chains at level j up one level, with weight Π_j C(m_j, a_j)·(W)_s,
// s = Σ a_j. Each layer's weight is divided by W^s (so weights are ≤ 1 and numbers stay far below
// 10^308) and n·log10 W is added back at the end. Plain: one run over 200 layers gives every depth
// (after ℓ layers, the "all finished" entry is the count for ℓ layers). Residual: see
// residualProfile — n layers of work give every depth.
import type { Model, Note, Values } from '../core/schema';
import { clampNumber } from '../core/schema';
import { plainLabel } from '../core/format';
import { LN10, logChoose, logSumExp } from '../core/logmath';

export const LAYERS_MAX = 200;
export const STEPS_MAX = 64;

export const schema = {
  layers: {
    kind: 'number', label: 'Layers L', min: 1, max: LAYERS_MAX, default: 24, step: 1, integer: true,
  },
  width: {
    kind: 'number', label: 'Units per layer W', min: 1, max: 100000, default: 512, step: 1, integer: true,
    scale: 'log', special: ['unlimited'],
    help: 'Interchangeable units in each layer; two steps in one layer need distinct units.',
  },
  steps: {
    kind: 'number', label: 'Steps n', min: 1, max: STEPS_MAX, default: 8, step: 1, integer: true,
    help: 'Steps in the whole computation; it must fit in the network as one serial chain (n ≤ L).',
  },
  chains: {
    kind: 'number', label: 'Parallel chains k', min: 1, max: STEPS_MAX, default: 2, step: 1, integer: true,
    help: 'Must divide n; each chain has n/k steps.',
  },
  rule: {
    kind: 'choice', label: 'Placement rule', default: 'residual',
    options: [
      { value: 'plain', label: 'plain: consecutive layers' },
      { value: 'residual', label: 'residual: any later layer' },
    ],
  },
} as const;

export type Params = Values<typeof schema>;
export type Rule = 'plain' | 'residual';

export interface ChainsPoint {
  chains: number;
  chainLength: number;
  log10RatioPlain: number;
  log10RatioResidual: number;
}

export interface LayersPoint {
  layers: number;
  log10RatioPlain: number;
  log10RatioResidual: number;
}

export interface Result {
  /** Chain length d = n/k. */
  chainLength: number;
  /** True when width is 'unlimited': counts are then placements only (the common factor W^n is dropped). */
  unlimited: boolean;
  /** log10 of the number of ways to realise the single serial chain of n steps (k = 1). */
  log10Serial: number;
  /** log10 of the number of ways to realise the k parallel chains. */
  log10Parallel: number;
  /** log10(parallel / serial). */
  log10Ratio: number;
  /** log10 of layer placements alone (positions of the serial chain; of the k chains jointly). */
  log10SerialPlacements: number;
  log10ParallelPlacements: number;
  /** The unlimited-width ratio (placement ratio), for comparison with a finite width. */
  log10PlacementRatio: number;
  /** log10 ratio for every divisor k of n, at the current L and W, under both rules. */
  byChains: ChainsPoint[];
  /** log10 ratio for L = n … 200 at the current k and W, under both rules. */
  byLayers: LayersPoint[];
}

export function divisors(n: number): number[] {
  const out: number[] = [];
  for (let k = 1; k <= n; k++) if (n % k === 0) out.push(k);
  return out;
}

/** The divisor of n nearest to k (ties go to the smaller, i.e. fewer chains). */
export function nearestDivisor(n: number, k: number): number {
  let best = 1;
  for (const q of divisors(n)) if (Math.abs(q - k) < Math.abs(best - k)) best = q;
  return best;
}

export function normalize(v: Params): { values: Params; notes: Note[] } {
  const notes: Note[] = [];
  // Values read from a URL are already in range; this guards direct callers (cost grows fast with n).
  const inRange = (name: 'layers' | 'steps' | 'chains' | 'width', x: number) => {
    const c = clampNumber(schema[name], x);
    if (c !== x) notes.push({ param: name, message: `${plainLabel(schema[name].label)}: ${x} is out of range; using ${c}.` });
    return c;
  };
  const layers = inRange('layers', v.layers as number);
  let steps = inRange('steps', v.steps as number);
  let chains = inRange('chains', v.chains as number);
  const width = v.width === 'unlimited' ? v.width : inRange('width', v.width as number);
  if (steps > layers) {
    notes.push({
      param: 'steps',
      message: `Steps n cannot exceed the layers L = ${layers} (the serial chain must fit); using ${layers}.`,
    });
    steps = layers;
  }
  if (steps % chains !== 0) {
    const k = nearestDivisor(steps, chains);
    notes.push({
      param: 'chains',
      message: `Parallel chains k must divide n = ${steps}; using the nearest divisor, ${k}.`,
    });
    chains = k;
  }
  return { values: { ...v, layers, width, steps, chains }, notes };
}

// ---------------------------------------------------------------------------------------------
// State space: compositions (m_0, …, m_d) of k, listed in lexicographic order so a state's index
// is its lexicographic rank.

interface ChainSpace {
  k: number;
  d: number;
  size: number;
  /** configs[i*(d+1) + j] = m_j of state i. */
  configs: Uint8Array;
  /** rankOffset[j][r][v]: compositions of r into parts j…d whose part j is smaller than v. */
  rankOffset: number[][][];
  start: number;
  finished: number;
}

const binomialRows: number[][] = [];
function binomial(n: number, r: number): number {
  for (let i = binomialRows.length; i <= n; i++) {
    const row = [1];
    for (let j = 1; j <= i; j++) row.push(j === i ? 1 : binomialRows[i - 1][j - 1] + binomialRows[i - 1][j]);
    binomialRows.push(row);
  }
  return r < 0 || r > n ? 0 : binomialRows[n][r];
}

/** Compositions of `total` into `parts` parts, C(total+parts−1, parts−1): ≤ 735,471 here, exact. */
function compositionsCount(total: number, parts: number): number {
  if (parts === 0) return total === 0 ? 1 : 0;
  return binomial(total + parts - 1, parts - 1);
}

function buildSpace(k: number, d: number): ChainSpace {
  const levels = d + 1;
  const rankOffset: number[][][] = [];
  for (let j = 0; j < levels; j++) {
    const rest = levels - j - 1;
    const byTotal: number[][] = [];
    for (let r = 0; r <= k; r++) {
      const row = [0];
      for (let v = 1; v <= r + 1; v++) row.push(row[v - 1] + compositionsCount(r - (v - 1), rest));
      byTotal.push(row);
    }
    rankOffset.push(byTotal);
  }
  const size = compositionsCount(k, levels);
  const configs = new Uint8Array(size * levels);
  const current = new Uint8Array(levels);
  let next = 0;
  const fill = (j: number, remaining: number) => {
    if (j === levels - 1) {
      current[j] = remaining;
      configs.set(current, next * levels);
      next++;
      return;
    }
    for (let v = 0; v <= remaining; v++) {
      current[j] = v;
      fill(j + 1, remaining - v);
    }
  };
  fill(0, k);
  // All chains at level 0 is the lexicographically largest state; all finished is the smallest.
  return { k, d, size, configs, rankOffset, start: size - 1, finished: 0 };
}

interface Transitions {
  /** Moves of state i that place at least one step are offsets[i] … offsets[i+1]−1. */
  offsets: Int32Array;
  to: Int32Array;
  /** Each move's kind, an index into `ways`/`moved` (few distinct kinds, so tables stay small). */
  kind: Uint16Array | Uint32Array;
  /** Π_j C(m_j, a_j): which chains advance (chains are distinguishable). */
  ways: number[];
  /** Steps placed in this layer, s ≥ 1. */
  moved: number[];
  /** 1 if the state may also leave a layer empty (residual: always; plain: no chain half-done). */
  idle: Uint8Array;
}

function buildTransitions(space: ChainSpace, rule: Rule): Transitions {
  const { size, d, configs, rankOffset } = space;
  const levels = d + 1;
  // Exact number of moves, so the tables are filled in place: residual moves are the pairs (state,
  // choice a ≤ m), i.e. compositions of k into 2d+1 parts, minus one empty move per state.
  let total = 0;
  if (rule === 'residual') total = binomial(space.k + 2 * d, 2 * d) - size;
  else for (let i = 0; i < size; i++) total += configs[i * levels] + 1;
  const offsets = new Int32Array(size + 1);
  const idle = new Uint8Array(size);
  const to = new Int32Array(total);
  const kind = new Uint32Array(total);
  const ways: number[] = [];
  const moved: number[] = [];
  const kinds = Array.from({ length: space.k + 1 }, () => new Map<number, number>());
  const kindOf = (w: number, s: number) => {
    let id = kinds[s].get(w);
    if (id === undefined) {
      id = ways.length;
      kinds[s].set(w, id);
      ways.push(w);
      moved.push(s);
    }
    return id;
  };
  let count = 0;
  const m = new Uint8Array(levels);
  const target = new Uint8Array(levels);
  const rankOf = (t: Uint8Array) => {
    let rank = 0;
    let remaining = space.k;
    for (let j = 0; j < levels; j++) {
      rank += rankOffset[j][remaining][t[j]];
      remaining -= t[j];
    }
    return rank;
  };
  // Residual: choose a_j of the m_j chains at each unfinished level j to advance one level.
  const residual = (j: number, carried: number, remaining: number, rank: number, w: number, s: number) => {
    if (j === d) {
      if (s === 0) return; // the empty layer is handled by `idle`
      to[count] = rank + rankOffset[d][remaining][m[d] + carried];
      kind[count++] = kindOf(w, s);
      return;
    }
    for (let a = 0; a <= m[j]; a++) {
      const v = m[j] - a + carried;
      residual(j + 1, a, remaining - v, rank + rankOffset[j][remaining][v], w * binomial(m[j], a), s + a);
    }
  };
  for (let i = 0; i < size; i++) {
    offsets[i] = count;
    m.set(configs.subarray(i * levels, (i + 1) * levels));
    if (rule === 'residual') {
      idle[i] = 1;
      residual(0, 0, space.k, 0, 1, 0);
      continue;
    }
    // Plain: a chain that has started must take the very next layer; only starts are a choice.
    let inProgress = 0;
    for (let j = 1; j < d; j++) inProgress += m[j];
    idle[i] = inProgress === 0 ? 1 : 0;
    for (let a = 0; a <= m[0]; a++) {
      if (a + inProgress === 0) continue;
      target.fill(0);
      target[0] = m[0] - a;
      if (d === 1) target[1] = m[1] + a;
      else {
        target[1] = a;
        for (let j = 2; j < d; j++) target[j] = m[j - 1];
        target[d] = m[d] + m[d - 1];
      }
      to[count] = rankOf(target);
      kind[count++] = kindOf(binomial(m[0], a), a + inProgress);
    }
  }
  offsets[size] = count;
  return {
    offsets,
    to: to.subarray(0, count),
    kind: ways.length <= 65536 ? Uint16Array.from(kind.subarray(0, count)) : kind.subarray(0, count),
    ways,
    moved,
    idle,
  };
}

// Transition tables are reused while a reader moves L or W; bounded so memory stays modest.
// The largest need is n = 60: 2.4 million moves over all its divisors (≈ 6 bytes each).
const TABLE_CACHE_LIMIT = 2_600_000;
const tableCache = new Map<string, { space: ChainSpace; transitions: Transitions }>();
let tableCacheSize = 0;

function tables(k: number, d: number, rule: Rule) {
  const key = `${rule}:${k}:${d}`;
  const hit = tableCache.get(key);
  if (hit) {
    tableCache.delete(key);
    tableCache.set(key, hit);
    return hit;
  }
  const space = buildSpace(k, d);
  const transitions = buildTransitions(space, rule);
  const size = transitions.to.length;
  for (const [oldKey, old] of tableCache) {
    if (tableCacheSize + size <= TABLE_CACHE_LIMIT) break;
    tableCache.delete(oldKey);
    tableCacheSize -= old.transitions.to.length;
  }
  tableCache.set(key, { space, transitions });
  tableCacheSize += size;
  return { space, transitions };
}

/** (W)_s / W^s = Π_{t<s} (1 − t/W), for s = 0…k. */
function unitFactors(k: number, width: number): Float64Array {
  const f = new Float64Array(k + 1);
  f[0] = 1;
  for (let s = 1; s <= k; s++) f[s] = f[s - 1] * Math.max(0, 1 - (s - 1) / width);
  return f;
}

/**
 * Run the layer recursion for `layers` layers and return the "all chains finished" entry after
 * each layer (index ℓ = after ℓ layers). With `withIdle` false, every layer must place at least
 * one step (the operator H below).
 */
function runLayers(rule: Rule, chains: number, d: number, width: number, layers: number, withIdle: boolean): Float64Array {
  const { space, transitions } = tables(chains, d, rule);
  const { offsets, to, kind, ways, moved, idle } = transitions;
  const factors = unitFactors(chains, width);
  const weightOfKind = Float64Array.from(ways, (w, id) => w * factors[moved[id]]);
  let cur = new Float64Array(space.size);
  let next = new Float64Array(space.size);
  cur[space.start] = 1;
  const out = new Float64Array(layers + 1);
  out[0] = cur[space.finished];
  for (let layer = 1; layer <= layers; layer++) {
    next.fill(0);
    for (let i = 0; i < space.size; i++) {
      const x = cur[i];
      if (x === 0) continue;
      if (withIdle && idle[i]) next[i] += x;
      for (let t = offsets[i], end = offsets[i + 1]; t < end; t++) next[to[t]] += x * weightOfKind[kind[t]];
    }
    [cur, next] = [next, cur];
    out[layer] = cur[space.finished];
  }
  return out;
}

// Residual rule, any depth at once. Under this rule any state may leave a layer empty, so one layer
// acts as I + H, where H places at least one step. H raises total progress, so H^(n+1) = 0, and
// since I commutes with H the binomial theorem gives
//   (I + H)^L = Σ_{r=0..n} C(L, r) H^r.
// h_r = ⟨finished| H^r |start⟩ counts solutions occupying exactly r layers (of a network of r
// layers, all used); a solution in L layers chooses which r layers it uses, C(L, r) ways. So n
// layers of work give the count for every L, however deep.
const profileCache = new Map<string, Float64Array>();
const PROFILE_CACHE_LIMIT = 64;

function memo(key: string, make: () => Float64Array): Float64Array {
  const hit = profileCache.get(key);
  if (hit) return hit;
  const value = make();
  if (profileCache.size >= PROFILE_CACHE_LIMIT) profileCache.delete(profileCache.keys().next().value as string);
  profileCache.set(key, value);
  return value;
}

/** Natural log of h_r, r = 0…n, weighted by Π (W)_s / W^s (−Infinity where h_r = 0). */
export function residualProfile(steps: number, chains: number, width: number): Float64Array {
  return memo(`residual:${steps}:${chains}:${width}`, () =>
    runLayers('residual', chains, steps / chains, width, steps, false).map(Math.log),
  );
}

/** Natural log of the plain-rule weighted count for every depth 0…LAYERS_MAX. */
function plainCurve(steps: number, chains: number, width: number): Float64Array {
  return memo(`plain:${steps}:${chains}:${width}`, () =>
    runLayers('plain', chains, steps / chains, width, LAYERS_MAX, true).map(Math.log),
  );
}

/**
 * Natural log of the count of k-chain solutions in L layers, divided by W^n (so the falling
 * factorials enter as Π (W)_s / W^s ≤ 1 and nothing overflows).
 */
export function logWeightedCount(rule: Rule, layers: number, steps: number, chains: number, width: number): number {
  if (rule === 'plain') return plainCurve(steps, chains, width)[layers];
  const profile = residualProfile(steps, chains, width);
  const terms: number[] = [];
  for (let r = 0; r <= Math.min(steps, layers); r++) terms.push(logChoose(layers, r) + profile[r]);
  return logSumExp(terms);
}

/**
 * The exact count as a BigInt, by the plain layer-by-layer recursion (no shortcut), for tests and
 * small cases. For unlimited width, the number of placements. The per-move factor Π C(m_j, a_j)
 * ≤ 2^k is held as a double, so k ≤ 53 keeps it exact.
 */
export function exactCount(rule: Rule, layers: number, steps: number, chains: number, width: number | 'unlimited'): bigint {
  if (chains > 53) throw new RangeError('exactCount supports at most 53 chains');
  const d = steps / chains;
  const { space, transitions } = tables(chains, d, rule);
  const { offsets, to, kind, ways, moved, idle } = transitions;
  const falling: bigint[] = [1n];
  for (let s = 1; s <= chains; s++) {
    const factor = width === 'unlimited' ? 1n : BigInt(Math.max(0, width - (s - 1)));
    falling.push(falling[s - 1] * factor);
  }
  let cur: bigint[] = new Array(space.size).fill(0n);
  cur[space.start] = 1n;
  for (let layer = 1; layer <= layers; layer++) {
    const next: bigint[] = new Array(space.size).fill(0n);
    for (let i = 0; i < space.size; i++) {
      const x = cur[i];
      if (x === 0n) continue;
      if (idle[i]) next[i] += x;
      for (let t = offsets[i]; t < offsets[i + 1]; t++) next[to[t]] += x * BigInt(ways[kind[t]]) * falling[moved[kind[t]]];
    }
    cur = next;
  }
  return cur[space.finished];
}

/** log10 of the number of layer positions for one chain of length d. */
export function log10Positions(rule: Rule, layers: number, d: number): number {
  if (rule === 'plain') return Math.log10(layers - d + 1);
  return logChoose(layers, d) / LN10;
}

function widthOf(p: Params): number | null {
  return p.width === 'unlimited' ? null : (p.width as number);
}

/** log10 ratio for one rule and chain count, for every L in `depths` (each ≥ steps). */
function ratioCurve(rule: Rule, steps: number, chains: number, width: number | null, depths: number[]): number[] {
  const d = steps / chains;
  if (chains === 1) return depths.map(() => 0);
  if (width === null) return depths.map((L) => chains * log10Positions(rule, L, d) - log10Positions(rule, L, steps));
  return depths.map((L) => logWeightedCount(rule, L, steps, chains, width) / LN10 - log10Positions(rule, L, steps));
}

export function compute(raw: Params): Result {
  const p = normalize(raw).values;
  const layers = p.layers as number;
  const steps = p.steps as number;
  const chains = p.chains as number;
  const rule = p.rule as Rule;
  const width = widthOf(p);
  const d = steps / chains;

  const depths: number[] = [];
  for (let L = steps; L <= LAYERS_MAX; L++) depths.push(L);
  const curvePlain = ratioCurve('plain', steps, chains, width, depths);
  const curveResidual = ratioCurve('residual', steps, chains, width, depths);
  const byLayers = depths.map((L, i) => ({ layers: L, log10RatioPlain: curvePlain[i], log10RatioResidual: curveResidual[i] }));
  const here = layers - steps;
  const log10Ratio = (rule === 'plain' ? curvePlain : curveResidual)[here];

  const byChains = divisors(steps).map((k) =>
    k === chains
      ? { chains: k, chainLength: d, log10RatioPlain: curvePlain[here], log10RatioResidual: curveResidual[here] }
      : {
          chains: k,
          chainLength: steps / k,
          log10RatioPlain: ratioCurve('plain', steps, k, width, [layers])[0],
          log10RatioResidual: ratioCurve('residual', steps, k, width, [layers])[0],
        },
  );

  const log10SerialPlacements = log10Positions(rule, layers, steps);
  const log10ParallelPlacements = chains * log10Positions(rule, layers, d);
  const log10Units = width === null ? 0 : steps * Math.log10(width);
  const log10Serial = log10SerialPlacements + log10Units;
  return {
    chainLength: d,
    unlimited: width === null,
    log10Serial,
    log10Parallel: log10Serial + log10Ratio,
    log10Ratio,
    log10SerialPlacements,
    log10ParallelPlacements,
    log10PlacementRatio: log10ParallelPlacements - log10SerialPlacements,
    byChains,
    byLayers,
  };
}

export const model: Model<typeof schema, Result> = { id: 'serial-parallel', schema, normalize, compute };
