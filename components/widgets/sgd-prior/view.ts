// sgd-prior: where gradient descent lands, against what the prior predicts. A log–log scatter:
// each function that fits the training points is a dot at (P_prior(f | S), P_train(f | S)), named by
// its outputs on the unseen points; the diagonal is "training follows the prior", the target is
// marked. A function only one side saw sits on a dotted line at the other axis's floor. Below it
// (after the sticky chart on a narrow screen), the likeliest functions' two shares as paired bars.
import { dot, line, plot, ruleX, ruleY, text } from '@observablehq/plot';
import {
  compute as computeModel, RANKED, rankedFunctions, schema, type FunctionRow, type Params, type Result,
} from '../../../src/models/sgd-prior';
import type { Model } from '../../../src/core/schema';
import type { WidgetView } from '../../../src/kit/view';
import { at, chartRoot, markGroup, rule, svgEl } from '../../../src/kit/svg-chart';
import { formatNumber, formatPercent, grouped, superscript } from '../../../src/core/format';

/** A result as the page shows it while runs stream in: done = false while runs are still being trained. */
export interface LiveResult extends Result {
  done?: boolean;
}

// Memoised: the build-time figure and any inline number quoting it share one run (about 2 s).
// The browser never calls this compute (client.ts runs the worker), so it stays out of the page.
let cache: Map<string, Result> | undefined;
export const model: Model<typeof schema, LiveResult> = {
  id: 'sgd-prior',
  schema,
  compute(p: Params): LiveResult {
    const key = JSON.stringify(p);
    cache ??= new Map();
    let r = cache.get(key);
    if (!r) {
      r = computeModel(p);
      if (cache.size > 8) cache.clear();
      cache.set(key, r);
    }
    return r;
  },
};

const integer = (x: number) => grouped(Math.round(x));
/** Dots named on the chart: the most likely under either measure, and the target. */
const NAMED = 6;

function pow10Tick(d: number): string {
  const e = Math.round(Math.log10(d));
  return e === 0 ? '1' : `10${superscript(e)}`;
}

const halo = { stroke: 'var(--bg)', strokeWidth: 3, paintOrder: 'stroke' } as const;

interface Spot { x: number; y: number; name: string; target: boolean; floor: boolean }

const MARGIN = { marginTop: 20, marginRight: 20, marginBottom: 40, marginLeft: 48 };

function scatter(r: Result, document: Document, width: number): Element {
  // Share 0 on one side: half a count on that axis, on a dotted line.
  const xFloor = 1 / Math.max(2, r.priorFits) / 2;
  const yFloor = 1 / Math.max(2, r.fitted) / 2;
  const all: Spot[] = r.functions.map((f: FunctionRow) => ({
    x: f.pPrior > 0 ? f.pPrior : xFloor,
    y: f.pTrain > 0 ? f.pTrain : yFloor,
    name: f.unseen || 'fits',
    target: f.isTarget,
    floor: f.pPrior === 0 || f.pTrain === 0,
  }));
  const xFloorUsed = all.some((s) => s.floor && s.x === xFloor);
  const yFloorUsed = all.some((s) => s.floor && s.y === yFloor);
  const smallest = Math.min(1e-2, ...all.map((s) => Math.min(s.x, s.y)));
  const lo = 10 ** Math.floor(Math.log10(smallest) - 0.15);
  const ticks: number[] = [];
  for (let e = Math.round(Math.log10(lo)); e <= 0; e++) ticks.push(10 ** e);

  const size = Math.round(Math.min(width, 460));
  const innerW = width - MARGIN.marginLeft - MARGIN.marginRight;
  const innerH = size - MARGIN.marginTop - MARGIN.marginBottom;
  const px = (v: number) => (Math.log10(v) / -Math.log10(lo) + 1) * innerW;
  const py = (v: number) => (-Math.log10(v) / -Math.log10(lo)) * innerH;
  // Name the target and the most likely functions, each to the right of its dot or else to the
  // left, only where the name covers no dot, no other name, the diagonal or a floor line (near-equal
  // functions, such as the three symmetric ones, share a spot: one name stands for the cluster).
  type Box = { l: number; r: number; t: number; b: number };
  const boxes: Box[] = [];
  const diagonalAt = (x: number) => innerH * (1 - x / innerW);
  const hits = (box: Box) =>
    box.l < -MARGIN.marginLeft + 2 || box.r > innerW + MARGIN.marginRight - 2 || box.t < -MARGIN.marginTop || box.b > innerH ||
    boxes.some((o) => box.l < o.r && o.l < box.r && box.t < o.b && o.t < box.b) ||
    all.some((d) => px(d.x) + 5 > box.l && px(d.x) - 5 < box.r && py(d.y) + 5 > box.t && py(d.y) - 5 < box.b) ||
    Math.max(diagonalAt(box.r), box.t) <= Math.min(diagonalAt(box.l), box.b) ||
    (yFloorUsed && py(yFloor) > box.t && py(yFloor) < box.b) ||
    (xFloorUsed && px(xFloor) > box.l && px(xFloor) < box.r);
  // The floor lines' names, drawn at fixed places, come first.
  if (yFloorUsed) boxes.push({ l: innerW - 130, r: innerW, t: py(yFloor) - 17, b: py(yFloor) - 2 });
  if (xFloorUsed) boxes.push({ l: px(xFloor) + 2, r: px(xFloor) + 120, t: 0, b: 16 });
  const order = [...all].sort((a, b) => Number(b.target) - Number(a.target) || Math.max(b.x, b.y) - Math.max(a.x, a.y));
  const named: (Spot & { side: 'start' | 'end'; dy: number })[] = [];
  for (const s of order) {
    if (named.length > NAMED) break;
    const w = 7 * (s.target ? s.name.length + 7 : s.name.length);
    const x = px(s.x);
    const y = py(s.y);
    const place = ({ side, dy }: { side: 'start' | 'end'; dy: number }) => (side === 'start'
      ? { l: x + 9, r: x + 11 + w, t: y + dy - 7, b: y + dy + 7 }
      : { l: x - 11 - w, r: x - 9, t: y + dy - 7, b: y + dy + 7 });
    // Beside the dot; the target, which is always named, may also sit a line or two above or below.
    const spots = (s.target ? [0, -16, 16, -32, 32] : [0]).flatMap((dy) => (['start', 'end'] as const).map((side) => ({ side, dy })));
    let spot = spots.find((sp) => !hits(place(sp)));
    // If no place is clear, the target's name goes beside it, on the side that stays inside the chart.
    if (!spot && s.target) spot = { side: x + 11 + w <= innerW + MARGIN.marginRight ? 'start' : 'end', dy: 0 };
    if (!spot) continue;
    boxes.push(place(spot));
    named.push({ ...s, ...spot });
  }
  // The diagonal's own name, just below it, at the first place along it that is free.
  const diagonalLabel = [0.06, 0.2, 0.35, 0.5, 0.65, 0.8]
    .map((f) => lo ** (1 - f))
    .find((v) => !hits({ l: px(v) + 8, r: px(v) + 110, t: py(v) + 3, b: py(v) + 16 }));
  return plot({
    document,
    width,
    height: size,
    ...MARGIN,
    x: { type: 'log', label: 'Share of the prior’s fitting draws →', domain: [lo, 1], ticks, tickFormat: pow10Tick, grid: true },
    y: { type: 'log', label: '↑ Share of trained nets', domain: [lo, 1], ticks, tickFormat: pow10Tick, grid: true },
    marks: [
      line([[lo, lo], [1, 1]], { stroke: 'var(--muted)', strokeDasharray: '4 4' }),
      text(diagonalLabel === undefined ? [] : [[diagonalLabel, diagonalLabel]], {
        text: () => 'training = prior', textAnchor: 'start', dx: 10, dy: 10, fill: 'var(--muted)', fontSize: 10, ...halo,
      }),
      ...(xFloorUsed ? [
        ruleX([xFloor], { stroke: 'var(--muted)', strokeDasharray: '2 3' }),
        text([xFloor], { x: (d: number) => d, y: 1, text: () => 'not drawn by the prior', textAnchor: 'start', dx: 4, dy: 8, fill: 'var(--muted)', fontSize: 10, ...halo }),
      ] : []),
      ...(yFloorUsed ? [
        ruleY([yFloor], { stroke: 'var(--muted)', strokeDasharray: '2 3' }),
        text([yFloor], { x: 1, y: (d: number) => d, text: () => 'never reached by training', textAnchor: 'end', dy: -6, fill: 'var(--muted)', fontSize: 10, ...halo }),
      ] : []),
      dot(all.filter((s) => !s.target), {
        x: 'x', y: 'y', r: 4, fill: (s: Spot) => (s.floor ? 'none' : 'var(--series-1)'), stroke: 'var(--series-1)', fillOpacity: 0.75,
      }),
      dot(all.filter((s) => s.target), { x: 'x', y: 'y', r: 7, fill: 'var(--series-2)', stroke: 'var(--bg)', strokeWidth: 1.5 }),
      ...(['start', 'end'] as const).map((side) => text(named.filter((s) => s.side === side && !s.target), {
        x: 'x', y: 'y', text: 'name', textAnchor: side, dx: side === 'start' ? 9 : -9, fill: 'var(--fg)', fontSize: 11, fontVariant: 'tabular-nums', ...halo,
      })),
      ...named.filter((s) => s.target).map((t) => text([t], {
        x: 'x', y: 'y', text: (s: Spot) => `${s.name} target`, textAnchor: t.side, dx: t.side === 'start' ? 11 : -11, dy: t.dy,
        fill: 'var(--series-2)', fontWeight: 'bold', fontSize: 11, fontVariant: 'tabular-nums', ...halo,
      })),
    ],
    ariaLabel: 'Scatter plot on log–log axes: for each function that fits the training points, its share of trained networks against its share of the prior’s fitting draws, with the diagonal where the two are equal',
  });
}

function element(document: Document, tag: string, className: string, textContent?: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  if (textContent !== undefined) el.textContent = textContent;
  return el;
}

/** A share as the cards print it. */
const share = (p: number) => formatPercent(p, 3);
const nameOf = (f: FunctionRow) => f.unseen || 'fits';
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';
const BAR = 9;
const BAR_GAP = 2;
const PITCH = 2 * BAR + BAR_GAP + 8;
/** Room right of the longest bar for its value ("43.6%"). */
const VALUE_ROOM = 44;
const SERIES = [
  { key: 'prior', share: (f: FunctionRow) => f.pPrior, fill: 'var(--muted)', what: 'of the prior’s fitting draws' },
  { key: 'train', share: (f: FunctionRow) => f.pTrain, fill: 'var(--series-1)', what: 'of trained nets' },
] as const;

// Drawn by hand (src/kit/svg-chart.ts), like tiny-nets' ranking: every bar carries its
// function and unrounded share (data-table, data-value) for tests and readers who inspect.
function bars(rows: FunctionRow[], document: Document, width: number): Element {
  const longest = Math.max(...rows.map((f) => nameOf(f).length + (f.isTarget ? 7 : 0)));
  const left = Math.round(longest * 7.4) + 14;
  const maxShare = Math.max(...rows.flatMap((f) => [f.pPrior, f.pTrain])) || 1;
  const x = (v: number) => left + (v / maxShare) * Math.max(40, width - left - 8 - VALUE_ROOM);
  const top = 4;
  // The target's band reaches 4 px past its bars, on every row.
  const height = top + (rows.length - 1) * PITCH + 2 * BAR + BAR_GAP + 4;
  const svg = chartRoot(document, width, height, 'Paired bars: for each of the likeliest functions, its share of the prior’s fitting draws and of trained nets');
  const band = markGroup(document, 'target band', { fill: 'var(--series-2)', 'fill-opacity': 0.14 }, true);
  const names = markGroup(document, 'y-axis tick label', { 'text-anchor': 'end', 'font-family': MONO, 'font-size': 12 });
  const marks = markGroup(document, 'bar');
  const values = markGroup(document, 'bar value', { 'text-anchor': 'start', 'font-size': 10, fill: 'var(--fg)' });
  rows.forEach((f, k) => {
    const y0 = top + k * PITCH;
    if (f.isTarget) band.append(svgEl(document, 'rect', { x: 0, width, y: y0 - 4, height: 2 * BAR + BAR_GAP + 8, rx: 3 }));
    const name = svgEl(document, 'text', { y: '0.32em', transform: at(left - 9, y0 + BAR + BAR_GAP / 2) }, f.isTarget ? `${nameOf(f)} target` : nameOf(f));
    if (f.isTarget) {
      name.setAttribute('fill', 'var(--series-2)');
      name.setAttribute('font-weight', 'bold');
    }
    names.append(name);
    SERIES.forEach((series, j) => {
      const v = series.share(f);
      const y = y0 + j * (BAR + BAR_GAP);
      const data = { 'data-table': f.table, 'data-series': series.key, 'data-value': String(v) };
      const bar = svgEl(document, 'rect', { x: left, width: x(v) - left, y, height: BAR, fill: series.fill, ...data });
      bar.append(svgEl(document, 'title', {}, `${f.isTarget ? 'The target, ' : ''}${nameOf(f)} on the unseen points: ${share(v)} ${series.what}`));
      marks.append(bar);
      values.append(svgEl(document, 'text', { y: '0.32em', transform: at(x(v) + 4, y + BAR / 2), ...data }, share(v)));
    });
  });
  svg.append(band, names, marks, values, rule(document, { stroke: 'currentColor' }, { x1: left, x2: left, y1: top - 2, y2: height - 2 }));
  return svg;
}

/** The second panel: the likeliest functions' two shares side by side (rankedFunctions picks them). */
function barPanel(r: Result, document: Document, width: number): HTMLElement {
  const rows = rankedFunctions(r);
  const panel = element(document, 'div', 'sp-panel chart-flow');
  panel.append(element(document, 'p', 'sp-panel-title', 'The likeliest functions, by the prior and by training'));
  const key = element(document, 'p', 'sp-panel-note sp-key');
  const hidden = r.functions.length > rows.length;
  const unseen = r.unseenPoints.length;
  key.append(
    element(document, 'span', 'sp-key-item sp-key-prior', 'prior’s fitting draws'),
    element(document, 'span', 'sp-key-item sp-key-train', 'trained nets'),
    document.createTextNode(
      (unseen > 0 ? ` Each function is named by its outputs on the unseen point${unseen === 1 ? '' : 's'} ${r.unseenPoints.join(', ')}.` : '') +
        (hidden ? ` Shown: the ${RANKED} largest by either share, and the target, of the ${integer(r.functions.length)} seen.` : '') +
        (r.functions.some((f) => f.isTarget) ? '' : ' The target was neither drawn nor reached.'),
    ),
  );
  panel.append(key);
  if (rows.length > 0) panel.append(bars(rows, document, width));
  return panel;
}

const orDash = (x: number | null, f: (v: number) => string) => (x === null ? '–' : f(x));

export const view: WidgetView<typeof schema, LiveResult> = {
  outputs(r: LiveResult) {
    return [
      { name: 'p-prior-target', label: 'Target’s share of prior draws that fit', value: r.pPriorTarget, text: formatPercent(r.pPriorTarget, 3) },
      { name: 'p-train-target', label: 'Target’s share of trained nets', value: r.pTrainTarget, text: formatPercent(r.pTrainTarget, 3) },
      { name: 'overlap', label: 'Overlap of the two (1 − total variation)', value: r.overlap, text: formatPercent(r.overlap, 3) },
      {
        name: 'log-correlation', label: 'Correlation of log shares (functions both saw)',
        value: r.logCorrelation ?? '', text: orDash(r.logCorrelation, (x) => x.toFixed(3)),
      },
      { name: 'converged', label: 'Training runs that fit', value: r.converged, text: formatPercent(r.converged, 4) },
      { name: 'median-steps', label: 'Median steps to fit', value: r.medianSteps ?? '', text: orDash(r.medianSteps, formatNumber) },
      { name: 'p-fit', label: 'Prior draws that fit the training points', value: r.pFit, text: formatPercent(r.pFit, 3) },
      { name: 'functions-seen', label: 'Functions that fit, seen by either', value: r.functions.length, text: integer(r.functions.length) },
    ];
  },

  chart(r: LiveResult, _p: Params, { document, width }) {
    const box = element(document, 'div', 'sp-charts');
    box.append(scatter(r, document, width), barPanel(r, document, width));
    return box;
  },

  sentence(r: LiveResult) {
    const lead = r.done === false ? 'So far, gradient descent' : 'Gradient descent';
    return `${lead} lands ${formatPercent(r.pTrainTarget, 3)} of its trained nets on the target, where the prior puts ${formatPercent(r.pPriorTarget, 3)} of the draws that fit.`;
  },

  summary(r: LiveResult, p: Params) {
    const training = r.done === false ? `So far ${integer(r.runs)} of ${integer(p.runs as number)} training runs: ` : `Of ${integer(r.runs)} training runs, `;
    const head = `Of ${integer(r.samples)} random ${p.width}-unit ${p.act === 'tanh' ? 'tanh' : 'ReLU'} nets, ${integer(r.priorFits)} ` +
      `(${formatPercent(r.pFit)}) fit the ${r.trainPoints.length} training points. ${training}${integer(r.fitted)} fit` +
      `${r.medianSteps === null ? '' : ` after a median of ${formatNumber(r.medianSteps)} steps`}. `;
    const top = r.functions.reduce<FunctionRow | null>((a, f) => (a && a.pTrain >= f.pTrain ? a : f), null);
    const most = top && top.pTrain > 0
      ? `Training’s favourite, ${top.unseen || 'the only function'} on the unseen points, takes ${formatPercent(top.pTrain)} of trained nets against ${formatPercent(top.pPrior)} of the prior’s. `
      : '';
    const corr = r.logCorrelation === null ? '' : ` and the log shares correlate at r = ${r.logCorrelation.toFixed(2)}`;
    return `${head}${most}The two distributions overlap by ${formatPercent(r.overlap)}${corr}.`;
  },
};
