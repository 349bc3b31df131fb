// A one-dimensional loss landscape with one "honest" well and M "schemer" wells, trained on by many
// noisy runs (overdamped Langevin dynamics, Euler–Maruyama steps). High path dependence: the
// outcome follows where runs start (`pathHonest`). Low path dependence: it follows the Gibbs
// measure e^(−L/T), i.e. basin volume (`gibbsHonest`). Escape over a barrier B takes ∝ e^(B/T)
// steps, so the training length decides which forecast the runs end near.
//
// Landscape. A well of centre c, half-width a, depth d is L = B − d + d·g(u), g(u) = u²(2 − u²),
// u = (θ − c)/a, on [c − a, c + a]: B − d at the centre, B with zero slope at both edges, so wells
// join with a continuous first derivative. The honest well (depth B) spans [−2a_h, 0]; the M
// schemer wells (depth B − Δ, i.e. raised by the penalty Δ) tile [0, 2·M·a_s]. Walls at both ends
// reflect; they sit on barrier tops where L′ = 0, so reflection is the dynamics on the mirrored,
// still smooth landscape and e^(−L/T) stays the stationary density.
//
// Start convention: a start x ~ N(μ0, σ0²) outside the domain is reflected into it (the same fold
// the walls apply to steps), never clipped: clipping would pile runs onto the walls.
import type { Model, Note, Values } from '../core/schema';
import { LN10, logAdd } from '../core/logmath';
import { createRng, normalDeviate, type Rng } from '../core/random';

export const schema = {
  temperature: {
    kind: 'number', label: 'Temperature T', min: 0.01, max: 10, default: 0.3, step: 0.01, scale: 'log',
    help: 'Noise strength. Escaping a well of barrier $B$ takes about $e^{B/T}$ time.',
  },
  rate: {
    kind: 'number', label: 'Step size η', min: 0.0001, max: 0.2, default: 0.02, step: 0.0001, scale: 'log',
    help: 'Euler–Maruyama step; one training step advances time by η.',
  },
  steps: {
    kind: 'number', label: 'Training steps', min: 10, max: 100000, default: 2000, step: 1, integer: true,
    scale: 'log', help: 'Training length: how much slack the runs have to leave their first basin.',
  },
  barrier: { kind: 'number', label: 'Barrier height B', min: 0.1, max: 10, default: 1, step: 0.05 },
  'honest-width': { kind: 'number', label: 'Honest half-width $a_h$', min: 0.2, max: 5, default: 1, step: 0.05 },
  'schemer-width': { kind: 'number', label: 'Schemer half-width $a_s$', min: 0.2, max: 5, default: 1, step: 0.05 },
  schemers: { kind: 'number', label: 'Schemer basins M', min: 1, max: 20, default: 4, step: 1, integer: true },
  'start-mean': {
    kind: 'number', label: 'Start mean $\\mu_0$', min: -10, max: 40, default: -1, step: 0.05,
    help: 'Where runs start; the honest well is centred at $-a_h$.',
  },
  'start-sd': { kind: 'number', label: 'Start spread $\\sigma_0$', min: 0.01, max: 10, default: 1, step: 0.01, scale: 'log' },
  runs: { kind: 'number', label: 'Runs N', min: 100, max: 5000, default: 2000, step: 100, integer: true },
  seed: { kind: 'number', label: 'Seed', min: 0, max: 999999, default: 1, step: 1, integer: true },
  penalty: {
    kind: 'number', label: 'Schemer depth penalty Δ', min: 0, max: 10, default: 0, step: 0.05,
    help: 'Raises the schemer wells’ floors by Δ (a speed cost); 0 means equal depth.',
  },
  dims: {
    kind: 'number', label: 'Dimensions D (analytic)', min: 1, max: 1000, default: 1, step: 1, integer: true,
    scale: 'log', help: 'Volumes of $D$-dimensional wells scale as $a^D$.',
  },
} as const;

export type Params = Values<typeof schema>;

/** Cap on η·max|L″|: keeps Euler–Maruyama stable and its O(η·L″) bias small. */
export const MAX_RATE_CURVATURE = 0.5;
/** Cap on steps × runs for one widget run (browser budget). */
export const MAX_STEP_EVALUATIONS = 1e7;
/** Number of intervals of the share-over-training series (checkpoints = this + 1 at most). */
export const CHECKPOINTS = 100;
const HISTOGRAM_BINS = 100;
const LANDSCAPE_POINTS_PER_WELL = 40;

export interface Landscape {
  barrier: number;
  honestWidth: number;
  schemerWidth: number;
  schemers: number;
  penalty: number;
  /** Domain [lo, hi] = [−2a_h, 2·M·a_s]; θ ≤ 0 is the honest basin. */
  lo: number;
  hi: number;
  loss(theta: number): number;
  slope(theta: number): number;
  /** max |L″| over the domain: 8B/a_h² or 8(B − Δ)/a_s². */
  maxCurvature: number;
}

export function createLandscape(p: Params): Landscape {
  const B = p.barrier as number;
  const ah = p['honest-width'] as number;
  const as = p['schemer-width'] as number;
  const M = p.schemers as number;
  const delta = Math.min(p.penalty as number, B);
  const depthS = B - delta;
  const lo = -2 * ah;
  const hi = 2 * M * as;
  // Position within a well: (depth, half-width, u).
  const locate = (theta: number): [number, number, number] => {
    if (theta <= 0) return [B, ah, (theta + ah) / ah];
    const j = Math.min(M - 1, Math.max(0, Math.floor(theta / (2 * as))));
    return [depthS, as, (theta - (2 * j + 1) * as) / as];
  };
  return {
    barrier: B, honestWidth: ah, schemerWidth: as, schemers: M, penalty: delta, lo, hi,
    loss(theta) {
      const [d, , u] = locate(theta);
      const u2 = u * u;
      return B - d + d * u2 * (2 - u2);
    },
    slope(theta) {
      const [d, a, u] = locate(theta);
      return (d * 4 * u * (1 - u * u)) / a;
    },
    maxCurvature: Math.max((8 * B) / (ah * ah), (8 * depthS) / (as * as)),
  };
}

/** Reflect x into [lo, lo + width] (walls as mirrors, any distance out). */
export function reflectInto(x: number, lo: number, width: number): number {
  let y = x - lo;
  if (y >= 0 && y <= width) return x;
  const period = 2 * width;
  y %= period;
  if (y < 0) y += period;
  if (y > width) y = period - y;
  return lo + y;
}

// ---------------------------------------------------------------- quadrature, in log space

/** log ∫_a^b e^(φ(u)) du by composite Simpson on n (even) intervals, shifted by the largest φ so
 * nothing overflows or underflows wholesale at any temperature. */
export function logIntegrate(phi: (u: number) => number, a: number, b: number, n: number): number {
  const h = (b - a) / n;
  const values = new Float64Array(n + 1);
  let m = -Infinity;
  for (let i = 0; i <= n; i++) {
    const v = phi(a + i * h);
    values[i] = v;
    if (v > m) m = v;
  }
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    s += w * Math.exp(values[i] - m);
  }
  return m + Math.log((s * h) / 3);
}

const well = (u: number) => {
  const u2 = u * u;
  return u2 * (2 - u2);
};

/** log of ∫_{−1}^{1} e^(−k·g(u)) du: a unit well's Gibbs weight at k = depth/T (minimum shifted
 * to 0). g(u) ≥ u² on [0, 1], so nothing beyond u = √(60/k) matters (e^(−60) ≈ 10^−26). */
export function logWellIntegral(k: number): number {
  const top = k > 60 ? Math.sqrt(60 / k) : 1;
  return Math.LN2 + logIntegrate((u) => -k * well(u), 0, top, 4096);
}

/** log of ∫_0^1 e^(−k(1 − u²)²) du: e^((L − B)/T) over half a well next to its barrier top, the
 * saddle factor of the escape-time estimate. (1 − u²)² ≥ (1 − u)² bounds the range again. */
export function logSaddleIntegral(k: number): number {
  const bottom = k > 60 ? 1 - Math.sqrt(60 / k) : 0;
  return logIntegrate((u) => {
    const v = 1 - u * u;
    return -k * v * v;
  }, bottom, 1, 4096);
}

/** log of ∫_0^1 e^(−k·g(u)) u^(D−1) du: the radial Gibbs weight of a D-dimensional ball-shaped
 * well of unit radius (its surface-area constant cancels in every ratio). */
export function logRadialIntegral(k: number, dims: number): number {
  if (dims === 1) return logWellIntegral(k) - Math.LN2;
  return logIntegrate((u) => -k * well(u) + (dims - 1) * Math.log(u), 0, 1, 16384);
}

// ---------------------------------------------------------------- normal distribution

/** erfc to ~1e-13 relative: a positive-term series for |x| < 1.5 (no cancellation there), Lentz's
 * continued fraction above. */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 1.5) {
    // erf(x) = (2/√π) e^(−x²) Σ 2^n x^(2n+1) / (1·3·…·(2n+1))
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
  const tiny = 1e-300;
  let f = x;
  let C = x;
  let D = 0;
  for (let n = 1; n < 5000; n++) {
    const an = n / 2;
    D = x + an * D;
    D = Math.abs(D) < tiny ? 1 / tiny : 1 / D;
    C = x + an / C;
    if (Math.abs(C) < tiny) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/** P(a < X < b) for X ~ N(μ, σ²), accurate in both tails. */
function normalMass(a: number, b: number, mu: number, sigma: number): number {
  const za = (a - mu) / (sigma * Math.SQRT2);
  const zb = (b - mu) / (sigma * Math.SQRT2);
  if (za >= 0) return 0.5 * (erfc(za) - erfc(zb));
  if (zb <= 0) return 0.5 * (erfc(-zb) - erfc(-za));
  return 1 - 0.5 * (erfc(-za) + erfc(zb));
}

/** Exact share of reflected starts that land in the honest basin [lo, lo + 2a_h]: reflection maps
 * x to the honest basin iff x − lo ∈ [2kW − 2a_h, 2kW + 2a_h] for some integer k (W = domain width). */
export function reflectedStartShare(mu: number, sigma: number, lo: number, width: number, honestSpan: number): number {
  const period = 2 * width;
  const kMin = Math.floor((mu - 40 * sigma - lo - honestSpan) / period);
  const kMax = Math.ceil((mu + 40 * sigma - lo + honestSpan) / period);
  let s = 0;
  for (let k = kMin; k <= kMax; k++) {
    const centre = lo + k * period;
    s += normalMass(centre - honestSpan, centre + honestSpan, mu, sigma);
  }
  return Math.min(1, Math.max(0, s));
}

// ---------------------------------------------------------------- normalisation

/** x rounded down to `digits` significant figures (so a capped value stays under its cap). */
function floorSignificant(x: number, digits: number): number {
  const unit = 10 ** (Math.floor(Math.log10(x)) - digits + 1);
  return Number((Math.floor(x / unit) * unit).toPrecision(digits));
}

export function normalize(v: Params): { values: Params; notes: Note[] } {
  const notes: Note[] = [];
  const out = { ...v };
  const B = out.barrier as number;
  if ((out.penalty as number) > B) {
    notes.push({ param: 'penalty', message: `The depth penalty Δ cannot exceed the barrier B; using ${B}.` });
    out.penalty = B;
  }
  const maxCurv = createLandscape(out).maxCurvature;
  const eta = out.rate as number;
  if (eta * maxCurv > MAX_RATE_CURVATURE * (1 + 1e-9)) {
    const eta2 = Math.max(schema.rate.min, floorSignificant(MAX_RATE_CURVATURE / maxCurv, 3));
    notes.push({
      param: 'rate',
      message: `Step size η = ${eta} is too large for this landscape (η·max|L″| must stay ≤ ${MAX_RATE_CURVATURE}); using ${eta2}.`,
    });
    out.rate = eta2;
  }
  const steps = out.steps as number;
  const runs = out.runs as number;
  if (steps * runs > MAX_STEP_EVALUATIONS) {
    const fewer = Math.max(schema.runs.min, Math.floor(MAX_STEP_EVALUATIONS / steps / 100) * 100);
    notes.push({
      param: 'runs',
      message: `${steps} steps × ${runs} runs is too much to simulate here (limit ${MAX_STEP_EVALUATIONS.toExponential(0)}); using ${fewer} runs.`,
    });
    out.runs = fewer;
  }
  return { values: out, notes };
}

// ---------------------------------------------------------------- analytic forecasts

export interface Forecasts {
  /** Share of starts in the honest basin (exact, reflected normal): the high-path-dependence forecast. */
  pathHonest: number;
  /** Equilibrium (Gibbs) share of the honest basin, by quadrature: the low-path-dependence forecast. */
  gibbsHonest: number;
  /** Volume share a_h / (a_h + M·a_s): equals gibbsHonest when Δ = 0, at every T. */
  volumeHonest: number;
  /** log10 of the equilibrium odds, schemer basins : honest basin. */
  log10GibbsOdds: number;
  /** Expected steps for a run at the honest well's bottom to reach the first schemer well
   * (Kramers, integral form; see escapeLogTimes). log10, since it can be astronomically large. */
  log10EscapeSteps: number;
  /** The same for the way back, from the first schemer well's bottom over the same barrier. */
  log10SchemerEscapeSteps: number;
  /** Slowest relaxation time of the basin-hopping chain (honest ↔ schemer 1 ↔ … ↔ schemer M), in
   * steps: roughly how long training must last to forget the start. */
  log10RelaxationSteps: number;
  /** D-dimensional variant. Each well becomes a ball of radius a with the same radial profile,
   * L = B − d + d·g(r/a), so Z = S_(D−1)·a^D·e^(−(B−d)/T)·∫_0^1 e^(−d·g(u)/T) u^(D−1) du and the
   * schemer : honest odds are M·(a_s/a_h)^D·e^(−Δ/T)·J_D((B−Δ)/T)/J_D(B/T), J_D the radial integral.
   * At Δ = 0 this is the volume share a_h^D/(a_h^D + M·a_s^D) at every T (dimsVolumeHonest). With
   * Δ > 0 and low T, J_D(k) → Γ(D/2)/(2(2k)^(D/2)) gives odds ≈ M(a_s/a_h)^D e^(−Δ/T) (B/(B−Δ))^(D/2):
   * the Boltzmann factor on the raised floor times a width factor (shallower wells are flatter); at
   * high T both factors → 1 and the volume share returns. dimsGibbsHonest is the exact quadrature. */
  dimsGibbsHonest: number;
  dimsVolumeHonest: number;
  log10DimsOdds: number;
  /** η·max|L″|, the stability number of the Euler–Maruyama step (≤ MAX_RATE_CURVATURE). */
  rateCurvature: number;
}

const shareFromLogOdds = (logOdds: number) => 1 / (1 + Math.exp(logOdds));

/** Natural-log escape times (in time units, not steps) by Kramers' formula in integral form:
 * τ ≈ (1/T)·∫_well e^(−L/T) dθ · ∫_centre→centre e^(L/T) dθ. With both integrals done by Laplace it
 * is the textbook τ = π/√(L″_min)·(1/√|L″_left| + 1/√|L″_right|)·e^(ΔL/T) (for a symmetric saddle
 * 2π/√(L″_min·|L″_saddle|)·e^(ΔL/T)), here with L″(centre) = 4·depth/a², L″(edge) = −8·depth/a²;
 * done by quadrature it stays finite and sensible when B/T is small or Δ = B (flat schemer wells).
 * Every rate shares T/(saddle integral) and detailed balance Z_i·k_ij = Z_j·k_ji holds exactly. */
function escapeLogTimes(land: Landscape, T: number) {
  const { barrier: B, honestWidth: ah, schemerWidth: as, penalty: delta } = land;
  const kH = B / T;
  const kS = (B - delta) / T;
  const logZh = Math.log(ah) + logWellIntegral(kH); // ∫ over honest well of e^(−L/T)
  const logZs = Math.log(as) - delta / T + logWellIntegral(kS); // one schemer well
  // ∫ e^((L − B)/T) from the honest centre to the first schemer centre, and between schemer centres.
  const logSaddleHS = logAdd(Math.log(ah) + logSaddleIntegral(kH), Math.log(as) + logSaddleIntegral(kS));
  const logSaddleSS = Math.log(2 * as) + logSaddleIntegral(kS);
  const base = B / T - Math.log(T);
  return {
    logZh, logZs,
    honestToSchemer: base + logZh + logSaddleHS,
    schemerToHonest: base + logZs + logSaddleHS,
    schemerToSchemer: base + logZs + logSaddleSS, // between neighbouring schemer wells (unused if M = 1)
  };
}

/** Natural-log Kramers times (time units) between neighbouring basins, for the normalised params. */
export function basinLogTimes(params: Params) {
  const p = normalize(params).values;
  return escapeLogTimes(createLandscape(p), p.temperature as number);
}

/** Second-largest eigenvalue (the largest is 0) of a symmetric tridiagonal matrix, by Sturm-count
 * bisection. diag ≤ 0; off[i] couples i and i+1. */
function secondEigenvalue(diag: number[], off: number[]): number {
  const n = diag.length;
  const countAbove = (x: number) => {
    // Eigenvalues > x of A equal negative pivots of LDLᵀ of (x·I − A).
    let count = 0;
    let d = 1;
    for (let i = 0; i < n; i++) {
      d = x - diag[i] - (i > 0 ? (off[i - 1] * off[i - 1]) / d : 0);
      if (d === 0) d = -1e-300;
      if (d < 0) count++;
    }
    return count;
  };
  let lower = 0;
  for (let i = 0; i < n; i++) lower = Math.min(lower, diag[i] - (i > 0 ? off[i - 1] : 0) - (i < n - 1 ? off[i] : 0));
  let lo = lower * 1.01 - 1e-300;
  let hi = 0;
  for (let it = 0; it < 200; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (countAbove(mid) >= 2) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** log of the slowest relaxation time (time units) of the M + 1 state chain of basins with the
 * Kramers rates above. Rates are rescaled by the largest before the eigenvalue problem. */
function logRelaxationTime(times: ReturnType<typeof escapeLogTimes>, M: number): number {
  const scale = Math.max(-times.honestToSchemer, -times.schemerToHonest, M > 1 ? -times.schemerToSchemer : -Infinity);
  const k01 = Math.exp(-times.honestToSchemer - scale);
  const k10 = Math.exp(-times.schemerToHonest - scale);
  const kss = M > 1 ? Math.exp(-times.schemerToSchemer - scale) : 0;
  if (M === 1) return -scale - Math.log(k01 + k10);
  // Generator Q symmetrised by detailed balance: off-diagonal √(k_ij·k_ji).
  const diag: number[] = [-k01];
  const off: number[] = [Math.sqrt(k01 * k10)];
  for (let j = 1; j <= M; j++) {
    const out = (j === 1 ? k10 : kss) + (j < M ? kss : 0);
    diag.push(-out);
    if (j < M) off.push(kss);
  }
  const lambda = secondEigenvalue(diag, off);
  return -scale - Math.log(Math.max(-lambda, 1e-300));
}

export function forecasts(params: Params): Forecasts {
  const p = normalize(params).values;
  const land = createLandscape(p);
  const T = p.temperature as number;
  const eta = p.rate as number;
  const D = p.dims as number;
  const { barrier: B, honestWidth: ah, schemerWidth: as, schemers: M, penalty: delta, lo, hi } = land;

  const times = escapeLogTimes(land, T);
  const logOdds = Math.log(M) + times.logZs - times.logZh;

  const logDimsOdds =
    Math.log(M) + D * Math.log(as / ah) - delta / T + logRadialIntegral((B - delta) / T, D) - logRadialIntegral(B / T, D);
  const logVolumeOddsD = Math.log(M) + D * Math.log(as / ah);

  return {
    pathHonest: reflectedStartShare(p['start-mean'] as number, p['start-sd'] as number, lo, hi - lo, 2 * ah),
    gibbsHonest: shareFromLogOdds(logOdds),
    volumeHonest: ah / (ah + M * as),
    log10GibbsOdds: logOdds / LN10,
    log10EscapeSteps: (times.honestToSchemer - Math.log(eta)) / LN10,
    log10SchemerEscapeSteps: (times.schemerToHonest - Math.log(eta)) / LN10,
    log10RelaxationSteps: (logRelaxationTime(times, M) - Math.log(eta)) / LN10,
    dimsGibbsHonest: shareFromLogOdds(logDimsOdds),
    dimsVolumeHonest: shareFromLogOdds(logVolumeOddsD),
    log10DimsOdds: logDimsOdds / LN10,
    rateCurvature: eta * land.maxCurvature,
  };
}

// ---------------------------------------------------------------- simulation

export interface Simulation {
  /** Current position of every run (updated in place by step). */
  readonly positions: Float64Array;
  /** Where every run started (after reflection into the domain). */
  readonly starts: Float64Array;
  /** The normalised parameters it runs with. */
  readonly params: Params;
  readonly landscape: Landscape;
  /** Training steps taken so far. */
  readonly time: number;
  /** Advance every run by `count` steps. Chunking never changes the trajectory. */
  step(count: number): void;
  /** Share of runs in the honest basin (θ ≤ 0) now. */
  honestShare(): number;
}

/** Many independent Langevin runs. Each run draws from its own seeded stream (derived from `seed`
 * and its index), so a trajectory depends only on (seed, run index, parameters): not on how steps
 * are chunked, nor on how many other runs there are. */
export function createSimulation(params: Params): Simulation {
  const p = normalize(params).values;
  const land = createLandscape(p);
  const N = p.runs as number;
  const eta = p.rate as number;
  const noise = Math.sqrt(2 * eta * (p.temperature as number));
  const mu = p['start-mean'] as number;
  const sigma = p['start-sd'] as number;
  const { lo, hi, barrier: B, honestWidth: ah, schemerWidth: as, schemers: M, penalty: delta } = land;
  const width = hi - lo;
  const master = createRng(p.seed as number);
  const rngs: Rng[] = [];
  const positions = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const rng = createRng(master.uint32());
    rngs.push(rng);
    positions[i] = reflectInto(mu + sigma * normalDeviate(rng), lo, width);
  }
  const starts = positions.slice();
  // Gradient steps inlined for speed: −η·L′ per well, as in createLandscape().slope.
  const gH = (eta * 4 * B) / ah;
  const gS = (eta * 4 * (B - delta)) / as;
  const twoAs = 2 * as;
  let time = 0;
  return {
    positions, starts, params: p, landscape: land,
    get time() {
      return time;
    },
    step(count: number) {
      const n = Math.max(0, Math.floor(count));
      for (let i = 0; i < N; i++) {
        const rng = rngs[i];
        let x = positions[i];
        for (let t = 0; t < n; t++) {
          let drift: number;
          if (x <= 0) {
            const u = (x + ah) / ah;
            drift = gH * u * (1 - u * u);
          } else {
            let j = Math.floor(x / twoAs);
            if (j > M - 1) j = M - 1;
            const u = (x - (2 * j + 1) * as) / as;
            drift = gS * u * (1 - u * u);
          }
          x = x - drift + noise * normalDeviate(rng);
          if (x < lo || x > hi) x = reflectInto(x, lo, width);
        }
        positions[i] = x;
      }
      time += n;
    },
    honestShare() {
      let c = 0;
      for (let i = 0; i < N; i++) if (positions[i] <= 0) c++;
      return c / N;
    },
  };
}

// ---------------------------------------------------------------- the whole widget run

export interface Result extends Forecasts {
  /** Share of runs in the honest basin after `steps` steps. */
  simHonest: number;
  /** Share of the sampled starts in the honest basin (the finite-N counterpart of pathHonest). */
  pathHonestEmpirical: number;
  /** Binomial standard error of a share near gibbsHonest with N runs, √(g(1 − g)/N). */
  simStandardError: number;
  /** Honest share over training: at step seriesSteps[i] it was seriesHonest[i] (≤ 101 points). */
  seriesSteps: number[];
  seriesHonest: number[];
  /** The landscape for drawing: L at landscapeX, and the exact Gibbs density e^(−L/T)/Z there. */
  landscapeX: number[];
  landscapeLoss: number[];
  gibbsDensity: number[];
  /** Histogram of final positions as a density (per unit θ): HISTOGRAM_BINS bins on [lo, hi]. */
  histogramEdges: number[];
  simDensity: number[];
  /** Domain ends (the honest basin is [lo, 0]). */
  lo: number;
  hi: number;
}

/** Positions binned on [lo, hi] as a density per unit θ (integrates to 1), for live views too. */
export function densityHistogram(positions: ArrayLike<number>, lo: number, hi: number, bins: number) {
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < positions.length; i++) {
    counts[Math.min(bins - 1, Math.max(0, Math.floor((positions[i] - lo) / width)))]++;
  }
  return {
    edges: Array.from({ length: bins + 1 }, (_, i) => lo + i * width),
    density: counts.map((c) => c / (positions.length * width)),
  };
}

/** The training steps at which compute() records the honest share: ≤ CHECKPOINTS + 1 of them. */
export function checkpoints(steps: number): number[] {
  const out: number[] = [];
  for (let k = 0; k <= CHECKPOINTS; k++) {
    const s = Math.round((k * steps) / CHECKPOINTS);
    if (out.length === 0 || s > out[out.length - 1]) out.push(s);
  }
  return out;
}

export function compute(params: Params): Result {
  const p = normalize(params).values;
  const f = forecasts(p);
  const sim = createSimulation(p);
  const N = sim.positions.length;
  let startHonest = 0;
  for (let i = 0; i < N; i++) if (sim.starts[i] <= 0) startHonest++;

  const seriesSteps = checkpoints(p.steps as number);
  const seriesHonest: number[] = [];
  for (const s of seriesSteps) {
    sim.step(s - sim.time);
    seriesHonest.push(sim.honestShare());
  }

  const land = sim.landscape;
  const { lo, hi } = land;
  const T = p.temperature as number;
  const logZ = logAdd(
    Math.log(land.honestWidth) + logWellIntegral(land.barrier / T),
    Math.log(land.schemers * land.schemerWidth) - land.penalty / T + logWellIntegral((land.barrier - land.penalty) / T),
  );
  const nPoints = LANDSCAPE_POINTS_PER_WELL * (land.schemers + 1) + 1;
  const landscapeX: number[] = [];
  const landscapeLoss: number[] = [];
  const gibbsDensity: number[] = [];
  for (let i = 0; i < nPoints; i++) {
    const x = lo + ((hi - lo) * i) / (nPoints - 1);
    const L = land.loss(x);
    landscapeX.push(x);
    landscapeLoss.push(L);
    gibbsDensity.push(Math.exp(-L / T - logZ));
  }

  const hist = densityHistogram(sim.positions, lo, hi, HISTOGRAM_BINS);

  return {
    ...f,
    simHonest: sim.honestShare(),
    pathHonestEmpirical: startHonest / N,
    simStandardError: Math.sqrt((f.gibbsHonest * (1 - f.gibbsHonest)) / N),
    seriesSteps,
    seriesHonest,
    landscapeX,
    landscapeLoss,
    gibbsDensity,
    histogramEdges: hist.edges,
    simDensity: hist.density,
    lo,
    hi,
  };
}

export const model: Model<typeof schema, Result> = { id: 'basins', schema, normalize, compute };
