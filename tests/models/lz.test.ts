import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lzComplexity, lzWordCount, truthTableString } from '../../src/models/lz';
import { createRng } from '../../src/core/random';

/** LZ76 word count straight from the definition: at each position take the longest prefix of the
 * rest that already occurs starting at an earlier position (the copy may overlap the word); the
 * word is that prefix plus one symbol, or the whole rest if it is all a copy. */
function naiveWordCount(s: string): number {
  let p = 0;
  let words = 0;
  while (p < s.length) {
    let k = 0;
    for (;;) {
      if (p + k >= s.length) break;
      const piece = s.slice(p, p + k + 1);
      let found = false;
      for (let j = 0; j < p && !found; j++) if (s.slice(j, j + k + 1) === piece) found = true;
      if (!found) break;
      k++;
    }
    words++;
    p += p + k >= s.length ? k : k + 1;
  }
  return words;
}

const reverse = (s: string) => [...s].reverse().join('');

describe('lz', () => {
  it('reproduces the reference K_LZ values for length-128 strings (Valle-Pérez et al. 2018)', () => {
    expect(lzComplexity('0'.repeat(128))).toBe(7);
    expect(lzComplexity('1'.repeat(128))).toBe(7);
    expect(lzComplexity('01'.repeat(64))).toBe(21);
    expect(lzComplexity('0011'.repeat(32))).toBe(28);
  });

  it('parses Kaspar and Schuster’s example into 6 words (0·001·10·100·1000·101)', () => {
    expect(lzWordCount('0001101001000101')).toBe(6);
  });

  it('puts random 128-bit strings near the reference ≈ 149 (range 122–168)', () => {
    const rng = createRng(7);
    const values: number[] = [];
    for (let k = 0; k < 300; k++) {
      let s = '';
      for (let i = 0; i < 128; i++) s += rng.uniform() < 0.5 ? '0' : '1';
      values.push(lzComplexity(s));
    }
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(140);
    expect(mean).toBeLessThan(158);
    for (const v of values) expect(v >= 110 && v <= 180).toBe(true);
  });

  it('agrees with the definition of the LZ76 parse on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('0', '1'), minLength: 1, maxLength: 40 }), (s) => {
        expect(lzWordCount(s)).toBe(naiveWordCount(s));
        const constant = /^(0+|1+)$/.test(s);
        const expected = constant ? Math.log2(s.length) : (Math.log2(s.length) * (naiveWordCount(s) + naiveWordCount(reverse(s)))) / 2;
        expect(lzComplexity(s)).toBeCloseTo(expected, 12);
      }),
      { numRuns: 300 },
    );
  });

  it('treats strings, byte arrays and other symbols alike', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 64 }), (bits) => {
        const s = bits.join('');
        expect(lzComplexity(Uint8Array.from(bits))).toBe(lzComplexity(s));
        expect(lzComplexity(s.replace(/0/g, 'a').replace(/1/g, 'b'))).toBe(lzComplexity(s));
      }),
    );
    expect(lzComplexity('')).toBe(0);
    expect(lzComplexity('1')).toBe(0);
    expect(lzWordCount('01')).toBe(2);
  });

  it('writes truth tables point 0 first', () => {
    expect(truthTableString(0b10010110, 8)).toBe('01101001');
    expect(truthTableString(1, 4)).toBe('1000');
    expect(truthTableString(2 ** 16 - 1, 16)).toBe('1'.repeat(16));
  });
});
