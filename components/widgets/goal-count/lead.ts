// goal-count as the home page's lead figure: the same model, state and output names as the figure
// in §2.3, drawn as a verdict. Two counts of one toy, on one axis of odds: the schemer's side to the
// right, the honest model's to the left. The odds run from tens to millions of powers of ten, so the
// axis is symmetric-log in the exponent and every tick says the odds it stands for.
import { plot, rect, ruleX, text } from '@observablehq/plot';
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
    const tickValues = ticks(max);
    const y = (i: number) => (d: Row) => rows.indexOf(d) + i;
    return plot({
      document,
      width,
      height: leadChartHeight(width),
      marginLeft: 12,
      marginRight: 12,
      marginTop: 22,
      marginBottom: 30,
      style: { background: 'transparent', color: 'var(--fg)' },
      x: {
        type: 'symlog', domain: [-max, max], ticks: tickValues, grid: true, label: null,
        tickFormat: (d: number) => (d === 0 ? 'even' : `10${superscript(Math.abs(d))}`),
      },
      y: { domain: [2, 0], axis: null },
      marks: [
        text(['← honest model likelier'], { frameAnchor: 'top-left', dy: -16, fill: 'var(--muted)', fontSize: 12 }),
        text(['schemer likelier →'], { frameAnchor: 'top-right', dy: -16, fill: 'var(--muted)', fontSize: 12 }),
        // Each row's name above its bar, on the side the bar does not reach.
        ...[true, false].map((right) => text(rows.filter((d) => (d.value > 0) !== right), {
          x: right ? max : -max, y: y(0.3), text: 'label', textAnchor: right ? 'end' : 'start',
          fill: 'var(--fg)', fontSize: 13, fontWeight: 'bold',
        })),
        rect(rows, {
          x1: 0, x2: 'value', y1: y(0.45), y2: y(0.95),
          fill: (d: Row) => (d.value > 0 ? 'var(--series-2)' : 'var(--series-1)'),
          title: (d: Row) => `${d.label}: ${d.text}`,
        }),
        ruleX([0], { stroke: 'var(--fg)', strokeWidth: 1.5 }),
      ],
      ariaLabel: `Odds of a schemer, counting goals (${rows[0].text}) and counting parameters (${rows[1].text})`,
    });
  },

  summary(r: Result, p: Params) {
    const cr = pinnedParameters(p.extra);
    const need = cr === 0 ? 'no extra parameters' : `${formatNumber(cr, 3)} extra parameter${cr === 1 ? '' : 's'}, each set to ${formatNumber(p.bits as number, 3)} bits`;
    const verdict = r.log10ParameterSpaceOdds > 0 ? 'counting parameters favours a schemer too' : 'counting parameters favours the honest model';
    const flip = r.breakEvenExtra > 0 ? ` The verdict flips at ${formatNumber(r.breakEvenExtra, 2)} parameters.` : '';
    return `If scheming takes ${need}, ${verdict}.${flip}`;
  },
};
