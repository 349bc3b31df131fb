// credit-horizon: the weight a training signal gives to a consequence h steps after an action,
// γ^h inside an episode of length E and exactly 0 beyond it, and a signal-to-noise version that
// falls as episodes get longer. Two panels sharing the horizon axis; the boundary h = E is marked.
import { scaleLinear } from 'd3-scale';
import { schema, type Params, type Result } from '../../../src/models/credit-horizon';
export { model } from '../../../src/models/credit-horizon';
import type { WidgetView } from '../../../src/kit/view';
import { chartRoot, markGroup, rule, svgEl, xAxis, yAxis } from '../../../src/kit/svg-chart';
import { dragHandle, draggingParam } from '../../../src/kit/drag';
import { formatNumber, formatPow10 } from '../../../src/core/format';

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

// The two panels are drawn by hand as SVG (src/kit/svg-chart.ts): this widget redraws at
// every slider step, and building two Plot charts took 5–30 ms an update, over the 16 ms budget.
interface PanelOptions {
  document: Document; width: number; height: number;
  E: number; maxH: number; h: number; rows: { h: number; signal: number; snr: number }[];
  key: 'signal' | 'snr'; value: number; top: number; yLabel: string; xLabel?: string; ariaLabel: string;
  /** Draw the handles for the episode's edge and the reader's horizon (on one panel only). */
  handles?: boolean;
}

function panel(o: PanelOptions): SVGElement {
  const { document, width, height, E, maxH, h, rows, key, value, top } = o;
  const margin = { left: 52, right: 16, top: 18, bottom: o.xLabel ? 36 : 18 };
  const x = scaleLinear([0, maxH], [margin.left, width - margin.right]);
  const y = scaleLinear([0, top * 1.12], [height - margin.bottom, margin.top]);
  const [y0, y1] = [y(0), y(top * 1.12)];
  const svg = chartRoot(document, width, height, o.ariaLabel);
  svg.append(...yAxis(document, y, { ticks: y.ticks(3), format: (t) => formatNumber(t, 2), left: margin.left, right: width - margin.right, label: o.yLabel }));
  if (o.xLabel) {
    const ticks = x.ticks(Math.max(3, Math.floor(width / 80)));
    svg.append(...xAxis(document, x, { ticks, format: x.tickFormat(ticks.length), bottom: y0, label: o.xLabel, labelAt: [width - margin.right, height - 3] }));
  }

  // Past the episode's end: shaded (its edge is the episode-end rule), and the curve is exactly 0.
  const beyond = markGroup(document, 'rect', { fill: 'var(--band)' });
  beyond.append(svgEl(document, 'rect', { x: x(E), y: y1, width: x(maxH) - x(E), height: y0 - y1 }));
  // The weight as a step curve: each horizon's value holds until the next horizon.
  let curve = '';
  rows.forEach((d, i) => {
    const px = x(d.h).toFixed(2);
    const py = y(d[key]).toFixed(2);
    curve += i === 0 ? `M${px},${py}` : `H${px}V${py}`;
  });
  const area = markGroup(document, 'area', { fill: 'var(--series-1)', 'fill-opacity': 0.2 });
  area.append(svgEl(document, 'path', { d: `${curve}V${y0.toFixed(2)}H${x(rows[0].h).toFixed(2)}Z` }));
  const line = markGroup(document, 'line', { fill: 'none', stroke: 'var(--series-1)', 'stroke-width': 2, 'stroke-linejoin': 'round' });
  line.append(svgEl(document, 'path', { d: curve }));
  const edge = rule(document, { stroke: 'var(--fg)', 'stroke-width': 1.5 }, { x1: x(E), x2: x(E), y1: margin.top, y2: height - margin.bottom });
  const notes = markGroup(document, 'text', { 'text-anchor': 'start', 'font-weight': 'bold', fill: 'var(--fg)' });
  notes.append(svgEl(document, 'text', { x: x(E), y: y(top * 1.06), dx: 5, dy: '0.32em' }, 'episode ends'));
  const none = markGroup(document, 'text', { 'text-anchor': 'end', fill: 'var(--muted)' });
  none.append(svgEl(document, 'text', { x: x(maxH), y: y(top * 0.55), dx: -6, dy: '0.32em' }, 'no gradient at all'));
  svg.append(beyond, area, line, edge, notes, none);

  // The reader's horizon, when it is on the chart.
  if (h <= maxH) {
    const right = h > E * 1.5;
    // The cursor starts below the row of "episode ends", which it would otherwise cross.
    const cursor = rule(document, { stroke: 'var(--series-2)', 'stroke-dasharray': '4 3' }, { x1: x(h), x2: x(h), y1: y(top * 1.06) + 8, y2: height - margin.bottom });
    const text = markGroup(document, 'text', { 'text-anchor': right ? 'end' : 'start', 'font-weight': 'bold', fill: 'var(--series-2)' });
    text.append(svgEl(document, 'text', { x: x(h), y: y(value), dx: right ? -4 : 4, dy: '-0.48em' }, `h = ${formatNumber(h)}: ${formatWeight(value)}`));
    svg.append(cursor, text);
    if (o.handles) {
      svg.append(dragHandle(document, {
        param: 'ahead', p: schema.ahead, value: h, domain: [0, maxH], range: [x(0), x(maxH)], y1: margin.top, y2: height - margin.bottom,
        label: 'Consequence h steps ahead', valueText: `${formatNumber(h)} steps`,
      }));
    }
  }
  if (o.handles) {
    svg.append(dragHandle(document, {
      param: 'episode', p: schema.episode, value: E, domain: [0, maxH], range: [x(0), x(maxH)], y1: margin.top, y2: height - margin.bottom,
      label: 'Episode length E', valueText: `${formatNumber(E)} steps`,
    }));
  }
  svg.append(rule(document, { stroke: 'currentColor' }, { x1: margin.left, x2: width - margin.right, y1: y0, y2: y0 }));
  return svg;
}

let heldMaxH = 0;

export const view: WidgetView<typeof schema, Result> = {
  outputs(r: Result, p: Params) {
    const h = p.ahead as number;
    const E = p.episode as number;
    return [
      { name: 'signal-at', label: `Training signal for a consequence ${formatNumber(h)} steps ahead`, value: r.signalAt, text: formatWeight(r.signalAt) },
      { name: 'snr-at', label: `Signal-to-noise for it (unit reward noise per step)`, value: r.snrAt, text: formatWeight(r.snrAt) },
      { name: 'signal-at-end', label: `Signal at the episode’s last step ($\\gamma^E$, $h = ${formatNumber(E)}$)`, value: r.signalAtEpisodeEnd, text: formatWeight(r.signalAtEpisodeEnd, r.log10SignalAtEpisodeEnd) },
      { name: 'snr-near', label: 'Signal-to-noise for an immediate consequence (h = 0)', value: r.snr[0], text: formatWeight(r.snr[0]) },
      { name: 'signal-beyond', label: `Total signal for every consequence beyond the episode ($h = ${E + 1}$ to $${3 * E}$)`, value: r.signalBeyond, text: formatWeight(r.signalBeyond) },
    ];
  },

  chart(r: Result, p: Params, { document, width }) {
    const E = r.episodeEnd;
    const h = p.ahead as number;
    // While the reader drags the episode's edge, the axis holds still under the pointer.
    const maxH = draggingParam() === 'episode' && heldMaxH ? heldMaxH : 3 * E;
    heldMaxH = maxH;
    const rows = chartRows(r, width).filter((d) => d.h <= maxH);
    const tall = Math.round(Math.min(200, Math.max(130, width * 0.28)));
    const common = { document, width, E, maxH, h, rows };
    const box = document.createElement('div');
    box.className = 'credit-figure';
    box.append(
      panel({ ...common, key: 'signal', value: r.signalAt, top: 1, height: tall, yLabel: '↑ Signal γʰ', ariaLabel: 'Training signal against horizon' }),
      panel({ ...common, key: 'snr', value: r.snrAt, top: r.snr[0], height: tall + 18, handles: true, yLabel: '↑ Signal / noise', ariaLabel: 'Signal-to-noise ratio against horizon', xLabel: 'Steps h between the action and its consequence →' }),
    );
    return box;
  },

  sentence(r: Result, p: Params) {
    const h = formatNumber(p.ahead as number);
    const E = formatNumber(r.episodeEnd);
    return r.signalAt === 0
      ? `A consequence ${h} steps ahead comes after the ${E}-step episode ends, so training’s signal for it is ${formatWeight(r.signalAt)}: none at all.`
      : `A consequence ${h} steps ahead falls inside the ${E}-step episode, so training still credits it, with ${formatWeight(r.signalAt)} of the signal an immediate one gets.`;
  },

  summary(r: Result, p: Params) {
    const E = r.episodeEnd;
    return `With episodes of ${formatNumber(E)} steps and discount ${p.discount}, the signal for a consequence falls from 1 right after the action ` +
      `to ${formatWeight(r.signalAtEpisodeEnd, r.log10SignalAtEpisodeEnd)} at the episode’s last step, then drops to exactly 0 for everything later. ` +
      `Against the noise of ${formatNumber(E + 1)} rewards, even an immediate consequence has a signal-to-noise ratio of only ${formatWeight(r.snr[0])}.`;
  },
};
