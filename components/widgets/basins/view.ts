// basins: many noisy training runs on a one-dimensional landscape with one honest well and M schemer
// wells. Two panels: the landscape with the runs as dots (at build time an SVG of the final
// positions; in the browser a canvas animates them, see client.ts), and the honest share over
// training against the two forecasts (where runs start; the equilibrium).
import { dot, line, plot, rect, ruleX, ruleY, text } from '@observablehq/plot';
import {
  compute as computeModel, createSimulation, model as baseModel,
  type Params, type Result, type schema,
} from '../../../src/models/basins';
import type { Model } from '../../../src/lib/schema';
import type { WidgetView } from '../../../src/lib/widgets/view';
import { formatNumber, formatPercent } from '../../../src/lib/format';
import { SAMPLE_RUNS, formatSteps, jitter, lossAt, type BasinsResult } from './shared';
export { SAMPLE_RUNS, formatSteps, jitter, lossAt, type BasinsResult } from './shared';

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

export const view: WidgetView<typeof schema, BasinsResult> = {
  outputs(r: BasinsResult, p: Params) {
    const D = p.dims as number;
    return [
      {
        name: 'sim-honest', label: `Simulated: share of runs in the honest basin after ${formatNumber(p.steps as number)} steps`,
        value: r.simHonest, text: formatPercent(r.simHonest) + pending(r),
      },
      { name: 'path-honest', label: 'Path forecast: share of runs that start in the honest basin', value: r.pathHonest, text: formatPercent(r.pathHonest) },
      { name: 'gibbs-honest', label: 'Equilibrium forecast: honest share of ∫e^(−L/T), by numerical integration', value: r.gibbsHonest, text: formatPercent(r.gibbsHonest) },
      {
        name: 'volume-honest',
        label: (p.penalty as number) === 0 ? 'Closed form a_h/(a_h + M·a_s), equal to the equilibrium when Δ = 0' : 'Volume share a_h/(a_h + M·a_s) (the equilibrium only when Δ = 0)',
        value: r.volumeHonest, text: formatPercent(r.volumeHonest),
      },
      {
        name: 'dims-honest', label: D === 1 ? 'Equilibrium in D = 1 dimension (set D to see wells as D-dimensional balls)' : `Equilibrium if each well were a ${D}-dimensional ball (closed form when Δ = 0: a_h^D/(a_h^D + M·a_s^D))`,
        value: r.dimsGibbsHonest, text: formatPercent(r.dimsGibbsHonest),
      },
      { name: 'escape', label: 'Expected steps to escape the honest well (∝ e^(B/T))', value: r.log10EscapeSteps, text: formatSteps(r.log10EscapeSteps) },
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

  summary(r: BasinsResult, p: Params) {
    const M = p.schemers as number;
    const steps = p.steps as number;
    const verdict = Math.abs(r.simHonest - r.gibbsHonest) < 3 * r.simStandardError + 0.01
      ? 'which is the equilibrium forecast'
      : Math.abs(r.simHonest - r.pathHonest) < 3 * r.simStandardError + 0.01
        ? 'still where the runs started'
        : 'between the two forecasts';
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

function shareChart(r: BasinsResult, p: Params, document: Document, width: number): Element {
  const steps = p.steps as number;
  const series = r.seriesSteps.map((s, i) => ({ s, share: r.seriesHonest[i] }));
  const relax = 10 ** Math.min(12, r.log10RelaxationSteps);
  const forecasts = [
    { y: r.pathHonest, label: `start (path forecast) ${formatPercent(r.pathHonest)}`, colour: 'var(--series-3)' },
    { y: r.gibbsHonest, label: `equilibrium ${formatPercent(r.gibbsHonest)}`, colour: 'var(--series-4)' },
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
  return plot({
    document,
    width,
    height: chartHeight(width, 0.32, 220),
    marginLeft: 40,
    marginRight: 24,
    marginBottom: 40,
    style: { background: 'transparent', color: 'var(--fg)' },
    x: { label: 'Training step →', domain: [0, steps] },
    y: { label: '↑ Honest share', domain: [0, 1], tickFormat: (d: number) => `${Math.round(d * 100)}%`, ticks: 5, grid: true },
    marks: [
      ruleY([forecasts[0]], { y: 'y', stroke: forecasts[0].colour, strokeWidth: 2, strokeDasharray: '6 4' }),
      ruleY([forecasts[1]], { y: 'y', stroke: forecasts[1].colour, strokeWidth: 2, strokeDasharray: '2 3' }),
      text([forecasts[0]], {
        x: () => (at[0].left ? 0 : steps), y: 'y', text: 'label', textAnchor: at[0].left ? 'start' : 'end', dx: at[0].left ? 4 : 0,
        fill: forecasts[0].colour, fontWeight: 'bold', dy: at[0].dy,
      }),
      text([forecasts[1]], {
        x: () => (at[1].left ? 0 : steps), y: 'y', text: 'label', textAnchor: at[1].left ? 'start' : 'end', dx: at[1].left ? 4 : 0,
        fill: forecasts[1].colour, fontWeight: 'bold', dy: at[1].dy,
      }),
      ...(relax <= steps
        ? [ruleX([relax], { stroke: 'var(--muted)', strokeDasharray: '1 3' }),
          text([relax], { x: (d: number) => d, y: () => 0.96, text: () => 'relaxation time', textAnchor: relax > steps * 0.75 ? 'end' : 'start', dx: relax > steps * 0.75 ? -4 : 4, fill: 'var(--muted)', fontSize: 10 })]
        : []),
      line(series, { x: 's', y: 'share', stroke: 'var(--series-1)', strokeWidth: 2.5 }),
      ruleY([0]),
    ],
    ariaLabel: 'Share of runs in the honest basin over training, with the path and equilibrium forecasts',
  });
}
