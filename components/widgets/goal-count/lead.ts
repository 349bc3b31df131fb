// goal-count as the home page's lead figure: the same model, state and output names as the figure
// in §2.3, drawn as a verdict. Two counts of one toy, on one axis of odds: the schemer's side to the
// right, the honest model's to the left. The odds run from tens to millions of powers of ten, so the
// axis is symmetric-log in the exponent and every tick says the odds it stands for. Drawn by hand
// as SVG (src/kit/svg-chart.ts) in Plot's layout: the home page then loads no Plot at all (its
// module took 175 ms to evaluate on a throttled phone, the largest task of the page's load).
import { chartRoot, label, markGroup, rule, svgEl, xAxis } from '../../../src/kit/svg-chart';
import { model, pinnedParameters, schema, type Params, type Result } from '../../../src/models/goal-count';
import type { Model, NumberParam } from '../../../src/core/schema';
import type { WidgetView } from '../../../src/kit/view';
import { formatNumber, superscript } from '../../../src/core/format';

/** Odds given by their log10, as a reader says them: "10²⁰ to 1", "5.5 to 1", "even". */
export function oddsText(log10: number): string {
  const a = Math.abs(log10);
  if (a < 1e-9) return 'even';
  if (a < 3) return `${formatNumber(10 ** a, 2)}\u00a0to\u00a01`;
  return `10${superscript(Math.round(a))}\u00a0to\u00a01`;
}

/** Who a count favours, and by how much: "Schemer, 10²⁰ to 1". */
export function verdictText(log10: number): string {
  if (Math.abs(log10) < 1e-9) return 'Even odds';
  return `${log10 > 0 ? 'Schemer' : 'Honest'}, ${oddsText(log10)}`;
}

/** Ticks at 0 and ±10^k powers of ten (in log10 odds) inside the domain, at most three a side. */
function ticks(max: number): number[] {
  const powers = [1, 2, 3, 4, 5, 6, 7].map((k) => 10 ** k).filter((t) => t <= max);
  const side = powers.length > 3 ? powers.filter((_, i) => (powers.length - 1 - i) % 2 === 0).slice(-3) : powers;
  return [...side.map((t) => -t).reverse(), 0, ...side];
}

/** The same model, its one control named for a newcomer (the maths and the URL are §2.3's). */
export const leadModel: Model<typeof schema, Result> = {
  ...model,
  schema: {
    ...model.schema,
    extra: {
      ...model.schema.extra,
      label: 'Extra parameters a schemer must set',
      help: 'A schemer has to notice it is being trained and plan from its goal: reasoning an honest model does without, stored in parameters it would leave free.',
    } as NumberParam as typeof schema.extra, // the schema's literal types name its own words
  },
};

/** The width the build draws the lead at (GoalCountLead.astro's chartWidth). */
export const LEAD_BUILD_WIDTH = 420;

/** Chart height for a width. Below the build's width the page keeps the build's drawing, scaled
 * down (its aspect kept), until the reader first moves the slider: a redraw there keeps that
 * aspect, so the control under the reader's finger does not jump when the verdict first changes. */
export function leadChartHeight(width: number): number {
  if (width < LEAD_BUILD_WIDTH) return Math.round((150 * width) / LEAD_BUILD_WIDTH);
  return Math.round(Math.min(200, Math.max(150, width / 4)));
}

interface Row { name: string; label: string; value: number; text: string }

/** The two counts, as cards and as the chart's rows. */
const counts = (r: Result): Row[] => [
  { name: 'goal-space', label: 'Counting goals', value: r.log10GoalSpaceOdds, text: verdictText(r.log10GoalSpaceOdds) },
  { name: 'parameter-space', label: 'Counting parameters', value: r.log10ParameterSpaceOdds, text: verdictText(r.log10ParameterSpaceOdds) },
];

export const leadView: WidgetView<typeof schema, Result> = {
  outputs: counts,

  chart(r: Result, _p: Params, { document, width }) {
    const rows = counts(r);
    const max = Math.max(30, ...rows.map((d) => Math.abs(d.value))) * 1.15;
    const height = leadChartHeight(width);
    const [left, right, top, bottom] = [12, width - 12, 22, height - 30];
    // Symmetric log, as Plot's symlog scale (constant 1): linear near even odds, logarithmic far out.
    const symlog = (v: number) => Math.sign(v) * Math.log1p(Math.abs(v));
    const x = (v: number) => left + ((symlog(v) + symlog(max)) / (2 * symlog(max))) * (right - left);
    // Rows top to bottom: row i's bar spans i + 0.45 to i + 0.95 of the two rows' height.
    const y = (v: number) => top + (v / 2) * (bottom - top);
    const tickValues = ticks(max);
    const svg = chartRoot(document, width, height, `Odds of a schemer, counting goals (${rows[0].text}) and counting parameters (${rows[1].text})`);
    const grid = markGroup(document, 'x-grid', { stroke: 'currentColor', 'stroke-opacity': 0.1 }, true);
    for (const t of tickValues) grid.append(svgEl(document, 'line', { x1: x(t), x2: x(t), y1: top, y2: bottom }));
    const bars = markGroup(document, 'bar');
    for (const [i, d] of rows.entries()) {
      const [x1, x2] = [x(0), x(d.value)].sort((a, b) => a - b);
      const bar = svgEl(document, 'rect', {
        x: x1, y: y(i + 0.45), width: x2 - x1, height: y(i + 0.95) - y(i + 0.45),
        fill: d.value > 0 ? 'var(--series-2)' : 'var(--series-1)',
      });
      bar.append(svgEl(document, 'title', {}, `${d.label}: ${d.text}`));
      bars.append(bar);
    }
    svg.append(
      grid,
      ...xAxis(document, x, { ticks: tickValues, format: (t) => (t === 0 ? 'even' : `10${superscript(Math.abs(t))}`), bottom }),
      label(document, { fill: 'var(--muted)', 'font-size': 12, 'text-anchor': 'start' }, left, top - 16, '← honest model likelier', '0.71em'),
      label(document, { fill: 'var(--muted)', 'font-size': 12, 'text-anchor': 'end' }, right, top - 16, 'schemer likelier →', '0.71em'),
      // Each row's name above its bar, on the side the bar does not reach.
      ...rows.map((d, i) => label(document, { fill: 'var(--fg)', 'font-size': 13, 'font-weight': 'bold', 'text-anchor': d.value > 0 ? 'start' : 'end' },
        d.value > 0 ? left : right, y(i + 0.3), d.label)),
      bars,
      rule(document, { stroke: 'var(--fg)', 'stroke-width': 1.5 }, { x1: x(0), x2: x(0), y1: top, y2: bottom }),
    );
    return svg;
  },

  summary(r: Result, p: Params) {
    const cr = pinnedParameters(p.extra);
    const need = cr === 0 ? 'no extra parameters' : `${formatNumber(cr, 3)} extra parameter${cr === 1 ? '' : 's'}, each set to ${formatNumber(p.bits as number, 3)} bits`;
    const verdict = r.log10ParameterSpaceOdds > 0 ? 'counting parameters favours a schemer too' : 'counting parameters favours the honest model';
    const flip = r.breakEvenExtra > 0 ? ` The verdict flips at ${formatNumber(r.breakEvenExtra, 2)} parameters.` : '';
    return `If scheming takes ${need}, ${verdict}.${flip}`;
  },
};
