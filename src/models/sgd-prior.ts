// `sgd-prior`: does gradient descent land on functions in proportion to their prior volume?
// (Mingard et al. 2021, "Is SGD a Bayesian sampler? Well, almost".) A one-hidden-layer net on
// n = 3 Boolean inputs (fed as ±1) is small enough to name every function it computes: its truth
// table on the 8 points. P_prior(f | S) tallies the functions of random prior draws that happen to
// fit the training set S; P_train(f | S) tallies the functions that gradient descent on the logistic
// loss reaches from fresh prior draws. The widget sets the two side by side.
//
// Every random stream is seeded per block of prior draws and per training run, so the result does
// not depend on how the work is split (a worker runs it in slices; tests run it whole). The inner
// loops work on preallocated typed arrays: a default run is 10^6 draws and 10^4 trainings.
import type { Model, Values } from '../core/schema';
import { createRng, normalDeviate, type Rng } from '../core/random';

export const INPUTS = 3;
export const POINTS = 1 << INPUTS;
export const FUNCTIONS = 1 << POINTS;
/** Training stops unfit after this many parameter updates. */
export const MAX_STEPS = 10_000;
/** Prior draws per independently seeded block. */
export const PRIOR_BLOCK = 4096;

export const PRESETS = ['const0', 'x0', 'and01', 'majority', 'parity'] as const;
export type Preset = (typeof PRESETS)[number];

/** Canonical target text: a preset name, or a truth table 0 … 255 as a decimal integer. */
export function parseTarget(raw: string): string | null {
  const text = raw.trim().toLowerCase();
  if ((PRESETS as readonly string[]).includes(text)) return text;
  if (!/^\d{1,3}$/.test(text)) return null;
  const v = Number(text);
  return v < FUNCTIONS ? String(v) : null;
}

/** Canonical training set: sorted unique points 0 … 7 joined by commas ('' = none). */
export function parseTrain(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return '';
  const points = new Set<number>();
  for (const t of text.split(/[\s,]+/).filter((s) => s !== '')) {
    if (!/^\d$/.test(t) || Number(t) >= POINTS) return null;
    points.add(Number(t));
  }
  return [...points].sort((a, b) => a - b).join(',');
}

export const schema = {
  target: {
    kind: 'text', label: 'Target function', default: 'majority', maxLength: 8, parse: parseTarget,
    help: 'const0, x0, and01, majority, parity, or a truth table 0 … 255 (bit i = output on point i).',
  },
  train: {
    kind: 'text', label: 'Training points', default: '0,3,5,6', maxLength: 32, parse: parseTrain,
    help: 'Comma-separated points 0 … 7 seen in training; the rest are unseen.',
  },
  width: { kind: 'number', label: 'Hidden units', min: 2, max: 64, default: 16, step: 1, integer: true },
  act: {
    kind: 'choice', label: 'Activation',
    options: [{ value: 'relu', label: 'ReLU' }, { value: 'tanh', label: 'tanh' }],
    default: 'relu',
  },
  sigma: {
    kind: 'number', label: 'Prior scale $\\sigma$', min: 0.5, max: 4, default: 1, step: 0.1,
    help: 'Each weight and bias is normal with standard deviation σ/√(fan-in), a bias counting as one more input.',
  },
  lr: { kind: 'number', label: 'Learning rate', min: 0.01, max: 2, default: 0.1, step: 0.01, scale: 'log' },
  optimizer: {
    kind: 'choice', label: 'Optimizer',
    options: [{ value: 'gd', label: 'Full batch' }, { value: 'sgd', label: 'One point per step (SGD)' }],
    default: 'gd',
  },
  samples: {
    kind: 'number', label: 'Prior samples', min: 1000, max: 10_000_000, default: 1_000_000, step: 1, integer: true, scale: 'log',
  },
  runs: { kind: 'number', label: 'Training runs', min: 10, max: 100_000, default: 10_000, step: 1, integer: true, scale: 'log' },
  seed: { kind: 'number', label: 'Seed', min: 0, max: 999999, default: 1, step: 1, integer: true },
} as const;

export type Params = Values<typeof schema>;

const popcount = (x: number) => {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
};

/** Truth table of a preset on 3 inputs (majority: at least two of three bits set). */
export function presetTable(preset: Preset): number {
  let t = 0;
  for (let i = 0; i < POINTS; i++) {
    const on = preset === 'x0' ? (i & 1) === 1
      : preset === 'and01' ? (i & 3) === 3
        : preset === 'majority' ? popcount(i) * 2 > INPUTS
          : preset === 'parity' ? popcount(i) % 2 === 1
            : false;
    if (on) t |= 1 << i;
  }
  return t;
}

export function targetTable(p: Params): number {
  const text = parseTarget(String(p.target)) ?? schema.target.default;
  return (PRESETS as readonly string[]).includes(text) ? presetTable(text as Preset) : Number(text);
}

export function trainPoints(p: Params): number[] {
  const parsed = parseTrain(String(p.train)) ?? schema.train.default;
  return parsed === '' ? [] : parsed.split(',').map(Number);
}

/** Point i as the net sees it: bit j of i mapped to ±1, then the constant 1 a bias multiplies. */
export function inputOf(i: number): [number, number, number, number] {
  return [2 * (i & 1) - 1, 2 * ((i >> 1) & 1) - 1, 2 * ((i >> 2) & 1) - 1, 1];
}
const X = Float64Array.from(Array.from({ length: POINTS }, (_, i) => inputOf(i)).flat());

/** Distinct 32-bit seed for stream `stream`, item `index` of a run seeded `seed`. */
export function streamSeed(seed: number, stream: number, index: number): number {
  let h = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) | 0;
}
const PRIOR_STREAM = 0;
const TRAIN_STREAM = 1;

/**
 * The net's parameters in one flat array: hidden unit k has weights at 4k … 4k+2 and its bias at
 * 4k+3 (a weight on the constant input), output weights at 4w … 5w−1, the output bias at 5w.
 */
export const parameterCount = (width: number) => 5 * width + 1;

/** Draw every weight and bias from the prior, in the layout above. */
export function drawNet(rng: Rng, width: number, sigma: number, theta: Float64Array): void {
  const hiddenSd = sigma / Math.sqrt(INPUTS + 1);
  const outputSd = sigma / Math.sqrt(width + 1);
  for (let q = 0; q < 4 * width; q++) theta[q] = hiddenSd * normalDeviate(rng);
  for (let q = 4 * width; q <= 5 * width; q++) theta[q] = outputSd * normalDeviate(rng);
}

/** Output o on point i; fills z (pre-activations) and h (activations) at offset `at` when given. */
export function forward(
  theta: Float64Array, width: number, tanh: boolean, i: number,
  z?: Float64Array, h?: Float64Array, at = 0,
): number {
  const x0 = X[4 * i], x1 = X[4 * i + 1], x2 = X[4 * i + 2];
  const out = 4 * width;
  let o = theta[5 * width];
  for (let k = 0; k < width; k++) {
    const q = 4 * k;
    const pre = theta[q] * x0 + theta[q + 1] * x1 + theta[q + 2] * x2 + theta[q + 3];
    const a = tanh ? Math.tanh(pre) : pre > 0 ? pre : 0;
    if (z) {
      z[at + k] = pre;
      h![at + k] = a;
    }
    o += theta[out + k] * a;
  }
  return o;
}

/** The function the net computes: bit i set when o > 0 on point i. */
export function tableOf(theta: Float64Array, width: number, tanh: boolean): number {
  let t = 0;
  for (let i = 0; i < POINTS; i++) if (forward(theta, width, tanh, i) > 0) t |= 1 << i;
  return t;
}

/** Everything the loops need for one setting, allocated once. */
export interface Setup {
  width: number;
  tanh: boolean;
  sigma: number;
  lr: number;
  sgd: boolean;
  seed: number;
  samples: number;
  runs: number;
  target: number;
  train: number[];
  /** Training points then unseen points: a prior draw is checked on training points first. */
  order: Int32Array;
  trainMask: number;
  theta: Float64Array;
  grad: Float64Array;
  z: Float64Array;
  h: Float64Array;
  o: Float64Array;
}

export function setup(p: Params): Setup {
  const width = p.width as number;
  const train = trainPoints(p);
  const unseen = Array.from({ length: POINTS }, (_, i) => i).filter((i) => !train.includes(i));
  const m = Math.max(1, train.length);
  return {
    width,
    tanh: p.act === 'tanh',
    sigma: p.sigma as number,
    lr: p.lr as number,
    sgd: p.optimizer === 'sgd',
    seed: p.seed as number,
    samples: p.samples as number,
    runs: p.runs as number,
    target: targetTable(p),
    train,
    order: Int32Array.from([...train, ...unseen]),
    trainMask: train.reduce((mask, i) => mask | (1 << i), 0),
    theta: new Float64Array(parameterCount(width)),
    grad: new Float64Array(parameterCount(width)),
    z: new Float64Array(m * width),
    h: new Float64Array(m * width),
    o: new Float64Array(m),
  };
}

export const priorBlocks = (s: Setup) => Math.ceil(s.samples / PRIOR_BLOCK);

/** Draw prior block `block` (its own seeded stream) and tally, in `counts`, the function of every
 * draw that fits the training set. Returns how many draws the block held. */
export function sampleBlock(s: Setup, block: number, counts: Float64Array): number {
  const rng = createRng(streamSeed(s.seed, PRIOR_STREAM, block));
  const n = Math.min(PRIOR_BLOCK, s.samples - block * PRIOR_BLOCK);
  const { theta, width, tanh, order, target } = s;
  const fitting = s.train.length;
  for (let d = 0; d < n; d++) {
    drawNet(rng, width, s.sigma, theta);
    let t = 0;
    let fits = true;
    for (let r = 0; r < POINTS; r++) {
      const i = order[r];
      const bit = forward(theta, width, tanh, i) > 0 ? 1 : 0;
      if (r < fitting && bit !== ((target >> i) & 1)) {
        fits = false;
        break;
      }
      t |= bit << i;
    }
    if (fits) counts[t]++;
  }
  return n;
}

/** Does the net give every training point the target's output? Fills the activations of each
 * training point (for the gradient) as it goes. */
function fitsTraining(s: Setup): boolean {
  const { theta, width, tanh, train, target, z, h, o } = s;
  let fits = true;
  for (let r = 0; r < train.length; r++) {
    const i = train[r];
    o[r] = forward(theta, width, tanh, i, z, h, r * width);
    if ((o[r] > 0 ? 1 : 0) !== ((target >> i) & 1)) fits = false;
  }
  return fits;
}

/**
 * Add the gradient of log(1 + exp(−y·o)) on training point r (as row r of z, h, o), times
 * `scale`, to s.grad. With y = ±1: ∂/∂o = −y·σ(−y·o); the output layer gets that times the
 * activation, the hidden layer that times v_k·act′(z_k) times the input (1 for the bias).
 */
function addPointGradient(s: Setup, r: number, scale: number): void {
  const { theta, grad, width, tanh, z, h, o } = s;
  const i = s.train[r];
  const y = (s.target >> i) & 1 ? 1 : -1;
  const g = (-y * scale) / (1 + Math.exp(y * o[r]));
  const out = 4 * width;
  const x0 = X[4 * i], x1 = X[4 * i + 1], x2 = X[4 * i + 2];
  grad[5 * width] += g;
  for (let k = 0; k < width; k++) {
    const a = h[r * width + k];
    grad[out + k] += g * a;
    const slope = tanh ? 1 - a * a : z[r * width + k] > 0 ? 1 : 0;
    const d = g * theta[out + k] * slope;
    const q = 4 * k;
    grad[q] += d * x0;
    grad[q + 1] += d * x1;
    grad[q + 2] += d * x2;
    grad[q + 3] += d;
  }
}

/** One update on the current activations: full batch (mean loss over S) or one point drawn
 * uniformly from S (SGD). */
export function gradientStep(s: Setup, rng: Rng): void {
  const { grad, theta, train } = s;
  grad.fill(0);
  if (s.sgd) addPointGradient(s, Math.floor(rng.uniform() * train.length), 1);
  else for (let r = 0; r < train.length; r++) addPointGradient(s, r, 1 / train.length);
  for (let q = 0; q < theta.length; q++) theta[q] -= s.lr * grad[q];
}

export interface RunOutcome {
  /** The function reached, or −1 if the run never fit. */
  table: number;
  /** Updates made before the net fit (0 when the prior draw already fits). */
  steps: number;
}

/** Training run `run`: a fresh prior draw from its own stream, then updates until it fits. */
export function trainRun(s: Setup, run: number): RunOutcome {
  const rng = createRng(streamSeed(s.seed, TRAIN_STREAM, run));
  drawNet(rng, s.width, s.sigma, s.theta);
  for (let step = 0; ; step++) {
    if (fitsTraining(s)) return { table: tableOf(s.theta, s.width, s.tanh), steps: step };
    if (step === MAX_STEPS) return { table: -1, steps: step };
    gradientStep(s, rng);
  }
}

/** Raw tallies; summarize() turns them into the result. */
export interface Tallies {
  priorCounts: Float64Array;
  priorDrawn: number;
  trainCounts: Float64Array;
  /** Updates taken by each run that fit, in run order. */
  steps: Int32Array;
  fitted: number;
  trained: number;
}

export function emptyTallies(s: Setup): Tallies {
  return {
    priorCounts: new Float64Array(FUNCTIONS), priorDrawn: 0, trainCounts: new Float64Array(FUNCTIONS),
    steps: new Int32Array(s.runs), fitted: 0, trained: 0,
  };
}

export function recordRun(t: Tallies, outcome: RunOutcome): void {
  t.trained++;
  if (outcome.table < 0) return;
  t.trainCounts[outcome.table]++;
  t.steps[t.fitted++] = outcome.steps;
}

/** One of `parts` workers' share of a setting: prior blocks and training runs `part`,
 * `part + parts`, … Interleaved, so each part gets a like mix of quick and slow training runs. */
export interface Part {
  part: number;
  parts: number;
}

/** How many of `count` items (blocks or runs) fall to `part`. */
export const partCount = (count: number, { part, parts }: Part) => Math.max(0, Math.ceil((count - part) / parts));

/** Draw `part`'s next prior block (the `done`-th it draws) into t. */
export function samplePartBlock(s: Setup, { part, parts }: Part, done: number, t: Tallies): void {
  t.priorDrawn += sampleBlock(s, part + done * parts, t.priorCounts);
}

/** Train `part`'s next run (its `done`-th) into t. */
export function trainPartRun(s: Setup, { part, parts }: Part, done: number, t: Tallies): void {
  recordRun(t, trainRun(s, part + done * parts));
}

/**
 * The parts' tallies as one: exactly those of running every block and run in one place, as
 * compute() does. Counts are sums of whole numbers (exact in a double), and the steps' order is
 * immaterial: only their median is used. A part's `steps` may be cut to its `fitted` runs.
 */
export function mergeTallies(s: Setup, parts: Tallies[]): Tallies {
  const t = emptyTallies(s);
  for (const p of parts) {
    for (let f = 0; f < FUNCTIONS; f++) {
      t.priorCounts[f] += p.priorCounts[f];
      t.trainCounts[f] += p.trainCounts[f];
    }
    t.steps.set(p.steps.subarray(0, p.fitted), t.fitted);
    t.priorDrawn += p.priorDrawn;
    t.fitted += p.fitted;
    t.trained += p.trained;
  }
  return t;
}

export interface FunctionRow {
  table: number;
  /** Outputs on the unseen points, in point order ('0'/'1'). */
  unseen: string;
  isTarget: boolean;
  priorCount: number;
  trainCount: number;
  /** P_prior(f | S) and P_train(f | S); log10 is null where the tally is 0. */
  pPrior: number;
  pTrain: number;
  log10PPrior: number | null;
  log10PTrain: number | null;
}

export interface Result {
  target: number;
  trainPoints: number[];
  unseenPoints: number[];
  /** Prior draws made, and how many fit the training set. */
  samples: number;
  priorFits: number;
  /** Share of prior draws that fit, and its log10 (null when none did). */
  pFit: number;
  log10PFit: number | null;
  runs: number;
  /** Runs that fit within MAX_STEPS updates, and their share. */
  fitted: number;
  converged: number;
  /** Median updates over runs that fit (null when none did). */
  medianSteps: number | null;
  pPriorTarget: number;
  pTrainTarget: number;
  log10PPriorTarget: number | null;
  log10PTrainTarget: number | null;
  /** Σ_f min(P_prior, P_train): 1 − total variation distance. */
  overlap: number;
  /** Pearson r of log10 P_train against log10 P_prior over functions both tallies saw (null with
   * fewer than three such functions or no spread). */
  logCorrelation: number | null;
  /** Functions seen by either tally, by P_prior (then P_train, then table). */
  functions: FunctionRow[];
}

/**
 * log10 x for x > 0 from +, −, × and ÷ alone, which IEEE 754 makes identical in every engine:
 * Math.log10 is not, and Chromium and Node were seen to differ in the last digit of the log
 * correlation that readers quote. x = m·2^e with m in [√½, √2), then ln m = 2·atanh((m − 1)/(m + 1))
 * by its series (|s| ≤ 0.172, so 30 terms are far below double precision).
 */
export function exactLog10(x: number): number {
  let m = x;
  let e = 0;
  while (m >= 2) { m /= 2; e++; }
  while (m < 1) { m *= 2; e--; }
  if (m > Math.SQRT2) { m /= 2; e++; }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = 0;
  for (let k = 1; k < 60; k += 2) {
    sum += term / k;
    term *= s2;
  }
  return (2 * sum + e * Math.LN2) / Math.LN10;
}

function median(xs: Int32Array): number | null {
  if (xs.length === 0) return null;
  const s = xs.slice().sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  // Products, not `** 2`: V8 may compute a power differently in its optimised code, and a cited
  // number must come out the same in Node, every browser and every tier of the JIT.
  for (let k = 0; k < n; k++) {
    const dx = xs[k] - mx;
    const dy = ys[k] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx <= 0 || syy <= 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

export function summarize(s: Setup, t: Tallies): Result {
  const unseenPoints = Array.from(s.order.slice(s.train.length));
  let priorFits = 0;
  for (let f = 0; f < FUNCTIONS; f++) priorFits += t.priorCounts[f];
  const share = (count: number, total: number) => (total > 0 ? count / total : 0);
  const log10 = (p: number) => (p > 0 ? exactLog10(p) : null);
  const functions: FunctionRow[] = [];
  for (let f = 0; f < FUNCTIONS; f++) {
    const priorCount = t.priorCounts[f];
    const trainCount = t.trainCounts[f];
    if (priorCount === 0 && trainCount === 0) continue;
    const pPrior = share(priorCount, priorFits);
    const pTrain = share(trainCount, t.fitted);
    functions.push({
      table: f,
      unseen: unseenPoints.map((i) => (f >> i) & 1).join(''),
      isTarget: f === s.target,
      priorCount, trainCount, pPrior, pTrain, log10PPrior: log10(pPrior), log10PTrain: log10(pTrain),
    });
  }
  functions.sort((a, b) => b.pPrior - a.pPrior || b.pTrain - a.pTrain || a.table - b.table);
  let overlap = 0;
  for (const row of functions) overlap += Math.min(row.pPrior, row.pTrain);
  const both = functions.filter((row) => row.priorCount > 0 && row.trainCount > 0);
  const pPriorTarget = share(t.priorCounts[s.target], priorFits);
  const pTrainTarget = share(t.trainCounts[s.target], t.fitted);
  const pFit = share(priorFits, t.priorDrawn);
  return {
    target: s.target,
    trainPoints: s.train.slice(),
    unseenPoints,
    samples: t.priorDrawn,
    priorFits,
    pFit,
    log10PFit: log10(pFit),
    runs: t.trained,
    fitted: t.fitted,
    converged: share(t.fitted, t.trained),
    medianSteps: median(t.steps.subarray(0, t.fitted)),
    pPriorTarget,
    pTrainTarget,
    log10PPriorTarget: log10(pPriorTarget),
    log10PTrainTarget: log10(pTrainTarget),
    overlap: Math.min(1, overlap),
    logCorrelation: pearson(both.map((r) => r.log10PPrior!), both.map((r) => r.log10PTrain!)),
    functions,
  };
}

/** Functions the ranked bars show, per measure: the bars pair each function's two shares. */
export const RANKED = 6;

/**
 * The functions the ranked bar pair shows, in the result's order (by prior share): the `k` with the
 * largest prior share, the `k` with the largest training share, and the target. By both measures,
 * not the prior's alone: the question is whether training follows the prior, and a function
 * training favours far more than the prior does is the answer "no", which a prior-only top list
 * would leave out. A function neither measure saw has no row.
 */
export function rankedFunctions(r: Result, k = RANKED): FunctionRow[] {
  const top = (share: 'pPrior' | 'pTrain') =>
    [...r.functions].filter((f) => f[share] > 0).sort((a, b) => b[share] - a[share]).slice(0, k);
  const shown = new Set([...top('pPrior'), ...top('pTrain'), ...r.functions.filter((f) => f.isTarget)]);
  return r.functions.filter((f) => shown.has(f));
}

export function compute(p: Params): Result {
  const s = setup(p);
  const t = emptyTallies(s);
  for (let b = 0; b < priorBlocks(s); b++) t.priorDrawn += sampleBlock(s, b, t.priorCounts);
  for (let r = 0; r < s.runs; r++) recordRun(t, trainRun(s, r));
  return summarize(s, t);
}

export const model: Model<typeof schema, Result> = { id: 'sgd-prior', schema, compute };
