// goal-count: counting goals vs counting parameters, as a horizontal waterfall of log10 odds.
// Contributions can span millions of log10 units (10^6 pinned parameters at 32 bits), so the
// chart uses a linear axis for honesty and prints every contribution as text beside its bar:
// the numbers stay readable even when a bar is too thin to see.
import { plot, rect, ruleX, text } from '@observablehq/plot';
import type { Params, Result, WaterfallBar, schema } from '../../../src/models/goal-count';
export { model } from '../../../src/models/goal-count';
import { presets, pinnedParameters, type Preset } from '../../../src/models/goal-count';
import { formatValue } from '../../../src/lib/schema';
import { schema as goalSchema } from '../../../src/models/goal-count';
import type { WidgetView } from '../../../src/lib/widgets/view';
import { formatLog10Probability, formatNumber, formatPow10, formatSigned, grouped } from '../../../src/lib/format';

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
  multiplicity: 'Schemer goals, +log10 M',
  honest: 'Non-schemer variants, −log10 M_h',
  'goal-space': 'Total: counting goals',
  'goal-encoding': 'Writing the goal down',
  'extra-reasoning': 'Extra reasoning, −bits·c_r·log10 2',
  'parameter-space': 'Total: counting parameters',
};

export const view: WidgetView<typeof schema, Result> = {
  outputs(r: Result) {
    return [
      { name: 'goal-space', label: 'Counting goals: log10 odds, schemer : non-schemer', value: r.log10GoalSpaceOdds, text: formatLogOdds(r.log10GoalSpaceOdds) },
      { name: 'parameter-space', label: 'Counting parameters: log10 odds', value: r.log10ParameterSpaceOdds, text: formatLogOdds(r.log10ParameterSpaceOdds) },
      { name: 'probability', label: 'Probability of a schemer, counting parameters', value: r.probability, text: formatSchemingProbability(r) },
      { name: 'break-even', label: 'Extra parameters at which the odds are even', value: r.breakEvenExtra, text: formatNumber(r.breakEvenExtra, 3) },
    ];
  },

  chart(r: Result, _p: Params, { document, width }) {
    const bars = r.waterfall;
    const ends = bars.flatMap((b) => [b.from, b.to]).concat(0);
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
    const rows = bars.map((b, i) => {
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
        title: `${b.label}: ${formatLogOdds(b.value)} (log10 odds${total ? '' : `, from ${formatLogOdds(b.from)} to ${formatLogOdds(b.to)}`})`,
      };
    });
    // Each row: a label line (name left, value right), then the bar beneath it.
    const barTop = (i: number) => i + 0.48;
    const barBottom = (i: number) => i + 0.9;
    const connectors = rows.slice(0, -1).map((row, i) => ({ x: row.x2, y1: barBottom(i), y2: barTop(i + 1) }));
    return plot({
      document,
      width,
      height: rows.length * rowH + 44,
      marginLeft: 8,
      marginRight: VALUE_MARGIN,
      marginTop: 6,
      marginBottom: 38,
      style: { background: 'transparent', color: 'var(--fg)' },
      x: { domain: [lo, hi], label: 'log10 odds, schemer : non-schemer (0 = even) →', grid: true, ticks: Math.max(3, Math.floor(width / 110)) },
      y: { domain: [rows.length, 0], axis: null },
      color: { type: 'identity' },
      marks: [
        ruleX([0], { stroke: 'var(--fg)', strokeOpacity: 0.6 }),
        ruleX(connectors, { x: 'x', y1: 'y1', y2: 'y2', stroke: 'var(--muted)', strokeDasharray: '3,3' }),
        rect(rows, {
          x1: 'x1', x2: 'x2', y1: (d) => barTop(d.i), y2: (d) => barBottom(d.i), fill: 'fill',
          fillOpacity: (d) => (d.total ? 1 : 0.85), title: 'title',
        }),
        // A tick at each bar's end, so a contribution too small to see as a bar still shows.
        ruleX(rows, { x: 'x2', y1: (d) => barTop(d.i) - 0.04, y2: (d) => barBottom(d.i) + 0.04, stroke: 'var(--fg)', strokeWidth: 1.5 }),
        text(rows.filter((d) => !d.total), { y: (d) => d.i + 0.24, frameAnchor: 'left', textAnchor: 'start', text: 'label', fill: 'var(--fg)', fontSize: 12 }),
        text(rows.filter((d) => d.total), { y: (d) => d.i + 0.24, frameAnchor: 'left', textAnchor: 'start', text: 'label', fill: 'var(--fg)', fontSize: 12, fontWeight: 'bold' }),
        // Values in the right margin, level with their bars, clear of every bar.
        text(rows, {
          y: (d) => (barTop(d.i) + barBottom(d.i)) / 2, frameAnchor: 'right', textAnchor: 'end', dx: VALUE_MARGIN - 2,
          text: 'value', fill: 'var(--fg)', fontWeight: 'bold', fontSize: 12,
        }),
      ],
      ariaLabel: 'Waterfall of contributions to the log odds of scheming, from counting goals to counting parameters',
    });
  },

  summary(r: Result, p: Params) {
    const cr = pinnedParameters(p.extra);
    const charges: string[] = [];
    if (r.goalBits > 0) charges.push(`${formatNumber(r.goalBits, 3)} bits to write the goal down`);
    if (cr > 0) charges.push(`${formatNumber(r.extraBits, 4)} bits for ${formatNumber(cr, 4)} parameters of extra reasoning`);
    const charged = charges.length ? `After charging ${charges.join(' and ')}, counting parameters gives` : 'With nothing charged, counting parameters also gives';
    return `Counting goals gives log10 odds of ${formatLogOdds(r.log10GoalSpaceOdds)} for a schemer. ${charged} ` +
      `${formatLogOdds(r.log10ParameterSpaceOdds)}: a probability of ${formatSchemingProbability(r)}.`;
  },
};
