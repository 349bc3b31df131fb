// simplicity-bias: what random networks compute. Two panels — the rank–frequency curve of the
// sampled functions (log–log) and log P(f) against Lempel–Ziv complexity — plus, for the
// perceptron, the histogram of T (the number of inputs mapped to 1). The same code draws the
// build-time figure (jsdom) and the streaming figure in the browser, so it stays light: a few
// hundred marks per panel.
import { dot, line, plot, rectY, ruleX, ruleY, text } from '@observablehq/plot';
import { compute as computeModel, schema, type Params, type Result } from '../../../src/models/simplicity-bias';
import type { Model } from '../../../src/core/schema';
import type { WidgetView } from '../../../src/kit/view';
import { formatNumber, formatPercent, formatPow10, superscript, grouped } from '../../../src/core/format';
import type { LiveResult } from '../../../src/models/simplicity-bias-job';

// The model, with results memoised: the build-time figure and every inline number that quotes it
// share one run of 10^6 networks (about 5 s) instead of one run each. In the browser the figure
// never calls compute: the worker does the sampling, and client.ts uses a model without compute so
// that the sampler stays out of the page's JavaScript (this object is written without side
// effects so that bundling can drop it there).
let cache: Map<string, Result> | undefined;
export const model: Model<typeof schema, LiveResult> = {
  id: 'simplicity-bias',
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

const integer = (x: number) => (Number.isFinite(x) ? grouped(Math.round(x)) : '–');
const networkName = (p: Params) =>
  p.mode === 'perceptron' ? `perceptrons on ${p.n} inputs` : `${p.n}-${p.width}-${p.width}-1 networks`;

/** Tick labels for log axes: 1, 10, 100, then powers of ten. */
function pow10Tick(d: number): string {
  const e = Math.round(Math.log10(d));
  if (e >= 0 && e < 3) return String(10 ** e);
  return `10${superscript(e)}`;
}
function powersOfTen(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    const v = 10 ** e;
    if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
  }
  return out;
}

/** A halo behind labels drawn over marks, in the page's background colour. */
const halo = { stroke: 'var(--bg)', strokeWidth: 3, paintOrder: 'stroke' } as const;

/** Width of one panel: two side by side when there is room (they wrap on narrow screens). */
export const panelWidth = (width: number) => (width >= 600 ? Math.floor((width - 16) / 2) : width);
const panelHeight = (w: number) => Math.round(Math.min(280, Math.max(200, w * 0.72)));

function rankChart(r: Result, document: Document, width: number): Element {
  const floor = 1 / Math.max(1, r.samples);
  const maxRank = Math.max(10, r.distinct);
  const constants = [
    { rank: r.constant0.rank, p: r.constant0.p },
    { rank: r.constant1.rank, p: r.constant1.p },
  ].filter((c): c is { rank: number; p: number } => c.rank !== null && c.p > 0);
  const yLo = floor / 2;
  const height = panelHeight(width);
  return plot({
    document,
    width,
    height,
    marginLeft: 44,
    marginRight: 14,
    x: { type: 'log', label: 'Rank of the function (1 = most frequent) →', domain: [1, maxRank], ticks: powersOfTen(1, maxRank), tickFormat: pow10Tick },
    y: { type: 'log', label: '↑ Share of networks P(f)', domain: [yLo, 1], ticks: powersOfTen(yLo, 1), tickFormat: pow10Tick, grid: true },
    marks: [
      ruleY([floor], { stroke: 'var(--muted)', strokeDasharray: '3 3' }),
      text([floor], { x: 1, y: (d: number) => d, text: () => 'seen once', textAnchor: 'start', dx: 2, dy: -6, fill: 'var(--muted)', fontSize: 10 }),
      line(r.rankFrequency, { x: 'rank', y: 'p', stroke: 'var(--series-1)', strokeWidth: 2, curve: 'step-after' }),
      dot(constants, { x: 'rank', y: 'p', r: 4, fill: 'var(--series-2)', stroke: 'none' }),
      // Right of where the curve drops after the constants, level with them: clear of the curve.
      text(constants.length ? [constants.reduce((a, b) => (b.rank > a.rank ? b : a))] : [], {
        x: (c: { rank: number }) => c.rank + 1, y: 'p', text: () => (constants.length === 2 ? '← the two constant functions' : '← a constant function'),
        textAnchor: 'start', dx: 6, fill: 'var(--series-2)', fontWeight: 'bold', fontSize: 11,
      }),
    ],
    ariaLabel: 'Rank–frequency plot of the sampled functions on log–log axes',
  });
}

function complexityChart(r: Result, document: Document, width: number): Element {
  const floor = 1 / Math.max(1, r.samples);
  const yLo = floor / 2;
  // Functions with the same complexity and the same count sit on the same spot (most of the
  // sampled ones were seen once): draw each spot once, which keeps the streaming redraw light.
  const spots = new Map<string, { k: number; p: number }>();
  for (const c of r.complexity) spots.set(`${c.kLZ}/${c.count}`, { k: c.kLZ, p: 10 ** c.log10P });
  const points = [...spots.values()];
  const envelope = r.complexityProfile.map((c) => ({ k: c.kLZ, p: 10 ** c.log10MaxP }));
  const ks = [...points.map((d) => d.k), ...envelope.map((d) => d.k)];
  const kLo = ks.length ? Math.min(...ks) : 0;
  const kHi = ks.length ? Math.max(...ks) : 1;
  const pad = Math.max(1, (kHi - kLo) * 0.04);
  const first = envelope[0];
  return plot({
    document,
    width,
    height: panelHeight(width),
    marginLeft: 44,
    marginRight: 14,
    x: { label: 'Lempel–Ziv complexity of f →', domain: [kLo - pad, kHi + pad] },
    y: { type: 'log', label: '↑ P(f)', domain: [yLo, 1], ticks: powersOfTen(yLo, 1), tickFormat: pow10Tick, grid: true },
    marks: [
      ruleY([floor], { stroke: 'var(--muted)', strokeDasharray: '3 3' }),
      dot(points, { x: 'k', y: 'p', r: 2.5, fill: 'var(--series-1)', fillOpacity: 0.5, stroke: 'none' }),
      line(envelope, { x: 'k', y: 'p', stroke: 'var(--series-2)', strokeWidth: 2 }),
      dot(envelope, { x: 'k', y: 'p', r: 2.5, fill: 'var(--series-2)', stroke: 'none' }),
      ...(first
        ? [text([first], { x: 'k', y: 'p', text: () => 'most likely at each complexity', textAnchor: 'start', dx: 8, dy: 2, fill: 'var(--series-2)', fontWeight: 'bold', fontSize: 11, ...halo })]
        : []),
    ],
    ariaLabel: 'Probability of each function against its Lempel–Ziv complexity, with the upper envelope',
  });
}

function tChart(r: Result, p: Params, document: Document, width: number): Element {
  const N = r.tHistogram.length - 1;
  const total = Math.max(1, r.samples);
  const bars = r.tHistogram.map((c, t) => ({ t, share: c / total }));
  const uniform = 1 / N;
  const top = Math.max(uniform * 1.5, ...bars.map((b) => b.share)) * 1.15;
  const never = r.tHistogram[N] === 0;
  return plot({
    document,
    width,
    height: Math.round(Math.min(240, Math.max(180, width * 0.32))),
    marginLeft: 44,
    marginRight: 14,
    x: { label: `T: input points the perceptron maps to 1 (of ${N}) →`, domain: [-1, N + 1], ticks: Array.from({ length: 9 }, (_, i) => (i * N) / 8) },
    y: { label: '↑ Share of networks', domain: [0, top], tickFormat: (d: number) => formatPercent(d, 2), ticks: 4, grid: true },
    marks: [
      rectY(bars, { x1: (d: { t: number }) => d.t - 0.42, x2: (d: { t: number }) => d.t + 0.42, y1: 0, y2: 'share', fill: 'var(--series-1)' }),
      ruleY([uniform], { stroke: 'var(--series-2)', strokeWidth: 2, strokeDasharray: '6 4' }),
      text([uniform], {
        x: N / 2, y: (d: number) => d, text: () => `uniform: 1/2${superscript(p.n as number)} = ${formatPercent(uniform, 3)}`,
        dy: -14, fill: 'var(--series-2)', fontWeight: 'bold', fontSize: 11, ...halo,
      }),
      // T = 2^n (every point on) is impossible without a bias: mark the empty place.
      ruleX([N], { y1: 0, y2: top * 0.93, stroke: 'var(--fg)', strokeDasharray: '2 3' }),
      text([N], {
        x: (d: number) => d, y: () => top * 0.93, text: () => (never ? `T = ${N}: never` : `T = ${N}: ${formatPercent(bars[N].share)}`),
        textAnchor: 'end', dx: 4, dy: -6, fill: 'var(--fg)', fontSize: 11, fontWeight: 'bold', ...halo,
      }),
      ruleY([0]),
    ],
    ariaLabel: `Histogram of T, the number of input points mapped to 1, from 0 to ${N}`,
  });
}

const rankText = (rank: number | null) => (rank === null ? 'never seen' : integer(rank));

export const view: WidgetView<typeof schema, LiveResult> = {
  outputs(r: LiveResult) {
    return [
      { name: 'samples', label: 'Networks sampled', value: r.samples, text: integer(r.samples) },
      { name: 'distinct', label: 'Distinct functions seen', value: r.distinct, text: integer(r.distinct) },
      { name: 'p-top', label: 'Share of the most frequent function', value: r.pTop, text: formatPercent(r.pTop, 4) },
      { name: 'rank-const0', label: 'Rank of constant 0 (always off)', value: r.constant0.rank ?? '', text: rankText(r.constant0.rank) },
      { name: 'p-const0', label: 'P(constant 0)', value: r.constant0.p, text: formatPercent(r.constant0.p, 4) },
      { name: 'rank-const1', label: 'Rank of constant 1 (always on)', value: r.constant1.rank ?? '', text: rankText(r.constant1.rank) },
      { name: 'p-const1', label: 'P(constant 1)', value: r.constant1.p, text: formatPercent(r.constant1.p, 4) },
    ];
  },

  chart(r: LiveResult, p: Params, { document, width }) {
    const box = document.createElement('div');
    box.className = 'sb-panels';
    if (p.mode === 'perceptron') {
      const t = document.createElement('div');
      t.className = 'sb-panel sb-panel-wide';
      t.append(tChart(r, p, document, width));
      box.append(t);
    }
    const w = panelWidth(width);
    for (const chart of [rankChart(r, document, w), complexityChart(r, document, w)]) {
      const panel = document.createElement('div');
      panel.className = 'sb-panel';
      panel.append(chart);
      box.append(panel);
    }
    return box;
  },

  sentence(r: LiveResult, p: Params) {
    const so = r.samples < r.target ? 'So far, of ' : 'Of ';
    const uniform = formatPow10(-(2 ** (p.n as number)) * Math.log10(2), 2);
    return `${so}${integer(r.samples)} random ${networkName(p)}, ${formatPercent(r.constant0.p, 4)} compute the constant 0 and ${formatPercent(r.constant1.p, 4)} the constant 1, ` +
      `against ${uniform} each if every function were equally likely.`;
  },

  summary(r: LiveResult, p: Params) {
    const so = r.samples < r.target ? `After ${integer(r.samples)} of ${integer(r.target)} random ` : `Of ${integer(r.samples)} random `;
    const possible = formatPow10(2 ** (p.n as number) * Math.log10(2), 2);
    const head = `${so}${networkName(p)}${p.mode === 'perceptron' ? '' : ` (${p.bias} biases)`}, ` +
      `${integer(r.distinct)} distinct functions of the ${possible} possible were seen. `;
    const profile = r.complexityProfile;
    const first = profile[0];
    const last = profile[profile.length - 1];
    const envelope = first && last && last !== first
      ? ` The most likely function at each Lempel–Ziv complexity gets rarer as complexity grows: ` +
        `${formatPercent(10 ** first.log10MaxP)} at complexity ${formatNumber(first.kLZ)}, ${formatPercent(10 ** last.log10MaxP)} at complexity ${formatNumber(last.kLZ)}.`
      : '';
    if (p.mode === 'perceptron') {
      const N = r.tHistogram.length - 1;
      const shares = r.tHistogram.slice(0, N).map((c) => c / Math.max(1, r.samples));
      const atN = r.tHistogram[N];
      return head + `The number of inputs mapped to 1, T, is close to uniform: each value from 0 to ${N - 1} took between ` +
        `${formatPercent(Math.min(...shares))} and ${formatPercent(Math.max(...shares))} of the networks (uniform: ${formatPercent(1 / N)}), ` +
        `and T = ${N} ${atN === 0 ? 'never occurred' : `occurred ${integer(atN)} times`}.` + envelope;
    }
    const N = 2 ** (p.n as number);
    const other = r.top.find((f) => f.ones !== 0 && f.ones !== N);
    const next = other ? `; the most frequent other function takes ${formatPercent(other.p)}` : '';
    return head + `The two constant functions take ${formatPercent(r.constant0.p, 4)} (always 0) and ${formatPercent(r.constant1.p, 4)} (always 1)${next}.` + envelope;
  },
};
