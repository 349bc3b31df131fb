// overfitting: the counting argument that proves too much. Main panel: how small a share of the
// functions that fit the training data also get the unseen inputs right, as the input grows (a
// log axis of the exponent, since the share is 10^−(billions)), with Belrose & Pope's 4-digit
// addition example on the same axes. Second panel: the same question on the tiny-nets network,
// answered by counting functions and by counting parameters, following that figure's setting.
import { barX, dot, line, plot, text } from '@observablehq/plot';
import * as base from '../../../src/models/overfitting';
import type { Params, ParameterCountingAnswer, schema } from '../../../src/models/overfitting';
import * as tiny from '../../../src/models/tiny-nets';
import { defaults, type Model } from '../../../src/core/schema';
import type { WidgetView } from '../../../src/kit/view';
import { formatNumber, formatPercent, formatPow10, superscript, grouped } from '../../../src/core/format';
import { pointList, targetName } from '../tiny-nets/view';

/** The tiny-nets setting being compared, and its answer. */
export interface TinyComparison {
  answer: ParameterCountingAnswer;
  hidden: number;
  target: string;
  trainPoints: number[];
  deploymentPoints: number[];
  consistent: number;
}

export interface Result extends base.Result {
  tiny: TinyComparison;
}

export function tinyComparison(r: tiny.Result, values: tiny.Params): TinyComparison {
  return {
    answer: base.parameterCountingAnswer(r),
    hidden: r.hidden,
    target: targetName(values, r),
    trainPoints: r.trainPoints,
    deploymentPoints: r.deploymentPoints,
    consistent: r.consistent,
  };
}

let defaultTiny: TinyComparison | null = null;
/** tiny-nets at its defaults (n = 3: a few milliseconds, cached). */
export function defaultTinyComparison(): TinyComparison {
  const values = defaults(tiny.schema);
  defaultTiny ??= tinyComparison(tiny.compute(values), values);
  return defaultTiny;
}

export const combine = (p: Params, t: TinyComparison): Result => ({ ...base.compute(p), tiny: t });

/** The overfitting model with the tiny-nets comparison attached. `compute` compares with
 * tiny-nets' defaults (build time, inline numbers); the browser client follows the reader's
 * tiny-nets setting instead. */
export const model: Model<typeof schema, Result> = {
  ...base.model,
  compute: (p) => combine(p, defaultTinyComparison()),
};

/** A background-coloured outline that keeps labels legible over lines and bars. */
const HALO = { stroke: 'var(--bg)', strokeWidth: 3, paintOrder: 'stroke' } as const;

const NARROW_SPACE = '\u202f';

/** 10^x for any x. Exponents of five digits or more are grouped in threes, in superscript:
 * "1.1×10⁴³⁰ ¹⁰⁰ ⁸²⁸" (Belrose & Pope's 10^430,100,828), short enough for a result box. */
export function formatHugePow10(log10: number, digits = 2): string {
  if (!Number.isFinite(log10)) return '–';
  if (Math.abs(log10) < 1e4) return formatPow10(log10, digits);
  const { mantissa, exponent } = base.scientific(log10);
  const groups = grouped(Math.abs(exponent)).split(',');
  const sup = groups.map((g) => g.split('').map((c) => superscript(Number(c))).join('')).join(NARROW_SPACE);
  return `${mantissa.toPrecision(digits)}×10${exponent < 0 ? '⁻' : ''}${sup}`;
}

/** A share given by its log10: a percentage when readable, else a power of ten. */
const formatShare = (log10: number) => (log10 > -4 ? formatPercent(Math.pow(10, log10)) : formatHugePow10(log10));

/** Tick labels for the zeros axis, in words past a thousand: 1, 100, 10,000, 1 million, 1 billion. */
function zerosTick(x: number): string {
  if (x < 1e6) return grouped(Number(x.toPrecision(3)));
  const [u, word] = ([[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']] as const).find(([u]) => x >= u)!;
  return `${Number((x / u).toPrecision(3))} ${word}`;
}

function zerosTicks(max: number, count: number): number[] {
  const top = Math.floor(Math.log10(max));
  const every = Math.max(1, Math.ceil((top + 1) / count));
  return Array.from({ length: Math.floor(top / every) + 1 }, (_, i) => 10 ** (i * every));
}

function element(document: Document, tag: string, className: string, textContent?: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  if (textContent !== undefined) el.textContent = textContent;
  return el;
}

function growthChart(r: Result, p: Params, document: Document, width: number): Element {
  const points = r.boolean.filter((b) => b.unseen > 0).map((b) => ({ x: b.n, y: -b.log10Generalise, b }));
  const add = r.addition;
  const addX = Math.log2(add.inputs);
  const addition = add.unseen > 0 ? [{ x: addX, y: -add.log10Generalise }] : [];
  const ys = [...points, ...addition].map((d) => d.y);
  const yMin = ys.length ? Math.min(...ys) : 0.1;
  const yMax = ys.length ? Math.max(...ys) : 1;
  const xMax = Math.max(p.bits as number, addX) + 1;
  const last = points.at(-1);
  return plot({
    document,
    width,
    height: Math.round(Math.min(340, Math.max(240, width * 0.55))),
    marginLeft: 76,
    marginRight: 16,
    marginTop: 24,
    marginBottom: 38,
    style: { background: 'transparent', color: 'var(--fg)' },
    x: { domain: [0, xMax], label: 'Input size: bits needed to name an input, log₂(inputs) →', ticks: Math.max(3, Math.floor(width / 90)) },
    y: {
      type: 'log', domain: [Math.min(yMin, 0.1) / 2, yMax * 4], grid: true, label: '↑ Zeros in N: the share that generalises is 1 in N',
      // Whole numbers of zeros only: every power of ten from 1, thinned to fit the height.
      tickFormat: zerosTick, ticks: zerosTicks(yMax * 4, Math.max(3, Math.floor((width * 0.55) / 45))),
    },
    marks: [
      line(points, { x: 'x', y: 'y', stroke: 'var(--series-1)', strokeWidth: 2 }),
      dot(points, {
        x: 'x', y: 'y', r: 3, fill: 'var(--series-1)',
        title: (d: { b: base.BooleanPoint }) => `n = ${d.b.n}: ${formatNumber(d.b.unseen)} of ${formatNumber(d.b.inputs)} inputs unseen; share that generalises ${formatShare(d.b.log10Generalise)}`,
      }),
      // Short labels (the numbers are in the results below), so they fit a phone.
      last ? text([last], { x: 'x', y: 'y', dy: -12, textAnchor: 'end', text: () => `n = ${last.x}`, fill: 'var(--series-1)', fontWeight: 'bold', fontSize: 12, ...HALO }) : null,
      dot(addition, { x: 'x', y: 'y', r: 6, symbol: 'diamond', fill: 'var(--series-2)' }),
      text(addition, {
        // Above the diamond: the Boolean line, when it reaches this far, passes below it.
        x: 'x', y: 'y', dy: -14, dx: addX > xMax * 0.6 ? -4 : 4, textAnchor: addX > xMax * 0.6 ? 'end' : 'start',
        text: () => `${add.digits}-digit addition`,
        fill: 'var(--series-2)', fontWeight: 'bold', fontSize: 12, ...HALO,
      }),
    ],
    ariaLabel: 'How the share of training-consistent functions that generalise shrinks as the input grows',
  });
}

// The growth panel depends only on the overfitting settings, but the figure also redraws whenever
// the tiny-nets setting changes: keep the last one drawn (per document: build time and browser)
// and hand out copies, which is much cheaper than drawing it again.
const growthCache = new WeakMap<Document, { key: string; chart: Element }>();
function cachedGrowthChart(r: Result, p: Params, document: Document, width: number): Element {
  const key = JSON.stringify([p.bits, p.seen, p.digits, p.examples, width]);
  let hit = growthCache.get(document);
  if (hit?.key !== key) {
    hit = { key, chart: growthChart(r, p, document, width) };
    growthCache.set(document, hit);
  }
  return hit.chart.cloneNode(true) as Element;
}

function tinyChart(t: TinyComparison, document: Document, width: number): Element {
  const a = t.answer;
  const rows = [
    { label: 'Counting functions', log10: a.log10FractionUniform, fill: 'var(--series-1)' },
    { label: 'Counting parameters', log10: a.log10PHonestParam, fill: 'var(--series-2)' },
  ];
  const finite = rows.map((r) => r.log10).filter((x): x is number => x !== null);
  const floor = Math.min(-1, Math.floor(Math.min(...finite) - 0.5));
  const data = rows.map((r) => ({ ...r, x: r.log10 ?? floor, text: r.log10 === null ? 'never (0)' : formatShare(r.log10) }));
  return plot({
    document,
    width,
    height: 120,
    marginLeft: Math.min(150, Math.round(width * 0.4)),
    marginRight: 64,
    marginTop: 8,
    marginBottom: 36,
    style: { background: 'transparent', color: 'var(--fg)' },
    x: { domain: [floor, 0], label: 'log₁₀ chance that a function fitting training is the target →', ticks: Math.min(6, -floor + 1) },
    y: { domain: rows.map((r) => r.label), label: null, padding: 0.25 },
    color: { type: 'identity' },
    marks: [
      barX(data, { y: 'label', x1: floor, x2: 'x', fill: 'fill' }),
      // Each value beside its bar, on the background (the right margin leaves room for the longest).
      text(data, { y: 'label', x: 'x', dx: 5, textAnchor: 'start', fontWeight: 'bold', fontSize: 12, fill: 'var(--fg)', text: 'text' }),
    ],
    ariaLabel: 'The tiny network: chance that the function fitting training is the target, by counting functions and by counting parameters',
  });
}

export const view: WidgetView<typeof schema, Result> = {
  follows: ['tiny-nets'],
  outputs(r: Result) {
    const last = r.boolean.at(-1)!;
    const add = r.addition;
    const a = r.tiny.answer;
    return [
      { name: 'generalise', label: `Share of fitting functions that generalise, n = ${last.n} bits`, value: last.log10Generalise, text: formatShare(last.log10Generalise) },
      { name: 'addition-candidates', label: `${add.digits}-digit addition: all input–output mappings`, value: add.log10Candidates, text: formatHugePow10(add.log10Candidates) },
      { name: 'addition-generalise', label: `Of those fitting ${formatNumber(add.examples)} examples, the share that adds correctly`, value: add.log10Generalise, text: formatShare(add.log10Generalise) },
      { name: 'function-counting', label: `Tiny network (n = ${a.n}): target’s chance, counting functions`, value: a.log10FractionUniform, text: formatShare(a.log10FractionUniform) },
      {
        name: 'parameter-counting', label: `Tiny network (n = ${a.n}): target’s chance, counting parameters`,
        value: a.pHonestParam, text: formatPercent(a.pHonestParam),
      },
    ];
  },

  chart(r: Result, p: Params, { document, width }) {
    const box = element(document, 'div', 'of-charts');
    const t = r.tiny;
    const main = element(document, 'div', 'of-panel');
    main.append(
      element(document, 'p', 'of-panel-title', 'Counting functions: the share of training-consistent functions that also get every unseen input right'),
      element(document, 'p', 'of-panel-note', `Boolean functions of n bits with ${formatPercent(p.seen as number)} of inputs in training (blue), and ${r.addition.digits}-digit addition with ${formatNumber(r.addition.examples)} training examples (orange). Only 1 in N of the functions that fit also generalise; each point counts the zeros in N (1 in 1,000 is three), so higher means rarer, on a log scale.`),
      cachedGrowthChart(r, p, document, width),
    );
    const side = element(document, 'div', 'of-panel chart-flow');
    side.append(
      element(document, 'p', 'of-panel-title', `The same question on the tiny network (n = ${t.answer.n}, h = ${t.hidden}, target ${t.target})`),
      element(
        document, 'p', 'of-panel-note',
        `Training shows points ${t.trainPoints.length ? pointList(t.trainPoints) : 'none'}; ${formatNumber(t.consistent)} functions fit. ` +
          'It follows the tiny-network figure’s setting.',
      ),
      tinyChart(t, document, width),
    );
    box.append(main, side);
    return box;
  },

  sentence(r: Result, p: Params) {
    const last = r.boolean.at(-1)!;
    return `Counting functions, only ${formatShare(last.log10Generalise)} of the functions that fit ${formatPercent(p.seen as number)} of a ${last.n}-bit problem’s inputs generalise, ` +
      'so by that count no network should ever learn the rule, yet networks do.';
  },

  summary(r: Result, p: Params) {
    const last = r.boolean.at(-1)!;
    const add = r.addition;
    const a = r.tiny.answer;
    const param = a.log10PHonestParam === null ? 'never picks the target (the network cannot compute it)' : `picks the target ${formatPercent(a.pHonestParam)} of the time`;
    return `Counting functions, only ${formatShare(last.log10Generalise)} of the functions that fit ${formatPercent(p.seen as number)} of the inputs of a problem with ${last.n} input bits generalise; ` +
      `for ${add.digits}-digit addition there are ${formatHugePow10(add.log10Candidates)} mappings and a share ${formatShare(add.log10Generalise)} of those fitting ${formatNumber(add.examples)} examples add correctly. ` +
      `On the tiny network, counting functions gives the target ${formatShare(a.log10FractionUniform)}; counting parameters ${param}.`;
  },
};
