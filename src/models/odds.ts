// Log-odds bookkeeping for chapter 4: a prior and one adjustment per consideration, all in log10
// odds (schemer : non-schemer), so independent considerations simply add.
//   probability = 1 / (1 + 10^−(prior + Σ adjustments))
// Ranges: prior ±4, six adjustments ±2, so |total| ≤ 16. The prior kept its range when the sixth
// weight came (links already cite it); at the very ends 1/(1 + 10^−16) rounds to 1, so the view
// and the complement work from the log odds, which stay exact.
import type { Model, Values } from '../core/schema';
import { log10Sigmoid, sigmoid10 } from '../core/logmath';

/** Carlsmith's headline estimate (2023) and his later "maybe 20%" (Feb 2024 slides). */
export const marks = [
  { id: 'carlsmith-2023', label: 'Carlsmith 2023: ~25%', probability: 0.25, log10Odds: Math.log10(0.25 / 0.75) },
  { id: 'carlsmith-2024', label: 'Carlsmith 2024: ~20%', probability: 0.2, log10Odds: Math.log10(0.2 / 0.8) },
] as const;

const adjustment = (label: string) =>
  ({ kind: 'number', label, min: -2, max: 2, default: 0, step: 0.05, unit: 'log₁₀ odds' }) as const;

export const schema = {
  prior: {
    kind: 'number', label: 'Starting odds', min: -4, max: 4, default: Math.log10(1 / 3), step: 0.05, unit: 'log₁₀ odds',
    display: 'odds',
    help: 'Your odds of scheming before the adjustments below. The default, $\\log_{10}(1/3) \\approx -0.477$, is 1 : 3 against, Carlsmith’s ~25%.',
  },
  counting: adjustment('Counting argument'),
  simplicity: adjustment('Simplicity bias'),
  speed: adjustment('Speed cost'),
  path: adjustment('Path dependence'),
  payoff: adjustment('Goal-guarding payoff'),
  evidence: adjustment('Evidence since 2023'),
} as const;

export type Params = Values<typeof schema>;
export type AdjustmentId = 'counting' | 'simplicity' | 'speed' | 'path' | 'payoff' | 'evidence';

export interface Adjustment {
  id: AdjustmentId;
  label: string;
  /** What a positive value (towards scheming) would mean. */
  positive: string;
  /** What a negative value (against scheming) would mean. */
  negative: string;
  /** The essay section it links to. */
  section: string;
}

/** The adjustments, in the order they are applied and charted. */
export const adjustments: readonly Adjustment[] = [
  {
    id: 'counting', label: 'Counting argument', section: '/counting/#the-counting-argument',
    positive: 'Far more goals lead to scheming than to faithful training, and that multiplicity carries over to what training finds.',
    negative: 'Counted in parameters rather than goals, every extra computation a schemer runs pins parameters down, so the count favours non-schemers.',
  },
  {
    id: 'simplicity', label: 'Simplicity bias', section: '/counting/#simplicity-bias',
    positive: 'Training prefers simple solutions, and some schemer goal is simpler to point at than the goal training specifies.',
    negative: 'The specified goal is as cheap to point at as any other, since every model already represents its concepts, or simplicity counted in parameters favours the direct solution.',
  },
  {
    id: 'speed', label: 'Speed cost', section: '/speed-and-depth/#how-big-is-the-cost',
    positive: 'The schemer’s extra reasoning costs nothing training notices (ample slack or spare depth), and its rivals carry costs of their own.',
    negative: 'Deciding to play the training game and watching for a chance to defect use up serial depth that training penalises.',
  },
  {
    id: 'path', label: 'Path dependence', section: '/path-dependence/#high-and-low-path-dependence',
    positive: 'Training’s path matters, and a long-term proxy goal is likely to form before situational awareness and then be kept by playing along.',
    negative: 'Training reliably reaches the model it prefers overall, or long-term goals rarely form without deliberate training because credit assignment works against them.',
  },
  {
    id: 'payoff', label: 'Goal-guarding payoff', section: '/introduction/#prerequisites',
    positive: 'Playing along keeps a model’s goals intact through training and leads to power it can use later, so scheming pays for almost any goal that reaches past the episode.',
    negative: 'Training reshapes a model’s goals even while it plays along, or the power it hopes for may never come, so few goals would make scheming worth its risks.',
  },
  {
    id: 'evidence', label: 'Evidence since 2023', section: '/weighing-it-up/#evidence-since-2023',
    positive: 'Alignment faking and in-context scheming in current models show the ingredients arising more readily than expected.',
    negative: 'Those results come from setups that hand the model its goal and its situation, and the absence of scheming in ordinary training is reassuring.',
  },
];

export interface Step {
  id: 'prior' | AdjustmentId;
  label: string;
  /** This step's adjustment (the prior itself for the first step), log10 odds. */
  delta: number;
  /** Cumulative log10 odds after this step. */
  log10Odds: number;
  probability: number;
  log10Probability: number;
}

export interface Result {
  /** prior + Σ adjustments. */
  log10Odds: number;
  /** Output `probability`: 1/(1 + 10^−log10Odds), strictly inside (0, 1). */
  probability: number;
  log10Probability: number;
  /** log10(1 − probability), accurate where the probability is close to 1. */
  log10ComplementProbability: number;
  /** Prior, then the cumulative effect of each adjustment, for the chart; the last equals the result. */
  steps: Step[];
  marks: typeof marks;
}

export { log10Sigmoid, sigmoid10 };

export function compute(p: Params): Result {
  const prior = p.prior as number;
  const point = (id: Step['id'], label: string, delta: number, log10Odds: number): Step => ({
    id, label, delta, log10Odds, probability: sigmoid10(log10Odds), log10Probability: log10Sigmoid(log10Odds),
  });
  const steps: Step[] = [point('prior', 'Starting odds', prior, prior)];
  let total = prior;
  for (const a of adjustments) {
    const delta = p[a.id] as number;
    total += delta;
    steps.push(point(a.id, a.label, delta, total));
  }
  return {
    log10Odds: total,
    probability: sigmoid10(total),
    log10Probability: log10Sigmoid(total),
    log10ComplementProbability: log10Sigmoid(-total),
    steps,
    marks,
  };
}

export const model: Model<typeof schema, Result> = { id: 'odds', schema, compute };
