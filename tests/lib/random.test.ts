import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random';

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
});
