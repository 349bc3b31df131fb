// Seeded pseudo-random numbers: identical sequences in Node, pages and workers, so a shared
// link reproduces a simulation exactly. sfc32 (Chris Doty-Humphrey's small fast counter) is
// fast in JavaScript's 32-bit integer arithmetic and passes PractRand to large sizes.

export interface Rng {
  /** Uniform integer in [0, 2^32). */
  uint32(): number;
  /** Uniform float in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1) (Marsaglia polar method; caches the second deviate). */
  normal(): number;
}

/** Mix a seed (any integer) into four 32-bit words with splitmix32. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const mix = splitmix32(Math.floor(seed) | 0);
  let a = mix(), b = mix(), c = mix(), d = mix();
  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) uint32();
  const uniform = () => uint32() / 4294967296;
  let spare = 0;
  let hasSpare = false;
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * m;
    hasSpare = true;
    return u * m;
  };
  return { uint32, uniform, normal };
}

// ------------------------------------------------------------------ the ziggurat (normal deviates)
// Marsaglia & Tsang's ziggurat (J. Stat. Softw. 5(8), 2000): one 32-bit draw per standard normal
// almost always, several times faster than the polar method above, which matters where a model
// draws 10^7–10^8 normals (basins, sgd-prior). One table construction serves both layer counts the
// essay uses: 128 layers for `normalDeviate` below, 256 for simplicity-bias's bulk stream (its
// WebAssembly kernel reads the 256-layer table).

export interface ZigguratTable {
  /** The base strip's right edge R (the tail starts there). */
  r: number;
  /** Fast-path bounds: an integer magnitude |h| < k[i] lies inside layer i's rectangle. */
  k: Float64Array;
  /** Magnitude → abscissa per layer. */
  w: Float64Array;
  /** exp(−x²/2) at each layer's edge. */
  f: Float64Array;
}

/** R and V (each layer's area) for the two sizes, from Marsaglia & Tsang. */
const ZIGGURAT_RV: Record<128 | 256, [r: number, v: number]> = { 128: [3.442619855899, 9.91256303526217e-3], 256: [3.6541528853610088, 0.00492867323399] };

/** The table for `layers` layers, for magnitudes scaled by `scale` (2^(bits of magnitude)). */
export function zigguratTable(layers: 128 | 256, scale: number): ZigguratTable {
  const [r, v] = ZIGGURAT_RV[layers];
  const n = layers;
  const k = new Float64Array(n), w = new Float64Array(n), f = new Float64Array(n);
  let dn = r;
  let tn = dn;
  const q = v / Math.exp(-0.5 * dn * dn);
  k[0] = (dn / q) * scale;
  k[1] = 0;
  w[0] = q / scale;
  w[n - 1] = dn / scale;
  f[0] = 1;
  f[n - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = n - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(v / dn + Math.exp(-0.5 * dn * dn)));
    k[i + 1] = (dn / tn) * scale;
    tn = dn;
    f[i] = Math.exp(-0.5 * dn * dn);
    w[i] = dn / scale;
  }
  return { r, k, w, f };
}

// normalDeviate: 128 layers. Following Doornik (2005), the layer takes the low 7 bits of the draw
// and the signed magnitude the other 25, so the two never share bits.
const Z = zigguratTable(128, 2 ** 24);
/** ⌊k⌋: a magnitude equal to ⌊k⌋ goes to the slow path, which accepts it after one more uniform.
 * Exact either way. basins and sgd-prior each had a copy of this ziggurat; sgd-prior's used ⌊k⌋
 * and basins' k. ⌊k⌋ keeps sgd-prior's runs bit for bit and every number basins shows (its
 * simulated histogram can differ by a run or so); tests/links.json holds. */
const ZK = Float64Array.from(Z.k, Math.floor);

/** A uniform in (0, 1): never 0, so its log is finite. */
const openUniform = (rng: Rng) => (rng.uint32() + 0.5) / 4294967296;

/** The rare slow path (≈ 1.2% of draws), entered with a rejected first draw. */
function zigguratSlow(rng: Rng, hz: number, iz: number): number {
  for (;;) {
    if (iz === 0) {
      // The tail beyond R, by Marsaglia's exponential rejection.
      let x: number;
      let y: number;
      do {
        x = -Math.log(openUniform(rng)) / Z.r;
        y = -Math.log(openUniform(rng));
      } while (y + y < x * x);
      return hz > 0 ? Z.r + x : -Z.r - x;
    }
    const x = hz * Z.w[iz];
    if (Z.f[iz] + rng.uniform() * (Z.f[iz - 1] - Z.f[iz]) < Math.exp(-0.5 * x * x)) return x;
    const u = rng.uint32();
    iz = u & 127;
    hz = (u | 0) >> 7;
    if (Math.abs(hz) < ZK[iz]) return hz * Z.w[iz];
  }
}

/** A standard normal deviate from a seeded generator's 32-bit stream (ziggurat, 128 layers). */
export function normalDeviate(rng: Rng): number {
  const u = rng.uint32();
  const iz = u & 127;
  const hz = (u | 0) >> 7;
  return Math.abs(hz) < ZK[iz] ? hz * Z.w[iz] : zigguratSlow(rng, hz, iz);
}
