// speed-cost: the schemer's speed cost and its possible simplicity saving, in one currency (loss).
// Both are first-order changes on the same straight line ΔL = α·(A/N^α)·share, so the chart is
// that line on log–log axes with the two shares marked: N and α move the line up and down, s and q
// move the points along it, and the horizontal gap between the points is the ratio s/q.
import { dot, line, plot, ruleX, text } from '@observablehq/plot';
import { schema, type Params, type Result } from '../../../src/models/speed-cost';
import { dragHandle } from '../../../src/kit/drag';
export { model } from '../../../src/models/speed-cost';
import type { OutputSpec, WidgetView } from '../../../src/kit/view';
import { formatNumber, formatPercent, formatPow10, superscript } from '../../../src/core/format';

/** Shares of a model: percentages while they read well, powers of ten below that. */
export function formatShare(x: number): string {
  return x >= 1e-4 ? formatPercent(x) : formatPow10(Math.log10(x), 2);
}

const nats = (x: number) => `${formatNumber(x, 3)} nats`;
const signedNats = (x: number) => (x === 0 ? '0 nats' : `${x > 0 ? '+' : '−'}${formatNumber(Math.abs(x), 3)} nats`);
const times = (x: number) => `×${formatNumber(x, 4)}`;
/** Axis ticks (powers of ten): 10⁻⁸ … 0.01%, 0.1%, 1%, 10%. */
const powerTick = (d: number) => `10${superscript(Math.round(Math.log10(d)))}`;
const shareTick = (d: number) => (d >= 1e-4 ? formatPercent(d) : powerTick(d));

// The chart's axes are fixed over the whole schema, so moving N or α visibly moves the line.
const SHARE_DOMAIN: [number, number] = [1e-8, 0.3];
const LOSS_DOMAIN: [number, number] = [1e-14, 10];
// Carlsmith's off-the-cuff figure for the serial time a schemer's extra reasoning might take
// (interview, March 2024): a reference mark, not a default.
const CARLSMITH_OFF_THE_CUFF = 0.1;

export const view: WidgetView<typeof schema, Result> = {
  outputs(r: Result): OutputSpec[] {
    return [
      { name: 'speed-loss', label: 'Speed cost: loss from the lost depth', value: r.speedLoss, text: nats(r.speedLoss) },
      { name: 'simplicity-loss', label: 'Simplicity saving: loss the freed parameters buy back', value: r.simplicityLoss, text: nats(r.simplicityLoss) },
      { name: 'net', label: 'Net cost to the schemer (speed − simplicity)', value: r.net, text: signedNats(r.net) },
      { name: 'ratio', label: 'Speed cost ÷ simplicity saving ($s \\div q$)', value: r.ratio, text: times(r.ratio) },
      { name: 'kept', label: 'Reliability kept over $\\Delta$ extra steps, $(1 - p)^{\\Delta}$', value: r.kept, text: formatPercent(r.kept) },
    ];
  },

  chart(r: Result, p: Params, { document, width }) {
    const s = p['serial-share'] as number;
    const q = p['param-share'] as number;
    const narrow = width < 480;
    const lineData = SHARE_DOMAIN.map((x) => ({ x, y: r.slope * x }));
    const points = [
      { x: q, y: r.simplicityLoss, label: narrow ? 'simplicity q' : 'simplicity saving (q)', fill: 'var(--series-2)', param: 'param-share' as const },
      { x: s, y: r.speedLoss, label: narrow ? 'speed s' : 'speed cost (s)', fill: 'var(--series-1)', param: 'serial-share' as const },
    ];
    const chart = plot({
      document,
      width,
      height: Math.round(Math.min(340, Math.max(240, width * 0.55))),
      marginLeft: 56,
      marginRight: 16,
      style: { background: 'transparent', color: 'var(--fg)' },
      x: { type: 'log', domain: SHARE_DOMAIN, label: 'Share of the model (depth lost, or parameters freed) →', ticks: narrow ? 4 : 8, tickFormat: shareTick },
      y: { type: 'log', domain: LOSS_DOMAIN, label: '↑ Change in loss (nats per token)', grid: true, ticks: 6, tickFormat: powerTick },
      marks: [
        ruleX([CARLSMITH_OFF_THE_CUFF], { stroke: 'var(--muted)', strokeDasharray: '4 3' }),
        text([CARLSMITH_OFF_THE_CUFF], {
          x: (d: number) => d, frameAnchor: 'bottom', dy: -6, dx: -4, textAnchor: 'end',
          text: () => (narrow ? '“10%”' : '“like 10%”'), fill: 'var(--muted)',
        }),
        line(lineData, { x: 'x', y: 'y', stroke: 'var(--fg)', strokeWidth: 1.5, strokeOpacity: 0.6 }),
        // Each point with its label on the side the rising line leaves free: above and to the left,
        // or, near the left edge where there is no room, below and to the right.
        ...points.flatMap((pt) => {
          const left = pt.x < 1e-5;
          return [
            dot([pt], { x: 'x', y: 'y', r: 6, fill: pt.fill, stroke: 'var(--bg)', strokeWidth: 1.5 }),
            text([pt], {
              x: 'x', y: 'y', text: 'label', fill: pt.fill, fontWeight: 'bold',
              dx: left ? 14 : -14, dy: left ? 16 : -14, textAnchor: left ? 'start' : 'end',
            }),
          ];
        }),
      ],
      ariaLabel: 'Loss change against share of the model, with the speed cost and the simplicity saving marked',
    });
    // Each point is a handle for its share, sliding along the line.
    const x = chart.scale('x')!;
    const y = chart.scale('y')!;
    for (const pt of points) {
      chart.append(dragHandle(document, {
        param: pt.param, p: schema[pt.param], value: pt.x, log: true, domain: SHARE_DOMAIN, range: x.range as [number, number],
        pointY: y.apply(pt.y), label: schema[pt.param].label, valueText: formatShare(pt.x),
      }));
    }
    return chart;
  },

  sentence(r: Result) {
    const verdict = r.ratio > 1 ? 'so training in this toy disfavours it' : r.ratio < 1 ? 'so training in this toy favours it' : 'so training in this toy is indifferent';
    return `The schemer’s speed cost is ${formatNumber(r.ratio, 4)} times its simplicity saving, ${verdict}.`;
  },

  summary(r: Result, p: Params) {
    const s = p['serial-share'] as number;
    const q = p['param-share'] as number;
    const n = p.params as number;
    const verdict = r.ratio > 1
      ? `The speed cost is ${formatNumber(r.ratio, 4)} times the saving, so in this toy training disfavours the schemer.`
      : r.ratio < 1
        ? `The saving is ${formatNumber(1 / r.ratio, 4)} times the speed cost, so in this toy training favours the schemer.`
        : 'The two are equal, so in this toy training is indifferent.';
    return `For a model of ${formatPow10(Math.log10(n), 2)} parameters (α = ${p.alpha}), losing ${formatShare(s)} of serial depth costs ` +
      `${nats(r.speedLoss)} per token, as much as removing ${formatPow10(Math.log10(r.speedParams), 2)} parameters; ` +
      `a goal that frees ${formatShare(q)} of the parameters saves ${nats(r.simplicityLoss)}. ${verdict}`;
  },
};
