// goal-count: counting goals vs counting parameters, as a horizontal waterfall of log10 odds.
// Contributions can span millions of log10 units (10^6 pinned parameters at 32 bits), so the
// chart uses a linear axis for honesty and prints every contribution as text beside its bar:
// the numbers stay readable even when a bar is too thin to see.
import { plot, rect, ruleX, text } from '@observablehq/plot';
import type { Params, Result, WaterfallBar, schema } from '../../../src/models/goal-count';
export { model } from '../../../src/models/goal-count';
import { presets, pinnedParameters, type Preset } from '../../../src/models/goal-count';
import { formatValue } from '../../../src/core/schema';
import { schema as goalSchema } from '../../../src/models/goal-count';
import type { WidgetView } from '../../../src/kit/view';
import { formatLog10Probability, formatNumber, formatPow10, formatSigned, grouped } from '../../../src/core/format';

const MINUS = '−';

/** A log10 odds figure: "+20", "−1.3", "−2,388" (whole units from 100 up, so large values keep
 * every digit rather than three significant ones). */
export function formatLogOdds(x: number): string {
  if (!Number.isFinite(x)) return '–';
  if (Math.abs(x) < 100) return formatSigned(x, 3);
  const r = Math.round(x);
  if (r === 0) return '0';
  return (r > 0 ? '+' : MINUS) + grouped(Math.abs(r));
}

/** The probability of scheming, readable at both ends: 10^−2388, 73.1%, or 1 − 10^−20. */
export function formatSchemingProbability(r: Result): string {
  if (r.log10ComplementProbability < -4) return `1 ${MINUS} ${formatPow10(r.log10ComplementProbability, 2)}`;
  return formatLog10Probability(r.log10Probability);
}

/** Whether the values equal a preset's, as their links would write them. */
export function matchesPreset(values: Params, preset: Preset): boolean {
  return (Object.keys(goalSchema) as (keyof typeof goalSchema)[]).every(
    (k) => formatValue(goalSchema[k], values[k]) === formatValue(goalSchema[k], preset.params[k]),
  );
}

export const activePreset = (values: Params): Preset | undefined => presets.find((p) => matchesPreset(values, p));

/** Room for the values at the right: up to "−9,632,960" (10^6 parameters at 32 bits). */
const VALUE_MARGIN = 80;

const ROW_LABELS: Record<WaterfallBar['key'], string> = {
  multiplicity: 'Schemer goals, +log₁₀ M',
  honest: 'Non-schemer variants, −log₁₀ Mₕ',
  'goal-space': 'Total: counting goals',
  'goal-encoding': 'Writing the goal down',
  'extra-reasoning': 'Extra reasoning, −b·cᵣ·log₁₀ 2',
  'parameter-space': 'Total: counting parameters',
};

interface Row { i: number; key: string; x1: number; x2: number; label: string; value: string; total: boolean; fill: string; title: string }

/** One panel of the waterfall: each row a label line (name left, value right), then its bar. */
function waterfallPanel(document: Document, width: number, rows: Row[], title: string, axisLabel: boolean): Element {
  const ends = rows.flatMap((b) => [b.x1, b.x2]).concat(0);
  let lo = Math.min(...ends);
  let hi = Math.max(...ends);
  if (hi - lo < 1) {
    lo -= 1;
    hi += 1;
  }
  const pad = (hi - lo) * 0.04;
  lo = lo < 0 ? lo - pad : lo;
  hi = hi > 0 ? hi + pad : hi;
  const rowH = 44;
  const n = rows.length;
  const at = (d: Row) => d.i - rows[0].i;
  const barTop = (d: Row) => at(d) + 0.48;
  const barBottom = (d: Row) => at(d) + 0.9;
  return plot({
    document,
    width,
    height: n * rowH + 40 + (axisLabel ? 16 : 0),
    marginLeft: 8,
    marginRight: VALUE_MARGIN,
    marginTop: 22,
    marginBottom: axisLabel ? 38 : 22,
    style: { background: 'transparent', color: 'var(--fg)' },
    x: {
      domain: [lo, hi], label: axisLabel ? 'log₁₀ odds, schemer : non-schemer (0 = even) →' : null, grid: true,
      ticks: Math.max(3, Math.floor(width / 110)), tickFormat: (d: number) => formatLogOdds(d).replace(/^\+/, ''),
    },
    y: { domain: [n, 0], axis: null },
    color: { type: 'identity' },
    marks: [
      text([title], { frameAnchor: 'top-left', dy: -16, textAnchor: 'start', text: (d: string) => d, fill: 'var(--muted)', fontSize: 11 }),
      // Zero (even odds) at each bar, not through the labels above them.
      ruleX(rows, { x: 0, y1: (d: Row) => barTop(d) - 0.06, y2: (d: Row) => barBottom(d) + 0.06, stroke: 'var(--fg)', strokeOpacity: 0.6 }),
      rect(rows, {
        x1: 'x1', x2: 'x2', y1: barTop, y2: barBottom, fill: 'fill',
        fillOpacity: (d: Row) => (d.total ? 1 : 0.85), title: 'title',
      }),
      // A tick at each bar's end, so a contribution too small to see as a bar still shows.
      ruleX(rows, { x: 'x2', y1: (d: Row) => barTop(d) - 0.04, y2: (d: Row) => barBottom(d) + 0.04, stroke: 'var(--fg)', strokeWidth: 1.5 }),
      ...[false, true].map((total) => text(rows.filter((d) => d.total === total), {
        y: (d: Row) => at(d) + 0.24, frameAnchor: 'left', textAnchor: 'start', text: 'label', fill: 'var(--fg)', fontSize: 12,
        fontWeight: total ? 'bold' : 'normal',
      })),
      // Values in the right margin, level with their bars, clear of every bar.
      text(rows, {
        y: (d: Row) => (barTop(d) + barBottom(d)) / 2, frameAnchor: 'right', textAnchor: 'end', dx: VALUE_MARGIN - 2,
        text: 'value', fill: 'var(--fg)', fontWeight: 'bold', fontSize: 12,
      }),
    ],
    ariaLabel: `${title}: contributions to the log odds of scheming`,
  });
}

export const view: WidgetView<typeof schema, Result> = {
  outputs(r: Result) {
    return [
      { name: 'goal-space', label: 'Counting goals: $\\log_{10}$ odds, schemer : non-schemer', value: r.log10GoalSpaceOdds, text: formatLogOdds(r.log10GoalSpaceOdds) },
      { name: 'parameter-space', label: 'Counting parameters: $\\log_{10}$ odds', value: r.log10ParameterSpaceOdds, text: formatLogOdds(r.log10ParameterSpaceOdds) },
      { name: 'probability', label: 'Probability of a schemer, counting parameters', value: r.probability, text: formatSchemingProbability(r) },
      { name: 'break-even', label: 'Extra parameters at which the odds are even', value: r.breakEvenExtra, text: formatNumber(r.breakEvenExtra, 3) },
    ];
  },

  chart(r: Result, _p: Params, { document, width }) {
    const rows = r.waterfall.map((b, i) => {
      const total = b.kind === 'total';
      return {
        i,
        key: b.key,
        x1: total ? 0 : b.from,
        x2: b.to,
        label: ROW_LABELS[b.key],
        value: formatLogOdds(b.value),
        total,
        fill: total ? (b.key === 'goal-space' ? 'var(--series-1)' : 'var(--series-2)') : b.value >= 0 ? 'var(--series-3)' : 'var(--series-4)',
        title: `${b.label}: ${formatLogOdds(b.value)} (log₁₀ odds${total ? '' : `, from ${formatLogOdds(b.from)} to ${formatLogOdds(b.to)}`})`,
      };
    });
    // Two panels, each on its own scale: counting goals (tens of log units) would be a sliver
    // beside the cost of pinned parameters (thousands).
    const box = document.createElement('div');
    box.className = 'gc-panels';
    const split = rows.findIndex((d) => d.key === 'goal-encoding');
    box.append(
      waterfallPanel(document, width, rows.slice(0, split), 'Counting goals', false),
      waterfallPanel(document, width, rows.slice(split), 'Then counting parameters, from that total', true),
    );
    return box;
  },

  sentence(r: Result) {
    const shift = r.log10ParameterSpaceOdds - r.log10GoalSpaceOdds;
    const than = Math.abs(shift) < 1e-9 ? 'the same as counting goals gives' : shift < 0 ? 'lower than counting goals alone suggests' : 'higher than counting goals alone suggests';
    return `Counting parameters, the chance that training finds a schemer is ${formatSchemingProbability(r)}, ${than}.`;
  },

  summary(r: Result, p: Params) {
    const cr = pinnedParameters(p.extra);
    const charges: string[] = [];
    if (r.goalBits > 0) charges.push(`${formatNumber(r.goalBits, 3)} bits to write the goal down`);
    if (cr > 0) charges.push(`${formatNumber(r.extraBits, 4)} bits for ${formatNumber(cr, 4)} parameters of extra reasoning`);
    const charged = charges.length ? `After charging ${charges.join(' and ')}, counting parameters gives` : 'With nothing charged, counting parameters also gives';
    return `Counting goals gives log₁₀ odds of ${formatLogOdds(r.log10GoalSpaceOdds)} for a schemer. ${charged} ` +
      `${formatLogOdds(r.log10ParameterSpaceOdds)}: a probability of ${formatSchemingProbability(r)}.`;
  },
};
