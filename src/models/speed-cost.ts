// Is the schemer's extra reasoning expensive? (Carlsmith's speed argument, as a toy with knobs.)
// Put the speed cost and the possible simplicity saving in one currency: loss, via a scaling law
// L(N) = E + A/N^α. Treat serial depth lost to schemer-only reasoning as lost effective parameters
// at fixed width (parameters ∝ depth when width is fixed): losing a share s of depth costs
// L(N(1−s)) − L(N) ≈ α·(A/N^α)·s to first order. A simpler goal that frees a share q of the
// parameters is worth the same expression with q. Both use the same slope, so which one wins is
// decided by s versus q alone; N and α only set the size of the stakes.
//
// E and A are Hoffmann et al.'s (2022, "Chinchilla") published fit L(N, D) = E + A/N^α + B/D^β,
// E = 1.69, A = 406.4, α = 0.34 (B/D^β, the data term, is dropped: data are held fixed here).
// Besiroglu et al. (2024) argue those published values are rounded and biased; they serve here
// as an illustrative, roughly right scale, not a measurement. A is held fixed when α moves.
//
// Inline companion ("every step rolls the dice"): a chain of steps each failing with probability p
// succeeds with (1 − p)^steps, so Δ extra steps keep (1 − p)^Δ of the reliability.
import type { Model, Values } from '../core/schema';
import { LN10 } from '../core/logmath';

/** Hoffmann et al. (2022) parametric fit: irreducible loss and parameter-term coefficient (nats). */
export const IRREDUCIBLE_LOSS = 1.69;
export const PARAM_COEFFICIENT = 406.4;

export const schema = {
  'serial-share': {
    kind: 'number', label: 'Serial depth spent on scheming s', min: 1e-5, max: 0.3, default: 1e-3, scale: 'log', display: 'one-in',
    help: 'Share of serial depth the schemer spends on schemer-only reasoning (deciding to scheme, checking for chances to defect).',
  },
  'param-share': {
    kind: 'number', label: 'Parameters freed by a simpler goal q', min: 1e-8, max: 0.1, default: 1e-6, scale: 'log', display: 'one-in',
    help: 'Share of parameters a simpler schemer goal saves.',
  },
  params: {
    kind: 'number', label: 'Model size N', min: 1e6, max: 1e13, default: 1e11, scale: 'log', unit: 'parameters',
  },
  // A is held at the fitted 406.4 when α moves, so far from the fit the reducible loss A/N^α stops
  // meaning anything (at α = 0.05 it exceeds 100 nats); the range stays near fitted exponents.
  alpha: {
    kind: 'number', label: 'Scaling exponent α', min: 0.2, max: 0.6, default: 0.34, step: 0.01,
    help: 'Exponent of the parameter term in $L(N) = E + A/N^{\\alpha}$ (Hoffmann et al. fit: 0.34).',
  },
  fail: {
    kind: 'number', label: 'Failure chance per step p', min: 1e-6, max: 0.2, default: 0.01, scale: 'log',
  },
  'extra-steps': {
    kind: 'number', label: 'Extra serial steps Δ', min: 0, max: 1000, default: 3, step: 1, integer: true,
  },
} as const;

export type Params = Values<typeof schema>;

export interface Result {
  /** L(N) = E + A/N^α, nats per token. */
  loss: number;
  /** A/N^α, the part of the loss that more parameters could still remove. */
  reducibleLoss: number;
  /** −dL/d(ln N) = α·A/N^α: loss per unit share of effective parameters lost, to first order. */
  slope: number;
  /** ΔL_speed ≈ α·(A/N^α)·s (nats). */
  speedLoss: number;
  /** ΔL_simplicity ≈ α·(A/N^α)·q (nats). */
  simplicityLoss: number;
  /** speedLoss − simplicityLoss; positive: the speed cost dominates and schemers are disfavoured. */
  net: number;
  /** s/q: how many times larger the speed cost is than the simplicity saving. */
  ratio: number;
  /** Without the first-order shortcut: L(N(1−s)) − L(N) and L(N(1−q)) − L(N). */
  speedLossExact: number;
  simplicityLossExact: number;
  /** The same costs as parameter counts: s·N and q·N. */
  speedParams: number;
  simplicityParams: number;
  /** (1 − p)^Δ: reliability a schemer keeps if it needs Δ more serial steps. */
  kept: number;
  log10Kept: number;
  /** 1 − kept, computed without cancellation. */
  lost: number;
}

export function compute(p: Params): Result {
  const s = p['serial-share'] as number;
  const q = p['param-share'] as number;
  const n = p.params as number;
  const alpha = p.alpha as number;
  const failure = p.fail as number;
  const extra = p['extra-steps'] as number;

  const reducibleLoss = PARAM_COEFFICIENT * Math.pow(n, -alpha);
  const slope = alpha * reducibleLoss;
  // A/(N(1−x))^α − A/N^α = (A/N^α)·((1−x)^−α − 1), via expm1/log1p for small x.
  const exactLoss = (x: number) => reducibleLoss * Math.expm1(-alpha * Math.log1p(-x));
  const logKept = extra === 0 ? 0 : extra * Math.log1p(-failure); // no −0 at Δ = 0
  return {
    loss: IRREDUCIBLE_LOSS + reducibleLoss,
    reducibleLoss,
    slope,
    speedLoss: slope * s,
    simplicityLoss: slope * q,
    net: slope * s - slope * q,
    ratio: s / q,
    speedLossExact: exactLoss(s),
    simplicityLossExact: exactLoss(q),
    speedParams: s * n,
    simplicityParams: q * n,
    kept: Math.exp(logKept),
    log10Kept: logKept / LN10,
    lost: -Math.expm1(logKept),
  };
}

export const model: Model<typeof schema, Result> = { id: 'speed-cost', schema, compute };
