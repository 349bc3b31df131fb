// odds: log-odds bookkeeping. The chart is a horizontal waterfall on a log-odds axis labelled in
// probabilities: one row per step (the starting odds, then each adjustment), an arrow for each
// adjustment from the running total before it to the running total after it, and Carlsmith's
// ~25% (2023) and ~20% (2024) as reference lines. Equal adjustments are equal arrows, which is the
// point of working in log odds. Behind each adjustment's row a pale bar spans where its slider
// could take the running total, so the ledger at its defaults (every weight zero, no arrows yet)
// already shows how far each argument could move the answer.
import { arrow, dot, plot, ruleX, ruleY, text } from '@observablehq/plot';
import { schema, type Params, type Result } from '../../../src/models/odds';
export { model } from '../../../src/models/odds';
import type { WidgetView } from '../../../src/kit/view';
import { formatNumber, formatPercent, formatPow10, formatSigned, superscript } from '../../../src/core/format';

const ROW_LABELS: Record<string, string> = {
  prior: 'Start',
  counting: '+ Counting',
  simplicity: '+ Simplicity',
  speed: '+ Speed cost',
  path: '+ Path',
  payoff: '+ Payoff',
  evidence: '+ Evidence',
};

const logOdds = (p: number) => Math.log10(p / (1 - p));

/** A probability given by its log10 odds, readable at both ends: "25%", "0.3%", "2.0×10⁻⁷",
 * "99.7%", "1 − 2.0×10⁻⁷" (never "100%" or "0%", since the model never reaches either). */
export function formatProbability(log10Odds: number): string {
  if (!Number.isFinite(log10Odds)) return '–';
  if (log10Odds <= 0) {
    const p = 1 / (1 + Math.pow(10, -log10Odds));
    return formatPercent(p, 3);
  }
  // Work with the complement q = 1 − p, which is small and exact here.
  const log10q = -log10Odds - Math.log10(1 + Math.pow(10, -log10Odds));
  if (log10q < -5) return `1 − ${formatPow10(log10q, 2)}`;
  const qPct = Math.pow(10, log10q) * 100;
  const decimals = Math.max(0, -Math.floor(Math.log10(qPct)));
  return `${(100 - qPct).toFixed(decimals)}%`;
}

/** Odds as a ratio, schemer : non-schemer ("1 : 3", "2.5 : 1"). */
export function formatOdds(log10Odds: number): string {
  if (!Number.isFinite(log10Odds)) return '–';
  // No-break spaces keep a ratio on one line.
  return log10Odds < 0 ? `1\u00a0:\u00a0${formatNumber(Math.pow(10, -log10Odds), 3)}` : `${formatNumber(Math.pow(10, log10Odds), 3)}\u00a0:\u00a01`;
}

/** The factor an adjustment multiplies the odds by, in words. */
export function describeFactor(delta: number): string {
  if (!Number.isFinite(delta) || Math.abs(delta) < 1e-9) return 'no change';
  const factor = formatNumber(Math.pow(10, Math.abs(delta)), 3);
  return delta > 0 ? `odds × ${factor}, towards scheming` : `odds ÷ ${factor}, against scheming`;
}

/** Axis tick labels for a probability on the log-odds axis. */
function tickLabel(p: number): string {
  if (p >= 0.01 && p <= 0.99) return `${Number((p * 100).toPrecision(2))}%`;
  if (p < 0.01) {
    const e = Math.round(Math.log10(p));
    return e >= -3 ? `${Number((p * 100).toPrecision(1))}%` : `10${superscript(e)}`;
  }
  const e = Math.round(Math.log10(1 - p));
  return e >= -3 ? `${Number((p * 100).toFixed(-e - 2 + 1))}%` : `1−10${superscript(e)}`;
}

/** Candidate ticks in order of preference; the chart keeps those that fit without crowding. */
const TICKS = [0.5, 0.1, 0.9, 0.01, 0.99, 0.25, 0.75, 0.001, 0.999,
  ...Array.from({ length: 11 }, (_, i) => [10 ** -(i + 4), 1 - 10 ** -(i + 4)]).flat(), 0.05, 0.95];

function chooseTicks(lo: number, hi: number, plotWidth: number): number[] {
  const pxPerUnit = plotWidth / (hi - lo);
  const chosen: number[] = [];
  for (const p of TICKS) {
    const x = logOdds(p);
    if (!Number.isFinite(x) || x < lo || x > hi) continue;
    if (chosen.every((c) => Math.abs(c - x) * pxPerUnit >= 46)) chosen.push(x);
  }
  return chosen.sort((a, b) => a - b);
}

/** A probability against Carlsmith's two estimates (~25% in 2023, ~20% in 2024). */
function againstCarlsmith(p: number): '2023' | '2024' | 'above' | 'between' | 'below' {
  if (Math.abs(p - 0.25) < 0.005) return '2023';
  if (Math.abs(p - 0.2) < 0.005) return '2024';
  return p > 0.25 ? 'above' : p > 0.2 ? 'between' : 'below';
}

export const view: WidgetView<typeof schema, Result> = {
  outputs(r: Result) {
    return [
      { name: 'probability', label: 'Your probability of scheming', value: r.probability, text: formatProbability(r.log10Odds) },
      { name: 'odds', label: 'Odds, schemer : non-schemer', value: Math.pow(10, r.log10Odds), text: formatOdds(r.log10Odds) },
      { name: 'log-odds', label: '$\\log_{10}$ odds (prior + adjustments)', value: r.log10Odds, text: formatSigned(r.log10Odds, 3) },
    ];
  },

  chart(r: Result, _p: Params, { document, width }) {
    const rows = r.steps.map((s, i) => ({
      ...s,
      row: ROW_LABELS[s.id] ?? s.label,
      before: i === 0 ? s.log10Odds : r.steps[i - 1].log10Odds,
      showText: i === 0 || i === r.steps.length - 1 || Math.abs(s.delta) > 1e-9,
    }));
    const reach = rows.filter((d) => d.id !== 'prior' && d.id in schema).map((d) => {
      const { min, max } = schema[d.id as keyof typeof schema];
      return { row: d.row, from: d.before + min, to: d.before + max };
    });
    const values = [...rows.map((d) => d.log10Odds), ...r.marks.map((m) => m.log10Odds), ...reach.flatMap((d) => [d.from, d.to])];
    const lo = Math.min(-2, Math.min(...values) - 0.3);
    const hi = Math.max(1, Math.max(...values) + 0.3);
    const marginLeft = 92;
    const marginRight = 16;
    const ticks = chooseTicks(lo, hi, width - marginLeft - marginRight);
    const moves = rows.filter((d) => d.id !== 'prior' && Math.abs(d.delta) > 1e-9);
    const [m2023, m2024] = r.marks;
    return plot({
      document,
      width,
      height: 60 + rows.length * 34,
      marginLeft,
      marginRight,
      marginTop: 34,
      marginBottom: 40,
      style: { background: 'transparent', color: 'var(--fg)', fontSize: '12px' },
      x: {
        domain: [lo, hi], ticks, tickFormat: (x: number) => tickLabel(1 / (1 + Math.pow(10, -x))),
        label: 'Probability of scheming (log-odds scale) →', labelAnchor: 'right', grid: true,
      },
      y: { domain: rows.map((d) => d.row), label: null, tickSize: 0 },
      marks: [
        ruleY(reach, { y: 'row', x1: 'from', x2: 'to', stroke: 'var(--rule)', strokeWidth: 8, strokeLinecap: 'round' }),
        ruleX([m2024.log10Odds], { stroke: 'var(--series-3)', strokeWidth: 1.5, strokeDasharray: '2 3' }),
        ruleX([m2023.log10Odds], { stroke: 'var(--series-4)', strokeWidth: 1.5, strokeDasharray: '6 3' }),
        text([m2024], { x: 'log10Odds', frameAnchor: 'top', dy: -18, text: () => '~20% (2024)', textAnchor: 'end', dx: -3, fill: 'var(--fg)' }),
        text([m2023], { x: 'log10Odds', frameAnchor: 'top', dy: -18, text: () => '~25% (2023)', textAnchor: 'start', dx: 3, fill: 'var(--fg)' }),
        arrow(moves, {
          x1: 'before', x2: 'log10Odds', y: 'row', bend: 0, headLength: 7, strokeWidth: 2.5, insetEnd: 4,
          stroke: (d: { delta: number }) => (d.delta > 0 ? 'var(--series-2)' : 'var(--series-1)'),
        }),
        dot(rows, { x: 'log10Odds', y: 'row', r: 4.5, fill: 'var(--fg)', stroke: 'var(--bg)', strokeWidth: 1.5 }),
        // Each value beside its dot, on the side the row's arrow does not come from.
        ...([1, -1] as const).map((side) => text(rows.filter((d) => d.showText && (d.delta < -1e-9 && d.id !== 'prior' ? -1 : 1) === side), {
          x: 'log10Odds', y: 'row', dx: 9 * side, textAnchor: side > 0 ? 'start' : 'end', text: (d: { log10Odds: number }) => formatProbability(d.log10Odds),
          fill: 'var(--fg)', fontWeight: 'bold', stroke: 'var(--bg)', strokeWidth: 3, paintOrder: 'stroke',
        })),
      ],
      ariaLabel: 'The probability of scheming after the starting odds and after each adjustment, on a log-odds scale, with how far each adjustment could move it, and Carlsmith’s ~25% and ~20% marked',
    });
  },

  sentence(r: Result) {
    const compare = {
      2023: 'Carlsmith’s 2023 estimate', 2024: 'Carlsmith’s later estimate', above: 'above both of Carlsmith’s estimates',
      between: 'between Carlsmith’s two estimates', below: 'below both of Carlsmith’s estimates',
    }[againstCarlsmith(r.probability)];
    return `Your bookkeeping puts the chance of a schemer at ${formatProbability(r.log10Odds)}, ${compare}.`;
  },

  summary(r: Result) {
    const start = r.steps[0];
    const moved = r.steps.slice(1).filter((s) => Math.abs(s.delta) > 1e-9);
    const opening = `Starting odds of ${formatOdds(start.log10Odds)} (${formatProbability(start.log10Odds)})`;
    const middle = moved.length === 0
      ? ', with every adjustment at zero, give'
      : `, adjusted by ${moved.map((s) => `${formatSigned(s.delta, 3)} for ${s.label.toLowerCase()}`).join(', ')} (log₁₀ odds), give`;
    const end = ` ${formatProbability(r.log10Odds)} (odds ${formatOdds(r.log10Odds)}).`;
    const compare = {
      2023: ' That is Carlsmith’s 2023 estimate, ~25%.', 2024: ' That is Carlsmith’s later ~20%.',
      above: ' That is above both of Carlsmith’s estimates (~25% in 2023, ~20% in 2024).',
      between: ' That lies between Carlsmith’s ~25% (2023) and ~20% (2024).',
      below: ' That is below both of Carlsmith’s estimates (~25% in 2023, ~20% in 2024).',
    }[againstCarlsmith(r.probability)];
    return `${opening}${middle}${end}${compare} The pale bar on each adjustment’s row spans where its weight could take the total, a factor of 100 either way.`;
  },
};
