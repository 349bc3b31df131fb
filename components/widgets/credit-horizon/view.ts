// credit-horizon: the weight a training signal gives to a consequence h steps after an action,
// γ^h inside an episode of length E and exactly 0 beyond it, and a signal-to-noise version that
// falls as episodes get longer. Two panels sharing the horizon axis; the boundary h = E is marked.
import { areaY, line, plot, rect, ruleX, ruleY, text } from '@observablehq/plot';
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

/** The horizons to draw: all of them when they fit, else about two per pixel (up to 3,001 steps
 * would be drawn on a 700-pixel chart), always keeping both sides of the cliff at h = E, E + 1
 * and the last horizon, so the step curve drops exactly where the model's does. */
export function chartRows(r: Result, width: number): { h: number; signal: number; snr: number }[] {
  const n = r.horizons.length;
  const stride = Math.max(1, Math.ceil(n / (2 * width)));
  const rows = [];
  for (let i = 0; i < n; i++) {
    const h = r.horizons[i];
    if (i % stride === 0 || h === r.episodeEnd || h === r.episodeEnd + 1 || i === n - 1) rows.push({ h, signal: r.signal[i], snr: r.snr[i] });
  }
  return rows;
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
    const maxH = 3 * E;
    const rows = chartRows(r, width);
    const panel = (key: 'signal' | 'snr', label: string, top: number, height: number, showX: boolean) => {
      const value = key === 'signal' ? r.signalAt : r.snrAt;
      const inRange = h <= maxH;
      return plot({
        document,
        width,
        height,
        marginLeft: 52,
        marginRight: 16,
        marginTop: 18,
        marginBottom: showX ? 36 : 18,
        style: { background: 'transparent', color: 'var(--fg)' },
        x: { label: showX ? 'Steps h between the action and its consequence →' : null, domain: [0, maxH], axis: showX ? 'bottom' : null },
        y: { label: label, domain: [0, top * 1.12], ticks: 3, grid: true, tickFormat: (d: number) => formatNumber(d, 2) },
        marks: [
          rect([0], { x1: E, x2: maxH, y1: 0, y2: top * 1.12, fill: 'var(--highlight)', fillOpacity: 0.45 }),
          areaY(rows, { x: 'h', y: key, fill: 'var(--series-1)', fillOpacity: 0.2, curve: 'step-after' }),
          line(rows, { x: 'h', y: key, stroke: 'var(--series-1)', strokeWidth: 2, curve: 'step-after' }),
          ruleX([E], { stroke: 'var(--fg)', strokeWidth: 1.5 }),
          text([E], { x: (d: number) => d, y: () => top * 1.06, text: () => 'episode ends', textAnchor: 'start', dx: 5, fill: 'var(--fg)', fontWeight: 'bold' }),
          text([E], { x: () => maxH, y: () => top * 0.55, text: () => 'no gradient at all', textAnchor: 'end', dx: -6, fill: 'var(--muted)' }),
          ...(inRange
            ? [ruleX([h], { stroke: 'var(--series-2)', strokeDasharray: '4 3' }),
              text([h], { x: (d: number) => d, y: () => value, text: () => `h = ${formatNumber(h)}: ${formatWeight(value)}`, dy: -8, textAnchor: h > E * 1.5 ? 'end' : 'start', dx: h > E * 1.5 ? -4 : 4, fill: 'var(--series-2)', fontWeight: 'bold' })]
            : []),
          ruleY([0]),
        ],
        ariaLabel: key === 'signal' ? 'Training signal against horizon' : 'Signal-to-noise ratio against horizon',
      });
    };
    const box = document.createElement('div');
    box.className = 'credit-figure';
    const tall = Math.round(Math.min(200, Math.max(130, width * 0.28)));
    box.append(panel('signal', '↑ Signal γ^h', 1, tall, false), panel('snr', '↑ Signal / noise', r.snr[0], tall + 18, true));
    return box;
  },

  summary(r: Result, p: Params) {
    const E = r.episodeEnd;
    return `With episodes of ${formatNumber(E)} steps and discount ${p.discount}, the signal for a consequence falls from 1 right after the action ` +
      `to ${formatWeight(r.signalAtEpisodeEnd, r.log10SignalAtEpisodeEnd)} at the episode’s last step, then drops to exactly 0 for everything later. ` +
      `Against the noise of ${formatNumber(E + 1)} rewards, even an immediate consequence has a signal-to-noise ratio of only ${formatWeight(r.snr[0])}.`;
  },
};
