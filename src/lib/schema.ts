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
  /** 'log' means the slider moves the value geometrically (min must be > 0). */
  scale?: 'linear' | 'log';
  /** Extra non-numeric tokens accepted in place of a number, e.g. 'unlimited'. */
  special?: readonly string[];
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
      if (text === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text))
        return fallback('the link’s value is not a number');
      const v = Number(text);
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

/** Canonical URL text for a value. */
export function formatValue(p: Param, v: Value): string {
  if (p.kind === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') return String(Number(v.toPrecision(12)));
  return String(v);
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

/** Slider position (0…1000) ↔ value, honouring log scales. */
export const SLIDER_STEPS = 1000;
export function toSlider(p: NumberParam, v: number): number {
  if (p.scale === 'log') {
    const t = (Math.log(v) - Math.log(p.min)) / (Math.log(p.max) - Math.log(p.min));
    return Math.round(t * SLIDER_STEPS);
  }
  return v;
}
export function fromSlider(p: NumberParam, s: number): number {
  if (p.scale === 'log') {
    const v = Math.exp(Math.log(p.min) + (s / SLIDER_STEPS) * (Math.log(p.max) - Math.log(p.min)));
    return clampNumber(p, Number(v.toPrecision(3)));
  }
  return clampNumber(p, s);
}
