// "Copy as Markdown": a widget's setting as one Markdown link a forum accepts as is, e.g.
// [Counting Schemers §2.4 Counting exactly — tiny-nets, n = 4, h = 2, target function x0:
// Chance it is the target, counting parameters = 72.0%](URL). Pure: the controller gathers the
// parts from the page.
import { formatValue, type Param, type Schema, type Values } from '../core/schema';

export interface CitationParts {
  /** The essay's title. */
  essay: string;
  /** The section the figure sits in: its § number (null on unnumbered pages) and title. */
  section?: { number: string | null; title: string };
  widget: string;
  /** The settings that differ from the defaults, as `name = value` or `name value`. */
  settings: string[];
  /** The headline results, as shown. */
  numbers: { label: string; text: string }[];
  url: string;
}

/** A trailing math symbol in a label ("Discount γ", "Honest half-width a_h", "Residual blocks n"). */
const SYMBOL = /\s((?:[A-Za-z]|[\u0370-\u03ff])(?:_[A-Za-z0-9]+|[0-9])?)$/u;

const withoutAsides = (label: string) => label.replace(/\s*\([^)]*\)/g, '').trim();

/** One setting, readable: `n = 4` for a parameter named by a symbol, `target function x0` otherwise. */
export function describeSetting(p: Param, value: unknown): string {
  let text: string;
  if (p.kind === 'choice') text = p.options.find((o) => o.value === value)?.label ?? String(value);
  else if (p.kind === 'boolean') text = value ? 'on' : 'off';
  else if (p.kind === 'number') text = formatValue(p, value as number) + (p.unit && typeof value === 'number' ? ` ${p.unit}` : '');
  else text = String(value);
  const label = withoutAsides(p.label);
  const symbol = label.match(SYMBOL)?.[1];
  if (symbol) return `${symbol} = ${text}`;
  const name = label.replace(/,.*$/, '');
  return `${name.charAt(0).toLowerCase()}${name.slice(1)} ${text}`;
}

/** The settings that differ from the defaults, in the schema's order. */
export function changedSettings<S extends Schema>(schema: S, values: Values<S>, defaults: Values<S>): string[] {
  return Object.entries(schema)
    .filter(([name, p]) => formatValue(p, values[name]) !== formatValue(p, defaults[name]))
    .map(([name, p]) => describeSetting(p, values[name]));
}

/** A result's label, shortened: no asides in parentheses, and the lead before a colon
 * ("Speed cost: loss from the lost depth" → "Speed cost"). */
export function shortOutputLabel(label: string): string {
  const lead = label.match(/^(.*?\S): /)?.[1];
  return withoutAsides(lead ?? label);
}

/** Markdown link text: no brackets, emphasis or HTML can escape it, on one line. */
const escapeText = (s: string) => s.replace(/\s+/g, ' ').replace(/([\\[\]*<>`])/g, '\\$1');
/** A link destination: characters that would end or break it are percent-encoded. */
const escapeUrl = (s: string) => s.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

export function citationMarkdown(parts: CitationParts): string {
  const where = parts.section
    ? parts.section.number ? ` §${parts.section.number} ${parts.section.title}` : `, ${parts.section.title}`
    : '';
  const setting = [parts.widget, ...parts.settings].join(', ');
  const numbers = parts.numbers.map((n) => `${n.label} = ${n.text}`).join('; ');
  const text = `${parts.essay}${where} — ${setting}${numbers ? `: ${numbers}` : ''}`;
  return `[${escapeText(text)}](${escapeUrl(parts.url)})`;
}
