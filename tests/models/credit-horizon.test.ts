import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compute, model, returnSd, schema, type Params } from '../../src/models/credit-horizon';
import { defaults } from '../../src/core/schema';
import { allNumbers, arbitraryParams } from '../support/arbitrary';
import { chartRows } from '../../components/widgets/credit-horizon/view';

const params = (over: Partial<Params> = {}): Params => ({ ...defaults(schema), ...over });

/** γ^h by repeated multiplication, and the return's variance by direct summation. */
function powerByProduct(g: number, h: number): number {
  let x = 1;
  for (let i = 0; i < h; i++) x *= g;
  return x;
}
function varianceBySum(E: number, g: number): number {
  let v = 0;
  for (let j = 0; j <= E; j++) v += powerByProduct(g, 2 * j);
  return v;
}

describe('credit-horizon', () => {
  it('publishes the default numbers', () => {
    const r = compute(params());
    expect(r.episodeEnd).toBe(100);
    expect(r.signalAtEpisodeEnd).toBeCloseTo(powerByProduct(0.99, 100), 14);
    expect(r.signalAtEpisodeEnd).toBeCloseTo(0.3660323412732292, 12); // Python: 0.99**100
    expect(r.signalAt).toBe(0); // the default probe, 150 steps ahead, is beyond the episode
    expect(r.totalSignal).toBeCloseTo((1 - 0.99 ** 101) / 0.01, 10);
    expect(r.returnSd).toBeCloseTo(Math.sqrt(varianceBySum(100, 0.99)), 12);
    expect(r.horizons.length).toBe(301);
  });

  it('weights a consequence h ≤ E by γ^h and everything beyond by exactly 0', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const r = compute(p);
        const E = p.episode as number;
        const g = p.discount as number;
        let worst = 0;
        for (let h = 0; h <= E; h++) worst = Math.max(worst, Math.abs(r.signal[h] / powerByProduct(g, h) - 1));
        expect(worst).toBeLessThan(1e-12);
        expect(r.signal.slice(E + 1).every((s) => s === 0)).toBe(true);
        expect(r.snr.slice(E + 1).every((s) => s === 0)).toBe(true);
        expect(r.signalBeyond).toBe(0);
        expect(r.signal.length).toBe(3 * E + 1);
        const ahead = p.ahead as number;
        expect(r.signalAt).toBe(ahead <= E ? r.signal[ahead] : 0);
      }),
      { numRuns: 60 },
    );
  });

  it('is monotone non-increasing in h, and SNR falls with episode length', () => {
    fc.assert(
      fc.property(arbitraryParams(model), fc.integer({ min: 1, max: 500 }), (p, extra) => {
        const r = compute(p);
        let ok = true;
        for (let h = 1; h < r.signal.length; h++) ok &&= r.signal[h] <= r.signal[h - 1] && r.snr[h] <= r.snr[h - 1];
        expect(ok).toBe(true);
        const E = p.episode as number;
        const longer = compute({ ...p, episode: Math.min(1000, E + extra) });
        // The same consequence (any h ≤ E) is no better resolved in a longer episode.
        expect(longer.snr[0]).toBeLessThanOrEqual(r.snr[0]);
        expect(longer.snr[E]).toBeLessThanOrEqual(r.snr[E]);
        // Strictly, whenever the added rewards' variance γ^(2(E+1)) registers in double precision.
        if (longer.episodeEnd > E && (p.discount as number) ** (2 * (E + 1)) > 1e-12)
          expect(longer.snr[0]).toBeLessThan(r.snr[0]);
      }),
      { numRuns: 60 },
    );
  });

  it('the SNR is γ^h over the return’s standard deviation, summed directly', () => {
    for (const [E, g] of [[1, 0.5], [10, 0.9], [100, 0.99], [1000, 0.999], [50, 1], [1000, 1]]) {
      const sd = Math.sqrt(varianceBySum(E, g));
      expect(returnSd(E, g) / sd).toBeCloseTo(1, 12);
      const r = compute(params({ episode: E, discount: g }));
      expect(r.snr[0]).toBeCloseTo(1 / sd, 12);
      expect(r.snrAtEpisodeEnd / (powerByProduct(g, E) / sd)).toBeCloseTo(1, 10);
    }
    // γ = 1: a flat signal of 1 up to E, noise √(E + 1).
    const flat = compute(params({ episode: 24, discount: 1 }));
    expect(flat.signal.slice(0, 25).every((s) => s === 1)).toBe(true);
    expect(flat.returnSd).toBe(5);
    expect(flat.totalSignal).toBe(25);
  });

  it('is finite over the whole schema, tiny weights included', () => {
    fc.assert(
      fc.property(arbitraryParams(model), (p) => {
        const r = compute(p);
        expect(allNumbers(r).every(Number.isFinite)).toBe(true);
        expect(r.signal.every((s) => s >= 0 && s <= 1)).toBe(true);
        expect(r.log10SignalAtEpisodeEnd).toBeCloseTo((p.episode as number) * Math.log10(p.discount as number), 9);
      }),
      { numRuns: 60 },
    );
    const extreme = compute(params({ episode: 1000, discount: 0.5 }));
    expect(extreme.signalAtEpisodeEnd).toBeGreaterThan(0); // 2^−1000 ≈ 9.3e−302 is still a double
    expect(extreme.log10SignalAtEpisodeEnd).toBeCloseTo(-1000 * Math.log10(2), 9);
  });

  it('draws every horizon when they fit, and otherwise thins them without moving the cliff', () => {
    fc.assert(
      fc.property(arbitraryParams(model), fc.integer({ min: 300, max: 720 }), (p, width) => {
        const r = compute(p);
        const rows = chartRows(r, width);
        const E = r.episodeEnd;
        if (r.horizons.length <= width) expect(rows.map((x) => x.h)).toEqual(r.horizons);
        else expect(rows.length).toBeLessThanOrEqual(width + 3);
        // Both sides of the cliff and the last horizon are drawn, with the model's own values.
        for (const h of [0, E, E + 1, r.horizons.at(-1)!]) {
          const row = rows.find((x) => x.h === h)!;
          expect(row).toBeDefined();
          expect(row.signal).toBe(r.signal[r.horizons.indexOf(h)]);
        }
        expect(rows.every((x, i) => i === 0 || x.h > rows[i - 1].h)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
