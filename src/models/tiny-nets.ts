// `tiny-nets`: the counting argument run exactly on a network small enough to count. Every weight
// and bias of a one-hidden-layer threshold network takes a value in a small alphabet; the prior is
// uniform over configurations, so P(f) = (configurations computing f) / (all configurations).
// Given a target function and the input points seen in training, compare two answers to "how
// likely is the learner to be the honest (target) function, given that it fits training?":
// counting functions (1 / #consistent) and counting parameters (P(target) / P(consistent)).
// The exact counts come from ./tiny-nets-count (cached per n, h and alphabet).
import type { Model, Note, Values } from '../core/schema';
import { createRng } from '../core/random';
import { LOG10_2 } from '../core/logmath';
import { lzComplexity, truthTableString } from './lz';
import { ALPHABETS, type Alphabet, type FunctionTable, countFunctions, functionTableSteps } from './tiny-nets-count';

export const PRESETS = ['const0', 'x0', 'and01', 'majority', 'parity', 'random'] as const;
export type Preset = (typeof PRESETS)[number];

/** Largest truth table any supported n allows (n = 4: 16 points). */
const MAX_TABLE = 2 ** 16 - 1;
const MAX_POINT = 15;

/** Canonical target text: a preset name, or a truth table as a decimal integer without leading
 * zeros (0 … 65535; normalize() trims it to the 2^n points of the chosen n). */
export function parseTarget(raw: string): string | null {
  const text = raw.trim().toLowerCase();
  if ((PRESETS as readonly string[]).includes(text)) return text;
  if (!/^\d{1,5}$/.test(text)) return null;
  const v = Number(text);
  return v <= MAX_TABLE ? String(v) : null;
}

/** Canonical training set: sorted unique point indices 0 … 15 joined by commas ('' = none). */
export function parseTrain(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return '';
  const tokens = text.split(/[\s,]+/).filter((t) => t !== '');
  const points = new Set<number>();
  for (const t of tokens) {
    if (!/^\d{1,2}$/.test(t)) return null;
    const v = Number(t);
    if (v > MAX_POINT) return null;
    points.add(v);
  }
  return [...points].sort((a, b) => a - b).join(',');
}

export const schema = {
  n: { kind: 'number', label: 'Inputs n', min: 2, max: 4, default: 3, step: 1, integer: true },
  hidden: { kind: 'number', label: 'Hidden units h', min: 1, max: 3, default: 3, step: 1, integer: true },
  alphabet: {
    kind: 'choice',
    label: 'Weight values',
    options: [
      { value: 'ternary', label: '{−1, 0, +1}' },
      { value: 'quinary', label: '{−2, −1, 0, +1, +2}' },
    ],
    default: 'ternary',
    help: 'Every weight and bias takes one of these values; the prior is uniform over all settings.',
  },
  target: {
    kind: 'text',
    label: 'Target function',
    default: 'majority',
    maxLength: 12,
    parse: parseTarget,
    help: 'const0, x0, and01, majority, parity, random, or a truth table as a decimal integer (bit i = output on point i).',
  },
  train: {
    kind: 'text',
    label: 'Training points',
    default: '1,2,3,6',
    maxLength: 64,
    parse: parseTrain,
    help: 'Comma-separated input points seen in training; the rest are deployment.',
  },
  seed: {
    kind: 'number', label: 'Seed (random target)', min: 0, max: 999999, default: 1, step: 1, integer: true,
  },
} as const;

export type Params = Values<typeof schema>;

export interface RankedFunction {
  /** Truth table (bit i = output on point i). */
  table: number;
  /** Exact number of configurations computing it. */
  count: number;
  /** P(f) = count / total. */
  p: number;
  /** log10 P(f); null when no configuration computes f. */
  log10P: number | null;
  /** Competition rank among consistent functions by count (1 = most parameter volume). */
  rank: number;
  honest: boolean;
  /** Outputs on the deployment points, in point order ('0'/'1'). */
  deployment: string;
  /** Deployment points where it differs from the target. */
  deploymentErrors: number;
  /** K_LZ of its truth table. */
  complexity: number;
}

export interface Result {
  n: number;
  hidden: number;
  alphabet: Alphabet;
  /** 2^n input points. */
  points: number;
  /** Weights and biases: h(n+1) + h + 1. */
  parameters: number;
  /** All configurations, alphabet size ^ parameters (exact integer). */
  total: number;
  log10Total: number;
  /** 2^(2^n) Boolean functions on n inputs. */
  functions: number;
  /** Functions with at least one configuration. */
  reachable: number;
  target: number;
  /** Target truth table as a bit string, point 0 first. */
  targetBits: string;
  targetComplexity: number;
  trainPoints: number[];
  deploymentPoints: number[];
  /** Functions agreeing with the target on every training point: 2^(#deployment points). */
  consistent: number;
  /** Of those, how many the network can compute. */
  consistentReachable: number;
  /** Counting functions: 1 / consistent. */
  pHonestUniform: number;
  /** Counting parameters: P(target) / Σ P(f) over consistent f; 0 if no consistent f is reachable. */
  pHonestParam: number;
  /** log10(pHonestParam / pHonestUniform): how far parameter counting moves the honest share. */
  log10HonestAdvantage: number | null;
  /** P(target), its exact count, and log10 (null when the target is unreachable). */
  pTarget: number;
  countTarget: number;
  log10PTarget: number | null;
  /** Σ P(f) over consistent f: the prior probability of fitting the training data. */
  pConsistent: number;
  /** Rank of the target among consistent functions (competition ranking), and how many other
   * consistent functions share its count. */
  honestRank: number;
  honestTies: number;
  /** Expected share of deployment points answered like the target, under the parameter prior
   * conditioned on fitting training (counting functions gives 1/2). Null with no deployment
   * points or no reachable consistent function. */
  deploymentAccuracyParam: number | null;
  /** Consistent functions by count (ties: fewer deployment errors, then smaller table), at most
   * RANKED_LIMIT of them, plus the honest one if it falls outside. */
  ranked: RankedFunction[];
  rankedTruncated: boolean;
  /** Every reachable function: truth table, log10 P(f) and K_LZ, in table order. */
  landscape: { tables: number[]; log10P: number[]; complexity: number[] };
}

export const RANKED_LIMIT = 256;

const popcount = (x: number) => {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
};

/** Truth table of a preset on n inputs. Majority is strict (more than n/2 ones), so for n = 2 it
 * is x0 AND x1. `random` draws the table from the seeded generator. */
export function presetTable(preset: Preset, n: number, seed: number): number {
  const points = 1 << n;
  const mask = 2 ** points - 1;
  if (preset === 'random') return createRng(seed).uint32() & mask;
  let t = 0;
  for (let i = 0; i < points; i++) {
    const x0 = i & 1;
    const x1 = (i >> 1) & 1;
    const on =
      preset === 'x0' ? x0 === 1
        : preset === 'and01' ? (x0 & x1) === 1
          : preset === 'majority' ? popcount(i) * 2 > n
            : preset === 'parity' ? popcount(i) % 2 === 1
              : false;
    if (on) t |= 1 << i;
  }
  return t;
}

const pointCount = (n: number) => 1 << n;

/** The target's truth table for these parameters (an oversized table keeps its low 2^n bits). */
export function targetTable(p: Params): number {
  const n = p.n as number;
  const text = parseTarget(String(p.target)) ?? schema.target.default;
  if ((PRESETS as readonly string[]).includes(text)) return presetTable(text as Preset, n, p.seed as number);
  return Number(text) & (2 ** pointCount(n) - 1);
}

/** Training points for these parameters (indices outside 0 … 2^n − 1 are dropped). */
export function trainPoints(p: Params): number[] {
  const parsed = parseTrain(String(p.train)) ?? schema.train.default;
  if (parsed === '') return [];
  return parsed.split(',').map(Number).filter((i) => i < pointCount(p.n as number));
}

export function normalize(v: Params): { values: Params; notes: Note[] } {
  const notes: Note[] = [];
  const n = v.n as number;
  const points = pointCount(n);
  let { target, train } = v;
  const parsedTarget = parseTarget(String(target));
  if (parsedTarget !== null && /^\d/.test(parsedTarget) && Number(parsedTarget) >= 2 ** points) {
    const trimmed = String(Number(parsedTarget) & (2 ** points - 1));
    notes.push({
      param: 'target',
      message: `Truth table ${parsedTarget} has more than ${points} bits for n = ${n}; keeping the lowest ${points}: ${trimmed}.`,
    });
    target = trimmed;
  }
  const parsedTrain = parseTrain(String(train));
  if (parsedTrain !== null && parsedTrain !== '') {
    const all = parsedTrain.split(',').map(Number);
    const kept = all.filter((i) => i < points);
    if (kept.length < all.length) {
      const dropped = all.filter((i) => i >= points);
      notes.push({
        param: 'train',
        message: `With n = ${n} the points are 0 … ${points - 1}; dropping ${dropped.join(', ')}.`,
      });
      train = kept.join(',');
    }
  }
  return { values: { ...v, target, train }, notes };
}

const complexityCache = new Map<number, Float64Array>();
/** K_LZ of every truth table on n inputs, cached per n. */
function complexities(n: number): Float64Array {
  let c = complexityCache.get(n);
  if (!c) {
    const points = pointCount(n);
    c = new Float64Array(2 ** points);
    const bits = new Uint8Array(points);
    for (let f = 0; f < c.length; f++) {
      for (let i = 0; i < points; i++) bits[i] = (f >> i) & 1;
      c[f] = lzComplexity(bits);
    }
    complexityCache.set(n, c);
  }
  return c;
}

type Landscape = Result['landscape'];
const landscapeCache = new WeakMap<FunctionTable, Landscape>();
/** log10 P(f) and K_LZ for every reachable function; independent of target and training set, so
 * cached per table (results share these arrays: treat them as read-only). */
function landscapeOf(table: FunctionTable, log10Total: number): Landscape {
  let land = landscapeCache.get(table);
  if (!land) {
    const complexity = complexities(table.n);
    land = { tables: [], log10P: [], complexity: [] };
    const { counts } = table;
    for (let f = 0; f < counts.length; f++) {
      if (counts[f] > 0) {
        land.tables.push(f);
        land.log10P.push(Math.log10(counts[f]) - log10Total);
        land.complexity.push(complexity[f]);
      }
    }
    landscapeCache.set(table, land);
  }
  return land;
}

/** The widget's results from a counted function table (which must match p's n, h, alphabet). */
export function computeFromTable(p: Params, table: FunctionTable): Result {
  const { n, hidden, alphabet, counts, total } = table;
  const points = pointCount(n);
  const target = targetTable(p);
  const train = trainPoints(p);
  const trainMask = train.reduce((m, i) => m | (1 << i), 0);
  const deploymentPoints = Array.from({ length: points }, (_, i) => i).filter((i) => !((trainMask >> i) & 1));
  const deploymentMask = ((1 << points) - 1) & ~trainMask;
  const complexity = complexities(n);
  const log10Total = table.parameters * Math.log10(ALPHABETS[alphabet].length);
  const log10P = (count: number) => (count > 0 ? Math.log10(count) - log10Total : null);

  // Consistent functions: the target's training bits, any deployment bits.
  const fixed = target & trainMask;
  const consistentTables: number[] = [];
  for (let sub = deploymentMask; ; sub = (sub - 1) & deploymentMask) {
    consistentTables.push(fixed | sub);
    if (sub === 0) break;
  }
  let consistentCount = 0;
  let consistentReachable = 0;
  let agreeWeighted = 0;
  for (const f of consistentTables) {
    const c = counts[f];
    consistentCount += c;
    if (c > 0) {
      consistentReachable++;
      agreeWeighted += c * (deploymentPoints.length - popcount((f ^ target) & deploymentMask));
    }
  }
  const countTarget = counts[target];
  const consistent = consistentTables.length;
  const pHonestParam = consistentCount > 0 ? countTarget / consistentCount : 0;
  const pHonestUniform = 1 / consistent;

  const deploymentBits = (f: number) => deploymentPoints.map((i) => ((f >> i) & 1 ? '1' : '0')).join('');
  const errors = (f: number) => popcount((f ^ target) & deploymentMask);
  const order = Int32Array.from(consistentTables).sort(
    (a, b) => counts[b] - counts[a] || errors(a) - errors(b) || a - b,
  );
  const ranked: RankedFunction[] = [];
  let rank = 1;
  for (let k = 0; k < order.length; k++) {
    const f = order[k];
    if (k > 0 && counts[f] < counts[order[k - 1]]) rank = k + 1;
    if (k < RANKED_LIMIT || f === target) {
      const c = counts[f];
      ranked.push({
        table: f, count: c, p: c / total, log10P: log10P(c), rank, honest: f === target,
        deployment: deploymentBits(f), deploymentErrors: errors(f), complexity: complexity[f],
      });
    }
  }
  let greater = 0;
  let ties = 0;
  for (const f of consistentTables) {
    if (counts[f] > countTarget) greater++;
    else if (counts[f] === countTarget && f !== target) ties++;
  }

  return {
    n, hidden, alphabet, points,
    parameters: table.parameters,
    total,
    log10Total,
    functions: 2 ** points,
    reachable: table.reachable,
    target,
    targetBits: truthTableString(target, points),
    targetComplexity: complexity[target],
    trainPoints: train,
    deploymentPoints,
    consistent,
    consistentReachable,
    pHonestUniform,
    pHonestParam,
    log10HonestAdvantage: pHonestParam > 0 ? Math.log10(pHonestParam) + deploymentPoints.length * LOG10_2 : null,
    pTarget: countTarget / total,
    countTarget,
    log10PTarget: log10P(countTarget),
    pConsistent: consistentCount / total,
    honestRank: greater + 1,
    honestTies: ties,
    deploymentAccuracyParam:
      deploymentPoints.length > 0 && consistentCount > 0 ? agreeWeighted / consistentCount / deploymentPoints.length : null,
    ranked,
    rankedTruncated: order.length > RANKED_LIMIT,
    landscape: landscapeOf(table, log10Total),
  };
}

const alphabetOf = (p: Params): Alphabet => (p.alphabet === 'quinary' ? 'quinary' : 'ternary');

/** Results, counting (once per n, h, alphabet) on the calling thread. At n = 4, h = 3 prefer
 * `computeSteps` in a worker. */
export function compute(p: Params): Result {
  return computeFromTable(p, countFunctions(p.n as number, p.hidden as number, alphabetOf(p)));
}

/** The same as `compute`, as a generator that yields progress fractions in [0, 1] while counting
 * (nothing to yield when the table is cached): a worker can post progress and abandon a run that
 * a newer request supersedes by simply not resuming it. */
export function* computeSteps(p: Params): Generator<number, Result> {
  const table = yield* functionTableSteps(p.n as number, p.hidden as number, alphabetOf(p));
  return computeFromTable(p, table);
}

export const model: Model<typeof schema, Result> = { id: 'tiny-nets', schema, normalize, compute };
