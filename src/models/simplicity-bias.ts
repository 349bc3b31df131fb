// What random networks compute (Valle-Pérez, Camargo & Louis 2018; Mingard et al. 2019).
// Draw networks with random Gaussian parameters, read off the Boolean function each computes on
// all 2^n input points, and histogram the functions. A few functions (the constants first) take
// most of the probability, and probability falls with Lempel–Ziv complexity.
//
// Speed is the point of this file (≥ 10^6 samples of 5-20-20-1 in a worker within seconds), so the
// sampler avoids the obvious per-point loops:
// - Layer 1 on all 2^n points at once by subset sums: h(i) = h(i without its top bit) + w_top.
// - Each first-layer unit is classified by its range over the cube. A unit that is off everywhere is
//   dropped, and its outgoing weights are never drawn (they cannot affect the function). A unit on
//   at most points is written as relu(h) = h + relu(−h): its affine part h = b + w·x folds into
//   n + 1 coefficients per second-layer unit, and only the few points where it is off need a
//   per-point correction. A unit on at few points is handled point by point. So layer 2 costs
//   about (n+1)·h per live unit plus h per correction, not 2^n·h.
// - The second-layer pre-activations are then expanded over the cube by subset sums again.
// - Normals come from a 128-layer ziggurat fed by an inlined sfc32 stream, filled in blocks.
// - Truth tables are packed into 32-bit words and counted in an open-addressing hash table.
import type { Model, Values } from '../lib/schema';
import { createRng } from '../lib/random';
import { buildKernel, layoutAddresses, type KernelLayout } from './simplicity-bias-wasm';

export const schema = {
  n: { kind: 'number', label: 'Inputs n', min: 5, max: 7, default: 5, step: 1, integer: true },
  width: {
    kind: 'number', label: 'Hidden width h', min: 1, max: 40, default: 20, step: 1, integer: true,
    help: 'Units in each of the two ReLU hidden layers (ignored by the perceptron).',
  },
  bias: {
    kind: 'choice', label: 'Bias variance',
    options: [
      { value: 'large', label: 'Large: b ~ N(0, 1)' },
      { value: 'small', label: 'Small: b ~ N(0, 1/fan-in)' },
    ],
    default: 'large',
    help: 'Weights are always N(0, 1/fan-in). Ignored by the perceptron, which has no bias.',
  },
  mode: {
    kind: 'choice', label: 'Network',
    options: [
      { value: 'mlp', label: 'Two ReLU hidden layers' },
      { value: 'perceptron', label: 'Perceptron (no hidden layer, no bias)' },
    ],
    default: 'mlp',
  },
  samples: {
    kind: 'number', label: 'Samples', min: 1000, max: 10_000_000, default: 1_000_000, integer: true, scale: 'log',
    help: 'How many random networks to draw.',
  },
  seed: { kind: 'number', label: 'Seed', min: 0, max: 4_294_967_295, default: 1, step: 1, integer: true },
} as const;

export type Params = Values<typeof schema>;

/** One function (truth table) with its estimated probability. */
export interface FunctionStat {
  /** Truth table as '0'/'1', character i = output on input point i (x_j = (i >> j) & 1). */
  bits: string;
  count: number;
  /** count / samples. */
  p: number;
  log10P: number;
  /** Lempel–Ziv complexity K_LZ of `bits`. */
  kLZ: number;
  /** Number of input points mapped to 1. */
  ones: number;
}

export interface Result {
  /** Networks drawn so far (equals `target` once finished). */
  samples: number;
  /** Networks requested (params.samples). */
  target: number;
  /** Number of distinct functions seen. */
  distinct: number;
  /** Functions seen exactly once (singletons/samples estimates the unseen probability mass). */
  singletons: number;
  /** Probability of the most frequent function. */
  pTop: number;
  /** The most frequent functions, most frequent first (up to 12). */
  top: FunctionStat[];
  /** The constant functions. rank = 1 + number of functions seen more often (ties share a rank);
   * null when never seen (constant 1 is impossible for the perceptron). */
  constant0: { count: number; p: number; rank: number | null };
  constant1: { count: number; p: number; rank: number | null };
  /** Rank–frequency curve for log–log axes, downsampled to ≤ ~300 log-spaced ranks (1 … distinct). */
  rankFrequency: { rank: number; p: number }[];
  /** log10 P(f) against K_LZ(f): the most frequent functions plus a seeded uniform sample of the
   * rest (each at most COMPLEXITY_TOP / COMPLEXITY_SAMPLE). */
  complexity: { kLZ: number; log10P: number; count: number; top: boolean }[];
  /** Over every distinct function seen, grouped by K_LZ (ascending): how many functions, their
   * total probability, and the largest probability (the upper envelope of the scatter). */
  complexityProfile: { kLZ: number; functions: number; mass: number; log10MaxP: number }[];
  /** tHistogram[t] = number of sampled networks mapping exactly t of the 2^n points to 1. For the
   * perceptron it is uniform on 0 … 2^n − 1 and tHistogram[2^n] = 0 (Mingard et al. 2019). */
  tHistogram: number[];
}

export const COMPLEXITY_TOP = 250;
export const COMPLEXITY_SAMPLE = 250;
const TOP_LISTED = 12;
const RANK_POINTS = 300;

// ---------------------------------------------------------------------------------------------
// Lempel–Ziv complexity. Private copy: the shared `lz.ts` was not there when this was written.

/** Words in the LZ76 parse (Kaspar & Schuster 1987) of s[0..len), read backwards if `reverse`. */
function lzWords(s: Uint8Array, len: number, reverse: boolean): number {
  if (len <= 1) return len;
  const at = reverse ? (q: number) => s[len - 1 - q] : (q: number) => s[q];
  let c = 1, l = 1, i = 0, k = 1, kMax = 1;
  for (;;) {
    if (at(i + k - 1) === at(l + k - 1)) {
      k++;
      if (l + k > len) { c++; break; }
    } else {
      if (k > kMax) kMax = k;
      i++;
      if (i === l) {
        c++;
        l += kMax;
        if (l + 1 > len) break;
        i = 0; k = 1; kMax = 1;
      } else k = 1;
    }
  }
  return c;
}

/** K_LZ = log2(L)·(N_w(s) + N_w(reverse s))/2, and log2 L for a constant string. */
export function lzComplexity(bits: string | Uint8Array): number {
  const s = typeof bits === 'string' ? Uint8Array.from(bits, (ch) => (ch === '1' ? 1 : 0)) : bits;
  const len = s.length;
  if (len === 0) return 0;
  let ones = 0;
  for (let q = 0; q < len; q++) ones += s[q] ? 1 : 0;
  if (ones === 0 || ones === len) return Math.log2(len);
  return (Math.log2(len) * (lzWords(s, len, false) + lzWords(s, len, true))) / 2;
}

// ---------------------------------------------------------------------------------------------
// Normal deviates: a 256-layer ziggurat (Marsaglia & Tsang 2000). Each 32-bit word gives the layer
// (8 bits), the sign (1 bit) and a 23-bit magnitude, so no bit is used twice. A block is filled in
// two passes: the fast path for every slot (98.5% of them), then the rejection branch for the
// slots it left, in order. The WebAssembly kernel runs the first pass and this class the second,
// so both engines consume the generator identically.

const ZIG_R = 3.6541528853610088;
const ZIG_V = 0.00492867323399;
const ZIG_M = 8388608; // 2^23
export const KN = new Float64Array(256);
export const WN = new Float64Array(256);
const FN = new Float64Array(256);
(() => {
  let dn = ZIG_R;
  let tn = dn;
  const q = ZIG_V / Math.exp(-0.5 * dn * dn);
  KN[0] = (dn / q) * ZIG_M;
  KN[1] = 0;
  WN[0] = q / ZIG_M;
  WN[255] = dn / ZIG_M;
  FN[0] = 1;
  FN[255] = Math.exp(-0.5 * dn * dn);
  for (let i = 254; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(ZIG_V / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = (dn / tn) * ZIG_M;
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / ZIG_M;
  }
})();

/** sfc32 state plus a ziggurat that writes standard normals into a buffer in bulk. */
export class NormalStream {
  private readonly st: Int32Array;
  private fixSlot = new Int32Array(0);
  private fixWord = new Int32Array(0);

  /** `state` (4 words) may be a view into WebAssembly memory, so the kernel shares the stream. */
  constructor(seed: number, state: Int32Array = new Int32Array(4)) {
    // Seeded through the shared generator, then run inline here for speed (same sfc32 algorithm).
    this.st = state;
    const rng = createRng(seed);
    for (let q = 0; q < 4; q++) this.st[q] = rng.uint32() | 0;
  }

  /** One raw 32-bit word (second pass only). */
  private word(): number {
    const st = this.st;
    const a = st[0], b = st[1], c = st[2], d = st[3];
    const t = (((a + b) | 0) + d) | 0;
    st[3] = (d + 1) | 0;
    st[0] = b ^ (b >>> 9);
    st[1] = (c + (c << 3)) | 0;
    st[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return t;
  }

  /** Uniform in (0, 1), never 0 (it is fed to log). */
  private open01(): number {
    return ((this.word() >>> 0) + 0.5) / 4294967296;
  }

  /** The rejection branch for the word t whose fast path failed. Returns a signed deviate. */
  private slow(t: number): number {
    const sign = t < 0 ? -1 : 1;
    let iz = t & 255;
    let u = (t < 0 ? ~t : t) >>> 8; // the fast path's u = s ^ (s >> 31) with s = t >> 8
    for (;;) {
      const x = (u + 0.5) * WN[iz];
      if (iz === 0) {
        let xt: number, y: number;
        do {
          xt = -Math.log(this.open01()) / ZIG_R;
          y = -Math.log(this.open01());
        } while (y + y < xt * xt);
        return sign * (ZIG_R + xt);
      }
      if (FN[iz] + this.open01() * (FN[iz - 1] - FN[iz]) < Math.exp(-0.5 * x * x)) return sign * x;
      const w = this.word();
      iz = w & 255;
      u = (w >>> 8) & 0x7fffff;
      if (u < KN[iz]) return sign * (u + 0.5) * WN[iz];
    }
  }

  /** Second pass: slots[q] (indices into buf) get the rejection branch for words[q]. */
  fixup(buf: Float64Array, slots: Int32Array, words: Int32Array, count: number): void {
    for (let q = 0; q < count; q++) buf[slots[q]] = this.slow(words[q]);
  }

  /** Write standard normals into buf[from..to). */
  fill(buf: Float64Array, from: number, to: number): void {
    if (this.fixSlot.length < to - from) {
      this.fixSlot = new Int32Array(to - from);
      this.fixWord = new Int32Array(to - from);
    }
    const fixSlot = this.fixSlot, fixWord = this.fixWord;
    let nFix = 0;
    const st = this.st;
    let a = st[0], b = st[1], c = st[2], d = st[3];
    for (let p = from; p < to; p++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      const iz = t & 255;
      // Bits 8…31 as a signed integer s in [−2^23, 2^23): the sign and the magnitude u without a
      // data-dependent branch (a sign branch would mispredict half the time). s + 0.5 is ±(u + 0.5).
      const s = t >> 8;
      const u = s ^ (s >> 31);
      buf[p] = (s + 0.5) * WN[iz];
      fixSlot[nFix] = p;
      fixWord[nFix] = t;
      nFix += u < KN[iz] ? 0 : 1;
    }
    st[0] = a; st[1] = b; st[2] = c; st[3] = d;
    this.fixup(buf, fixSlot, fixWord, nFix);
  }
}

// ---------------------------------------------------------------------------------------------
// Counting truth tables: open addressing on packed words (1, 2 or 4 per table).

class FunctionCounter {
  readonly words: number;
  capacity = 1 << 12;
  size = 0;
  keys: Int32Array;
  counts: Uint32Array;
  /** Cached N_w(s) + N_w(reverse s) (0 = not computed yet; constants use their own rule). */
  lzSum: Uint16Array;

  constructor(words: number) {
    this.words = words;
    this.keys = new Int32Array(this.capacity * words);
    this.counts = new Uint32Array(this.capacity);
    this.lzSum = new Uint16Array(this.capacity);
  }

  private static hash(key: Int32Array, off: number, words: number): number {
    let h = 0x2545f491;
    for (let q = 0; q < words; q++) {
      h = Math.imul(h ^ key[off + q], 0x9e3779b1);
      h ^= h >>> 15;
    }
    h = Math.imul(h, 0x85ebca6b);
    return h ^ (h >>> 13);
  }

  /** Add one observation of the table tt[off .. off + words). */
  add(tt: Int32Array, off: number): void {
    const w = this.words;
    const mask = this.capacity - 1;
    let slot = FunctionCounter.hash(tt, off, w) & mask;
    const keys = this.keys, counts = this.counts;
    for (;;) {
      if (counts[slot] === 0) {
        for (let q = 0; q < w; q++) keys[slot * w + q] = tt[off + q];
        counts[slot] = 1;
        if (++this.size * 2 > this.capacity) this.grow();
        return;
      }
      let same = true;
      for (let q = 0; q < w; q++) if (keys[slot * w + q] !== tt[off + q]) { same = false; break; }
      if (same) { counts[slot]++; return; }
      slot = (slot + 1) & mask;
    }
  }

  /** Count of a table (0 if unseen). */
  get(tt: Int32Array): number {
    const w = this.words;
    const mask = this.capacity - 1;
    let slot = FunctionCounter.hash(tt, 0, w) & mask;
    for (;;) {
      if (this.counts[slot] === 0) return 0;
      let same = true;
      for (let q = 0; q < w; q++) if (this.keys[slot * w + q] !== tt[q]) { same = false; break; }
      if (same) return this.counts[slot];
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const w = this.words;
    const oldKeys = this.keys, oldCounts = this.counts, oldLz = this.lzSum, oldCap = this.capacity;
    this.capacity *= 2;
    const mask = this.capacity - 1;
    this.keys = new Int32Array(this.capacity * w);
    this.counts = new Uint32Array(this.capacity);
    this.lzSum = new Uint16Array(this.capacity);
    for (let s = 0; s < oldCap; s++) {
      if (oldCounts[s] === 0) continue;
      let slot = FunctionCounter.hash(oldKeys, s * w, w) & mask;
      while (this.counts[slot] !== 0) slot = (slot + 1) & mask;
      for (let q = 0; q < w; q++) this.keys[slot * w + q] = oldKeys[s * w + q];
      this.counts[slot] = oldCounts[s];
      this.lzSum[slot] = oldLz[s];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The sampler.

export interface Sampler {
  readonly params: Params;
  /** Networks drawn so far. */
  readonly done: number;
  /** 'wasm' (the SIMD kernel) or 'js' (the fallback); both give identical results. */
  readonly engine: 'wasm' | 'js';
  /** Draw up to `count` more networks (never beyond params.samples); returns how many were drawn. */
  run(count: number): number;
  /** Summary of everything drawn so far. Cost O(distinct); cheap enough to call a few times a second. */
  snapshot(): Result;
}

export interface SamplerOptions {
  /** 'auto' (default) uses WebAssembly when the engine supports SIMD, else JavaScript. */
  engine?: 'auto' | 'wasm' | 'js';
}

const NORMAL_BUFFER = 1 << 15;
const BATCH = 1024;
/** Index (0 or 1) of the 32-bit half of a float64 that holds the sign bit on this platform. */
const HI = new Int32Array(new Float64Array([-1]).buffer)[1] < 0 ? 1 : 0;

/** Read a validated parameter set into plain numbers (clamped, so a stray value cannot hang a loop). */
function settings(p: Params) {
  const clampInt = (v: unknown, lo: number, hi: number, dflt: number) => {
    const x = typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : dflt;
    return Math.min(hi, Math.max(lo, x));
  };
  return {
    n: clampInt(p.n, 5, 7, 5),
    h: clampInt(p.width, 1, 40, 20),
    large: p.bias !== 'small',
    perceptron: p.mode === 'perceptron',
    target: clampInt(p.samples, 0, 10_000_000, 1_000_000),
    seed: clampInt(p.seed, 0, 4_294_967_295, 1),
  };
}

/** A source of truth tables: draws up to `count` networks into `tables` (words per table),
 * stopping early when the normal buffer runs low; `refill` then tops the buffer up. */
interface Engine {
  readonly kind: 'wasm' | 'js';
  readonly tables: Int32Array;
  draw(count: number): number;
  refill(): void;
}

interface Shape {
  n: number; h: number; hp: number; large: boolean; perceptron: boolean; seed: number;
  nbLength: number; limit: number;
}

function shapeOf(p: Params): Shape & { target: number } {
  const { n, h, large, perceptron, target, seed } = settings(p);
  // Most normals one network can need: layer 1, W2, b2, output weights and bias.
  const perSample = perceptron ? n : h * (n + 1) + h * h + 2 * h + 1;
  const nbLength = Math.max(NORMAL_BUFFER, 4 * perSample);
  return { n, h, hp: h + (h & 1), large, perceptron, seed, target, nbLength, limit: nbLength - perSample };
}

/** Plain JavaScript engine. The MLP path is the readable specification of the WebAssembly kernel
 * and performs the same double operations in the same order. */
function jsEngine(sh: Shape): Engine {
  const { n, h, hp, large, perceptron } = sh;
  const N = 1 << n;
  const words = N >>> 5;
  const n1 = n + 1;
  const normals = new NormalStream(sh.seed);
  const nb = new Float64Array(sh.nbLength);
  normals.fill(nb, 0, nb.length);
  let np = 0;
  const limit = sh.limit;

  const sW1 = 1 / Math.sqrt(n);
  const sB1 = large ? 1 : sW1;
  const sW2 = 1 / Math.sqrt(h);
  const sB2 = large ? 1 : sW2;
  const halfSW2 = 0.5 * sW2;

  const tables = new Int32Array(BATCH * words);
  const h1 = new Float64Array(N);
  const h1Sign = new Int32Array(h1.buffer); // h1Sign[2i + HI] >>> 31 is the sign bit of h1[i]
  const out = new Float64Array(N);
  const outSign = new Int32Array(out.buffer);
  const W2T = new Float64Array(h * hp); // column of live unit u at u·hp … u·hp + hp − 1
  const aff = new Float64Array(h * n1); // affine units: (b, w_0 … w_{n−1})
  const affUnit = new Int32Array(h); // their column offset u·hp
  // Correction lists are written unconditionally and kept by advancing the length: one spare slot.
  const corrPoint = new Int32Array(h * N + 1); // row offset i·hp
  const corrVal = new Float64Array(h * N + 1);
  const corrUnit = new Int32Array(h * N + 1); // column offset u·hp
  const C = new Float64Array(n1 * hp); // row 0: constant term; row m: coefficient of x_{m−1}
  const acc = new Float64Array(N * hp); // second-layer pre-activations, point-major
  const v = new Float64Array(hp);

  /** Truth table of sample s from the signs of out[0..N): bit i = [out[i] > 0]. */
  function pack(s: number): void {
    for (let q = 0; q < words; q++) {
      let word = 0;
      for (let r = 0; r < 32; r++) word |= ((outSign[2 * (q * 32 + r) + HI] >>> 31) ^ 1) << r;
      tables[s * words + q] = word;
    }
  }

  function perceptronNet(s: number): void {
    // f(x) = [w·x > 0], w ~ N(0, I/n) (the scale cannot change a sign, so it is left out).
    out[0] = 0;
    for (let m = 0; m < n; m++) {
      const w = nb[np++];
      const half = 1 << m;
      for (let t = 0; t < half; t++) out[half + t] = out[t] + w;
    }
    out[0] = -1; // x = 0 gives w·x = 0, which is not > 0
    pack(s);
  }

  function mlpNet(s: number): void {
    let p = np;
    let live = 0, nAff = 0, nCorr = 0;
    // Layer 1. Branches are per unit (predictable); per point they are replaced by sign-bit
    // arithmetic, since a sign test per point would mispredict about half the time.
    for (let j = 0; j < h; j++) {
      const b = nb[p] * sB1;
      let sum = 0, sumAbs = 0;
      for (let m = 0; m < n; m++) {
        const w = nb[p + 1 + m];
        sum += w;
        sumAbs += Math.abs(w);
      }
      sum *= sW1;
      sumAbs *= sW1;
      // b + ½(sum ± sumAbs) are the largest and smallest pre-activations over the cube.
      if (b + 0.5 * (sum + sumAbs) > 0) {
        const lv = live * hp;
        if (b + 0.5 * (sum - sumAbs) > 0) {
          storeAffine(nAff++, b, p, lv); // on everywhere: purely affine
        } else {
          h1[0] = b;
          for (let m = 0; m < n; m++) {
            const w = nb[p + 1 + m] * sW1;
            const half = 1 << m;
            for (let t = 0; t < half; t++) h1[half + t] = h1[t] + w;
          }
          if (b + 0.5 * sum > 0) {
            // On at the centre of the cube, so mostly on: relu(h) = h + relu(−h), the affine part
            // plus corrections at the points where the unit is off.
            storeAffine(nAff++, b, p, lv);
            for (let i = 0; i < N; i++) {
              corrPoint[nCorr] = i * hp;
              corrVal[nCorr] = -h1[i];
              corrUnit[nCorr] = lv;
              nCorr += h1Sign[2 * i + HI] >>> 31; // keep iff h1[i] is negative
            }
          } else {
            for (let i = 0; i < N; i++) {
              corrPoint[nCorr] = i * hp;
              corrVal[nCorr] = h1[i];
              corrUnit[nCorr] = lv;
              nCorr += (h1Sign[2 * i + HI] >>> 31) ^ 1; // keep iff h1[i] is not negative
            }
          }
        }
        live++;
      } // else: off on every point, so its outgoing weights cannot matter and are never drawn
      p += n1;
    }
    // Layer-2 weights, only for live first-layer units.
    for (let u = 0; u < live; u++) {
      for (let k = 0; k < h; k++) W2T[u * hp + k] = nb[p + k] * sW2;
      for (let k = h; k < hp; k++) W2T[u * hp + k] = 0;
      p += h;
    }
    // C = b2 (row 0) + Σ over affine units of W2[:, j]·(b_j, w_j).
    for (let k = 0; k < h; k++) C[k] = nb[p + k] * sB2;
    for (let k = h; k < n1 * hp; k++) C[k] = 0;
    p += h;
    for (let a = 0; a < nAff; a++) {
      const wo = affUnit[a];
      for (let m = 0; m < n1; m++) {
        const coef = aff[a * n1 + m];
        for (let k = 0; k < hp; k++) C[m * hp + k] += coef * W2T[wo + k];
      }
    }
    // Expand the affine part over the cube, then add the corrections.
    for (let k = 0; k < hp; k++) acc[k] = C[k];
    for (let m = 0; m < n; m++) {
      const half = 1 << m;
      for (let t = 0; t < half; t++) {
        for (let k = 0; k < hp; k++) acc[(half + t) * hp + k] = acc[t * hp + k] + C[(m + 1) * hp + k];
      }
    }
    for (let c = 0; c < nCorr; c++) {
      const dst = corrPoint[c], wo = corrUnit[c], val = corrVal[c];
      for (let k = 0; k < hp; k++) acc[dst + k] += val * W2T[wo + k];
    }
    // Output: weights N(0, 1/h), bias N(0, 1) or N(0, 1/h). relu(x) = (x + |x|)/2 with the ½ folded
    // into the weights; the sum runs in two interleaved lanes (even and odd k), as in the kernel.
    for (let k = 0; k < h; k++) v[k] = nb[p + k] * halfSW2;
    for (let k = h; k < hp; k++) v[k] = 0;
    const b3 = nb[p + h] * sB2;
    p += h + 1;
    for (let i = 0; i < N; i++) {
      let s0 = 0, s1 = 0;
      const o = i * hp;
      for (let k = 0; k < hp; k += 2) {
        const x0 = acc[o + k], x1 = acc[o + k + 1];
        s0 += v[k] * (x0 + Math.abs(x0));
        s1 += v[k + 1] * (x1 + Math.abs(x1));
      }
      out[i] = b3 + (s0 + s1); // never exactly 0, so its sign bit decides [out > 0]
    }
    np = p;
    pack(s);
  }

  function storeAffine(a: number, b: number, p: number, lv: number): void {
    aff[a * n1] = b;
    for (let m = 0; m < n; m++) aff[a * n1 + 1 + m] = nb[p + 1 + m] * sW1;
    affUnit[a] = lv;
  }

  return {
    kind: 'js',
    tables,
    draw(count) {
      let s = 0;
      for (; s < count && np <= limit; s++) {
        if (perceptron) perceptronNet(s);
        else mlpNet(s);
      }
      return s;
    },
    refill() {
      // Keep the unread tail and top up, so the stream (and every result) ignores chunk sizes.
      nb.copyWithin(0, np);
      normals.fill(nb, nb.length - np, nb.length);
      np = 0;
    },
  };
}

/** The WebAssembly kernel for the MLP, or null where WebAssembly SIMD is unavailable. */
function wasmEngine(sh: Shape): Engine | null {
  if (sh.perceptron || typeof WebAssembly !== 'object') return null;
  const layout: KernelLayout = { n: sh.n, h: sh.h, hp: sh.hp, large: sh.large, nbLength: sh.nbLength, limit: sh.limit, batch: BATCH };
  const A = layoutAddresses(layout);
  try {
    const memory = new WebAssembly.Memory({ initial: Math.ceil(A.bytes / 65536) });
    const buf = memory.buffer;
    const normals = new NormalStream(sh.seed, new Int32Array(buf, A.rng, 4));
    new Float64Array(buf, A.kn, 256).set(KN);
    new Float64Array(buf, A.wn, 256).set(WN);
    const module = new WebAssembly.Module(buildKernel(layout, A) as BufferSource);
    const instance = new WebAssembly.Instance(module, { env: { mem: memory } });
    const kernel = instance.exports as { fill: (a: number, b: number) => number; mlp: (c: number, u: number) => number };
    const npView = new Int32Array(buf, A.np, 1);
    const nb = new Float64Array(buf, A.nb, sh.nbLength);
    const fixSlot = new Int32Array(buf, A.fixSlot, sh.nbLength);
    const fixWord = new Int32Array(buf, A.fixWord, sh.nbLength);
    const fill = (from: number, to: number) => normals.fixup(nb, fixSlot, fixWord, kernel.fill(from * 8, to * 8));
    fill(0, sh.nbLength);
    npView[0] = 0;
    return {
      kind: 'wasm',
      tables: new Int32Array(buf, A.tables, BATCH * ((1 << sh.n) >>> 5)),
      draw: (count) => kernel.mlp(count, 0),
      refill() {
        const np = npView[0] / 8;
        nb.copyWithin(0, np);
        fill(sh.nbLength - np, sh.nbLength);
        npView[0] = 0;
      },
    };
  } catch {
    return null;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export function createSampler(params: Params, options: SamplerOptions = {}): Sampler {
  const sh = shapeOf(params);
  const N = 1 << sh.n;
  const words = N >>> 5;
  const counter = new FunctionCounter(words);
  const tHist = new Float64Array(N + 1);
  const want = options.engine ?? 'auto';
  const engine = (want !== 'js' && wasmEngine(sh)) || jsEngine(sh);
  if (want === 'wasm' && engine.kind !== 'wasm') throw new Error('WebAssembly SIMD is not available here');
  let done = 0;

  function run(count: number): number {
    let todo = Math.max(0, Math.min(Math.floor(count), sh.target - done));
    const drawn = todo;
    const tables = engine.tables;
    while (todo > 0) {
      const ask = Math.min(todo, BATCH);
      const got = engine.draw(ask);
      for (let s = 0; s < got; s++) {
        const off = s * words;
        let ones = 0;
        for (let q = 0; q < words; q++) ones += popcount(tables[off + q]);
        tHist[ones]++;
        counter.add(tables, off);
      }
      todo -= got;
      if (got < ask) engine.refill();
    }
    done += drawn;
    return drawn;
  }

  return {
    params,
    engine: engine.kind,
    get done() { return done; },
    run,
    snapshot: () => summarise(counter, tHist, done, sh.target, N, sh.seed),
  };
}

// ---------------------------------------------------------------------------------------------
// Summaries.

function bitsOf(keys: Int32Array, off: number, N: number): Uint8Array {
  const s = new Uint8Array(N);
  for (let i = 0; i < N; i++) s[i] = (keys[off + (i >>> 5)] >>> (i & 31)) & 1;
  return s;
}

function kLZOf(counter: FunctionCounter, slot: number, N: number): number {
  const w = counter.words;
  const s = bitsOf(counter.keys, slot * w, N);
  let ones = 0;
  for (let i = 0; i < N; i++) ones += s[i];
  if (ones === 0 || ones === N) return Math.log2(N);
  if (counter.lzSum[slot] === 0) counter.lzSum[slot] = lzWords(s, N, false) + lzWords(s, N, true);
  return (Math.log2(N) * counter.lzSum[slot]) / 2;
}

function summarise(
  counter: FunctionCounter, tHist: Float64Array, samples: number, target: number, N: number, seed: number,
): Result {
  const w = counter.words;
  const { capacity, counts, keys } = counter;
  const total = Math.max(samples, 1); // probabilities are 0, not NaN, before the first sample
  const log10Total = Math.log10(total);

  // Frequencies of frequencies: how many functions were seen exactly c times.
  const ofCount = new Map<number, number>();
  for (let s = 0; s < capacity; s++) {
    const c = counts[s];
    if (c !== 0) ofCount.set(c, (ofCount.get(c) ?? 0) + 1);
  }
  const levels = [...ofCount.keys()].sort((a, b) => b - a);
  // Rank of the first function at each count level (competition ranking).
  const rankAt = new Map<number, number>();
  let above = 0;
  for (const c of levels) {
    rankAt.set(c, above + 1);
    above += ofCount.get(c)!;
  }
  const distinct = counter.size;

  // Rank–frequency, at log-spaced ranks.
  const rankFrequency: { rank: number; p: number }[] = [];
  if (distinct > 0) {
    const wanted: number[] = [];
    for (let q = 0; q < RANK_POINTS; q++) {
      const r = Math.round(Math.exp((q / (RANK_POINTS - 1)) * Math.log(distinct)));
      if (wanted.length === 0 || r > wanted[wanted.length - 1]) wanted.push(r);
    }
    let li = 0;
    let end = ofCount.get(levels[0])!; // last rank at the current level
    for (const r of wanted) {
      while (r > end) end += ofCount.get(levels[++li])!;
      rankFrequency.push({ rank: r, p: levels[li] / total });
    }
  }

  // The most frequent functions: everything above a threshold level, ties broken by table order.
  let threshold = 0;
  let covered = 0;
  for (const c of levels) {
    threshold = c;
    covered += ofCount.get(c)!;
    if (covered >= COMPLEXITY_TOP) break;
  }
  const topSlots: number[] = [];
  for (let s = 0; s < capacity; s++) if (counts[s] > threshold) topSlots.push(s);
  for (let s = 0; s < capacity && topSlots.length < COMPLEXITY_TOP; s++) if (counts[s] === threshold) topSlots.push(s);
  const keyCompare = (a: number, b: number) => {
    for (let q = w - 1; q >= 0; q--) {
      const d = (keys[a * w + q] >>> 0) - (keys[b * w + q] >>> 0);
      if (d !== 0) return d;
    }
    return 0;
  };
  topSlots.sort((a, b) => counts[b] - counts[a] || keyCompare(a, b));
  const inTop = new Set(topSlots);

  // A seeded uniform sample of the other functions (reservoir sampling).
  const rng = createRng((seed ^ 0x5bd1e995) >>> 0);
  const reservoir: number[] = [];
  let seen = 0;
  for (let s = 0; s < capacity; s++) {
    if (counts[s] === 0 || inTop.has(s)) continue;
    seen++;
    if (reservoir.length < COMPLEXITY_SAMPLE) reservoir.push(s);
    else {
      const r = Math.floor(rng.uniform() * seen);
      if (r < COMPLEXITY_SAMPLE) reservoir[r] = s;
    }
  }
  reservoir.sort((a, b) => counts[b] - counts[a] || keyCompare(a, b));

  const log10P = (c: number) => Math.log10(c) - log10Total;
  const complexity = [
    ...topSlots.map((s) => ({ kLZ: kLZOf(counter, s, N), log10P: log10P(counts[s]), count: counts[s], top: true })),
    ...reservoir.map((s) => ({ kLZ: kLZOf(counter, s, N), log10P: log10P(counts[s]), count: counts[s], top: false })),
  ];

  const top: FunctionStat[] = topSlots.slice(0, TOP_LISTED).map((s) => {
    const bits = bitsOf(keys, s * w, N);
    let ones = 0;
    for (let i = 0; i < N; i++) ones += bits[i];
    return {
      bits: Array.from(bits, (b) => (b ? '1' : '0')).join(''),
      count: counts[s],
      p: counts[s] / total,
      log10P: log10P(counts[s]),
      kLZ: kLZOf(counter, s, N),
      ones,
    };
  });

  // Profile over all functions by complexity (K_LZ is cached per table, so repeated snapshots
  // only pay for functions new since the last one).
  const byK = new Map<number, { functions: number; mass: number; maxCount: number }>();
  for (let s = 0; s < capacity; s++) {
    const c = counts[s];
    if (c === 0) continue;
    const k = kLZOf(counter, s, N);
    const e = byK.get(k);
    if (e) {
      e.functions++;
      e.mass += c;
      if (c > e.maxCount) e.maxCount = c;
    } else byK.set(k, { functions: 1, mass: c, maxCount: c });
  }
  const complexityProfile = [...byK.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([kLZ, e]) => ({ kLZ, functions: e.functions, mass: e.mass / total, log10MaxP: log10P(e.maxCount) }));

  const constant = (fill: number) => {
    const tt = new Int32Array(w).fill(fill);
    const count = counter.get(tt);
    return { count, p: count / total, rank: count > 0 ? rankAt.get(count)! : null };
  };

  return {
    samples,
    target,
    distinct,
    singletons: ofCount.get(1) ?? 0,
    pTop: levels.length > 0 ? levels[0] / total : 0,
    top,
    constant0: constant(0),
    constant1: constant(-1),
    rankFrequency,
    complexity,
    complexityProfile,
    tHistogram: Array.from(tHist),
  };
}

/** Draw params.samples networks and summarise them (the worker does the same in chunks). */
export function compute(params: Params): Result {
  const sampler = createSampler(params);
  sampler.run(Infinity);
  return sampler.snapshot();
}

export const model: Model<typeof schema, Result> = { id: 'simplicity-bias', schema, compute };
