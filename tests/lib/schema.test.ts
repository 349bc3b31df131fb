import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaults, displayValue, fieldSize, fromSlider, parseValue, readNumber, readState, toSlider, writeState, type NumberParam, type Schema } from '../../src/core/schema';
import { model as residual } from '../../src/models/residual-paths';
import { catalogSchemas } from '../support/schemas';

const logParam: NumberParam = { kind: 'number', label: 'x', min: 1e-6, max: 1, default: 0.01, scale: 'log' };
const intParam: NumberParam = { kind: 'number', label: 'n', min: 1, max: 200, default: 54, integer: true, special: ['unlimited'] };

describe('parseValue', () => {
  it('accepts valid numbers, specials and choices unchanged, without a note', () => {
    expect(parseValue('n', intParam, '12')).toEqual({ value: 12 });
    expect(parseValue('n', intParam, 'unlimited')).toEqual({ value: 'unlimited' });
    expect(parseValue('x', logParam, '1e-3')).toEqual({ value: 0.001 });
  });

  it('clamps out-of-range and rounds non-integers, with a note', () => {
    expect(parseValue('n', intParam, '999').value).toBe(200);
    expect(parseValue('n', intParam, '-5').value).toBe(1);
    expect(parseValue('n', intParam, '2.6')).toMatchObject({ value: 3, note: { param: 'n' } });
  });

  it('falls back to the default for anything hostile, never echoing it', () => {
    const hostile = ['NaN', 'Infinity', '-Infinity', '1e999', '', '  ', 'abc', '0x10', '<img src=x onerror=alert(1)>', '"><script>', 'x'.repeat(5000)];
    for (const raw of hostile) {
      const r = parseValue('n', intParam, raw);
      expect(r.value, raw).toBe(54);
      expect(r.note?.message, raw).toBeTypeOf('string');
      expect(r.note!.message).not.toContain('<');
      expect(r.note!.message).not.toContain(raw.length > 3 ? raw : '\u0000');
    }
  });

  it('never throws and always returns an in-range value for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const v = parseValue('n', intParam, raw).value;
        expect(v === 'unlimited' || (typeof v === 'number' && v >= 1 && v <= 200 && Number.isInteger(v))).toBe(true);
      }),
    );
  });
});

describe('URL state', () => {
  it('round-trips any valid state and omits defaults', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (blocks, decay) => {
        const values = { ...defaults(residual.schema), blocks, decay: Number(decay.toPrecision(6)), from: 0, to: blocks };
        const search = new URLSearchParams('other.widget=1');
        writeState(residual, values, search);
        expect(search.get('other.widget')).toBe('1');
        expect(readState(residual, search).values).toEqual(values);
      }),
    );
    const search = new URLSearchParams();
    writeState(residual, defaults(residual.schema), search);
    expect(search.toString()).toBe('');
  });

  it('reports a note per invalid parameter and applies the normaliser', () => {
    const { values, notes } = readState(residual, new URLSearchParams('residual-paths.blocks=abc&residual-paths.from=40&residual-paths.to=30'));
    expect(values.blocks).toBe(54);
    expect(values.from).toBe(30);
    expect(notes.map((n) => n.param)).toEqual(['blocks', 'from']);
  });
});

describe('log sliders', () => {
  const logParams = Object.entries(catalogSchemas()).flatMap(([id, schema]) =>
    Object.entries(schema).flatMap(([name, p]) => (p.kind === 'number' && p.scale === 'log' ? [[`${id}.${name}`, p] as const] : [])));

  it('show each step as its shortest value, so stepping away and back returns to a round default', () => {
    expect(logParams.length).toBeGreaterThan(5);
    for (const [name, p] of logParams) {
      // A slider step onto the default shows the default.
      expect(fromSlider(p, toSlider(p, p.default as number)), name).toBe(p.default);
      let last = -Infinity;
      for (let s = 0; s <= 1000; s++) {
        const v = fromSlider(p, s);
        expect(v, `${name} rises with the slider, at step ${s}`).toBeGreaterThanOrEqual(last);
        last = v;
        // The value a step shows leads back to a step that shows it (near a power of ten, where
        // three digits are coarser than a step, two steps can share one value).
        expect(fromSlider(p, toSlider(p, v)), `${name} at step ${s}`).toBe(v);
        expect(Number(v.toPrecision(3)), name).toBe(v);
      }
    }
    expect(fromSlider(logParam, toSlider(logParam, 0.3))).toBe(0.3);
  });

  it('map the ends to the range ends and are monotone', () => {
    expect(fromSlider(logParam, 0)).toBeCloseTo(1e-6, 12);
    expect(fromSlider(logParam, 1000)).toBe(1);
    let last = 0;
    for (let s = 0; s <= 1000; s += 50) {
      const v = fromSlider(logParam, s);
      expect(v).toBeGreaterThan(last);
      last = v;
      expect(Math.abs(toSlider(logParam, v) - s)).toBeLessThanOrEqual(3);
    }
  });
});

const _typecheck: Schema = residual.schema;
void _typecheck;

describe('numbers as a reader types and reads them', () => {
  const size: NumberParam = { kind: 'number', label: 'Model size N', min: 1e6, max: 1e13, default: 1e11, scale: 'log' };
  const chance: NumberParam = { kind: 'number', label: 'q', min: 1e-8, max: 0.1, default: 1e-6, scale: 'log', display: 'one-in' };
  const odds: NumberParam = { kind: 'number', label: 'Starting odds', min: -4, max: 4, default: Math.log10(1 / 3), step: 0.05, display: 'odds' };
  const count: NumberParam = { kind: 'number', label: 'examples', min: 0, max: 1e12, default: 992, integer: true, scale: 'log' };

  it('reads powers of ten, chances, percentages and odds in every written form', () => {
    for (const t of ['10^11', '1e11', '1E11', '10¹¹', '10 ^ 11', '100000000000', '100,000,000,000', '1×10¹¹', '1 x 10^11', '1*10^11']) expect(readNumber(t), t).toBe(1e11);
    expect(readNumber('2.51×10¹¹')).toBe(2.51e11);
    expect(readNumber('2.5×10⁻⁶')).toBe(2.5e-6);
    expect(readNumber('10^-6')).toBe(1e-6);
    expect(readNumber('1 in 10^6')).toBe(1e-6);
    expect(readNumber('1 in 10⁶')).toBe(1e-6);
    expect(readNumber('1 in 1,000')).toBe(0.001);
    expect(readNumber('25%')).toBe(0.25);
    expect(readNumber('−0.5')).toBe(-0.5);
    expect(readNumber('1:3', true)).toBeCloseTo(Math.log10(1 / 3), 12);
    expect(readNumber('1 : 3', true)).toBeCloseTo(Math.log10(1 / 3), 12);
    expect(readNumber('3.16 : 1', true)).toBeCloseTo(Math.log10(3.16), 12);
    expect(readNumber('25%', true)).toBeCloseTo(Math.log10(1 / 3), 12);
    expect(readNumber('-0.47712125472', true)).toBe(-0.47712125472);
  });

  it('rejects what is not a number, in any form', () => {
    for (const t of ['', 'abc', '0x10', '1:3', '10^', '^11', '1 in 0', '1 in', '10^1e3', '1,2', '1 : 3 : 4', '%']) expect(readNumber(t), t).toBeNull();
    expect(readNumber('1 in 10^6', true)).toBeNull();
    expect(readNumber('0 : 1', true)).toBeNull();
    expect(readNumber('100%', true)).toBeNull();
    expect(Number.isFinite(readNumber('10^999'))).toBe(false);
    expect(parseValue('n', size, '10^999').value).toBe(1e11);
    expect(parseValue('n', size, '10^999').note?.message).toMatch(/not a finite number/);
  });

  it('parses typed forms through parseValue, and URL values exactly as before', () => {
    expect(parseValue('params', size, '10¹²')).toEqual({ value: 1e12 });
    expect(parseValue('params', size, '100000000000')).toEqual({ value: 1e11 });
    expect(parseValue('q', chance, '1 in 10^6')).toEqual({ value: 1e-6 });
    expect(parseValue('prior', odds, '1:3').value).toBeCloseTo(Math.log10(1 / 3), 12);
    expect(parseValue('prior', odds, '-0.47712125472')).toEqual({ value: -0.47712125472 });
    expect(parseValue('prior', odds, '1 : 100000')).toMatchObject({ value: -4, note: { param: 'prior' } });
  });

  it('shows each value in the form it is typed in, and reads it back', () => {
    expect(displayValue(size, 1e11)).toBe('10¹¹');
    expect(displayValue(size, 2.51e11)).toBe('2.51×10¹¹');
    expect(displayValue(size, 1234567)).toBe('1,234,567');
    expect(displayValue(chance, 1e-6)).toBe('1 in 10⁶');
    expect(displayValue(chance, 0.001)).toBe('1 in 1,000');
    expect(displayValue(odds, Math.log10(1 / 3))).toBe('1 : 3');
    expect(displayValue(odds, 0.5)).toBe('3.16 : 1');
    expect(displayValue(odds, 0)).toBe('1 : 1');
    expect(displayValue(count, 992)).toBe('992');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (s) => {
        for (const p of [size, count]) {
          const v = fromSlider(p, s);
          expect(readNumber(displayValue(p, v))).toBe(v);
        }
        const q = fromSlider(chance, s);
        expect(Math.abs(readNumber(displayValue(chance, q))! / q - 1)).toBeLessThan(0.005);
        const o = -4 + s * 0.008;
        expect(Math.abs(readNumber(displayValue(odds, o), true)! - o)).toBeLessThan(0.003);
      }),
    );
  });

  it('sizes a field to the longest value it shows', () => {
    for (const p of [size, chance, odds, count]) {
      for (let s = 0; s <= 1000; s++) expect(displayValue(p, fromSlider(p, s)).length, p.label).toBeLessThan(fieldSize(p));
    }
  });

  it('moves a log slider from 0 through log(1 + value)', () => {
    expect(fromSlider(count, 0)).toBe(0);
    expect(fromSlider(count, 1000)).toBe(1e12);
    expect(Math.abs(toSlider(count, 992) - 250)).toBeLessThanOrEqual(1);
    let last = -1;
    for (let s = 0; s <= 1000; s += 25) {
      const v = fromSlider(count, s);
      expect(v).toBeGreaterThanOrEqual(last);
      last = v;
    }
  });
});
