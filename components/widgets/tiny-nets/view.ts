// tiny-nets: the counting argument run exactly on a network small enough to count. Two panels:
// (a) the functions that fit the training points, ranked by their share of the parameter volume,
// each labelled by its outputs on the unseen points, the target marked by colour and by text;
// (b) log10 P(f) against Lempel–Ziv complexity for every function the network can compute.
import { scaleBand, scaleLinear, scaleSqrt } from 'd3-scale';
import type { Params, RankedFunction, Result, schema } from '../../../src/models/tiny-nets';
export { model } from '../../../src/models/tiny-nets';
import type { WidgetView } from '../../../src/kit/view';
import { at, chartRoot, label, markGroup, rule, svgEl, xAxis, yAxis } from '../../../src/kit/svg-chart';
import { formatNumber, formatPercent, formatPow10, grouped } from '../../../src/core/format';
import { landscapeCells, SHOWN_FUNCTIONS, type ViewResult } from '../../../src/models/tiny-nets-job';
import { outputName, pointRows } from './grid';


/** A background-coloured outline that keeps labels legible over bars and grid lines. */
const HALO = { stroke: 'var(--bg)', 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' } as const;

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/** "0–3, 5, 7": point indices with runs compressed. */
export function pointList(points: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < points.length; i++) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j] + 1) j++;
    parts.push(j - i >= 2 ? `${points[i]}–${points[j]}` : j === i ? `${points[i]}` : `${points[i]}, ${points[j]}`);
    i = j;
  }
  return parts.join(', ');
}

/** How a target reads in prose: the preset's name or its truth table. */
export function targetName(p: Params, r: Pick<Result, 'targetBits'>): string {
  const names: Record<string, string> = {
    const0: 'constant 0', x0: 'x₀', and01: 'x₀ AND x₁', majority: 'majority', parity: 'parity', random: `random (seed ${p.seed})`,
  };
  return names[String(p.target)] ?? `truth table ${r.targetBits}`;
}

/** Times more likely the target is under parameter counting than under function counting. */
export function honestAdvantage(r: Result): number | null {
  return r.log10HonestAdvantage === null ? null : Math.pow(10, r.log10HonestAdvantage);
}

/** Exact integers up to 2^53 with separators (43,046,721), other numbers as formatNumber. */
export function formatCount(x: number): string {
  return Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER ? grouped(x) : formatNumber(x);
}

function rankText(r: Result): string {
  const ties = r.honestTies > 0 ? ` (tied with ${r.honestTies})` : '';
  return `${formatNumber(r.honestRank)} of ${formatNumber(r.consistent)}${ties}`;
}

function element(document: Document, tag: string, className: string, textContent?: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  if (textContent !== undefined) el.textContent = textContent;
  return el;
}

/** Functions panel (a) lists on a phone, where it must fit the sticky stage with the target strip
 * (which takes two lines from n = 4). */
const phoneShown = (r: Result) => (r.points > 8 ? 10 : 12);

function rankedRows(r: Result, shown: number): { rows: (RankedFunction & { share: number; label: string })[]; domain: string[]; hidden: number } {
  const mass = r.pConsistent;
  const label = (f: RankedFunction) => f.deployment || '(none unseen)';
  const decorate = (f: RankedFunction) => ({ ...f, share: mass > 0 ? f.p / mass : 0, label: label(f) });
  const top = r.ranked.slice(0, shown);
  const rows = top.map(decorate);
  const domain = rows.map((f) => f.label);
  if (!top.some((f) => f.honest)) {
    const honest = r.ranked.find((f) => f.honest);
    if (honest) {
      domain.push('⋮');
      rows.push(decorate(honest));
      domain.push(label(honest));
    }
  }
  return { rows, domain, hidden: r.consistent - rows.length };
}

/** Round tick values for a share axis, never past 100%. */
function shareTicks(max: number, count: number): number[] {
  const step = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5].find((s) => max / s <= count) ?? 0.5;
  return Array.from({ length: Math.floor(max / step + 1e-9) + 1 }, (_, i) => Number((i * step).toPrecision(6)));
}

// Both charts are drawn by hand as SVG (src/kit/svg-chart.ts) in Observable Plot's layout:
// they are redrawn at every change, and building them with Plot made frames of over 50 ms on this
// project's test machine when n changed.
function rankingChart(r: Result, { rows, domain }: ReturnType<typeof rankedRows>, document: Document, width: number): Element {
  const uniform = r.pHonestUniform;
  const maxShare = Math.max(uniform, ...rows.map((f) => f.share));
  const longest = Math.max(...domain.map((d) => d.length));
  const marginLeft = Math.max(44, Math.round(longest * 7.4) + 14);
  // Leave room right of the longest bar for its label ("50.2% ◀ target" is about 110 px, "87%" 40).
  const plotWidth = Math.max(120, width - marginLeft - 12);
  const room = rows.some((f) => f.honest && f.share === maxShare) ? 112 : 48;
  const xMax = (maxShare * plotWidth) / Math.max(plotWidth * 0.5, plotWidth - room) || 1;
  const ticks = shareTicks(Math.min(1, xMax), Math.max(3, Math.floor(width / 110)));
  const pct = (x: number) => formatPercent(x, 3);
  // On a phone panel (a) must fit the sticky stage (about half the screen): rows close up.
  const pitch = width < 500 ? 19 : 22;
  const height = domain.length * pitch + 58;
  const [top, bottom] = [24, height - 34];
  const x = scaleLinear([0, xMax], [marginLeft, width - 12]);
  const y = scaleBand(domain, [top, bottom]).padding(0.18).round(true);
  const band = y.bandwidth();
  const mid = (f: { label: string }) => y(f.label)! + band / 2;

  const svg = chartRoot(document, width, height, 'Functions that fit the training points, ranked by their share of the parameter volume');
  const grid = markGroup(document, 'x-grid', { stroke: 'currentColor', 'stroke-opacity': 0.1 }, true);
  for (const t of ticks) grid.append(svgEl(document, 'line', { x1: x(t), x2: x(t), y1: top, y2: bottom }));
  svg.append(grid, ...xAxis(document, x, {
    ticks, format: (d) => `${Number((d * 100).toPrecision(3))}%`, bottom,
    label: 'Share of the parameter volume that fits training →', labelAt: [width - 3, height - 3],
  }));
  const names = markGroup(document, 'y-axis tick label', { 'text-anchor': 'end', 'font-family': MONO, 'font-size': 12, transform: `translate(-9,${band / 2})` });
  for (const d of domain) names.append(svgEl(document, 'text', { y: '0.32em', transform: at(marginLeft, y(d)!) }, d));
  const bars = markGroup(document, 'bar', { 'stroke-width': 1.5 });
  for (const f of rows) {
    const bar = svgEl(document, 'rect', {
      x: x(0), width: x(f.share) - x(0), y: y(f.label)!, height: band,
      fill: f.honest ? 'var(--series-2)' : 'var(--series-1)', stroke: f.honest ? 'var(--fg)' : 'none',
    });
    bar.append(svgEl(document, 'title', {},
      `${f.honest ? 'The target. ' : ''}Outputs on unseen points: ${f.deployment || 'none'} ` +
      `(${f.deploymentErrors} differ from the target). ${formatCount(f.count)} configurations, P(f) = ${formatPow10(f.log10P ?? -Infinity, 3)}, ` +
      `share of the fitting volume ${pct(f.share)}; Lempel–Ziv complexity ${formatNumber(f.complexity, 3)}.`));
    bars.append(bar);
  }
  svg.append(names, bars);
  // A value that would straddle the dashed line moves just past it (about 6.5 px a character).
  const line = x(uniform);
  for (const f of rows) {
    const text = f.honest ? `${pct(f.share)} ◀ target` : pct(f.share);
    const start = x(f.share) + 4;
    const at = start < line + 3 && start + text.length * (f.honest ? 7.5 : 6.5) > line - 3 ? line + 5 : start;
    svg.append(label(document, { fill: 'var(--fg)', 'text-anchor': 'start', 'font-size': f.honest ? 12 : 11, ...(f.honest ? { 'font-weight': 'bold' } : {}), ...HALO },
      at, mid(f), text));
  }
  svg.append(
    rule(document, { stroke: 'var(--fg)', 'stroke-dasharray': '4,3', 'stroke-width': 1.5 }, { x1: x(uniform), x2: x(uniform), y1: top, y2: bottom }),
    label(document, { fill: 'var(--fg)', 'text-anchor': uniform > xMax * 0.55 ? 'end' : 'start', 'font-size': 11, ...HALO },
      x(uniform), top - 12, `counting functions: ${pct(uniform)} each`),
    rule(document, { stroke: 'currentColor' }, { x1: x(0), x2: x(0), y1: top, y2: bottom }),
  );
  return svg;
}

function landscapeChart(r: Result, document: Document, width: number): Element {
  const data = (r as ViewResult).landscapeCells ?? landscapeCells(r);
  const ks = data.map((d) => d.k).concat(r.targetComplexity);
  const lps = data.map((d) => d.lp).concat(r.log10PTarget ?? []);
  const kMax = Math.max(...ks);
  const kMin = Math.min(...ks);
  const maxCount = Math.max(...data.map((d) => d.count));
  const height = Math.round(Math.min(300, Math.max(220, width * 0.5)));
  const [left, right, top, bottom] = [48, width - 16, 20, height - 38];
  const x = scaleLinear([kMin - 0.5, kMax + 0.5], [left, right]);
  const y = scaleLinear([Math.min(...lps) - 0.3, Math.max(...lps) + 0.3], [bottom, top]);
  // Dot area in proportion to the functions it stands for, none smaller than 1/40 of the largest.
  const radius = scaleSqrt([0, maxCount], [0, maxCount > 1 ? 7 : 3.5]);
  const xTicks = x.ticks(Math.max(3, Math.floor(width / 100)));
  const yTicks = y.ticks((bottom - top) / 35);

  const svg = chartRoot(document, width, height, 'Log probability of every computable function against its Lempel–Ziv complexity');
  svg.append(
    ...yAxis(document, y, { ticks: yTicks, format: y.tickFormat(yTicks.length), left, right, label: '↑ log₁₀ P(f)' }),
    ...xAxis(document, x, { ticks: xTicks, format: x.tickFormat(xTicks.length), bottom, label: 'Lempel–Ziv complexity of the truth table →', labelAt: [width - 3, height - 3] }),
  );
  for (const [fits, attrs] of [[false, { fill: 'var(--muted)', 'fill-opacity': 0.45 }], [true, { fill: 'var(--series-1)', 'fill-opacity': 0.85 }]] as const) {
    const dots = markGroup(document, 'dot', attrs);
    for (const d of data) if (d.fits === fits) dots.append(svgEl(document, 'circle', { cx: x(d.k), cy: y(d.lp), r: radius(Math.max(d.count, maxCount / 40)) }));
    svg.append(dots);
  }
  if (r.log10PTarget !== null) {
    const [cx, cy] = [x(r.targetComplexity), y(r.log10PTarget)];
    const ring = markGroup(document, 'dot', { fill: 'none', stroke: 'var(--series-2)', 'stroke-width': 2.5 });
    ring.append(svgEl(document, 'circle', { cx, cy, r: 9 }));
    // The key above the chart names the ring: a label beside it would sit on other functions' dots.
    svg.append(ring);
  }
  return svg;
}

/** The target's output at every point, as toggle buttons that flip it: the truth table's outputs,
 * in the chart (client.ts binds them like the table's buttons). Unseen points are underlined. The
 * build's HTML, which has no script to flip them, shows the same cells as plain text. */
function targetStrip(r: Result, document: Document, live: boolean): HTMLElement {
  const strip = element(document, 'div', 'tn-strip');
  const text = `Target’s output at each point${live ? ': press one to flip it' : ''} (underlined: not in training)`;
  strip.setAttribute('role', 'group');
  strip.setAttribute('aria-label', text);
  const unseen = new Set(r.deploymentPoints);
  const cells = element(document, 'div', 'tn-strip-cells');
  for (const { point, bits } of pointRows(r.n)) {
    const on = r.targetBits[point] === '1';
    const cell = element(document, live ? 'button' : 'span', unseen.has(point) ? 'tn-flip tn-flip-unseen' : 'tn-flip');
    cell.dataset.point = String(point);
    cell.dataset.on = String(on);
    if (live) {
      (cell as HTMLButtonElement).type = 'button';
      cell.dataset.focusKey = `tn-flip-${point}`;
      cell.setAttribute('aria-pressed', String(on));
    }
    const index = element(document, 'span', 'tn-flip-point', String(point));
    index.setAttribute('aria-hidden', 'true');
    cell.append(element(document, 'span', 'visually-hidden', outputName(point, bits)), index, element(document, 'span', 'tn-bit', on ? '1' : '0'));
    cells.append(cell);
  }
  const caption = element(document, 'span', 'tn-strip-label', text);
  caption.setAttribute('aria-hidden', 'true');
  strip.append(caption, cells);
  return strip;
}

/** Panel (a): the functions that fit training, ranked by parameter volume; `live` when drawn in
 * the browser, where the target strip works. */
export function rankingPanel(r: Result, document: Document, width: number, live = false): HTMLElement {
  const shown = width < 500 ? phoneShown(r) : SHOWN_FUNCTIONS;
  const ranked = rankedRows(r, shown);
  const { hidden } = ranked;
  const unseen = r.deploymentPoints.length;
  const a = element(document, 'div', 'tn-panel');
  a.append(
    element(document, 'p', 'tn-panel-title', `(a) The ${formatNumber(r.consistent)} functions that fit the training points, by parameter volume`),
    element(
      document, 'p', 'tn-panel-note chart-flow',
      unseen === 0
        ? 'Every point is in training, so only the target fits.'
        : `Each row is a function, named by its outputs on the unseen point${unseen === 1 ? '' : 's'} ${pointList(r.deploymentPoints)} (the target’s: ${r.ranked.find((f) => f.honest)?.deployment ?? ''}). ` +
          `Bar: its share of the parameter configurations that fit. Dashed line: counting functions, which gives each the same share.` +
          (hidden > 0 ? ` Showing the ${shown} with the most volume${r.honestRank > shown ? ' and the target' : ''}; ${formatNumber(hidden)} more have less.` : ''),
    ),
    targetStrip(r, document, live),
    rankingChart(r, ranked, document, width),
  );
  return a;
}

/** Panel (b): every computable function's prior against its complexity. */
export function landscapePanel(r: Result, document: Document, width: number): HTMLElement {
  const b = element(document, 'div', 'tn-panel chart-flow');
  const key = element(document, 'p', 'tn-panel-note tn-key');
  key.append(
    element(document, 'span', 'tn-key-item tn-key-fits', 'fits training'),
    element(document, 'span', 'tn-key-item tn-key-other', 'other functions'),
    element(document, 'span', 'tn-key-item tn-key-target', 'target'),
    document.createTextNode(
      (r.reachable > 300 ? ' Dot area: how many functions share a position.' : '') +
        (r.log10PTarget === null ? ' The network cannot compute the target, so it has no dot.' : ''),
    ),
  );
  b.append(
    element(document, 'p', 'tn-panel-title', `(b) Prior probability of all ${formatNumber(r.reachable)} computable functions against complexity`),
    key,
    landscapeChart(r, document, width),
  );
  return b;
}

export const view: WidgetView<typeof schema, Result> = {
  outputs(r: Result) {
    const advantage = honestAdvantage(r);
    return [
      { name: 'consistent', label: 'Functions that fit the training points', value: r.consistent, text: formatNumber(r.consistent) },
      { name: 'p-honest-uniform', label: 'Chance it is the target, counting functions', value: r.pHonestUniform, text: formatPercent(r.pHonestUniform) },
      { name: 'p-honest-param', label: 'Chance it is the target, counting parameters', value: r.pHonestParam, text: formatPercent(r.pHonestParam) },
      { name: 'advantage', label: 'Counting parameters ÷ counting functions', value: advantage ?? '', text: advantage === null ? '–' : `×${formatNumber(advantage, 3)}` },
      { name: 'honest-rank', label: 'Target’s rank by parameter volume', value: r.honestRank, text: rankText(r) },
      {
        name: 'deployment-accuracy', label: 'Unseen points answered right, counting parameters (functions: 50%)',
        value: r.deploymentAccuracyParam ?? '', text: r.deploymentAccuracyParam === null ? '–' : formatPercent(r.deploymentAccuracyParam),
      },
      { name: 'p-target', label: 'Prior probability of the target, P(target)', value: r.pTarget, text: formatPercent(r.pTarget) },
      { name: 'reachable', label: 'Functions the network can compute', value: r.reachable, text: `${formatNumber(r.reachable)} of ${formatNumber(r.functions)}` },
    ];
  },

  chart(r: Result, _p: Params, { document, width }) {
    const box = element(document, 'div', 'tn-charts');
    box.append(rankingPanel(r, document, width), landscapePanel(r, document, width));
    return box;
  },

  sentence(r: Result) {
    const p = formatPercent(r.pHonestParam);
    if (r.log10PTarget === null) return `The network cannot compute the target, so counting parameters, training lands on it ${p} of the time.`;
    const advantage = honestAdvantage(r)!;
    const compare = `${advantage >= 1 ? '' : 'only '}${formatNumber(advantage, 3)} times`;
    return `Counting parameters, training lands on the target ${p} of the time, ${compare} what counting functions gives.`;
  },

  summary(r: Result, p: Params) {
    const target = targetName(p, r);
    const reach = r.log10PTarget === null ? ' The network cannot compute the target at all.' : '';
    const advantage = honestAdvantage(r);
    const compare = advantage === null ? '' : advantage >= 1
      ? ` — ${formatNumber(advantage, 3)} times what counting functions gives`
      : ` — less than counting functions gives (×${formatNumber(advantage, 3)})`;
    return `A network with ${r.n} inputs and ${r.hidden} hidden unit${r.hidden === 1 ? '' : 's'} has ${formatCount(r.total)} weight settings and can compute ${formatNumber(r.reachable)} of the ${formatNumber(r.functions)} functions. ` +
      `Target: ${target} (${r.targetBits}); training shows ${r.trainPoints.length} of ${r.points} points, so ${formatNumber(r.consistent)} functions fit. ` +
      `Counting functions gives the target ${formatPercent(r.pHonestUniform)}; counting parameters gives ${formatPercent(r.pHonestParam)}${compare}, ranking it ${rankText(r)}.${reach} ` +
      `Across all computable functions, simpler ones tend to have more weight settings.`;
  },
};
