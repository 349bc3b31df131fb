// The straightforward sampler for `simplicity-bias`: what a competent developer writes first.
// Plain nested loops over Float32Arrays, Box–Muller normals from a seeded uniform, every input
// point evaluated separately through the whole network, and the truth table kept as a '0'/'1'
// string key in a Map. It draws from the same distribution as src/models/simplicity-bias.ts (with
// different random numbers), so it serves as the baseline for the speed-up and as an independent
// check of the fast sampler's statistics.
import { createRng } from '../src/core/random';

export interface ReferenceParams {
  n: number;
  width: number;
  bias: 'large' | 'small' | string;
  mode: 'mlp' | 'perceptron' | string;
  samples: number;
  seed: number;
}

/** Count how often each truth table (bit i = output on point i, x_j = (i >> j) & 1) occurs. */
export function referenceSample(params: ReferenceParams): Map<string, number> {
  const { n, width: h, samples } = params;
  const large = params.bias !== 'small';
  const rng = createRng(params.seed);
  const N = 1 << n;

  let spare: number | null = null;
  const gaussian = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u1 = 1 - rng.uniform(); // (0, 1]
    const u2 = rng.uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };

  const counts = new Map<string, number>();
  const x = new Float32Array(n);

  if (params.mode === 'perceptron') {
    const w = new Float32Array(n);
    for (let s = 0; s < samples; s++) {
      for (let j = 0; j < n; j++) w[j] = gaussian() / Math.sqrt(n);
      let key = '';
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < n; j++) x[j] = (i >> j) & 1;
        let z = 0;
        for (let j = 0; j < n; j++) z += w[j] * x[j];
        key += z > 0 ? '1' : '0';
      }
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  }

  const W1 = new Float32Array(h * n), b1 = new Float32Array(h);
  const W2 = new Float32Array(h * h), b2 = new Float32Array(h);
  const W3 = new Float32Array(h);
  const a1 = new Float32Array(h), a2 = new Float32Array(h);
  for (let s = 0; s < samples; s++) {
    for (let k = 0; k < h * n; k++) W1[k] = gaussian() / Math.sqrt(n);
    for (let k = 0; k < h; k++) b1[k] = large ? gaussian() : gaussian() / Math.sqrt(n);
    for (let k = 0; k < h * h; k++) W2[k] = gaussian() / Math.sqrt(h);
    for (let k = 0; k < h; k++) b2[k] = large ? gaussian() : gaussian() / Math.sqrt(h);
    for (let k = 0; k < h; k++) W3[k] = gaussian() / Math.sqrt(h);
    const b3 = large ? gaussian() : gaussian() / Math.sqrt(h);
    let key = '';
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < n; j++) x[j] = (i >> j) & 1;
      for (let k = 0; k < h; k++) {
        let z = b1[k];
        for (let j = 0; j < n; j++) z += W1[k * n + j] * x[j];
        a1[k] = Math.max(0, z);
      }
      for (let k = 0; k < h; k++) {
        let z = b2[k];
        for (let j = 0; j < h; j++) z += W2[k * h + j] * a1[j];
        a2[k] = Math.max(0, z);
      }
      let z = b3;
      for (let k = 0; k < h; k++) z += W3[k] * a2[k];
      key += z > 0 ? '1' : '0';
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
