// basins: many noisy training runs on a one-dimensional landscape with one honest well and M schemer
// wells. Two panels: the landscape with the runs as dots (at build time an SVG of the final
// positions; in the browser a canvas animates them, see client.ts), and the honest share over
// training against the two forecasts (where runs start; the equilibrium).
import { dot, line, plot, rect, ruleY, text } from '@observablehq/plot';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import {
  compute as computeModel, createSimulation, model as baseModel,
  type Params, type Result, type schema,
} from '../../../src/models/basins';
import type { Model } from '../../../src/core/schema';
import type { WidgetView } from '../../../src/kit/view';
import { chartRoot, label, markGroup, rule, svgEl, xAxis, yAxis } from '../../../src/kit/svg-chart';
import { formatNumber, formatPercent, formatPow10 } from '../../../src/core/format';
import { SAMPLE_RUNS, type BasinsResult } from '../../../src/models/basins-job';

/** Steps known by their log10, as a plain number when it fits ("2,170"), else as a power of ten. */
export function formatSteps(log10: number): string {
  if (!Number.isFinite(log10)) return '–';
  if (log10 < 6) return formatNumber(Number((10 ** log10).toPrecision(3)));
  return formatPow10(log10, 2);
}

/** Loss at θ, interpolated on the drawing grid (exact at grid points; the grid is fine). */
export function lossAt(r: Result, theta: number): number {
  const xs = r.landscapeX;
  const n = xs.length;
  const t = ((theta - xs[0]) / (xs[n - 1] - xs[0])) * (n - 1);
  const i = Math.max(0, Math.min(n - 2, Math.floor(t)));
  const f = Math.max(0, Math.min(1, t - i));
  return r.landscapeLoss[i] * (1 - f) + r.landscapeLoss[i + 1] * f;
}

/** A small, fixed vertical offset per run so dots resting in one well do not all coincide. */
export const jitter = (i: number) => ((i * 0.618034) % 1) * 0.07;

/** Positions of the first runs after the whole training run, by a small simulation of just those
 * runs (cheap: ≤ 300 runs instead of up to 5,000). */
export function finalSample(p: Params): number[] {
  const sim = createSimulation({ ...p, runs: Math.min(p.runs as number, SAMPLE_RUNS) });
  sim.step(p.steps as number);
  return Array.from(sim.positions);
}

// The model with the sample added to its result (same maths; results memoised, so the build-time
// figure and the sentences that quote it share one simulation).
const cache = new Map<string, BasinsResult>();
export const model: Model<typeof schema, BasinsResult> = {
  ...baseModel,
  compute(p: Params): BasinsResult {
    const key = JSON.stringify(p);
    let r = cache.get(key);
    if (!r) {
      const p2 = baseModel.normalize ? baseModel.normalize(p).values : p;
      r = { ...computeModel(p), sample: finalSample(p2), simulatedSteps: p2.steps as number, done: true };
      if (cache.size > 20) cache.clear();
      cache.set(key, r);
    }
    return r;
  },
};


const pending = (r: BasinsResult) => (r.done ? '' : ' …');

/** Where the simulated share lies: at the equilibrium forecast, still at the start, or between. */
function whereRunsAre(r: BasinsResult): 'equilibrium' | 'start' | 'between' {
  const near = (x: number) => Math.abs(r.simHonest - x) < 3 * r.simStandardError + 0.01;
  return near(r.gibbsHonest) ? 'equilibrium' : near(r.pathHonest) ? 'start' : 'between';
}

export const view: WidgetView<typeof schema, BasinsResult> = {
  outputs(r: BasinsResult, p: Params) {
    const D = p.dims as number;
    return [
      {
        name: 'sim-honest', label: `Simulated: share of runs in the honest basin after ${formatNumber(p.steps as number)} steps`,
        value: r.simHonest, text: formatPercent(r.simHonest) + pending(r),
      },
      { name: 'path-honest', label: 'Path forecast: share of runs that start in the honest basin', value: r.pathHonest, text: formatPercent(r.pathHonest) },
      { name: 'gibbs-honest', label: 'Equilibrium forecast: honest share of $\\int e^{-L/T}$, by numerical integration', value: r.gibbsHonest, text: formatPercent(r.gibbsHonest) },
      {
        name: 'volume-honest',
        label: (p.penalty as number) === 0 ? 'Closed form $a_h/(a_h + M a_s)$, equal to the equilibrium when $\\Delta = 0$' : 'Volume share $a_h/(a_h + M a_s)$ (the equilibrium only when $\\Delta = 0$)',
        value: r.volumeHonest, text: formatPercent(r.volumeHonest),
      },
      {
        name: 'dims-honest', label: D === 1 ? 'Equilibrium in $D = 1$ dimension (set $D$ to see wells as $D$-dimensional balls)' : `Equilibrium if each well were a ${D}-dimensional ball (closed form when $\\Delta = 0$: $a_h^D/(a_h^D + M a_s^D)$)`,
        value: r.dimsGibbsHonest, text: formatPercent(r.dimsGibbsHonest),
      },
      { name: 'escape', label: 'Expected steps to escape the honest well ($\\propto e^{B/T}$)', value: r.log10EscapeSteps, text: formatSteps(r.log10EscapeSteps) },
      { name: 'relaxation', label: 'Steps to forget the start (slowest relaxation time)', value: r.log10RelaxationSteps, text: formatSteps(r.log10RelaxationSteps) },
    ];
  },

  chart(r: BasinsResult, p: Params, { document, width }) {
    const box = document.createElement('div');
    box.className = 'basins-figure';
    const top = document.createElement('div');
    top.className = 'basins-landscape';
    box.append(top);
    if (!r.live) top.append(landscapeChart(r, p, document, width));
    const bottom = document.createElement('div');
    bottom.className = 'basins-share';
    bottom.append(shareChart(r, p, document, width));
    box.append(bottom);
    return box;
  },

  sentence(r: BasinsResult, p: Params) {
    const steps = formatNumber(p.steps as number);
    if (!r.done) return `Simulating ${steps} steps: so far ${formatPercent(r.simHonest)} of the runs are in the honest well.`;
    const verdict = { equilibrium: 'as the equilibrium forecast says', start: 'still where they started', between: 'between where they started and the equilibrium' }[whereRunsAre(r)];
    return `After ${steps} steps, ${formatPercent(r.simHonest)} of the noisy training runs sit in the honest well, ${verdict}.`;
  },

  summary(r: BasinsResult, p: Params) {
    const M = p.schemers as number;
    const steps = p.steps as number;
    const verdict = { equilibrium: 'which is the equilibrium forecast', start: 'still where the runs started', between: 'between the two forecasts' }[whereRunsAre(r)];
    const where = r.done
      ? `after ${formatNumber(steps)} steps ${formatPercent(r.simHonest)} are there, ${verdict}`
      : `where they are after ${formatNumber(steps)} steps is being computed`;
    return `${formatNumber(p.runs as number)} noisy training runs on a landscape with one honest well and ${M} schemer well${M === 1 ? '' : 's'}, ` +
      `drawn as dots (the first ${Math.min(p.runs as number, SAMPLE_RUNS)}). ${formatPercent(r.pathHonest)} start in the honest well; ` +
      `${where} (equilibrium ${formatPercent(r.gibbsHonest)}; escaping the honest well takes about ${formatSteps(r.log10EscapeSteps)} steps).`;
  },
};

const chartHeight = (width: number, ratio: number, max: number) => Math.round(Math.min(max, Math.max(160, width * ratio)));

function landscapeChart(r: BasinsResult, p: Params, document: Document, width: number): Element {
  const B = p.barrier as number;
  const M = p.schemers as number;
  const as = p['schemer-width'] as number;
  const ah = p['honest-width'] as number;
  const curve = r.landscapeX.map((x, i) => ({ x, L: r.landscapeLoss[i] }));
  const dots = r.sample.map((x, i) => ({ x, y: lossAt(r, x) + jitter(i) * B, honest: x <= 0 ? 'honest' : 'schemer' }));
  const labels = [{ x: -ah, text: 'honest' }, ...(M <= 8 ? Array.from({ length: M }, (_, j) => ({ x: (2 * j + 1) * as, text: M === 1 ? 'schemer' : `S${j + 1}` })) : [{ x: M * as, text: `${M} schemer wells` }])];
  return plot({
    document,
    width,
    height: chartHeight(width, 0.36, 260),
    marginLeft: 40,
    marginTop: 24,
    style: { background: 'transparent', color: 'var(--fg)' },
    x: { label: 'Parameter θ →', domain: [r.lo, r.hi] },
    y: { label: '↑ Loss', domain: [0, B * 1.2], ticks: 3 },
    color: { domain: ['honest', 'schemer'], range: ['var(--series-1)', 'var(--series-2)'] },
    marks: [
      rect([0], { x1: r.lo, x2: 0, y1: 0, y2: B * 1.2, fill: 'var(--series-1)', fillOpacity: 0.08 }),
      line(curve, { x: 'x', y: 'L', stroke: 'var(--fg)', strokeWidth: 1.5 }),
      dot(dots, { x: 'x', y: 'y', r: 2.5, fill: 'honest', fillOpacity: 0.55, stroke: 'none' }),
      text(labels, { x: 'x', y: () => B * 1.1, text: 'text', fill: 'var(--muted)', fontSize: 11 }),
      ruleY([0]),
    ],
    ariaLabel: 'The loss landscape with the first runs drawn as dots at their final positions',
  });
}

/** The share chart's horizontal scale: training step → pixels, on a chart drawn `width` wide.
 * The client places the replay's line with it. */
export function shareX(steps: number, width: number): ScaleLinear<number, number> {
  return scaleLinear([0, steps], [SHARE_MARGIN.left, width - SHARE_MARGIN.right]);
}
const SHARE_MARGIN = { left: 40, right: 24, top: 20, bottom: 40 };

// Drawn by hand as SVG (src/kit/svg-chart.ts), in Plot's layout: it is redrawn at every
// setting change and with each partial result, and building it with Plot cost several milliseconds.
function shareChart(r: BasinsResult, p: Params, document: Document, width: number): Element {
  const steps = p.steps as number;
  const height = chartHeight(width, 0.32, 220);
  const m = SHARE_MARGIN;
  const [left, right, bottom] = [m.left, width - m.right, height - m.bottom];
  const x = shareX(steps, width);
  const y = scaleLinear([0, 1], [bottom, m.top]);
  const relax = 10 ** Math.min(12, r.log10RelaxationSteps);
  const forecasts = [
    { y: r.pathHonest, label: `start (path forecast) ${formatPercent(r.pathHonest)}`, colour: 'var(--series-3)', dash: '6 4' },
    { y: r.gibbsHonest, label: `equilibrium ${formatPercent(r.gibbsHonest)}`, colour: 'var(--series-4)', dash: '2 3' },
  ];
  // Each label sits just above its line (below it near the top). When the lines are close, the
  // lower one's label goes below its line, or, with no room there, to the left end of the chart.
  const place = (y: number, other: number, tieLower: boolean) => {
    const own = { dy: y > 0.9 ? 12 : -8, left: false };
    const lower = y < other || (y === other && tieLower);
    if (Math.abs(y - other) >= 0.1 || !lower) return own;
    return other <= 0.9 && y > 0.12 ? { dy: 12, left: false } : { dy: -8, left: true };
  };
  const at = [place(r.pathHonest, r.gibbsHonest, true), place(r.gibbsHonest, r.pathHonest, false)];

  const svg = chartRoot(document, width, height, 'Share of runs in the honest basin over training, with the path and equilibrium forecasts');
  const xTicks = x.ticks((right - left) / 80);
  svg.append(
    ...yAxis(document, y, { ticks: y.ticks(5), format: (d) => `${Math.round(d * 100)}%`, left, right, label: '↑ Honest share' }),
    ...xAxis(document, x, { ticks: xTicks, format: x.tickFormat(xTicks.length), bottom, label: 'Training step →', labelAt: [width - 3, height - 3] }),
  );
  for (const f of forecasts) svg.append(rule(document, { stroke: f.colour, 'stroke-width': 2, 'stroke-dasharray': f.dash }, { x1: left, x2: right, y1: y(f.y), y2: y(f.y) }));
  forecasts.forEach((f, i) => svg.append(label(document, {
    fill: f.colour, 'text-anchor': at[i].left ? 'start' : 'end', 'font-weight': 'bold', transform: `translate(${at[i].left ? 4 : 0},${at[i].dy})`,
  }, at[i].left ? left : right, y(f.y), f.label)));
  if (relax <= steps) {
    const late = relax > steps * 0.75;
    svg.append(
      rule(document, { stroke: 'var(--muted)', 'stroke-dasharray': '1 3' }, { x1: x(relax), x2: x(relax), y1: m.top, y2: bottom }),
      label(document, { fill: 'var(--muted)', 'text-anchor': late ? 'end' : 'start', transform: `translate(${late ? -4 : 4},0)` }, x(relax), y(0.96), 'relaxation time'),
    );
  }
  const series = markGroup(document, 'line', { fill: 'none', stroke: 'var(--series-1)', 'stroke-width': 2.5, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' });
  series.append(svgEl(document, 'path', { d: r.seriesSteps.map((s, i) => `${i ? 'L' : 'M'}${x(s).toFixed(2)},${y(r.seriesHonest[i]).toFixed(2)}`).join('') }));
  svg.append(series, rule(document, { stroke: 'currentColor' }, { x1: left, x2: right, y1: bottom, y2: bottom }));
  return svg;
}
