import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatLog10Probability, formatNumber, formatPercent, formatPow10, formatSigned, grouped } from '../../src/core/format';

describe('formatting', () => {
  it('writes big and tiny numbers as powers of ten', () => {
    expect(formatPow10(54 * Math.log10(2), 3)).toBe('1.80×10¹⁶');
    expect(formatPow10(-2388.24, 2)).toBe('5.8×10⁻²³⁸⁹');
    expect(formatPow10(430100828.0397, 3)).toBe('1.10×10⁴³⁰¹⁰⁰⁸²⁸');
    expect(formatPow10(2.99999, 2)).toBe('1.0×10³');
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatNumber(153.52)).toBe('154');
    expect(formatNumber(-0.5)).toBe('−0.5');
    expect(formatPercent(0.9802)).toBe('98%');
    expect(formatPercent(0.004537)).toBe('0.454%');
    expect(formatLog10Probability(-2388.24)).toBe('5.8×10⁻²³⁸⁹');
    expect(formatSigned(20)).toBe('+20');
  });

  it('groups digits by thousands exactly as English number formatting does', () => {
    expect(grouped(1234567)).toBe('1,234,567');
    expect(grouped(0.125)).toBe('0.125');
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => grouped(n) === n.toLocaleString('en-US')));
  });

  it('never shows NaN, Infinity or undefined, whatever it is given', () => {
    const fns = [formatNumber, formatPow10, formatPercent, formatLog10Probability, formatSigned];
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, 5e-324)), (x) => {
        for (const f of fns) expect(f(x)).not.toMatch(/NaN|Infinity|undefined/);
      }),
    );
  });
});
