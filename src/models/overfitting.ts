// `overfitting`: the counting argument that proves too much (Belrose & Pope 2024). Count the
// functions that fit the training data: almost all of them answer the unseen inputs differently
// from the true rule, so "counting functions" predicts that networks never generalise. With
// k possible outputs and u unseen inputs, exactly one of the k^u consistent functions is the
// true rule, so the share that generalises is k^−u (2^−u for Boolean functions).
// Two settings: Boolean functions of n bits as n grows, and Belrose & Pope's 4-digit addition
// example. `parameterCountingAnswer` reads the same question off a `tiny-nets` result, where the
// prior counts parameter configurations instead of functions.
import type { Model, Note, Values } from '../core/schema';
import { LOG10_2 } from '../core/logmath';
import type { Result as TinyNetsResult } from './tiny-nets';

export const schema = {
  bits: { kind: 'number', label: 'Largest input size n (bits)', min: 2, max: 40, default: 20, step: 1, integer: true },
  seen: {
    kind: 'number', label: 'Share of inputs seen in training', min: 0, max: 1, default: 0.5, step: 0.01,
    help: 'For each n, round(share × $2^n$) of the $2^n$ inputs are training points; the rest are unseen.',
  },
  digits: { kind: 'number', label: 'Digits per addend', min: 1, max: 6, default: 4, step: 1, integer: true },
  examples: {
    kind: 'number', label: 'Training examples (addition)', min: 0, max: 1e12, default: 992, step: 1, integer: true, scale: 'log',
    help: 'Belrose & Pope’s draft counts 992 training examples for 4-digit addition.',
  },
} as const;

export type Params = Values<typeof schema>;

export interface BooleanPoint {
  /** Input bits. */
  n: number;
  /** 2^n inputs, of which `unseen` are not in training. */
  inputs: number;
  unseen: number;
  /** log10 of all Boolean functions of n bits: 2^n·log10 2. */
  log10Candidates: number;
  /** log10 of the functions that fit training: unseen·log10 2. */
  log10Consistent: number;
  /** log10 of the share of those that also get every unseen input right: −unseen·log10 2. */
  log10Generalise: number;
}

export interface AdditionCount {
  digits: number;
  /** Ordered pairs of d-digit numbers 0 … 10^d − 1 (leading zeros allowed): 10^(2d). */
  inputs: number;
  /** Possible sums 0 … 2·10^d − 2: 2·10^d − 1 values. */
  outputs: number;
  examples: number;
  unseen: number;
  /** log10 of all mappings from inputs to outputs: inputs·log10(outputs). */
  log10Candidates: number;
  /** The same written as mantissa × 10^exponent. */
  candidatesMantissa: number;
  candidatesExponent: number;
  /** log10 of mappings that fit the training examples: unseen·log10(outputs). */
  log10Consistent: number;
  /** log10 of the share of those that add correctly everywhere: −unseen·log10(outputs). */
  log10Generalise: number;
}

export interface Result {
  /** n = 1 … bits. */
  boolean: BooleanPoint[];
  addition: AdditionCount;
}

/** A positive number given by its log10 as mantissa × 10^exponent (mantissa in [1, 10)). */
export function scientific(log10: number): { mantissa: number; exponent: number } {
  let exponent = Math.floor(log10);
  let mantissa = 10 ** (log10 - exponent);
  if (mantissa >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  return { mantissa, exponent };
}

export function booleanPoint(n: number, seenShare: number): BooleanPoint {
  const inputs = 2 ** n;
  const unseen = inputs - Math.round(seenShare * inputs);
  return {
    n,
    inputs,
    unseen,
    log10Candidates: inputs * LOG10_2,
    log10Consistent: unseen * LOG10_2,
    log10Generalise: -unseen * LOG10_2,
  };
}

export function additionCount(digits: number, examples: number): AdditionCount {
  const inputs = 10 ** (2 * digits);
  const outputs = 2 * 10 ** digits - 1;
  const seen = Math.min(examples, inputs);
  const unseen = inputs - seen;
  const perInput = Math.log10(outputs);
  const log10Candidates = inputs * perInput;
  const { mantissa, exponent } = scientific(log10Candidates);
  return {
    digits,
    inputs,
    outputs,
    examples: seen,
    unseen,
    log10Candidates,
    candidatesMantissa: mantissa,
    candidatesExponent: exponent,
    log10Consistent: unseen * perInput,
    log10Generalise: -unseen * perInput,
  };
}

export function normalize(v: Params): { values: Params; notes: Note[] } {
  const notes: Note[] = [];
  const inputs = 10 ** (2 * (v.digits as number));
  let examples = v.examples as number;
  if (examples > inputs) {
    notes.push({
      param: 'examples',
      message: `${v.digits}-digit addition has only ${inputs.toLocaleString('en-US')} input pairs; using all of them.`,
    });
    examples = inputs;
  }
  return { values: { ...v, examples }, notes };
}

export function compute(p: Params): Result {
  const bits = p.bits as number;
  const seen = p.seen as number;
  return {
    boolean: Array.from({ length: bits }, (_, k) => booleanPoint(k + 1, seen)),
    addition: additionCount(p.digits as number, p.examples as number),
  };
}

export interface ParameterCountingAnswer {
  n: number;
  unseen: number;
  /** Counting functions: log10 of 1 / #consistent = −unseen·log10 2. */
  log10FractionUniform: number;
  /** Counting parameters: P(honest | fits training) from the tiny-nets prior. */
  pHonestParam: number;
  /** log10 pHonestParam; null when no configuration fits the training data with the target. */
  log10PHonestParam: number | null;
  /** log10 of how many times more likely parameter counting makes the honest function. */
  log10Advantage: number | null;
  /** Expected share of unseen inputs answered correctly: 1/2 when counting functions. */
  deploymentAccuracyParam: number | null;
}

/** The parameter-counting answer to "what share of the functions that fit training generalise?",
 * read off a tiny-nets result, next to the function-counting answer for the same network. */
export function parameterCountingAnswer(r: TinyNetsResult): ParameterCountingAnswer {
  const unseen = r.deploymentPoints.length;
  return {
    n: r.n,
    unseen,
    log10FractionUniform: -unseen * LOG10_2,
    pHonestParam: r.pHonestParam,
    log10PHonestParam: r.pHonestParam > 0 ? Math.log10(r.pHonestParam) : null,
    log10Advantage: r.log10HonestAdvantage,
    deploymentAccuracyParam: r.deploymentAccuracyParam,
  };
}

export const model: Model<typeof schema, Result> = { id: 'overfitting', schema, normalize, compute };
