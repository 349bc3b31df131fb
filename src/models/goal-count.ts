// Counting goals vs counting parameters (the seed thread: Carlsmith's counting argument and Pope's
// reply). Everything is in log10 odds, schemer : non-schemer.
//
// Counting goals: M schemer goals against M_h non-schemer variants gives log10(M / M_h).
// Counting parameters: each parameter the schemer's extra reasoning must pin down divides the
// volume of matching configurations by 2^bits, and a goal that has to be written into the
// parameters costs goal_bits more. So
//   parameter-space = log10 M − log10 M_h − (bits·c_r + goal_bits)·log10 2,
// with goal_bits = 0 (free), log2 M (encoded: M distinguishable codes cannot all be shorter than
// log2 M bits, by the Kraft inequality) or a custom value.
import type { Model, Values } from '../core/schema';
import { defaults } from '../core/schema';
import { LOG10_2, log10Sigmoid, sigmoid10 } from '../core/logmath';

/** The token for "no extra parameters": `extra` slides on a log scale, which cannot reach 0. */
export const NO_EXTRA = '0';

export const schema = {
  goals: {
    kind: 'number', label: 'Schemer goals, $\\log_{10} M$', min: 0, max: 100, default: 20, step: 0.1,
    help: 'How many distinct beyond-episode goals would make a model scheme, as a power of ten. 20 is about the number of four-word goals from a 100,000-word vocabulary.',
  },
  honest: {
    kind: 'number', label: 'Non-schemer variants, $\\log_{10} M_h$', min: 0, max: 100, default: 0, step: 0.1,
    help: 'How many distinct non-schemers do equally well, as a power of ten (0 means one).',
  },
  bits: {
    kind: 'number', label: 'Effective bits per parameter', min: 1, max: 32, default: 8, step: 0.5, unit: 'bits',
    help: 'How finely a parameter must be set for a circuit to work: pinning it divides the matching volume by $2^b$ for $b$ bits. 8 matches the 8 significant bits of bfloat16; trained networks mostly survive rounding their weights to 8 bits or fewer.',
  },
  extra: {
    kind: 'number', label: 'Parameters pinned by the extra reasoning, $c_r$', min: 1, max: 1e6, default: 1000,
    scale: 'log', special: [NO_EXTRA], specialLabels: { [NO_EXTRA]: 'none: the reasoning is free' }, unit: 'parameters',
    help: 'Parameters the schemer needs beyond a non-schemer: noticing it is in training and backchaining from its goal.',
  },
  'goal-cost': {
    kind: 'choice', label: 'Cost of a goal', default: 'free',
    options: [
      { value: 'free', label: 'free (goals cost no parameters)' },
      { value: 'encoded', label: 'encoded (log₂ M bits per goal)' },
      { value: 'custom', label: 'custom bits per goal' },
    ],
    help: 'Whether the schemer’s goal must be written into parameters a non-schemer leaves free.',
  },
  'goal-bits': {
    kind: 'number', label: 'Bits per goal (custom)', min: 0, max: 1000, default: 20, step: 0.5, unit: 'bits',
    help: 'Used when the cost of a goal is custom. 20 bits is enough to point at one of a million concepts the model already has.',
  },
} as const;

export type Params = Values<typeof schema>;
export type GoalCost = 'free' | 'encoded' | 'custom';

export type WaterfallKey = 'multiplicity' | 'honest' | 'goal-space' | 'goal-encoding' | 'extra-reasoning' | 'parameter-space';

export interface WaterfallBar {
  key: WaterfallKey;
  label: string;
  /** 'step' bars float from `from` to `to`; 'total' bars run from 0 to `to`. */
  kind: 'step' | 'total';
  /** The bar's contribution (step) or total, in log10 odds. */
  value: number;
  from: number;
  to: number;
}

export interface Result {
  /** Counting goals: log10(M / M_h). Output `goal-space`. */
  log10GoalSpaceOdds: number;
  /** Counting parameters: log10 odds after the goal and extra-reasoning costs. Output `parameter-space`. */
  log10ParameterSpaceOdds: number;
  /** The parameter-space odds as a probability of scheming (0 when below double range). Output `probability`. */
  probability: number;
  /** log10 of `probability`, finite even where the plain value underflows; ≤ 0. */
  log10Probability: number;
  /** log10 of 1 − `probability` (for odds so large that the probability rounds to 1); ≤ 0. */
  log10ComplementProbability: number;
  /** The goal-space odds as a probability, and its log10. */
  goalSpaceProbability: number;
  log10GoalSpaceProbability: number;
  /** Bits charged per goal: 0, log2 M, or the custom value. */
  goalBits: number;
  /** Bits pinned by the extra reasoning, bits·c_r. */
  extraBits: number;
  /** c_r at which the parameter-space odds are even; 0 when the schemer loses even with no extra reasoning. */
  breakEvenExtra: number;
  /** Bars in drawing order: multiplicity, honest, goal-space total, goal encoding, extra reasoning, parameter-space total. */
  waterfall: WaterfallBar[];
}

/** The number of pinned parameters c_r an `extra` value stands for. */
export function pinnedParameters(extra: Params['extra']): number {
  return extra === NO_EXTRA ? 0 : (extra as number);
}

export { log10Sigmoid, sigmoid10 };

export function compute(p: Params): Result {
  const log10M = p.goals as number;
  const log10Mh = p.honest as number;
  const bits = p.bits as number;
  const cr = pinnedParameters(p.extra);
  const mode = p['goal-cost'] as GoalCost;

  const goalBits = mode === 'encoded' ? log10M / LOG10_2 : mode === 'custom' ? (p['goal-bits'] as number) : 0;
  // In encoded mode the charge is −log10 M itself (log2 M · log10 2), so it cancels the
  // multiplicity exactly in floating point, not just to rounding.
  const goalEncoding = mode === 'encoded' ? -log10M : -goalBits * LOG10_2;
  const extraBits = bits * cr;
  const extraReasoning = -(extraBits * LOG10_2);

  const goalSpace = log10M - log10Mh + 0;
  // Multiplicity and encoding first, so that encoded mode leaves exactly −log10 M_h − bits·c_r·log10 2.
  const parameterSpace = log10M + goalEncoding - log10Mh + extraReasoning + 0;

  const log10Probability = log10Sigmoid(parameterSpace);
  const log10GoalSpaceProbability = log10Sigmoid(goalSpace);

  const afterEncoding = goalSpace + goalEncoding;
  const waterfall: WaterfallBar[] = [
    { key: 'multiplicity', label: 'Schemer goals (+log10 M)', kind: 'step', value: log10M, from: 0, to: log10M },
    { key: 'honest', label: 'Non-schemer variants (−log10 M_h)', kind: 'step', value: -log10Mh + 0, from: log10M, to: goalSpace },
    { key: 'goal-space', label: 'Counting goals', kind: 'total', value: goalSpace, from: 0, to: goalSpace },
    { key: 'goal-encoding', label: 'Writing the goal down', kind: 'step', value: goalEncoding + 0, from: goalSpace, to: afterEncoding },
    { key: 'extra-reasoning', label: 'Extra reasoning', kind: 'step', value: extraReasoning + 0, from: afterEncoding, to: parameterSpace },
    { key: 'parameter-space', label: 'Counting parameters', kind: 'total', value: parameterSpace, from: 0, to: parameterSpace },
  ];

  return {
    log10GoalSpaceOdds: goalSpace,
    log10ParameterSpaceOdds: parameterSpace,
    probability: sigmoid10(parameterSpace),
    log10Probability,
    log10ComplementProbability: log10Sigmoid(-parameterSpace),
    goalSpaceProbability: sigmoid10(goalSpace),
    log10GoalSpaceProbability,
    goalBits,
    extraBits,
    breakEvenExtra: Math.max(0, (log10M - log10Mh + goalEncoding) / (bits * LOG10_2)),
    waterfall,
  };
}

export const model: Model<typeof schema, Result> = { id: 'goal-count', schema, compute };

export interface Preset {
  id: string;
  name: string;
  description: string;
  params: Params;
}

const defaultParams = defaults(schema);
/** The value a URL carries (formatValue keeps 12 significant digits), so a preset and its link agree. */
const asInUrl = (x: number) => Number(x.toPrecision(12));

/** Pixels in the inner llama: a 16×16 black-and-white image. */
export const LLAMA_PIXELS = 16 * 16;

export const presets: readonly Preset[] = [
  {
    id: 'counting-argument',
    name: 'The counting argument',
    description:
      'Goals cost nothing and the schemer needs no extra parameters, so counting parameters agrees with counting goals: 10²⁰ goals against one non-schemer.',
    params: { ...defaultParams, 'goal-cost': 'free', extra: NO_EXTRA },
  },
  {
    id: 'inner-llamas',
    name: 'Inner llamas',
    description:
      'Pope’s reductio: an image model that draws a llama in its early layers and then erases it. A 16×16 black-and-white llama can be any of 2²⁵⁶ ≈ 10⁷⁷ images, and we let the choice of image cost nothing. But drawing it and then erasing it takes, say, one pinned weight per pixel to write it and one to cancel it: 512 parameters. Counting images favours the llama-drawer by 10⁷⁷; counting parameters puts it at 10⁻¹¹⁵⁶.',
    params: { ...defaultParams, goals: asInUrl(LLAMA_PIXELS * LOG10_2), 'goal-cost': 'free', extra: 2 * LLAMA_PIXELS },
  },
  {
    id: 'encoded-goals',
    name: 'Encoded goals',
    description:
      'Each goal must be written into parameters, at log₂ M bits apiece. The multiplicity cancels exactly: with no extra reasoning the odds are even for any number of goals. Drag the goals slider and nothing moves.',
    params: { ...defaultParams, 'goal-cost': 'encoded', extra: NO_EXTRA },
  },
];
