// Parameter schemas: the single source of truth for a widget's controls, URL state,
// validation and property tests. Pure TypeScript, no DOM.
import { plainLabel } from './format';

export interface NumberParam {
  kind: 'number';
  label: string;
  min: number;
  max: number;
  default: number;
  /** Slider granularity. Integers use step 1. */
  step?: number;
  integer?: boolean;
  /** 'log' means the slider moves the value geometrically (with min 0, it moves log(1 + value)). */
  scale?: 'linear' | 'log';
  /** How the field shows the value to a reader (the URL keeps the plain number): 'odds' for a log10
   * odds shown as "1 : 3", 'one-in' for a small chance shown as "1 in 10⁶". */
  display?: 'odds' | 'one-in';
  /** Extra non-numeric tokens accepted in place of a number, e.g. 'unlimited'. */
  special?: readonly string[];
  /** What the checkbox for each special token says, when the token alone would not (e.g. '0'). */
  specialLabels?: Readonly<Record<string, string>>;
  unit?: string;
  help?: string;
}

export interface ChoiceParam {
  kind: 'choice';
  label: string;
  options: readonly { value: string; label: string }[];
  default: string;
  help?: string;
}

export interface BooleanParam {
  kind: 'boolean';
  label: string;
  default: boolean;
  help?: string;
}

/** Free text with its own validator (e.g. a list of point indices). `parse` returns the canonical
 * string, or null when the text is invalid. */
export interface TextParam {
  kind: 'text';
  label: string;
  default: string;
  maxLength: number;
  parse: (raw: string) => string | null;
  help?: string;
}

export type Param = NumberParam | ChoiceParam | BooleanParam | TextParam;
export type Schema = Record<string, Param>;

type SpecialOf<P> = P extends { special: readonly (infer T)[] } ? T : never;
export type ValueOf<P extends Param> = P extends NumberParam
  ? number | SpecialOf<P>
  : P extends ChoiceParam
    ? string
    : P extends BooleanParam
      ? boolean
      : string;
export type Values<S extends Schema> = { [K in keyof S]: ValueOf<S[K]> };
export type Value = number | string | boolean;

export interface Note {
  param: string;
  message: string;
}

/** A widget model: its schema, an optional cross-parameter normaliser, and the computation. */
export interface Model<S extends Schema, R> {
  id: string;
  schema: S;
  /** Make a set of individually valid values consistent (e.g. from ≤ to). `changed` names the
   * parameter the reader just set, so the normaliser can move the other one. Returns notes for
   * every change it makes. */
  normalize?: (values: Values<S>, changed?: string) => { values: Values<S>; notes: Note[] };
  compute: (values: Values<S>) => R;
}

export function defaults<S extends Schema>(schema: S): Values<S> {
  const out: Record<string, Value> = {};
  for (const [name, p] of Object.entries(schema)) out[name] = p.default;
  return out as Values<S>;
}

const MAX_RAW_LENGTH = 200;

export function clampNumber(p: NumberParam, v: number): number {
  let x = Math.min(p.max, Math.max(p.min, v));
  if (p.integer) x = Math.round(x);
  return x;
}

/** Parse one raw URL value against its parameter. Never throws. */
export function parseValue(
  name: string,
  p: Param,
  raw: string | null,
): { value: Value; note?: Note } {
  if (raw === null) return { value: p.default };
  const fallback = (why: string) => ({
    value: p.default,
    note: { param: name, message: `${plainLabel(p.label)}: ${why}; using the default.` },
  });
  if (raw.length > MAX_RAW_LENGTH) return fallback('value too long');
  const text = raw.trim();
  switch (p.kind) {
    case 'number': {
      if (p.special?.includes(text)) return { value: text };
      const v = readNumber(text, p.display === 'odds');
      if (v === null) return fallback('the link’s value is not a number');
      if (!Number.isFinite(v)) return fallback('the link’s value is not a finite number');
      const c = clampNumber(p, v);
      if (c !== v) {
        const outside = v < p.min || v > p.max;
        return {
          value: c,
          note: {
            param: name,
            message: outside
              ? `${plainLabel(p.label)}: the value is outside ${p.min} … ${p.max}; using ${c}.`
              : `${plainLabel(p.label)}: the value must be a whole number; using ${c}.`,
          },
        };
      }
      return { value: v };
    }
    case 'choice': {
      const ok = p.options.some((o) => o.value === text);
      return ok ? { value: text } : fallback('the link’s value is not one of the options');
    }
    case 'boolean': {
      if (text === '1' || text === 'true') return { value: true };
      if (text === '0' || text === 'false') return { value: false };
      return fallback('the link’s value is not true or false');
    }
    case 'text': {
      if (text.length > p.maxLength) return fallback('value too long');
      const parsed = p.parse(text);
      return parsed === null ? fallback('the link’s value is not valid') : { value: parsed };
    }
  }
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A number as a reader may type it or a field shows it: a decimal (`0.001`, `1e11`), a power of
 * ten (`10^11`, `10¹¹`, `2.5×10⁻⁶`, `2.5*10^-6`), a percentage (`25%`), a chance (`1 in 10^6`) or,
 * when `odds` is set (for a log10 odds), odds (`1 : 3`, `25%`) read as their log10. Thousands
 * separators (`10,000`) and the typographic minus are accepted. Null for anything else; the result may
 * still be infinite (`1e999`), which the caller rejects. */
export function readNumber(raw: string, odds = false): number | null {
  const text = raw
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/([⁻⁺]?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/g, (_, sign: string, d: string) => `^${sign === '⁻' ? '-' : ''}${[...d].map((c) => SUPERSCRIPTS.indexOf(c)).join('')}`)
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (DECIMAL.test(text)) return Number(text);
  const power = /^(?:([-+]?(?:\d+\.?\d*|\.\d+)) ?[×x*·] ?|([-+]))?10 ?\^ ?([-+]?\d+(?:\.\d+)?)$/i.exec(text);
  if (power) {
    const mantissa = power[1] ?? (power[2] === '-' ? '-1' : '1');
    // "2.51e11" rather than 2.51 × 10¹¹, which rounds to 250999999999.99997.
    return Number.isInteger(Number(power[3])) ? Number(`${mantissa}e${power[3]}`) : Number(mantissa) * 10 ** Number(power[3]);
  }
  const percent = /^(.+?) ?%$/.exec(text);
  if (percent) {
    const share = readNumber(percent[1]);
    if (share === null) return null;
    const p = share / 100;
    if (!odds) return p;
    return p > 0 && p < 1 ? Math.log10(p / (1 - p)) : null;
  }
  const chance = /^1 ?in ?(.+)$/i.exec(text);
  if (chance && !odds) {
    const n = readNumber(chance[1]);
    return n !== null && n > 0 ? 1 / n : null;
  }
  const ratio = /^([^:]+?) ?: ?([^:]+)$/.exec(text);
  if (ratio && odds) {
    const a = readNumber(ratio[1]);
    const b = readNumber(ratio[2]);
    return a !== null && b !== null && a > 0 && b > 0 ? Math.log10(a / b) : null;
  }
  return null;
}

/** Canonical URL text for a value. */
export function formatValue(p: Param, v: Value): string {
  if (p.kind === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') return String(Number(v.toPrecision(12)));
  return String(v);
}

const SUP_DIGITS = (n: number) => String(n).replace(/-/g, '⁻').replace(/\d/g, (d) => SUPERSCRIPTS[Number(d)]);
const GROUPED = [3, 6].map((d) => new Intl.NumberFormat('en-US', { maximumSignificantDigits: d }));

/** A positive number for a reader, to 6 significant digits (or 3, for a reciprocal that is not
 * exact anyway): 3, 2.82, 1,000, 10⁶, 2.5×10⁻⁶. */
function readable(x: number, digits: 3 | 6 = 6): string {
  // A whole number with more digits than a power of ten can show, e.g. 1,234,567, is written out.
  const exact = Number.isInteger(x) && x < 1e9 && Number(x.toPrecision(digits)) !== x;
  if ((x >= 1e5 && !exact) || x < 1e-3) {
    let e = Math.floor(Math.log10(x));
    let m = Number((x / 10 ** e).toPrecision(digits));
    if (m >= 10) [m, e] = [Number((m / 10).toPrecision(digits)), e + 1];
    return m === 1 ? `10${SUP_DIGITS(e)}` : `${m}×10${SUP_DIGITS(e)}`;
  }
  return exact ? x.toLocaleString('en-US') : GROUPED[digits === 3 ? 0 : 1].format(x);
}

/** What a parameter's text field shows a reader. The URL keeps formatValue's plain number; this
 * is the same value written to be read, and readNumber (parseValue) reads every form back: powers
 * of ten on log scales with a wide range (10¹¹), odds (1 : 3), chances (1 in 10⁶). */
export function displayValue(p: Param, v: Value): string {
  if (p.kind !== 'number' || typeof v !== 'number' || !Number.isFinite(v)) return formatValue(p, v);
  if (p.display === 'odds') {
    const odds = 10 ** v;
    return odds >= 1 ? `${readable(odds, 3)} : 1` : `1 : ${readable(1 / odds, 3)}`;
  }
  if (p.display === 'one-in' && v > 0 && v < 1) return `1 in ${readable(1 / v, 3)}`;
  if (p.scale === 'log' && v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) return (v < 0 ? '−' : '') + readable(Math.abs(v));
  return formatValue(p, v);
}

/** A text field's width in characters: enough for the longest value it shows over the range. */
export function fieldSize(p: NumberParam): number {
  const samples = [p.min, p.max, p.default, (p.min + p.max) / 2];
  if (p.scale === 'log' || p.display) for (let s = 0; s <= SLIDER_STEPS; s++) samples.push(fromSlider(p, s));
  const longest = Math.max(...samples.map((v) => displayValue(p, v).length), ...(p.special ?? []).map((t) => t.length));
  return Math.max(4, longest + 1);
}

/** Read a widget's state from URL search params (`WIDGET.PARAM=VALUE`). */
export function readState<S extends Schema>(
  model: Pick<Model<S, unknown>, 'id' | 'schema' | 'normalize'>,
  search: URLSearchParams,
): { values: Values<S>; notes: Note[] } {
  const values: Record<string, Value> = {};
  const notes: Note[] = [];
  for (const [name, p] of Object.entries(model.schema)) {
    const r = parseValue(name, p, search.get(`${model.id}.${name}`));
    values[name] = r.value;
    if (r.note) notes.push(r.note);
  }
  let result = values as Values<S>;
  if (model.normalize) {
    const n = model.normalize(result);
    result = n.values;
    notes.push(...n.notes);
  }
  return { values: result, notes };
}

/** Write a widget's non-default values into search params (defaults are omitted). */
export function writeState<S extends Schema>(
  model: Pick<Model<S, unknown>, 'id' | 'schema'>,
  values: Values<S>,
  search: URLSearchParams,
): void {
  for (const [name, p] of Object.entries(model.schema)) {
    const key = `${model.id}.${name}`;
    const v = values[name] as Value;
    if (formatValue(p, v) === formatValue(p, p.default)) search.delete(key);
    else search.set(key, formatValue(p, v));
  }
}

/** Slider position (0…1000) ↔ value, honouring log scales (from 0, a log scale moves log(1 + value)). */
export const SLIDER_STEPS = 1000;
const logOf = (p: NumberParam, v: number) => (p.min > 0 ? Math.log(v) : Math.log1p(v));
export function toSlider(p: NumberParam, v: number): number {
  if (p.scale === 'log') {
    const t = (logOf(p, v) - logOf(p, p.min)) / (logOf(p, p.max) - logOf(p, p.min));
    return Math.round(t * SLIDER_STEPS);
  }
  return v;
}
/** A log slider's step s stands for every value that rounds to it; of those it takes the default
 * if it is one, else the one with the fewest significant digits (up to three): 0.3, not 0.299, so
 * a reader who steps away and back returns to the value they left, and the field and the address
 * show round numbers. */
export function fromSlider(p: NumberParam, s: number): number {
  if (p.scale === 'log') {
    const at = (x: number) => {
      const l = logOf(p, p.min) + (x / SLIDER_STEPS) * (logOf(p, p.max) - logOf(p, p.min));
      return p.min > 0 ? Math.exp(l) : Math.expm1(l);
    };
    const v = at(s);
    const [lo, hi] = [at(s - 0.5), at(s + 0.5)];
    if (typeof p.default === 'number' && p.default >= lo && p.default < hi) return p.default;
    for (let digits = 1; digits < 3; digits++) {
      const short = Number(v.toPrecision(digits));
      if (short >= lo && short < hi) return clampNumber(p, short);
    }
    return clampNumber(p, Number(v.toPrecision(3)));
  }
  return clampNumber(p, s);
}
