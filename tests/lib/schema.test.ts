import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaults, fromSlider, parseValue, readState, toSlider, writeState, type NumberParam, type Schema } from '../../src/lib/schema';
import { model as residual } from '../../src/models/residual-paths';

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
