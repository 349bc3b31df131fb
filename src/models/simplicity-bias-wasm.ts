// The fast path of the `simplicity-bias` sampler: a WebAssembly (SIMD) module generated here, byte
// by byte, for one network shape, so every size is a constant and every inner loop over the hidden
// units is unrolled into f64x2 operations. No toolchain is involved; this file is the source.
//
// It mirrors `mlpNet` (jsEngine) in simplicity-bias.ts operation for operation (the same IEEE
// double operations in the same order, lanes = pairs of hidden units), so both paths produce
// bit-identical networks and counts; the tests check that. The ziggurat's rare rejection branch (which needs exp and log) is
// left to the JavaScript NormalStream, which shares the generator state through memory.

export interface KernelLayout {
  n: number;
  h: number;
  /** h rounded up to even: SIMD lanes hold pairs of hidden units, the padding lane holds zeros. */
  hp: number;
  large: boolean;
  /** Length of the normal buffer (in doubles) and the index beyond which it is topped up. */
  nbLength: number;
  limit: number;
  /** Samples per batch of truth tables. */
  batch: number;
}

/** Byte addresses of every array in the module's memory (all 16-byte aligned). */
export interface Addresses {
  rng: number; // 4 × i32 sfc32 state
  np: number; // i32: byte offset (within nb) of the next unread normal
  kn: number; wn: number; // ziggurat tables: KNI (256 × i32) and WN (256 doubles)
  nb: number; // normal buffer
  fixSlot: number; fixWord: number; // the ziggurat's rejection list (i32 each, nbLength long)
  h1: number; w2t: number; aff: number; affUnit: number;
  corrPoint: number; corrVal: number; corrUnit: number;
  c: number; acc: number; v: number; tables: number;
  bytes: number;
}

export function layoutAddresses(k: KernelLayout): Addresses {
  const N = 1 << k.n;
  const words = N >>> 5;
  let at = 0;
  const take = (bytes: number) => {
    const here = at;
    at += Math.ceil(bytes / 16) * 16;
    return here;
  };
  const nc = k.h * N + 1;
  return {
    rng: take(16), np: take(16), kn: take(256 * 8), wn: take(256 * 8), nb: take(k.nbLength * 8),
    fixSlot: take(k.nbLength * 4), fixWord: take(k.nbLength * 4),
    h1: take(N * 8), w2t: take(k.h * k.hp * 8), aff: take(k.h * (k.n + 1) * 8), affUnit: take(k.h * 4),
    corrPoint: take(nc * 4), corrVal: take(nc * 8), corrUnit: take(nc * 4),
    c: take((k.n + 1) * k.hp * 8), acc: take(N * k.hp * 8), v: take(k.hp * 8), tables: take(k.batch * words * 4),
    get bytes() { return at; },
  };
}

// --- A minimal assembler ----------------------------------------------------------------------

/** Bytecode as a tree of numbers, flattened once per section (building flat arrays by spreading
 * would copy the same bytes over and over). */
type Code = (number | Code)[];
const flatten = (c: Code): number[] => c.flat(Infinity as 1) as number[];
const I32 = 0x7f, F64 = 0x7c, V128 = 0x7b;

function uleb(v: number): Code {
  const out: Code = [];
  do {
    let byte = v & 0x7f;
    v = Math.floor(v / 128);
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}
function sleb(v: number): Code {
  const out: Code = [];
  v |= 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}
const str = (s: string): Code => [uleb(s.length), Array.from(s, (ch) => ch.charCodeAt(0))];
const vec = (items: Code[]): Code => [uleb(items.length), items];
function section(id: number, body: Code): Code {
  const bytes = flatten(body);
  return [id, uleb(bytes.length), bytes];
}

const get = (l: number): Code => [0x20, uleb(l)];
const set = (l: number): Code => [0x21, uleb(l)];
const i32 = (v: number): Code => [0x41, sleb(v)];
function f64(v: number): Code {
  const b = new Uint8Array(new Float64Array([v]).buffer);
  return [0x44, Array.from(b)];
}
const memarg = (align: number, offset: number): Code => [align, uleb(offset)];
const loadF64 = (off = 0): Code => [0x2b, memarg(3, off)];
const storeF64 = (off = 0): Code => [0x39, memarg(3, off)];
const loadI32 = (off = 0): Code => [0x28, memarg(2, off)];
const storeI32 = (off = 0): Code => [0x36, memarg(2, off)];
const simd = (op: number, ...imm: Code): Code => [0xfd, uleb(op), imm];
const loadV = (off = 0): Code => simd(0x00, memarg(4, off));
const storeV = (off = 0): Code => simd(0x0b, memarg(4, off));
const OP = {
  i32Eqz: 0x45, i32Ctz: 0x68, i32Add: 0x6a, i32Sub: 0x6b, i32Mul: 0x6c, i32And: 0x71, i32Or: 0x72, i32Xor: 0x73, i32Shl: 0x74,
  i32ShrS: 0x75, i32ShrU: 0x76, i32Rotl: 0x77, i32GeS: 0x4e, i32GtS: 0x4a, i32LtS: 0x48,
  f64Gt: 0x64, f64Lt: 0x63, f64Abs: 0x99, f64Neg: 0x9a, f64Add: 0xa0, f64Mul: 0xa2,
  f64FromI32S: 0xb7, i64FromF64Bits: 0xbd, i64ShrU: 0x88, i32FromI64: 0xa7,
};
const V = { splat: 0x14, lane: 0x21, bitmask: 0xc4, abs: 0xec, add: 0xf0, mul: 0xf2 };
const block = (...body: Code[]): Code => [0x02, 0x40, body, 0x0b];
const loop = (...body: Code[]): Code => [0x03, 0x40, body, 0x0b];
const ifElse = (then: Code, otherwise?: Code): Code =>
  otherwise ? [0x04, 0x40, then, 0x05, otherwise, 0x0b] : [0x04, 0x40, then, 0x0b];
const brIf = (depth: number): Code => [0x0d, uleb(depth)];
const br = (depth: number): Code => [0x0c, uleb(depth)];

/** while (local < limit) { body; local += step }, with the exit test first. `limit` is code. */
function forUp(local: number, limit: Code, step: number, body: Code): Code {
  return block(
    loop(get(local), limit, [OP.i32GeS], brIf(1), body, get(local), i32(step), [OP.i32Add], set(local), br(0)),
  );
}

/** Build the module. Imports env.mem (the memory laid out by layoutAddresses); exports fill and mlp. */
export function buildKernel(k: KernelLayout, A: Addresses): Uint8Array {
  const { n, h, hp, large } = k;
  const N = 1 << n;
  const words = N >>> 5;
  const n1 = n + 1;
  const row = hp * 8; // bytes per row of acc / C / a W2 column
  const pairs = hp / 2;
  const sW1 = 1 / Math.sqrt(n), sB1 = large ? 1 : sW1;
  const sW2 = 1 / Math.sqrt(h), sB2 = large ? 1 : sW2, halfSW2 = 0.5 * sW2;

  // ---- fill(from, to) → fix-ups: the ziggurat's fast pass over the byte range [from, to) of nb ----
  // Every slot gets (s + 0.5)·WN[iz]; slots whose fast test fails are listed (slot index, word) for
  // NormalStream.fixup, which runs the rejection branch in JavaScript in the same order.
  const fill = (() => {
    const [from, to, a, b, c, d, t, iz, s, u, nFix] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const store = (l: number, off: number): Code => [i32(A.rng), get(l), storeI32(off)];
    const load = (l: number, off: number): Code => [i32(A.rng), loadI32(off), set(l)];
    const body: Code = [
      load(a, 0), load(b, 4), load(c, 8), load(d, 12),
      forUp(from, get(to), 8, [
        // t = a + b + d; d += 1; a = b ^ (b >>> 9); b = c + (c << 3); c = rotl(c, 21) + t
        get(a), get(b), OP.i32Add, get(d), OP.i32Add, set(t),
        get(d), i32(1), OP.i32Add, set(d),
        get(b), get(b), i32(9), OP.i32ShrU, OP.i32Xor, set(a),
        get(c), get(c), i32(3), OP.i32Shl, OP.i32Add, set(b),
        get(c), i32(21), OP.i32Rotl, get(t), OP.i32Add, set(c),
        get(t), i32(255), OP.i32And, i32(2), OP.i32Shl, set(iz), // byte offset into KNI
        get(t), i32(8), OP.i32ShrS, set(s),
        get(s), get(s), i32(31), OP.i32ShrS, OP.i32Xor, set(u),
        get(from), get(s), OP.f64FromI32S, f64(0.5), OP.f64Add, get(iz), get(iz), OP.i32Add, loadF64(A.wn), OP.f64Mul, storeF64(A.nb),
        // if (u >= KNI[iz]) list the slot for the rejection branch (rare, so the branch predicts well)
        get(u), get(iz), loadI32(A.kn), OP.i32GeS,
        ifElse([
          get(nFix), i32(2), OP.i32Shl, get(from), i32(3), OP.i32ShrU, storeI32(A.fixSlot),
          get(nFix), i32(2), OP.i32Shl, get(t), storeI32(A.fixWord),
          get(nFix), i32(1), OP.i32Add, set(nFix),
        ]),
      ]),
      store(a, 0), store(b, 4), store(c, 8), store(d, 12),
      get(nFix),
    ];
    return { locals: [[9, I32]] as [number, number][], body };
  })();

  // ---- mlp(count, unused) → samples drawn ----------------------------------------------------------
  const mlp = (() => {
    let next = 2;
    const loc = (n: number) => { const l = next; next += n; return l; };
    const count = 0;
    const p = loc(1), s = loc(1), j = loc(1), live = loc(1), nAff = loc(1), nCorr = loc(1), lvb = loc(1);
    const ao = loc(1), i = loc(1), t = loc(1), ptr = loc(1), word = loc(1), wo = loc(1), dst = loc(1), q = loc(1);
    const i32Count = next - 2;
    const b = loc(1), sum = loc(1), sumAbs = loc(1), w = loc(1), x = loc(1), b3 = loc(1);
    const f64Count = next - 2 - i32Count;
    const vc = loc(1), vs = loc(1), vx = loc(1);
    const v128Count = next - 2 - i32Count - f64Count;
    const locals: [number, number][] = [[i32Count, I32], [f64Count, F64], [v128Count, V128]];

    const nbAt = (idx: number): Code => [get(p), loadF64(A.nb + idx * 8)]; // nb[np + idx]
    const scaledInto = (srcOff: number, dstBase: Code, scale: number): Code => {
      // dst[k] = nb[np + srcOff + k]·scale for k < h, zero padding lane when h is odd.
      const out: Code = [];
      for (let kk = 0; kk < Math.floor(h / 2); kk++) {
        out.push(dstBase, get(p), loadV(A.nb + (srcOff + 2 * kk) * 8), f64(scale), simd(V.splat),
          simd(V.mul), storeV(16 * kk));
      }
      if (h % 2 === 1) {
        out.push(dstBase, nbAt(srcOff + h - 1), f64(scale), OP.f64Mul, storeF64(8 * (h - 1)));
        out.push(dstBase, f64(0), storeF64(8 * h));
      }
      return out;
    };
    const storeAffine: Code = [
      get(nAff), i32(n1 * 8), OP.i32Mul, set(ao),
      get(ao), get(b), storeF64(A.aff),
      Array.from({ length: n }, (_, m) => [get(ao), nbAt(1 + m), f64(sW1), OP.f64Mul, storeF64(A.aff + 8 * (1 + m))]),
      get(nAff), i32(2), OP.i32Shl, get(lvb), storeI32(A.affUnit),
      get(nAff), i32(1), OP.i32Add, set(nAff),
    ];
    // Corrections: append (acc row of i, ±h1[i], W2 column) for every point i whose h1[i] has the
    // sign bit (negate) or not (!negate), in increasing i. The sign bits of 32 points at a time are
    // gathered with i64x2.bitmask and the set bits visited with ctz, so the work is per correction,
    // not per point. nCorr is kept as a byte offset (entries · 4).
    const corrLoop = (negate: boolean): Code => {
      const out: Code = [];
      for (let g = 0; g < N; g += 32) {
        out.push(i32(0), set(word));
        for (let e = 0; e < 16; e++) {
          out.push(i32(0), loadV(A.h1 + 8 * (g + 2 * e)), simd(V.bitmask));
          if (e > 0) out.push(i32(2 * e), OP.i32Shl);
          out.push(get(word), OP.i32Or, set(word));
        }
        if (!negate) out.push(get(word), i32(-1), OP.i32Xor, set(word));
        out.push(block(loop(
          get(word), [OP.i32Eqz], brIf(1),
          get(word), [OP.i32Ctz], set(i),
          get(word), get(word), i32(1), [OP.i32Sub], [OP.i32And], set(word),
          get(nCorr), get(i), i32(row), [OP.i32Mul], i32(A.acc + g * row), [OP.i32Add], storeI32(A.corrPoint),
          get(nCorr), get(nCorr), [OP.i32Add], get(i), i32(3), [OP.i32Shl], loadF64(A.h1 + 8 * g),
          (negate ? [[OP.f64Neg]] : []), storeF64(A.corrVal),
          get(nCorr), get(lvb), storeI32(A.corrUnit),
          get(nCorr), i32(4), [OP.i32Add], set(nCorr),
          br(0),
        )));
      }
      return out;
    };
    const subsetSums: Code = [i32(0), get(b), storeF64(A.h1)];
    for (let m = 0; m < n; m++) {
      subsetSums.push(nbAt(1 + m), f64(sW1), OP.f64Mul, set(w));
      const half = 1 << m;
      if (half === 1) subsetSums.push(i32(0), i32(0), loadF64(A.h1), get(w), OP.f64Add, storeF64(A.h1 + 8));
      else {
        for (let tt = 0; tt < half; tt += 2) {
          subsetSums.push(i32(0), i32(0), loadV(A.h1 + 8 * tt), get(w), simd(V.splat), simd(V.add),
            storeV(A.h1 + 8 * (half + tt)));
        }
      }
    }
    const half = (e: Code): Code => [f64(0.5), e, OP.f64Mul];
    const layer1: Code = [
      i32(0), set(live), i32(0), set(nAff), i32(0), set(nCorr), i32(0), set(j),
      forUp(j, i32(h), 1, [
        nbAt(0), f64(sB1), OP.f64Mul, set(b),
        f64(0), set(sum), f64(0), set(sumAbs),
        Array.from({ length: n }, (_, m) => [
          nbAt(1 + m), set(w),
          get(sum), get(w), OP.f64Add, set(sum),
          get(sumAbs), get(w), OP.f64Abs, OP.f64Add, set(sumAbs),
        ]),
        get(sum), f64(sW1), OP.f64Mul, set(sum),
        get(sumAbs), f64(sW1), OP.f64Mul, set(sumAbs),
        // live iff b + ½(sum + |sum|) > 0
        get(b), half([get(sum), get(sumAbs), OP.f64Add]), OP.f64Add, f64(0), OP.f64Gt,
        ifElse([
          get(live), i32(row), OP.i32Mul, i32(A.w2t), OP.i32Add, set(lvb),
          get(b), half([get(sum), get(sumAbs), 0xa1 /* f64.sub */]), OP.f64Add, f64(0), OP.f64Gt,
          ifElse(storeAffine, [
            subsetSums,
            get(b), half(get(sum)), OP.f64Add, f64(0), OP.f64Gt,
            ifElse([storeAffine, corrLoop(true)], corrLoop(false)),
          ]),
          get(live), i32(1), OP.i32Add, set(live),
        ]),
        get(p), i32(n1 * 8), OP.i32Add, set(p),
      ]),
    ];
    const layer2: Code = [
      // W2 columns of the live units.
      i32(A.w2t), set(ptr), i32(0), set(q),
      forUp(q, get(live), 1, [
        scaledInto(0, get(ptr), sW2),
        get(ptr), i32(row), OP.i32Add, set(ptr),
        get(p), i32(h * 8), OP.i32Add, set(p),
      ]),
      // C row 0 = b2, other rows 0.
      scaledInto(0, i32(A.c), sB2),
      get(p), i32(h * 8), OP.i32Add, set(p),
      Array.from({ length: n * pairs }, (_, e) => [i32(0), f64(0), simd(V.splat), storeV(A.c + row + 16 * e)]),
      // C += W2[:, j]·(b_j, w_j) over the affine units.
      i32(0), set(q),
      forUp(q, get(nAff), 1, [
        get(q), i32(2), OP.i32Shl, loadI32(A.affUnit), set(wo),
        get(q), i32(n1 * 8), OP.i32Mul, set(ao),
        Array.from({ length: n1 }, (_, m) => [
          get(ao), loadF64(A.aff + 8 * m), simd(V.splat), set(vc),
          Array.from({ length: pairs }, (_, kk) => [
            i32(0), i32(0), loadV(A.c + m * row + 16 * kk), get(vc), get(wo), loadV(16 * kk),
            simd(V.mul), simd(V.add), storeV(A.c + m * row + 16 * kk),
          ]),
        ]),
      ]),
      // Expand over the cube: acc[half + t] = acc[t] + C[m + 1].
      Array.from({ length: pairs }, (_, kk) => [i32(0), i32(0), loadV(A.c + 16 * kk), storeV(A.acc + 16 * kk)]),
      Array.from({ length: n }, (_, m) => {
        const hf = 1 << m;
        return [
          i32(0), set(t),
          forUp(t, i32(hf * row), row, Array.from({ length: pairs }, (_, kk) => [
            get(t), get(t), loadV(A.acc + 16 * kk), i32(0), loadV(A.c + (m + 1) * row + 16 * kk),
            simd(V.add), storeV(A.acc + hf * row + 16 * kk),
          ])),
        ];
      }),
      // Corrections.
      i32(0), set(q),
      forUp(q, get(nCorr), 4, [
        get(q), loadI32(A.corrPoint), set(dst),
        get(q), loadI32(A.corrUnit), set(wo),
        get(q), get(q), OP.i32Add, loadF64(A.corrVal), simd(V.splat), set(vc),
        Array.from({ length: pairs }, (_, kk) => [
          get(dst), get(dst), loadV(16 * kk), get(vc), get(wo), loadV(16 * kk),
          simd(V.mul), simd(V.add), storeV(16 * kk),
        ]),
      ]),
    ];
    const output: Code = [
      scaledInto(0, i32(A.v), halfSW2),
      nbAt(h), f64(sB2), OP.f64Mul, set(b3),
      get(p), i32((h + 1) * 8), OP.i32Add, set(p),
      i32(0), set(word), i32(0), set(i),
      // tables + s·words·4, advanced per word
      get(s), i32(words * 4), OP.i32Mul, i32(A.tables), OP.i32Add, set(ptr),
      i32(A.acc), set(dst),
      forUp(i, i32(N), 1, [
        f64(0), simd(V.splat), set(vs),
        Array.from({ length: pairs }, (_, kk) => [
          get(dst), loadV(16 * kk), set(vx),
          get(vs), i32(0), loadV(A.v + 16 * kk), get(vx), get(vx), simd(V.abs), simd(V.add),
          simd(V.mul), simd(V.add), set(vs),
        ]),
        get(b3), get(vs), simd(V.lane, 0), get(vs), simd(V.lane, 1), OP.f64Add, OP.f64Add, set(x),
        // word |= [x > 0] << (i & 31), with [x > 0] read from the sign bit (x is never 0)
        get(word),
        get(x), OP.i64FromF64Bits, 0x42, sleb(63), OP.i64ShrU, OP.i32FromI64, i32(1), OP.i32Xor,
        get(i), i32(31), OP.i32And, OP.i32Shl, OP.i32Or, set(word),
        get(i), i32(31), OP.i32And, i32(31), 0x46 /* i32.eq */,
        ifElse([get(ptr), get(word), storeI32(0), get(ptr), i32(4), OP.i32Add, set(ptr), i32(0), set(word)]),
        get(dst), i32(row), OP.i32Add, set(dst),
      ]),
    ];
    const body: Code = [
      i32(A.np), loadI32(0), set(p),
      i32(0), set(s),
      block(loop(
        get(s), get(count), [OP.i32GeS], brIf(1),
        get(p), i32(k.limit * 8), [OP.i32GtS], brIf(1),
        layer1, layer2, output,
        get(s), i32(1), [OP.i32Add], set(s),
        br(0),
      )),
      i32(A.np), get(p), storeI32(0),
      get(s),
    ];
    return { locals, body };
  })();

  const fnBody = (f: { locals: [number, number][]; body: Code }): Code => {
    const inner = flatten([vec(f.locals.filter(([c]) => c > 0).map(([c, ty]) => [uleb(c), ty])), f.body, 0x0b]);
    return [uleb(inner.length), inner];
  };
  const pages = Math.ceil(A.bytes / 65536);
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    section(1, vec([
      [0x60, vec([[I32], [I32]]), vec([[I32]])], // fill, mlp
    ])),
    section(2, vec([[str('env'), str('mem'), 0x02, 0x00, uleb(pages)]])),
    section(3, vec([[0], [0]])),
    section(7, vec([[str('fill'), 0x00, 0], [str('mlp'), 0x00, 1]])),
    section(10, vec([fnBody(fill), fnBody(mlp)])),
  ];
  return Uint8Array.from(flatten(bytes));
}
