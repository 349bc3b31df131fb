import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compute, drawNet, emptyTallies, exactLog10, FUNCTIONS, gradientStep, MAX_STEPS, mergeTallies, model, parameterCount, parseTarget,
  parseTrain, partCount, POINTS, priorBlocks, RANKED, rankedFunctions, recordRun, sampleBlock, samplePartBlock, schema, setup,
  streamSeed, summarize, tableOf, trainPartRun, trainRun, type Params, type Part, type Result,
} from '../../src/models/sgd-prior';
import { defaults } from '../../src/core/schema';
import { createRng, type Rng } from '../../src/core/random';
import { allNumbers, arbitraryParams } from '../support/arbitrary';

const params = (over: Partial<Params> = {}): Params => ({ ...defaults(schema), ...over });

// ---- An independent, deliberately plain implementation of the spec ------------------------
interface PlainNet { W: number[][]; b: number[]; v: number[]; c: number }
const bitsOf = (i: number) => [0, 1, 2].map((j) => 2 * ((i >> j) & 1) - 1);
const act = (name: string, z: number) => (name === 'tanh' ? Math.tanh(z) : Math.max(0, z));
const actSlope = (name: string, z: number) => (name === 'tanh' ? 1 - Math.tanh(z) ** 2 : z > 0 ? 1 : 0);

function plainOutput(net: PlainNet, kind: string, i: number): number {
  const x = bitsOf(i);
  let o = net.c;
  net.W.forEach((w, k) => {
    o += net.v[k] * act(kind, w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + net.b[k]);
  });
  return o;
}
const plainTable = (net: PlainNet, kind: string) =>
  Array.from({ length: POINTS }, (_, i) => i).reduce((t, i) => t | ((plainOutput(net, kind, i) > 0 ? 1 : 0) << i), 0);

/** Mean logistic loss over the points, log(1 + exp(−y·o)). */
function plainLoss(net: PlainNet, kind: string, target: number, points: number[]): number {
  let sum = 0;
  for (const i of points) sum += Math.log1p(Math.exp(-(((target >> i) & 1) ? 1 : -1) * plainOutput(net, kind, i)));
  return sum / points.length;
}

/** Gradient of the mean loss by the chain rule, written out per parameter. */
function plainGradient(net: PlainNet, kind: string, target: number, points: number[]): PlainNet {
  const width = net.v.length;
  const g: PlainNet = { W: net.W.map(() => [0, 0, 0]), b: Array(width).fill(0), v: Array(width).fill(0), c: 0 };
  for (const i of points) {
    const x = bitsOf(i);
    const y = ((target >> i) & 1) ? 1 : -1;
    const o = plainOutput(net, kind, i);
    const dLdo = (-y * Math.exp(-y * o)) / (1 + Math.exp(-y * o)) / points.length;
    g.c += dLdo;
    for (let k = 0; k < width; k++) {
      const z = net.W[k][0] * x[0] + net.W[k][1] * x[1] + net.W[k][2] * x[2] + net.b[k];
      g.v[k] += dLdo * act(kind, z);
      const back = dLdo * net.v[k] * actSlope(kind, z);
      for (let j = 0; j < 3; j++) g.W[k][j] += back * x[j];
      g.b[k] += back;
    }
  }
  return g;
}

const toPlain = (theta: Float64Array, width: number): PlainNet => ({
  W: Array.from({ length: width }, (_, k) => [theta[4 * k], theta[4 * k + 1], theta[4 * k + 2]]),
  b: Array.from({ length: width }, (_, k) => theta[4 * k + 3]),
  v: Array.from(theta.subarray(4 * width, 5 * width)),
  c: theta[5 * width],
});
const flat = (n: PlainNet) => [...n.W.flatMap((w, k) => [...w, n.b[k]]), ...n.v, n.c];

/** The spec's training loop on plain nets, from the same initial draw and the same stream. */
function plainTrain(p: Params, run: number): { table: number; steps: number } {
  const width = p.width as number;
  const { target, train: points } = setup(p);
  const rng = createRng(streamSeed(p.seed as number, 1, run));
  const theta = new Float64Array(parameterCount(width));
  drawNet(rng, width, p.sigma as number, theta);
  let net = toPlain(theta, width);
  const kind = p.act as string;
  for (let step = 0; step <= MAX_STEPS; step++) {
    if (points.every((i) => (plainOutput(net, kind, i) > 0 ? 1 : 0) === ((target >> i) & 1))) {
      return { table: plainTable(net, kind), steps: step };
    }
    if (step === MAX_STEPS) break;
    const batch = p.optimizer === 'sgd' ? [points[Math.floor(rng.uniform() * points.length)]] : points;
    const g = plainGradient(net, kind, target, batch);
    const lr = p.lr as number;
    net = {
      W: net.W.map((w, k) => w.map((x, j) => x - lr * g.W[k][j])),
      b: net.b.map((x, k) => x - lr * g.b[k]),
      v: net.v.map((x, k) => x - lr * g.v[k]),
      c: net.c - lr * g.c,
    };
  }
  return { table: -1, steps: MAX_STEPS };
}

/** Box–Muller normals from a plain uniform stream: a second, independent way to draw the prior. */
function boxMuller(rng: Rng): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
}
function plainPriorEstimate(p: Params, samples: number, seed: number): Float64Array {
  const width = p.width as number;
  const s = setup(p);
  const normal = boxMuller(createRng(seed));
  const counts = new Float64Array(FUNCTIONS);
  const hiddenSd = (p.sigma as number) / 2;
  const outputSd = (p.sigma as number) / Math.sqrt(width + 1);
  for (let d = 0; d < samples; d++) {
    const net: PlainNet = {
      W: Array.from({ length: width }, () => [normal() * hiddenSd, normal() * hiddenSd, normal() * hiddenSd]),
      b: Array.from({ length: width }, () => normal() * hiddenSd),
      v: Array.from({ length: width }, () => normal() * outputSd),
      c: normal() * outputSd,
    };
    const t = plainTable(net, p.act as string);
    if (s.train.every((i) => ((t >> i) & 1) === ((s.target >> i) & 1))) counts[t]++;
  }
  return counts;
}

// ---- Tests --------------------------------------------------------------------------------
describe('sgd-prior: parameters', () => {
  it('reads presets and truth tables like tiny-nets, and rejects the rest', () => {
    expect(setup(params({ target: 'majority' })).target).toBe(0b11101000);
    expect(setup(params({ target: 'parity' })).target).toBe(0b10010110);
    expect(setup(params({ target: 'and01' })).target).toBe(0b10001000);
    expect(setup(params({ target: 'x0' })).target).toBe(0b10101010);
    expect(setup(params({ target: 'const0' })).target).toBe(0);
    expect(setup(params({ target: '77' })).target).toBe(77);
    for (const bad of ['256', '-1', '1.5', 'random', '0x10', '']) expect(parseTarget(bad)).toBeNull();
    expect(parseTrain(' 6, 0 3,3 ')).toBe('0,3,6');
    expect(parseTrain('')).toBe('');
    for (const bad of ['8', '1,,x', '-1', '10']) expect(parseTrain(bad)).toBeNull();
    expect(setup(params()).train).toEqual([0, 3, 5, 6]);
  });
});

describe('sgd-prior: the gradient', () => {
  it('equals the chain rule and central finite differences of the mean logistic loss (width 2)', () => {
    for (const kind of ['relu', 'tanh']) {
      for (const seed of [1, 2, 3]) {
        const p = params({ width: 2, act: kind, seed, lr: 1 });
        const s = setup(p);
        drawNet(createRng(seed), 2, 1.5, s.theta);
        const before = toPlain(s.theta, 2);
        // gradientStep uses the activations the fit check leaves behind: fill them by a forward pass.
        trainRunActivations(s);
        gradientStep(s, createRng(0));
        const step = Array.from(s.theta, (x, q) => flat(before)[q] - x);
        const chain = flat(plainGradient(before, kind, s.target, s.train));
        step.forEach((g, q) => expect(g).toBeCloseTo(chain[q], 12));
        const h = 1e-6;
        flat(before).forEach((_, q) => {
          const at = (d: number) => {
            const x = flat(before);
            x[q] += d;
            return plainLoss(toPlain(Float64Array.from(x), 2), kind, s.target, s.train);
          };
          expect(step[q]).toBeCloseTo((at(h) - at(-h)) / (2 * h), 6);
        });
      }
    }
  });

  it('follows the plain loop step by step: same function and same number of steps (GD and SGD)', () => {
    const cases: Partial<Params>[] = [
      { width: 2 }, { width: 2, act: 'tanh' }, { width: 2, optimizer: 'sgd' }, { width: 3, lr: 1.5, target: 'parity', train: '0,1,2,4' },
      { width: 2, act: 'tanh', optimizer: 'sgd', lr: 0.5, target: '105' },
    ];
    let trained = 0;
    for (const over of cases) {
      const p = params(over);
      const s = setup(p);
      for (let run = 0; run < 6; run++) {
        const fast = trainRun(s, run);
        expect(fast).toEqual(plainTrain(p, run));
        if (fast.steps > 0) trained++;
      }
    }
    expect(trained).toBeGreaterThan(10);
  });

  it('stops at step 0 exactly when the prior draw already fits, and the fitted function agrees on S', () => {
    const p = params({ width: 4, runs: 400 });
    const s = setup(p);
    let zero = 0;
    for (let run = 0; run < 400; run++) {
      const rng = createRng(streamSeed(p.seed as number, 1, run));
      const theta = new Float64Array(parameterCount(4));
      drawNet(rng, 4, 1, theta);
      const t0 = tableOf(theta, 4, false);
      const fitsAtStart = s.train.every((i) => ((t0 >> i) & 1) === ((s.target >> i) & 1));
      const out = trainRun(s, run);
      expect(out.steps === 0).toBe(fitsAtStart);
      if (fitsAtStart) {
        expect(out.table).toBe(t0);
        zero++;
      }
      if (out.table >= 0) for (const i of s.train) expect((out.table >> i) & 1).toBe((s.target >> i) & 1);
    }
    expect(zero).toBeGreaterThan(0);
  });
});

/** Fill s.z, s.h, s.o for the training points (what trainRun's fit check does before a step). */
function trainRunActivations(s: ReturnType<typeof setup>): void {
  const width = s.width;
  s.train.forEach((i, r) => {
    const x = bitsOf(i);
    let o = s.theta[5 * width];
    for (let k = 0; k < width; k++) {
      const z = s.theta[4 * k] * x[0] + s.theta[4 * k + 1] * x[1] + s.theta[4 * k + 2] * x[2] + s.theta[4 * k + 3];
      s.z[r * width + k] = z;
      s.h[r * width + k] = act(s.tanh ? 'tanh' : 'relu', z);
      o += s.theta[4 * width + k] * s.h[r * width + k];
    }
    s.o[r] = o;
  });
}

describe('sgd-prior: the prior', () => {
  it('tallies exactly the fitting functions of its draws (brute force over every point)', () => {
    const p = params({ width: 3, samples: 5000, act: 'tanh' });
    const s = setup(p);
    const counts = new Float64Array(FUNCTIONS);
    for (let b = 0; b < priorBlocks(s); b++) sampleBlock(s, b, counts);
    const brute = new Float64Array(FUNCTIONS);
    for (let b = 0; b < priorBlocks(s); b++) {
      const rng = createRng(streamSeed(1, 0, b));
      const n = Math.min(4096, 5000 - b * 4096);
      for (let d = 0; d < n; d++) {
        const theta = new Float64Array(parameterCount(3));
        drawNet(rng, 3, 1, theta);
        const t = plainTable(toPlain(theta, 3), 'tanh');
        if (s.train.every((i) => ((t >> i) & 1) === ((s.target >> i) & 1))) brute[t]++;
      }
    }
    expect(Array.from(counts)).toEqual(Array.from(brute));
  });

  it('draws each weight and bias with standard deviation σ/√(fan-in), a bias counting as an input', () => {
    const rng = createRng(5);
    const width = 7, sigma = 2.5, nets = 20_000;
    const theta = new Float64Array(parameterCount(width));
    let hidden = 0, output = 0;
    for (let d = 0; d < nets; d++) {
      drawNet(rng, width, sigma, theta);
      for (let q = 0; q < 4 * width; q++) hidden += theta[q] ** 2;
      for (let q = 4 * width; q <= 5 * width; q++) output += theta[q] ** 2;
    }
    expect(Math.sqrt(hidden / (nets * 4 * width))).toBeCloseTo(sigma / 2, 2);
    expect(Math.sqrt(output / (nets * (width + 1)))).toBeCloseTo(sigma / Math.sqrt(width + 1), 2);
  });

  it('P_prior(f | S) matches a direct estimate from a separate sampler within sampling error', () => {
    for (const over of [{ width: 4 }, { width: 2, act: 'tanh', sigma: 3, target: 'parity', train: '0,7' }] as Partial<Params>[]) {
      const p = params({ ...over, samples: 120_000, runs: 10 });
      const r = compute(p);
      const direct = plainPriorEstimate(p, 120_000, 99);
      const directFits = direct.reduce((a, b) => a + b, 0);
      expect(directFits).toBeGreaterThan(1000);
      for (const row of r.functions.filter((f) => f.pPrior > 0.01)) {
        const q = direct[row.table] / directFits;
        const se = Math.sqrt((row.pPrior * (1 - row.pPrior)) / r.priorFits + (q * (1 - q)) / directFits);
        expect(Math.abs(row.pPrior - q)).toBeLessThan(5 * se);
      }
      const seFit = Math.sqrt(r.pFit * (1 - r.pFit) * (1 / 120_000 + 1 / 120_000));
      expect(Math.abs(r.pFit - directFits / 120_000)).toBeLessThan(5 * seFit);
    }
  });
});

describe('sgd-prior: the summary', () => {
  it('takes logarithms by plain arithmetic, to within an ulp or two of Math.log10', () => {
    for (const x of [1, 2, 10, 0.5, 0.0316, 0.05425749383871769, 1 / 3, 1e-7, 0.999999, Math.SQRT2, Math.SQRT1_2]) {
      expect(Math.abs(exactLog10(x) - Math.log10(x))).toBeLessThanOrEqual(4e-16 * Math.max(1, Math.abs(Math.log10(x))));
    }
    expect(exactLog10(1)).toBe(0);
  });

  it('is reproducible from its seed and independent of how the work is split', () => {
    const p = params({ width: 4, samples: 9000, runs: 60 });
    const a = compute(p);
    expect(compute(p)).toEqual(a);
    const s = setup(p);
    const t = emptyTallies(s);
    for (let b = priorBlocks(s) - 1; b >= 0; b--) t.priorDrawn += sampleBlock(s, b, t.priorCounts);
    for (let r = 0; r < s.runs; r++) recordRun(t, trainRun(s, r));
    expect(summarize(s, t)).toEqual(a);
    expect(compute({ ...p, seed: 2 })).not.toEqual(a);
  });

  it('split across workers (interleaved parts, merged) gives exactly the one-worker result', () => {
    /** What one worker posts for its part: its tallies, steps cut to the runs that fit. */
    const runPart = (p: Params, part: Part) => {
      const s = setup(p);
      const t = emptyTallies(s);
      for (let b = 0; b < partCount(priorBlocks(s), part); b++) samplePartBlock(s, part, b, t);
      for (let r = 0; r < partCount(s.runs, part); r++) trainPartRun(s, part, r, t);
      return { ...t, steps: t.steps.slice(0, t.fitted) };
    };
    const settings = [
      params({ width: 4, samples: 9000, runs: 61 }),
      params({ width: 3, act: 'tanh', optimizer: 'sgd', lr: 1.5, samples: 13_000, runs: 37, seed: 5 }),
      params({ width: 5, train: '1,2', target: 'parity', samples: 4097, runs: 10, seed: 9 }),
    ];
    for (const p of settings) {
      const whole = compute(p);
      for (const parts of [1, 2, 3, 4]) {
        const s = setup(p);
        const tallies = Array.from({ length: parts }, (_, part) => runPart(p, { part, parts }));
        // Every block and run falls to exactly one part.
        expect(tallies.reduce((n, t) => n + t.trained, 0)).toBe(p.runs);
        expect(tallies.reduce((n, t) => n + t.priorDrawn, 0)).toBe(p.samples);
        expect(summarize(s, mergeTallies(s, tallies))).toEqual(whole);
        // In any order of arrival.
        expect(summarize(s, mergeTallies(s, tallies.reverse()))).toEqual(whole);
      }
    }
  });

  it('ranks for the bar pair the top functions by either share, and the target, in prior order', () => {
    const check = (r: Result) => {
      const rows = rankedFunctions(r);
      // In the result's order (by prior share), each at most once.
      const at = rows.map((f) => r.functions.indexOf(f));
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(new Set(rows).size).toBe(rows.length);
      // Brute force: a function is shown iff fewer than RANKED others beat it on one share it has, or it is the target.
      for (const f of r.functions) {
        const topOn = (k: 'pPrior' | 'pTrain') => f[k] > 0 && r.functions.filter((g) => g[k] > f[k] || (g[k] === f[k] && r.functions.indexOf(g) < r.functions.indexOf(f))).length < RANKED;
        expect(rows.includes(f)).toBe(f.isTarget || topOn('pPrior') || topOn('pTrain'));
      }
      expect(rows.length).toBeLessThanOrEqual(2 * RANKED + 1);
    };
    const r = compute(params({ width: 4, samples: 20_000, runs: 300 }));
    check(r);
    expect(rankedFunctions(r).some((f) => f.isTarget)).toBe(true);
    check(compute(params({ width: 6, train: '0,7', samples: 20_000, runs: 200 })));
    check(compute(params({ width: 3, train: '', samples: 2000, runs: 20 })));
  });

  it('computes the headline numbers from the tallies as defined', () => {
    const r = compute(params({ width: 4, samples: 20_000, runs: 300 }));
    const target = r.functions.find((f) => f.isTarget)!;
    expect(r.pPriorTarget).toBe(target.priorCount / r.priorFits);
    expect(r.pTrainTarget).toBe(target.trainCount / r.fitted);
    expect(r.overlap).toBeCloseTo(r.functions.reduce((s, f) => s + Math.min(f.pPrior, f.pTrain), 0), 12);
    const totalVariation = r.functions.reduce((s, f) => s + Math.abs(f.pPrior - f.pTrain), 0) / 2;
    expect(r.overlap).toBeCloseTo(1 - totalVariation, 12);
    expect(r.functions.reduce((s, f) => s + f.trainCount, 0)).toBe(r.fitted);
    expect(r.unseenPoints).toEqual([1, 2, 4, 7]);
    expect(target.unseen).toBe('0001');
  });

  it('with no training points every run fits at step 0', () => {
    const r = compute(params({ width: 3, train: '', samples: 2000, runs: 50 }));
    expect(r.converged).toBe(1);
    expect(r.medianSteps).toBe(0);
    expect(r.pFit).toBe(1);
  });

  it('is finite, normalised and in range over the whole schema', () => {
    const small = { samples: fc.integer({ min: 1000, max: 2500 }), runs: fc.integer({ min: 10, max: 16 }) };
    fc.assert(
      fc.property(arbitraryParams(model, small), (p) => {
        const r = compute(p);
        for (const x of allNumbers(r)) expect(Number.isFinite(x)).toBe(true);
        expect(r.samples).toBe(p.samples);
        expect(r.runs).toBe(p.runs);
        for (const x of [r.converged, r.overlap, r.pFit, r.pPriorTarget, r.pTrainTarget]) expect(x >= 0 && x <= 1).toBe(true);
        if (r.logCorrelation !== null) expect(Math.abs(r.logCorrelation)).toBeLessThanOrEqual(1);
        const sum = (k: 'pPrior' | 'pTrain') => r.functions.reduce((s, f) => s + f[k], 0);
        if (r.priorFits > 0) expect(sum('pPrior')).toBeCloseTo(1, 9);
        if (r.fitted > 0) expect(sum('pTrain')).toBeCloseTo(1, 9);
        for (const f of r.functions) for (const i of r.trainPoints) expect((f.table >> i) & 1).toBe((r.target >> i) & 1);
      }),
      { numRuns: 25 },
    );
  });
});
