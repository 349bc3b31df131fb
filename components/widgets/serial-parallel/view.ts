// serial-parallel: how many ways a computation of n steps can sit in a network, as one serial
// chain or as k parallel chains, and the ratio between the two, charted against the number of
// chains k or against the depth L (a view-only choice, `chartAxis`, set by the client).
import { dot, lineY, plot, ruleX, ruleY, text } from '@observablehq/plot';
import type { Params, Result, schema } from '../../../src/models/serial-parallel';
export { model } from '../../../src/models/serial-parallel';
import type { OutputSpec, WidgetView } from '../../../src/kit/view';
import { formatNumber, formatPow10, grouped } from '../../../src/core/format';
import { LN10, logChoose } from '../../../src/core/logmath';

export type ChartAxis = 'layers' | 'chains';
/** What the chart is drawn against. Presentation only (not part of the model or its URL state). */
export const chartAxis: { value: ChartAxis } = { value: 'layers' };

/** A count known by its log10: exact digits while they are exact, a power of ten beyond. */
export function formatCount(log10: number): string {
  if (!Number.isFinite(log10)) return '–';
  if (log10 < 15) return grouped(Math.round(10 ** log10));
  return formatPow10(log10, 4);
}

/** A ratio known by its log10, as ×153.5 or ×1.23×10⁵⁶. */
export function formatTimes(log10: number): string {
  if (!Number.isFinite(log10)) return '–';
  return log10 < 6 ? `×${formatNumber(10 ** log10, 4)}` : `×${formatPow10(log10, 3)}`;
}

/** log10 of n!/(d!)^k: the residual ratio's limit as L grows (the ways to interleave k chains). */
export function log10Interleavings(n: number, k: number): number {
  const d = n / k;
  let s = 0;
  for (let i = 0; i < k; i++) s += logChoose(n - i * d, d);
  return s / LN10;
}

const ruleName = (rule: string) => (rule === 'plain' ? 'plain' : 'residual');
const widthText = (w: Params['width']) => (w === 'unlimited' ? 'unlimited width' : `${grouped(w as number)} units per layer`);

/** Powers of ten from 1 to the top of the axis, thinned to at most about six ticks. */
function decadeTicks(top: number): number[] {
  const decades = Math.max(1, Math.floor(Math.log10(top)));
  const step = Math.ceil(decades / 5);
  const ticks: number[] = [];
  for (let e = 0; e <= decades; e += step) ticks.push(10 ** e);
  return ticks;
}

function tickTimes(d: number): string {
  const l = Math.log10(d);
  return l < 4 ? `×${formatNumber(d, 3)}` : formatPow10(l, 1);
}

export const view: WidgetView<typeof schema, Result> = {
  outputs(r: Result): OutputSpec[] {
    return [
      { name: 'serial', label: 'Ways to place one serial chain of n steps', value: r.log10Serial, text: formatCount(r.log10Serial) },
      { name: 'parallel', label: 'Ways to place k parallel chains of n/k steps', value: r.log10Parallel, text: formatCount(r.log10Parallel) },
      { name: 'ratio', label: 'Parallel ÷ serial', value: r.log10Ratio, text: formatTimes(r.log10Ratio) },
    ];
  },

  chart(r: Result, p: Params, { document, width }) {
    const rule = p.rule as string;
    const L = p.layers as number;
    const k = p.chains as number;
    const n = p.steps as number;
    const narrow = width < 480;
    const strokeOf = (which: string) => (which === rule ? 3 : 1.5);
    const common = {
      document,
      width,
      height: Math.round(Math.min(340, Math.max(240, width * 0.55))),
      marginLeft: 60,
      marginRight: narrow ? 62 : 74, // the end labels, bold, 10 px clear of the dot
      // Room under the tick labels for the axis title, which ends at the last tick ("200").
      marginBottom: 42,
      style: { background: 'transparent', color: 'var(--fg)' },
    };

    if (chartAxis.value === 'chains') {
      const rows = r.byChains.flatMap((c) => [
        { k: String(c.chains), ratio: 10 ** c.log10RatioResidual, rule: 'residual' },
        { k: String(c.chains), ratio: 10 ** c.log10RatioPlain, rule: 'plain' },
      ]);
      const top = Math.max(10, ...rows.map((d) => d.ratio));
      const mine = rows.filter((d) => d.k === String(k) && d.rule === rule);
      const last = r.byChains[r.byChains.length - 1];
      const ends = [
        { k: String(last.chains), ratio: 10 ** last.log10RatioResidual, rule: 'residual', fill: 'var(--series-1)' },
        { k: String(last.chains), ratio: 10 ** last.log10RatioPlain, rule: 'plain', fill: 'var(--series-2)' },
      ];
      return plot({
        ...common,
        x: { type: 'point', domain: r.byChains.map((c) => String(c.chains)), label: 'Parallel chains k (each of n/k steps) →', padding: 0.3 },
        y: { type: 'log', domain: [1, top * 2], label: '↑ Parallel ÷ serial', grid: true, ticks: decadeTicks(top * 2), tickFormat: tickTimes },
        marks: [
          ruleY([1]),
          ...(['plain', 'residual'] as const).map((which) =>
            lineY(rows.filter((d) => d.rule === which), {
              x: 'k', y: 'ratio', stroke: which === 'plain' ? 'var(--series-2)' : 'var(--series-1)', strokeWidth: strokeOf(which),
            }),
          ),
          ...(['plain', 'residual'] as const).map((which) =>
            dot(rows.filter((d) => d.rule === which), { x: 'k', y: 'ratio', r: 3, fill: which === 'plain' ? 'var(--series-2)' : 'var(--series-1)' }),
          ),
          dot(mine, { x: 'k', y: 'ratio', r: 8, stroke: 'var(--fg)', strokeWidth: 2 }),
          ...ends.map((e) => text([e], { x: 'k', y: 'ratio', text: 'rule', fill: e.fill, fontWeight: 'bold', dx: 8, textAnchor: 'start' })),
        ],
        ariaLabel: `Parallel-to-serial ratio against the number of chains k, for n = ${n} steps in ${L} layers, both placement rules`,
      });
    }

    const rows = r.byLayers.flatMap((b) => [
      { L: b.layers, ratio: 10 ** b.log10RatioResidual, rule: 'residual' },
      { L: b.layers, ratio: 10 ** b.log10RatioPlain, rule: 'plain' },
    ]);
    const top = Math.max(10, ...rows.map((d) => d.ratio));
    const here = rows.filter((d) => d.L === L && d.rule === rule);
    const limit = k > 1 ? 10 ** log10Interleavings(n, k) : null;
    const end = r.byLayers[r.byLayers.length - 1];
    const ends = [
      { L: end.layers, ratio: 10 ** end.log10RatioResidual, rule: 'residual', fill: 'var(--series-1)' },
      { L: end.layers, ratio: 10 ** end.log10RatioPlain, rule: 'plain', fill: 'var(--series-2)' },
    ];
    // Keep the two end labels apart when the curves finish close together.
    const apart = Math.abs(Math.log10(ends[0].ratio) - Math.log10(ends[1].ratio)) / Math.log10(top * 2) < 0.06;
    return plot({
      ...common,
      x: { domain: [n, 200], label: 'Layers L →' },
      y: { type: 'log', domain: [1, top * 2], label: '↑ Parallel ÷ serial', grid: true, ticks: decadeTicks(top * 2), tickFormat: tickTimes },
      marks: [
        ruleY([1]),
        ...(limit !== null
          ? [
              ruleY([limit], { stroke: 'var(--series-1)', strokeDasharray: '4 3', strokeOpacity: 0.8 }),
              // Under the curves' right-hand ends, where nothing else is drawn.
              text([limit], {
                y: (d: number) => d, frameAnchor: 'right', dx: -4, dy: 11, textAnchor: 'end', fill: 'var(--muted)',
                text: (d: number) => `${narrow ? 'limit' : 'residual limit n!/(d!)ᵏ'} = ${formatTimes(Math.log10(d)).slice(1)}`,
              }),
            ]
          : []),
        ruleX([L], { stroke: 'var(--muted)', strokeDasharray: '2 3' }),
        ...(['plain', 'residual'] as const).map((which) =>
          lineY(rows.filter((d) => d.rule === which), {
            x: 'L', y: 'ratio', stroke: which === 'plain' ? 'var(--series-2)' : 'var(--series-1)', strokeWidth: strokeOf(which),
          }),
        ),
        dot(here, { x: 'L', y: 'ratio', r: 6, fill: rule === 'plain' ? 'var(--series-2)' : 'var(--series-1)', stroke: 'var(--fg)', strokeWidth: 1.5 }),
        // Clear of the reader's dot (radius 6 and its stroke) when it sits at the right-hand end.
        ...ends.map((e, i) =>
          text([e], { x: 'L', y: 'ratio', text: 'rule', fill: e.fill, fontWeight: 'bold', dx: 10, dy: apart ? (i === 0 ? 8 : -8) : 0, textAnchor: 'start' }),
        ),
      ],
      ariaLabel: `Parallel-to-serial ratio against depth L, for n = ${n} steps in ${k} chains, both placement rules`,
    });
  },

  sentence(r: Result, p: Params) {
    const n = p.steps as number;
    const k = p.chains as number;
    if (k === 1) return `With one chain the parallel arrangement is the serial chain itself, so their counts are equal (${formatTimes(r.log10Ratio)}).`;
    return `In ${p.layers} layers, ${k} parallel chains of ${n / k} steps can be placed in ${formatTimes(r.log10Ratio).slice(1)} times as many ways as one serial chain of ${n} steps, ` +
      `so counting favours ${r.log10Ratio > 0 ? 'the parallel arrangement' : 'the serial chain'}.`;
  },

  summary(r: Result, p: Params) {
    const n = p.steps as number;
    const k = p.chains as number;
    const L = p.layers as number;
    const pick = (c: { log10RatioPlain: number; log10RatioResidual: number }) => ({ plain: c.log10RatioPlain, residual: c.log10RatioResidual });
    const here = pick(r.byChains.find((c) => c.chains === k)!);
    const most = r.byChains[r.byChains.length - 1];
    const deepest = r.byLayers[r.byLayers.length - 1];
    const other = p.rule === 'plain' ? 'residual' : 'plain';
    const head = k === 1
      ? `With k = 1 the "parallel" solution is the serial chain itself, so the ratio is 1. `
      : `In ${L} layers with ${widthText(p.width)}, ${k} parallel chains of ${n / k} steps have ${formatTimes(r.log10Ratio).slice(1)} times as many placements as one serial chain of ${n} steps under the ${ruleName(p.rule as string)} rule ` +
        `(${formatTimes(here[other])} under the ${other} rule). `;
    const byK = most.chains > 1
      ? `Splitting into all ${most.chains} single steps gives ${formatTimes(most.log10RatioResidual)} (residual) and ${formatTimes(most.log10RatioPlain)} (plain). `
      : '';
    const byL = k > 1
      ? `At ${deepest.layers} layers the residual ratio is ${formatTimes(deepest.log10RatioResidual)}, falling towards its limit n!/(d!)ᵏ = ${formatTimes(log10Interleavings(n, k)).slice(1)}, and the plain ratio is ${formatTimes(deepest.log10RatioPlain)}.`
      : '';
    return head + byK + byL;
  },
};
