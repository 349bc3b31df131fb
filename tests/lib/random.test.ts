import { describe, expect, it } from 'vitest';
import { createRng, normalDeviate } from '../../src/core/random';
// erfc is checked against reference values in tests/models/basins.test.ts.
import { erfc } from '../../src/models/basins';

describe('seeded random numbers', () => {
  it('repeat exactly for the same seed and differ for different seeds', () => {
    const draw = (seed: number) => { const r = createRng(seed); return Array.from({ length: 50 }, () => r.uint32()); };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('gives uniforms in [0, 1) with the right mean and a flat histogram (chi-square)', () => {
    const r = createRng(7);
    const bins = new Array(20).fill(0);
    const N = 200_000;
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < N; i++) {
      const u = r.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      bins[Math.floor(u * 20)]++;
    }
    expect(outside).toBe(0);
    expect(sum / N).toBeCloseTo(0.5, 2);
    const chi2 = bins.reduce((s, o) => s + (o - N / 20) ** 2 / (N / 20), 0);
    expect(chi2).toBeLessThan(43.8); // 19 degrees of freedom, p = 0.001
  });

  it('gives standard normals with mean 0, variance 1 and normal tails', () => {
    const r = createRng(3);
    const N = 200_000;
    let s = 0, s2 = 0, beyond2 = 0;
    for (let i = 0; i < N; i++) {
      const z = r.normal();
      s += z; s2 += z * z;
      if (Math.abs(z) > 2) beyond2++;
    }
    expect(s / N).toBeCloseTo(0, 2);
    expect(s2 / N).toBeCloseTo(1, 1);
    expect(beyond2 / N).toBeCloseTo(0.0455, 2);
  });

  it('gives standard normals by the ziggurat (normalDeviate): moments, the tail beyond R, Kolmogorov–Smirnov', () => {
    const rng = createRng(12345);
    const n = 200_000;
    const xs = new Float64Array(n);
    let m1 = 0, m2 = 0, m4 = 0, tail = 0;
    for (let i = 0; i < n; i++) {
      const x = normalDeviate(rng);
      xs[i] = x;
      m1 += x;
      m2 += x * x;
      m4 += x ** 4;
      if (Math.abs(x) > 3.442619855899) tail++;
    }
    expect(Math.abs(m1 / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(m2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(m4 / n - 3)).toBeLessThan(4 * Math.sqrt(96 / n));
    // The tail beyond the ziggurat's base strip (P = erfc(3.4426/√2) ≈ 5.76e-4) is sampled too.
    const pTail = 0.000576;
    expect(Math.abs(tail - n * pTail)).toBeLessThan(5 * Math.sqrt(n * pTail));
    // Kolmogorov–Smirnov against Φ (reference erfc checked above).
    xs.sort();
    let ks = 0;
    for (let i = 0; i < n; i++) {
      const F = 0.5 * erfc(-xs[i] / Math.SQRT2);
      ks = Math.max(ks, Math.abs(F - i / n), Math.abs(F - (i + 1) / n));
    }
    expect(ks).toBeLessThan(1.63 / Math.sqrt(n)); // 1% critical value
  });
});
