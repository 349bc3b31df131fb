import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CHECKPOINTS, MAX_RATE_CURVATURE, MAX_STEP_EVALUATIONS, basinLogTimes, compute, createLandscape, createSimulation,
  erfc, forecasts, logSaddleIntegral, logWellIntegral, model, normalize, reflectInto, schema,
  type Params,
} from '../../src/models/basins';
import { defaults } from '../../src/core/schema';
import { createRng } from '../../src/core/random';
import { allNumbers, arbitraryParams } from '../support/arbitrary';

const params = (over: Partial<Params> = {}): Params => ({ ...defaults(schema), ...over });

// ------------------------------------------------------------------ independent reference tools

/** Gauss–Legendre nodes and weights on [−1, 1] (Newton on P_n). */
function gaussLegendre(n: number): { x: number[]; w: number[] } {
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 1; i <= n; i++) {
    let z = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * z * p1 - (k - 1) * p0) / k];
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x.push(z);
    w.push(2 / ((1 - z * z) * dp * dp));
  }
  return { x, w };
}
const GL = gaussLegendre(10);

/** ∫_a^b f by composite 10-point Gauss–Legendre on `panels` panels. */
function glIntegrate(f: (t: number) => number, a: number, b: number, panels: number): number {
  const h = (b - a) / panels;
  let s = 0;
  for (let j = 0; j < panels; j++) {
    const mid = a + (j + 0.5) * h;
    for (let i = 0; i < GL.x.length; i++) s += GL.w[i] * f(mid + (GL.x[i] * h) / 2);
  }
  return (s * h) / 2;
}

/** The loss straight from the spec in widgets.md. */
function specLoss(theta: number, B: number, ah: number, as: number, M: number, delta: number): number {
  const g = (u: number) => u * u * (2 - u * u);
  if (theta <= 0) return B * g((theta + ah) / ah);
  const j = Math.min(M - 1, Math.floor(theta / (2 * as)));
  return delta + (B - delta) * g((theta - (2 * j + 1) * as) / as);
}

/** Standard normal CDF from Python's math.erfc reference values is not enough in general, so this
 * integrates the density (independent of the model's erfc). */
function normalPdf(x: number, mu: number, s: number): number {
  return Math.exp(-0.5 * ((x - mu) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));
}

/** Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations. */
function jacobiEigenvalues(a: number[][]): number[] {
  const n = a.length;
  const m = a.map((r) => r.slice());
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p][q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(m[p][q]) < 1e-300) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k][p];
          const mkq = m[k][q];
          m[k][p] = c * mkp - s * mkq;
          m[k][q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p][k];
          const mqk = m[q][k];
          m[p][k] = c * mpk - s * mqk;
          m[q][k] = s * mpk + c * mqk;
        }
      }
  }
  return m.map((r, i) => r[i]).sort((x, y) => y - x);
}

const LN10 = Math.log(10);

// ------------------------------------------------------------------ the landscape

describe('basins landscape', () => {
  const cases = [
    params(),
    params({ barrier: 2, 'honest-width': 0.7, 'schemer-width': 1.3, schemers: 3, penalty: 0.5 }),
    params({ barrier: 0.4, 'honest-width': 2, 'schemer-width': 0.3, schemers: 7, penalty: 0.4 }),
  ];

  it('matches the spec formula, stays in [0, B] and has its minima at the well centres', () => {
    for (const p of cases) {
      const land = createLandscape(p);
      const B = p.barrier as number;
      const [ah, as, M, d] = [p['honest-width'], p['schemer-width'], p.schemers, p.penalty] as number[];
      let worst = 0;
      let [min, max] = [Infinity, -Infinity];
      for (let i = 0; i <= 2000; i++) {
        const x = land.lo + ((land.hi - land.lo) * i) / 2000;
        const L = land.loss(x);
        worst = Math.max(worst, Math.abs(L - specLoss(x, B, ah, as, M, d)));
        [min, max] = [Math.min(min, L), Math.max(max, L)];
      }
      expect(worst).toBeLessThan(1e-12);
      expect(min).toBeGreaterThanOrEqual(-1e-15);
      expect(max).toBeLessThanOrEqual(B + 1e-12);
      expect(land.loss(-ah)).toBe(0);
      for (let j = 0; j < M; j++) expect(land.loss((2 * j + 1) * as)).toBeCloseTo(d, 14);
    }
  });

  it('is continuous with zero slope at every well edge, from both sides', () => {
    const eps = 1e-7;
    for (const p of cases) {
      const land = createLandscape(p);
      const B = p.barrier as number;
      const as = p['schemer-width'] as number;
      const edges = [land.lo, 0, ...Array.from({ length: p.schemers as number }, (_, j) => 2 * (j + 1) * as)];
      for (const e of edges) {
        for (const side of [-1, 1]) {
          const x = e + side * eps;
          if (x < land.lo || x > land.hi) continue;
          expect(Math.abs(land.loss(x) - B)).toBeLessThan(1e-9);
          expect(Math.abs(land.slope(x))).toBeLessThan(1e-5);
          // One-sided difference quotient of L itself is ~0 too (not just the formula for L′).
          expect(Math.abs((land.loss(x) - land.loss(e)) / eps)).toBeLessThan(1e-5);
        }
      }
    }
  });

  it('has a slope equal to the derivative of its loss', () => {
    for (const p of cases) {
      const land = createLandscape(p);
      const rng = createRng(7);
      let worst = 0;
      for (let i = 0; i < 500; i++) {
        const x = land.lo + (land.hi - land.lo) * rng.uniform();
        const h = 1e-6;
        const numeric = (land.loss(x + h) - land.loss(x - h)) / (2 * h);
        worst = Math.max(worst, Math.abs(land.slope(x) - numeric));
      }
      expect(worst).toBeLessThan(1e-5);
    }
  });

  it('reflects any point into the domain like a pair of mirrors', () => {
    const lo = -2;
    const W = 10;
    expect(reflectInto(3, lo, W)).toBe(3);
    expect(reflectInto(lo - 0.5, lo, W)).toBeCloseTo(lo + 0.5, 12);
    expect(reflectInto(lo + W + 0.5, lo, W)).toBeCloseTo(lo + W - 0.5, 12);
    expect(reflectInto(lo + 2 * W + 0.5, lo, W)).toBeCloseTo(lo + 0.5, 12);
    expect(reflectInto(lo - 3 * W - 0.25, lo, W)).toBeCloseTo(lo + W - 0.25, 12);
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), (x) => {
        const y = reflectInto(x, lo, W);
        expect(y).toBeGreaterThanOrEqual(lo);
        expect(y).toBeLessThanOrEqual(lo + W);
        expect(reflectInto(x + 2 * W, lo, W)).toBeCloseTo(y, 6);
      }),
    );
  });
});

// ------------------------------------------------------------------ special functions

describe('basins special functions', () => {
  it('erfc matches reference values (Python math.erfc)', () => {
    const ref: [number, number][] = [
      [0.1, 0.8875370839817152], [0.5, 0.4795001221869535], [1, 0.15729920705028513],
      [2, 0.004677734981047265], [2.9, 4.109787809945886e-5], [3, 2.2090496998585438e-5],
      [3.1, 1.1648657367199589e-5], [5, 1.5374597944280351e-12], [10, 2.088487583762545e-45],
      [20, 5.3958656116079005e-176], [26, 5.663192408856143e-296],
    ];
    for (const [x, v] of ref) {
      expect(Math.abs(erfc(x) / v - 1)).toBeLessThan(1e-12);
      expect(erfc(-x)).toBeCloseTo(2 - v, 14);
    }
    expect(erfc(0)).toBe(1);
  });

  it('the unit-well integral ∫ e^(−k·u²(2−u²)) matches its power series and its Laplace expansion', () => {
    // Power series: Σ_j (−k)^j/j! ∫_{−1}^{1} u^(2j)(2 − u²)^j du, expanded binomially.
    const series = (k: number) => {
      let s = 0;
      let fact = 1;
      for (let j = 0; j < 80; j++) {
        if (j > 0) fact *= j;
        let moment = 0;
        let binom = 1;
        for (let i = 0; i <= j; i++) {
          if (i > 0) binom = (binom * (j - i + 1)) / i;
          moment += (binom * 2 ** (j - i) * (-1) ** i * 2) / (2 * j + 2 * i + 1);
        }
        s += ((-k) ** j / fact) * moment;
      }
      return s;
    };
    for (const k of [0, 0.01, 0.5, 1, 3]) expect(Math.exp(logWellIntegral(k)) / series(k)).toBeCloseTo(1, 10);
    // Laplace: √(π/(2k))·(1 + 3/(16k) + O(k^−2)).
    for (const k of [1e3, 1e4, 1e6]) {
      const laplace = Math.sqrt(Math.PI / (2 * k)) * (1 + 3 / (16 * k));
      expect(Math.abs(Math.exp(logWellIntegral(k)) / laplace - 1)).toBeLessThan(5 / (k * k));
    }
  });

  it('the saddle integral ∫_0^1 e^(−k(1−u²)²) matches its series and its expansion at the top', () => {
    const series = (k: number) => {
      // ∫_0^1 (1 − u²)^n du = 4^n (n!)² / (2n + 1)!
      let s = 0;
      let fact = 1;
      for (let j = 0; j < 60; j++) {
        if (j > 0) fact *= j;
        const n = 2 * j;
        let beta = 1;
        for (let i = 1; i <= n; i++) beta *= (2 * i) / (2 * i + 1);
        s += ((-k) ** j / fact) * beta;
      }
      return s;
    };
    for (const k of [0, 0.1, 1, 2]) expect(Math.exp(logSaddleIntegral(k)) / series(k)).toBeCloseTo(1, 10);
    for (const k of [1e4, 1e6]) {
      const top = Math.sqrt(Math.PI) / (4 * Math.sqrt(k)) + 1 / (8 * k);
      expect(Math.abs(Math.exp(logSaddleIntegral(k)) / top - 1)).toBeLessThan(3 / k);
    }
  });
});

// ------------------------------------------------------------------ forecasts

describe('basins forecasts', () => {
  it('publishes the default numbers', () => {
    const f = forecasts(params());
    // Starts N(−1, 1) reflected at −2: honest iff x ∈ [−4, 0] (+ negligible images) = Φ(1) − Φ(−3).
    expect(f.pathHonest).toBeCloseTo(0.8413447460685429 - 0.0013498980316301035, 12);
    expect(f.gibbsHonest).toBeCloseTo(1 / 5, 12);
    expect(f.volumeHonest).toBe(0.2);
    expect(f.dimsGibbsHonest).toBeCloseTo(0.2, 10);
    expect(f.log10GibbsOdds).toBeCloseTo(Math.log10(4), 10);
  });

  it('path-honest equals the reflected normal mass on the honest basin, found by quadrature', () => {
    const cases = [
      params(),
      params({ 'start-mean': 0, 'start-sd': 0.3 }),
      params({ 'start-mean': 3, 'start-sd': 4, schemers: 2 }),
      params({ 'start-mean': -10, 'start-sd': 10, schemers: 1, 'schemer-width': 0.2, 'honest-width': 0.3 }),
      params({ 'start-mean': 39, 'start-sd': 0.5, schemers: 20, 'schemer-width': 1 }),
    ];
    for (const p of cases) {
      const land = createLandscape(p);
      const [mu, s] = [p['start-mean'], p['start-sd']] as number[];
      const inHonest = (x: number) => (reflectInto(x, land.lo, land.hi - land.lo) <= 0 ? 1 : 0);
      // The integrand jumps at images of the basin edges; a fine midpoint rule is exact enough.
      const n = 150_000;
      const a = mu - 12 * s;
      const h = (24 * s) / n;
      let mass = 0;
      for (let i = 0; i < n; i++) {
        const x = a + (i + 0.5) * h;
        mass += inHonest(x) * normalPdf(x, mu, s) * h;
      }
      expect(forecasts(p).pathHonest).toBeCloseTo(mass, 4);
    }
    expect(forecasts(params({ 'start-mean': 0, 'start-sd': 0.01 })).pathHonest).toBeCloseTo(0.5, 12);
  });

  it('gibbs-honest equals a_h/(a_h + M·a_s) at Δ = 0 for every temperature', () => {
    for (const T of [0.01, 0.05, 0.3, 1, 10]) {
      for (const [B, ah, as, M] of [[1, 1, 1, 4], [10, 0.5, 2, 3], [0.1, 3, 0.2, 20]]) {
        const f = forecasts(params({ temperature: T, barrier: B, 'honest-width': ah, 'schemer-width': as, schemers: M }));
        expect(f.gibbsHonest).toBeCloseTo(ah / (ah + M * as), 12);
        expect(f.volumeHonest).toBeCloseTo(ah / (ah + M * as), 14);
      }
    }
  });

  it('gibbs-honest with a depth penalty matches an independent Gauss–Legendre quadrature in θ', () => {
    const cases: [number, number, number, number, number, number][] = [
      // T, B, a_h, a_s, M, Δ
      [0.3, 1, 1, 1, 4, 0.3],
      [1, 1, 1, 0.5, 2, 0.5],
      [0.05, 2, 0.7, 1.3, 3, 0.1],
      [0.02, 1, 1, 1, 4, 0.05],
      [10, 1, 2, 0.4, 5, 1],
      [0.5, 3, 1, 2, 6, 3],
    ];
    for (const [T, B, ah, as, M, d] of cases) {
      const p = params({ temperature: T, barrier: B, 'honest-width': ah, 'schemer-width': as, schemers: M, penalty: d });
      const panels = 4000;
      const zh = glIntegrate((x) => Math.exp(-specLoss(x, B, ah, as, M, d) / T), -2 * ah, 0, panels);
      // Schemer wells shifted by their floor Δ so nothing underflows; the shift goes back as −Δ/T.
      const zs = glIntegrate((x) => Math.exp(-(specLoss(x, B, ah, as, M, d) - d) / T), 0, 2 * M * as, panels * M);
      const logOdds = Math.log(zs) - d / T - Math.log(zh);
      const f = forecasts(p);
      expect(f.log10GibbsOdds * LN10).toBeCloseTo(logOdds, 8);
      expect(f.gibbsHonest).toBeCloseTo(1 / (1 + Math.exp(logOdds)), 10);
    }
  });

  it('stays finite and exact-in-log at extreme B/T and penalties', () => {
    const f = forecasts(params({ temperature: 0.01, barrier: 10, penalty: 9 }));
    // Schemer floors 9 above the honest floor: odds = 4·e^(−900)·I(100)/I(1000), with the Laplace
    // expansion I(k) ≈ √(π/(2k))·(1 + 3/(16k)) (error O(k^−2)).
    const I = (k: number) => Math.sqrt(Math.PI / (2 * k)) * (1 + 3 / (16 * k));
    expect(f.log10GibbsOdds).toBeCloseTo(Math.log10(4) - 900 / LN10 + Math.log10(I(100) / I(1000)), 4);
    expect(f.gibbsHonest).toBe(1);
    expect(Number.isFinite(f.log10EscapeSteps)).toBe(true);
    expect(f.log10EscapeSteps).toBeGreaterThan(1000 / LN10);
  });

  it('escape time is Kramers’ textbook formula at low temperature', () => {
    for (const [T, B, ah, as, d] of [[0.01, 10, 1, 1, 0], [0.01, 10, 1, 2, 3], [0.01, 5, 0.5, 1, 0]]) {
      const p = normalize(params({ temperature: T, barrier: B, 'honest-width': ah, 'schemer-width': as, penalty: d })).values;
      const eta = p.rate as number;
      const kMin = (4 * B) / (ah * ah);
      const kLeft = (8 * B) / (ah * ah);
      const kRight = (8 * (B - d)) / (as * as);
      const logTau = Math.log((Math.PI / Math.sqrt(kMin)) * (1 / Math.sqrt(kLeft) + 1 / Math.sqrt(kRight))) + B / T;
      // Corrections are O(√(T/B)) from the saddle's cubic term: ≈ 1% here.
      expect(Math.abs(forecasts(p).log10EscapeSteps * LN10 - (logTau - Math.log(eta)))).toBeLessThan(0.03);
    }
  });

  it('escape time is close to the exact mean first-passage time at moderate B/T', () => {
    // MFPT from the honest centre to the first schemer centre, reflecting wall at −2a_h:
    // τ = (1/T) ∫_{−a_h}^{a_s} e^(L(y)/T) ∫_{−2a_h}^{y} e^(−L(z)/T) dz dy, by cumulative trapezoids.
    for (const [T, B, ah, as, d] of [[0.2, 1, 1, 1, 0], [0.1, 1, 1, 0.6, 0.2], [0.25, 2, 0.8, 1.2, 0.5]]) {
      const p = normalize(params({ temperature: T, barrier: B, 'honest-width': ah, 'schemer-width': as, penalty: d })).values;
      const n = 200_000;
      const lo = -2 * ah;
      const h = (as - lo) / n;
      let inner = 0;
      let outer = 0;
      let prev = Math.exp(-specLoss(lo, B, ah, as, 4, d) / T);
      for (let i = 1; i <= n; i++) {
        const y = lo + i * h;
        const cur = Math.exp(-specLoss(y, B, ah, as, 4, d) / T);
        inner += 0.5 * (prev + cur) * h;
        prev = cur;
        if (y >= -ah) outer += Math.exp((specLoss(y, B, ah, as, 4, d) - B) / T) * inner * h;
      }
      const logExact = Math.log(outer / T) + B / T;
      const logModel = forecasts(p).log10EscapeSteps * LN10 + Math.log(p.rate as number);
      // The integral form replaces the inner integral by the whole well: exact as T/B → 0, and within
      // a few per cent here (the textbook Laplace formula is 15–35% low at these B/T).
      expect(Math.abs(logModel - logExact)).toBeLessThan(0.05);
    }
  });

  it('escape times obey detailed balance with the Gibbs odds', () => {
    for (const over of [{}, { penalty: 0.4 }, { 'schemer-width': 0.5, 'honest-width': 2, temperature: 0.1 }]) {
      const f = forecasts(params(over));
      const M = (params(over).schemers as number);
      expect(f.log10SchemerEscapeSteps - f.log10EscapeSteps).toBeCloseTo(f.log10GibbsOdds - Math.log10(M), 10);
    }
  });

  it('relaxation time is the slowest mode of the basin chain', () => {
    const eigenCheck = (p: Params) => {
      const t = basinLogTimes(p);
      const M = p.schemers as number;
      const k01 = Math.exp(-t.honestToSchemer);
      const k10 = Math.exp(-t.schemerToHonest);
      const kss = Math.exp(-t.schemerToSchemer);
      const Q: number[][] = Array.from({ length: M + 1 }, () => new Array(M + 1).fill(0));
      const link = (i: number, j: number, kij: number, kji: number) => {
        Q[i][j] = Math.sqrt(kij * kji);
        Q[j][i] = Q[i][j];
        Q[i][i] -= kij;
        Q[j][j] -= kji;
      };
      link(0, 1, k01, k10);
      for (let j = 1; j < M; j++) link(j, j + 1, kss, kss);
      return -Math.log(-jacobiEigenvalues(Q)[1]);
    };
    // M = 1: two states, relaxation 1/(k01 + k10).
    const p1 = normalize(params({ schemers: 1, penalty: 0.2 })).values;
    const t1 = basinLogTimes(p1);
    const relax1 = -Math.log(Math.exp(-t1.honestToSchemer) + Math.exp(-t1.schemerToHonest));
    expect(forecasts(p1).log10RelaxationSteps).toBeCloseTo((relax1 - Math.log(p1.rate as number)) / LN10, 10);
    // M = 2: the nonzero eigenvalues solve λ² + sλ + c = 0.
    const p2 = normalize(params({ schemers: 2, penalty: 0.3, temperature: 0.5 })).values;
    const t2 = basinLogTimes(p2);
    const [a, b, c] = [Math.exp(-t2.honestToSchemer), Math.exp(-t2.schemerToHonest), Math.exp(-t2.schemerToSchemer)];
    const s = a + b + 2 * c;
    const prod = 2 * a * c + b * c;
    const slowest = (s - Math.sqrt(s * s - 4 * prod)) / 2;
    expect(forecasts(p2).log10RelaxationSteps).toBeCloseTo((-Math.log(slowest) - Math.log(p2.rate as number)) / LN10, 8);
    // Larger chains against Jacobi.
    for (const over of [{}, { schemers: 7, penalty: 0.5 }, { schemers: 20, 'schemer-width': 0.4 }]) {
      const p = normalize(params(over)).values;
      expect(forecasts(p).log10RelaxationSteps).toBeCloseTo((eigenCheck(p) - Math.log(p.rate as number)) / LN10, 6);
    }
  });

  it('the D-dimensional share: D = 1 is the 1-D share, Δ = 0 is the volume share at every T', () => {
    for (const over of [{}, { penalty: 0.5 }, { penalty: 0.2, 'schemer-width': 0.6, temperature: 0.05 }]) {
      const f = forecasts(params(over));
      expect(f.dimsGibbsHonest).toBeCloseTo(f.gibbsHonest, 8);
    }
    for (const D of [2, 5, 30, 1000])
      for (const T of [0.01, 0.3, 10]) {
        const f = forecasts(params({ dims: D, temperature: T, 'honest-width': 1.2, 'schemer-width': 1, schemers: 4 }));
        const vol = 1.2 ** D / (1.2 ** D + 4);
        expect(f.dimsVolumeHonest).toBeCloseTo(vol, 12);
        expect(f.dimsGibbsHonest).toBeCloseTo(vol, 8);
      }
  });

  it('the D-dimensional share with Δ > 0 matches a radial Gauss–Legendre quadrature and its Laplace limit', () => {
    const g = (u: number) => u * u * (2 - u * u);
    for (const [D, T, B, ah, as, M, d] of [
      [2, 0.3, 1, 1, 1, 4, 0.3], [5, 1, 1, 1.2, 1, 3, 0.5], [20, 0.1, 2, 1, 0.9, 4, 0.2], [3, 2, 1, 1, 1, 2, 1],
    ]) {
      const J = (k: number) => glIntegrate((u) => Math.exp(-k * g(u)) * u ** (D - 1), 0, 1, 400);
      const logOdds = Math.log(M) + D * Math.log(as / ah) - d / T + Math.log(J((B - d) / T)) - Math.log(J(B / T));
      const f = forecasts(params({ dims: D, temperature: T, barrier: B, 'honest-width': ah, 'schemer-width': as, schemers: M, penalty: d }));
      expect(f.log10DimsOdds * LN10).toBeCloseTo(logOdds, 7);
    }
    // Low T: odds → M (a_s/a_h)^D e^(−Δ/T) (B/(B − Δ))^(D/2).
    const [D, T, B, d] = [3, 0.01, 10, 1];
    const f = forecasts(params({ dims: D, temperature: T, barrier: B, penalty: d }));
    const laplace = Math.log(4) - d / T + (D / 2) * Math.log(B / (B - d));
    expect(f.log10DimsOdds * LN10).toBeCloseTo(laplace, 2);
  });

  it('is finite, in range and consistent over the whole schema', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const f = forecasts(p);
        expect(allNumbers(f).every(Number.isFinite)).toBe(true);
        for (const s of [f.pathHonest, f.gibbsHonest, f.volumeHonest, f.dimsGibbsHonest, f.dimsVolumeHonest]) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
        }
        // A penalty only raises schemer wells: never fewer honest runs than pure volume says.
        expect(f.gibbsHonest).toBeGreaterThanOrEqual(f.volumeHonest - 1e-12);
        expect(f.rateCurvature).toBeLessThanOrEqual(MAX_RATE_CURVATURE * (1 + 1e-9));
        expect(f.log10RelaxationSteps).toBeGreaterThan(Math.min(f.log10EscapeSteps, f.log10SchemerEscapeSteps) - 1);
      }),
      { numRuns: 150 },
    );
  });

  it('gibbs-honest is monotone in Δ, M, a_s and a_h', () => {
    fc.assert(
      fc.property(arbitraryParams(model), fc.double({ min: 0, max: 1, noNaN: true }), (p, t) => {
        const base = normalize(p).values;
        const g = (over: Partial<Params>) => forecasts({ ...base, ...over }).gibbsHonest;
        const g0 = g({});
        const B = base.barrier as number;
        expect(g({ penalty: Math.min(B, (base.penalty as number) + t * B) })).toBeGreaterThanOrEqual(g0 - 1e-12);
        expect(g({ schemers: Math.min(20, (base.schemers as number) + 1) })).toBeLessThanOrEqual(g0 + 1e-12);
        expect(g({ 'schemer-width': Math.min(5, (base['schemer-width'] as number) * (1 + t)) })).toBeLessThanOrEqual(g0 + 1e-12);
        expect(g({ 'honest-width': Math.min(5, (base['honest-width'] as number) * (1 + t)) })).toBeGreaterThanOrEqual(g0 - 1e-12);
      }),
      { numRuns: 30 },
    );
  });
});

// ------------------------------------------------------------------ normalisation

describe('basins normalize', () => {
  it('caps the penalty at the barrier, the step size at the stability bound and the work at 10^7', () => {
    const a = normalize(params({ penalty: 3, barrier: 1 }));
    expect(a.values.penalty).toBe(1);
    expect(a.notes.map((n) => n.param)).toEqual(['penalty']);

    const b = normalize(params({ rate: 0.2, barrier: 10, 'schemer-width': 0.2 }));
    expect(b.values.rate as number).toBeLessThan(0.2);
    expect((b.values.rate as number) * createLandscape(b.values).maxCurvature).toBeLessThanOrEqual(MAX_RATE_CURVATURE);
    expect(b.notes.map((n) => n.param)).toEqual(['rate']);

    const c = normalize(params({ steps: 100000, runs: 5000 }));
    expect((c.values.steps as number) * (c.values.runs as number)).toBeLessThanOrEqual(MAX_STEP_EVALUATIONS);
    expect(c.values.runs).toBe(100);
    expect(c.notes.map((n) => n.param)).toEqual(['runs']);

    expect(normalize(params()).notes).toEqual([]);
  });

  it('is idempotent over the whole schema', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const again = normalize(p);
        expect(again.notes).toEqual([]);
        expect(again.values).toEqual(p);
        for (const [k, spec] of Object.entries(schema)) {
          const v = p[k as keyof Params] as number;
          expect(v).toBeGreaterThanOrEqual(spec.min);
          expect(v).toBeLessThanOrEqual(spec.max);
        }
      }),
    );
  });
});

// ------------------------------------------------------------------ simulation

describe('basins simulation', () => {
  const small = params({ runs: 300, steps: 400 });

  it('the same seed gives the same trajectory; another seed does not', () => {
    const a = createSimulation(small);
    const b = createSimulation(small);
    a.step(400);
    b.step(400);
    expect(Array.from(a.positions)).toEqual(Array.from(b.positions));
    const c = createSimulation({ ...small, seed: 2 });
    c.step(400);
    expect(Array.from(c.positions)).not.toEqual(Array.from(a.positions));
    expect(compute(small)).toEqual(compute(small));
  });

  it('does not depend on how steps are chunked', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }), (chunks) => {
        const total = chunks.reduce((s, c) => s + c, 0);
        const whole = createSimulation(small);
        whole.step(total);
        const parts = createSimulation(small);
        for (const c of chunks) parts.step(c);
        expect(parts.time).toBe(total);
        expect(Array.from(parts.positions)).toEqual(Array.from(whole.positions));
      }),
      { numRuns: 20 },
    );
  });

  it('keeps each run’s trajectory when the number of runs changes', () => {
    const few = createSimulation({ ...small, runs: 100 });
    const many = createSimulation({ ...small, runs: 300 });
    few.step(200);
    many.step(200);
    expect(Array.from(many.positions.slice(0, 100))).toEqual(Array.from(few.positions));
  });

  it('starts are the reflected normal: empirical share within sampling error of path-honest', () => {
    for (const over of [{}, { 'start-mean': 0.5, 'start-sd': 3 }, { 'start-mean': -9, 'start-sd': 2 }]) {
      const p = params({ ...over, runs: 5000 });
      const sim = createSimulation(p);
      const path = forecasts(p).pathHonest;
      let honest = 0;
      for (const x of sim.starts) if (x <= 0) honest++;
      expect(Math.min(...sim.starts)).toBeGreaterThanOrEqual(sim.landscape.lo);
      expect(Math.max(...sim.starts)).toBeLessThanOrEqual(sim.landscape.hi);
      expect(Math.abs(honest / 5000 - path)).toBeLessThan(4 * Math.sqrt((path * (1 - path)) / 5000) + 1e-9);
    }
  });

  it('at very low temperature the runs stay where they started: sim-honest = path-honest', () => {
    const p = params({ temperature: 0.01, steps: 1000, runs: 2000 });
    const r = compute(p);
    expect(Math.abs(r.simHonest - r.pathHonestEmpirical)).toBeLessThanOrEqual(0.005);
    const se = Math.sqrt((r.pathHonest * (1 - r.pathHonest)) / 2000);
    expect(Math.abs(r.simHonest - r.pathHonest)).toBeLessThan(4 * se);
    expect(Math.abs(r.simHonest - r.gibbsHonest)).toBeGreaterThan(0.5);
  });

  it('after long runs at moderate B/T the share is within sampling error of gibbs-honest, from either side', () => {
    // Δ makes the Gibbs share (≈ 0.65) differ from both the volume share (0.5) and the starts (1 or 0).
    const base = params({
      temperature: 0.8, 'schemer-width': 0.5, schemers: 2, penalty: 0.8, rate: 0.005, steps: 2500, runs: 1500, 'start-sd': 0.2,
    });
    for (const mean of [-1, 1]) {
      const r = compute({ ...base, 'start-mean': mean });
      expect(Math.abs(r.gibbsHonest - r.volumeHonest)).toBeGreaterThan(0.1);
      expect(Math.abs(r.pathHonest - r.gibbsHonest)).toBeGreaterThan(0.3);
      expect(Math.abs(r.simHonest - r.gibbsHonest)).toBeLessThan(4 * r.simStandardError);
    }
  });

  it('compute’s series starts at the sampled starts and ends at sim-honest', () => {
    const r = compute(small);
    expect(r.seriesSteps[0]).toBe(0);
    expect(r.seriesSteps[r.seriesSteps.length - 1]).toBe(400);
    expect(r.seriesSteps.length).toBe(CHECKPOINTS + 1);
    expect(r.seriesHonest[0]).toBe(r.pathHonestEmpirical);
    expect(r.seriesHonest[r.seriesHonest.length - 1]).toBe(r.simHonest);
    const hist = r.simDensity.reduce((s, x) => s + x, 0) * (r.histogramEdges[1] - r.histogramEdges[0]);
    expect(hist).toBeCloseTo(1, 10);
    // The Gibbs density integrates to 1 over the domain (trapezoids on the drawing grid).
    let z = 0;
    for (let i = 1; i < r.landscapeX.length; i++)
      z += 0.5 * (r.gibbsDensity[i] + r.gibbsDensity[i - 1]) * (r.landscapeX[i] - r.landscapeX[i - 1]);
    expect(z).toBeCloseTo(1, 3);
  });

  it('compute is finite and in range over the schema (short runs)', () => {
    fc.assert(
      fc.property(
        arbitraryParams(model, { steps: fc.integer({ min: 10, max: 120 }), runs: fc.integer({ min: 100, max: 200 }) }),
        (p) => {
          const r = compute(p);
          expect(allNumbers(r).every(Number.isFinite)).toBe(true);
          const shares = [r.simHonest, r.pathHonestEmpirical, ...r.seriesHonest];
          expect(shares.every((s) => s >= 0 && s <= 1)).toBe(true);
          expect(r.seriesSteps[r.seriesSteps.length - 1]).toBe(p.steps);
          const sim = createSimulation(p);
          sim.step(30);
          expect(sim.positions.every((x) => x >= r.lo && x <= r.hi)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});
