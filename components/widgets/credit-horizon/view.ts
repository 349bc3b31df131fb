// credit-horizon: the weight a training signal gives to a consequence h steps after an action,
// γ^h inside an episode of length E and exactly 0 beyond it, and a signal-to-noise version that
// falls as episodes get longer. Two panels sharing the horizon axis; the boundary h = E is marked.
import { scaleLinear } from 'd3-scale';
import type { Params, Result, schema } from '../../../src/models/credit-horizon';
export { model } from '../../../src/models/credit-horizon';
import type { WidgetView } from '../../../src/lib/widgets/view';
import { formatNumber, formatPow10 } from '../../../src/lib/format';

/** A weight in [0, 1] that can be astronomically small: plain when readable, else a power of ten. */
export function formatWeight(x: number, log10?: number): string {
  if (x === 0) return '0';
  if (x >= 1e-3) return formatNumber(x, 3);
  return formatPow10(log10 ?? Math.log10(x), 2);
}

/** The horizons to draw: all of them when they fit, else about one per pixel (up to 3,001 steps
 * would be drawn on a 700-pixel chart), always keeping both sides of the cliff at h = E, E + 1
 * and the last horizon, so the step curve drops exactly where the model's does. */
export function chartRows(r: Result, width: number): { h: number; signal: number; snr: number }[] {
  const n = r.horizons.length;
  const stride = Math.max(1, Math.ceil(n / width));
  const rows = [];
  for (let i = 0; i < n; i++) {
    const h = r.horizons[i];
    if (i % stride === 0 || h === r.episodeEnd || h === r.episodeEnd + 1 || i === n - 1) rows.push({ h, signal: r.signal[i], snr: r.snr[i] });
  }
  return rows;
}

// The two panels are drawn directly as SVG, in the layout and style Observable Plot gives the
// other figures: this widget redraws at every slider step, and building two Plot charts took
// 5–30 ms an update, over the 16 ms budget; drawing the same marks by hand takes about a millisecond.
const SVG_NS = 'http://www.w3.org/2000/svg';

function svgEl(document: Document, tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

interface PanelOptions {
  document: Document; width: number; height: number;
  E: number; maxH: number; h: number; rows: { h: number; signal: number; snr: number }[];
  key: 'signal' | 'snr'; value: number; top: number; yLabel: string; xLabel?: string; ariaLabel: string;
}

function panel(o: PanelOptions): SVGElement {
  const { document, width, height, E, maxH, h, rows, key, value, top } = o;
  const margin = { left: 52, right: 16, top: 18, bottom: o.xLabel ? 36 : 18 };
  const x = scaleLinear([0, maxH], [margin.left, width - margin.right]);
  const y = scaleLinear([0, top * 1.12], [height - margin.bottom, margin.top]);
  const [y0, y1] = [y(0), y(top * 1.12)];
  const group = (label: string, attrs: Record<string, string | number> = {}, hidden = false) =>
    svgEl(document, 'g', { 'aria-label': label, role: 'group', ...(hidden ? { 'aria-hidden': 'true' } : {}), ...attrs });
  const at = (px: number, py: number) => `translate(${px},${py})`;
  const svg = svgEl(document, 'svg', {
    fill: 'currentColor', 'font-family': 'system-ui, sans-serif', 'font-size': 10, 'text-anchor': 'middle',
    width, height, viewBox: `0 0 ${width} ${height}`, 'aria-label': o.ariaLabel,
  });

  const yTicks = y.ticks(3);
  const grid = group('y-grid', { stroke: 'currentColor', 'stroke-opacity': 0.1 }, true);
  const tickMarks = group('y-axis tick', { fill: 'none', stroke: 'currentColor' }, true);
  const tickLabels = group('y-axis tick label', { 'text-anchor': 'end', transform: 'translate(-9,0)' });
  for (const t of yTicks) {
    grid.append(svgEl(document, 'line', { x1: margin.left, x2: width - margin.right, y1: y(t), y2: y(t) }));
    tickMarks.append(svgEl(document, 'path', { transform: at(margin.left, y(t)), d: 'M0,0L-6,0' }));
    tickLabels.append(svgEl(document, 'text', { y: '0.32em', transform: at(margin.left, y(t)) }, formatNumber(t, 2)));
  }
  const yLabel = group('y-axis label', { 'text-anchor': 'start' });
  yLabel.append(svgEl(document, 'text', { y: '0.71em', transform: at(3, 3) }, o.yLabel));
  svg.append(grid, tickMarks, tickLabels, yLabel);

  if (o.xLabel) {
    const xTicks = x.ticks(Math.max(3, Math.floor(width / 80)));
    const format = x.tickFormat(xTicks.length);
    const marks = group('x-axis tick', { fill: 'none', stroke: 'currentColor' }, true);
    const labels = group('x-axis tick label', { transform: 'translate(0,9)' });
    for (const t of xTicks) {
      marks.append(svgEl(document, 'path', { transform: at(x(t), y0), d: 'M0,0L0,6' }));
      labels.append(svgEl(document, 'text', { y: '0.71em', transform: at(x(t), y0) }, format(t)));
    }
    const label = group('x-axis label', { 'text-anchor': 'end' });
    label.append(svgEl(document, 'text', { transform: at(width - margin.right, height - 3) }, o.xLabel));
    svg.append(marks, labels, label);
  }

  // Past the episode's end: shaded, and the curve is exactly 0 there.
  const beyond = group('rect', { fill: 'var(--highlight)', 'fill-opacity': 0.45 });
  beyond.append(svgEl(document, 'rect', { x: x(E), y: y1, width: x(maxH) - x(E), height: y0 - y1 }));
  // The weight as a step curve: each horizon's value holds until the next horizon.
  let curve = '';
  rows.forEach((d, i) => {
    const px = x(d.h).toFixed(2);
    const py = y(d[key]).toFixed(2);
    curve += i === 0 ? `M${px},${py}` : `H${px}V${py}`;
  });
  const area = group('area', { fill: 'var(--series-1)', 'fill-opacity': 0.2 });
  area.append(svgEl(document, 'path', { d: `${curve}V${y0.toFixed(2)}H${x(rows[0].h).toFixed(2)}Z` }));
  const line = group('line', { fill: 'none', stroke: 'var(--series-1)', 'stroke-width': 2, 'stroke-linejoin': 'round' });
  line.append(svgEl(document, 'path', { d: curve }));
  const edge = group('rule', { stroke: 'var(--fg)', 'stroke-width': 1.5 });
  edge.append(svgEl(document, 'line', { x1: x(E), x2: x(E), y1: margin.top, y2: height - margin.bottom }));
  const notes = group('text', { 'text-anchor': 'start', 'font-weight': 'bold', fill: 'var(--fg)' });
  notes.append(svgEl(document, 'text', { x: x(E), y: y(top * 1.06), dx: 5, dy: '0.32em' }, 'episode ends'));
  const none = group('text', { 'text-anchor': 'end', fill: 'var(--muted)' });
  none.append(svgEl(document, 'text', { x: x(maxH), y: y(top * 0.55), dx: -6, dy: '0.32em' }, 'no gradient at all'));
  svg.append(beyond, area, line, edge, notes, none);

  // The reader's horizon, when it is on the chart.
  if (h <= maxH) {
    const right = h > E * 1.5;
    const rule = group('rule', { stroke: 'var(--series-2)', 'stroke-dasharray': '4 3' });
    rule.append(svgEl(document, 'line', { x1: x(h), x2: x(h), y1: margin.top, y2: height - margin.bottom }));
    const label = group('text', { 'text-anchor': right ? 'end' : 'start', 'font-weight': 'bold', fill: 'var(--series-2)' });
    label.append(svgEl(document, 'text', { x: x(h), y: y(value), dx: right ? -4 : 4, dy: '-0.48em' }, `h = ${formatNumber(h)}: ${formatWeight(value)}`));
    svg.append(rule, label);
  }
  const base = group('rule', { stroke: 'currentColor' });
  base.append(svgEl(document, 'line', { x1: margin.left, x2: width - margin.right, y1: y0, y2: y0 }));
  svg.append(base);
  return svg;
}

export const view: WidgetView<typeof schema, Result> = {
  outputs(r: Result, p: Params) {
    const h = p.ahead as number;
    const E = p.episode as number;
    return [
      { name: 'signal-at', label: `Training signal for a consequence ${formatNumber(h)} steps ahead`, value: r.signalAt, text: formatWeight(r.signalAt) },
      { name: 'snr-at', label: `Signal-to-noise for it (unit reward noise per step)`, value: r.snrAt, text: formatWeight(r.snrAt) },
      { name: 'signal-at-end', label: `Signal at the episode’s last step (γ^E, h = ${formatNumber(E)})`, value: r.signalAtEpisodeEnd, text: formatWeight(r.signalAtEpisodeEnd, r.log10SignalAtEpisodeEnd) },
      { name: 'snr-near', label: 'Signal-to-noise for an immediate consequence (h = 0)', value: r.snr[0], text: formatWeight(r.snr[0]) },
      { name: 'signal-beyond', label: `Total signal for every consequence beyond the episode (h = ${formatNumber(E + 1)}…${formatNumber(3 * E)})`, value: r.signalBeyond, text: formatWeight(r.signalBeyond) },
    ];
  },

  chart(r: Result, p: Params, { document, width }) {
    const E = r.episodeEnd;
    const h = p.ahead as number;
    const rows = chartRows(r, width);
    const tall = Math.round(Math.min(200, Math.max(130, width * 0.28)));
    const common = { document, width, E, maxH: 3 * E, h, rows };
    const box = document.createElement('div');
    box.className = 'credit-figure';
    box.append(
      panel({ ...common, key: 'signal', value: r.signalAt, top: 1, height: tall, yLabel: '↑ Signal γ^h', ariaLabel: 'Training signal against horizon' }),
      panel({ ...common, key: 'snr', value: r.snrAt, top: r.snr[0], height: tall + 18, yLabel: '↑ Signal / noise', ariaLabel: 'Signal-to-noise ratio against horizon', xLabel: 'Steps h between the action and its consequence →' }),
    );
    return box;
  },

  summary(r: Result, p: Params) {
    const E = r.episodeEnd;
    return `With episodes of ${formatNumber(E)} steps and discount ${p.discount}, the signal for a consequence falls from 1 right after the action ` +
      `to ${formatWeight(r.signalAtEpisodeEnd, r.log10SignalAtEpisodeEnd)} at the episode’s last step, then drops to exactly 0 for everything later. ` +
      `Against the noise of ${formatNumber(E + 1)} rewards, even an immediate consequence has a signal-to-noise ratio of only ${formatWeight(r.snr[0])}.`;
  },
};
