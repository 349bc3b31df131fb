// Why goals beyond the episode get no direct gradient. With episodes of length E and discount γ,
// an action's return counts the rewards 0…E steps after it, weighted γ^h; a consequence h steps
// ahead therefore feeds the training signal with weight γ^h for h ≤ E and exactly 0 beyond: the
// episode boundary is a cliff, not a slope.
//
// Signal-to-noise version: if each step's reward carries independent noise of variance 1, the
// return that credits the action, G = Σ_{h=0}^{E} γ^h·r_h, has variance Σ_{h=0}^{E} γ^(2h) (E + 1 at
// γ = 1). The signal about a consequence h ahead is γ^h against noise √Var G, so
// SNR(h) = γ^h / √(Σ_{j=0}^{E} γ^(2j)) for h ≤ E and 0 beyond: longer episodes reach further but
// every consequence's signal is diluted by the noise of more rewards.
import type { Model, Values } from '../core/schema';

export const schema = {
  episode: {
    kind: 'number', label: 'Episode length E', min: 1, max: 1000, default: 100, step: 1, integer: true, scale: 'log',
  },
  discount: { kind: 'number', label: 'Discount γ', min: 0.5, max: 1, default: 0.99, step: 0.001 },
  ahead: {
    kind: 'number', label: 'Consequence h steps ahead', min: 0, max: 3000, default: 150, step: 1, integer: true,
    help: 'Read off the signal for caring about something this many steps after the action.',
  },
} as const;

export type Params = Values<typeof schema>;

export interface Result {
  /** h = 0 … 3E, the horizons plotted (the episode boundary is at h = E). */
  horizons: number[];
  /** Training-signal weight per horizon: γ^h for h ≤ E, exactly 0 beyond. */
  signal: number[];
  /** Signal-to-noise ratio per horizon: γ^h / returnSd for h ≤ E, 0 beyond. */
  snr: number[];
  /** Signal and SNR at h = `ahead`. */
  signalAt: number;
  snrAt: number;
  /** Signal γ^E at the last horizon inside the episode, and its log10 (E·log10 γ). */
  signalAtEpisodeEnd: number;
  log10SignalAtEpisodeEnd: number;
  snrAtEpisodeEnd: number;
  /** Σ of the signal over h ≤ E: (1 − γ^(E+1))/(1 − γ), or E + 1 at γ = 1. */
  totalSignal: number;
  /** Σ of the signal over the plotted horizons beyond the episode (E < h ≤ 3E): exactly 0. */
  signalBeyond: number;
  /** Standard deviation of the return with unit reward noise per step, √(Σ_{j=0}^{E} γ^(2j)). */
  returnSd: number;
  episodeEnd: number;
}

/** γ^h inside the episode, 0 outside. */
export function signalWeight(h: number, episode: number, discount: number): number {
  return h >= 0 && h <= episode ? discount ** h : 0;
}

/** √(Σ_{j=0}^{E} γ^(2j)) in closed form, stable as γ → 1. */
export function returnSd(episode: number, discount: number): number {
  const g2 = discount * discount;
  if (discount === 1) return Math.sqrt(episode + 1);
  // (1 − γ^(2(E+1))) / (1 − γ²), with expm1/log1p so γ near 1 loses nothing to cancellation.
  const logG2 = 2 * Math.log(discount);
  return Math.sqrt(-Math.expm1((episode + 1) * logG2) / (1 - g2));
}

export function compute(p: Params): Result {
  const E = p.episode as number;
  const gamma = p.discount as number;
  const ahead = p.ahead as number;
  const sd = returnSd(E, gamma);
  const horizons: number[] = [];
  const signal: number[] = [];
  const snr: number[] = [];
  for (let h = 0; h <= 3 * E; h++) {
    const s = signalWeight(h, E, gamma);
    horizons.push(h);
    signal.push(s);
    snr.push(s / sd);
  }
  let totalSignal = 0;
  let signalBeyond = 0;
  for (let h = 0; h <= 3 * E; h++) {
    if (h <= E) totalSignal += signal[h];
    else signalBeyond += signal[h];
  }
  const atEnd = signalWeight(E, E, gamma);
  return {
    horizons,
    signal,
    snr,
    signalAt: signalWeight(ahead, E, gamma),
    snrAt: signalWeight(ahead, E, gamma) / sd,
    signalAtEpisodeEnd: atEnd,
    log10SignalAtEpisodeEnd: E * Math.log10(gamma),
    snrAtEpisodeEnd: atEnd / sd,
    totalSignal,
    signalBeyond,
    returnSd: sd,
    episodeEnd: E,
  };
}

export const model: Model<typeof schema, Result> = { id: 'credit-horizon', schema, compute };
