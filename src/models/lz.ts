// Lempel–Ziv complexity of a sequence, as Valle-Pérez, Camargo & Louis (2018) use it for Boolean
// truth tables (their KC.h): K_LZ(s) = log2(L)·(N_w(s) + N_w(reverse s))/2, where N_w counts the
// words of the LZ76 parse found by Kaspar & Schuster's (1987) algorithm, and K_LZ = log2(L) for a
// constant sequence. Generic over the symbols so any widget can reuse it.

type Sequence = string | ArrayLike<number>;

/** Symbols as numbers: characters by code unit, arrays as they are. */
function symbols(seq: Sequence): ArrayLike<number> {
  if (typeof seq !== 'string') return seq;
  const out = new Uint16Array(seq.length);
  for (let i = 0; i < seq.length; i++) out[i] = seq.charCodeAt(i);
  return out;
}

/** Number of words in the LZ76 (exhaustive-history) parse of a sequence, by the Kaspar–Schuster
 * algorithm. The last word counts even when it is a copy that reaches the end. Empty → 0. */
export function lzWordCount(seq: Sequence): number {
  const s = symbols(seq);
  const n = s.length;
  if (n <= 1) return n;
  // Kaspar–Schuster in its published 1-based form; s1[j] is s[j - 1].
  let c = 1;
  let l = 1;
  let i = 0;
  let k = 1;
  let kMax = 1;
  for (;;) {
    if (s[i + k - 1] !== s[l + k - 1]) {
      if (k > kMax) kMax = k;
      i++;
      if (i === l) {
        c++;
        l += kMax;
        if (l + 1 > n) break;
        i = 0;
        k = 1;
        kMax = 1;
      } else {
        k = 1;
      }
    } else {
      k++;
      if (l + k > n) {
        c++;
        break;
      }
    }
  }
  return c;
}

function reversed(s: ArrayLike<number>): number[] {
  const out = new Array<number>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s[s.length - 1 - i];
  return out;
}

/** K_LZ of a sequence (a '0'/'1' string, a Uint8Array of bits, or any symbols). A constant
 * sequence of length L gets log2 L; the empty sequence gets 0. */
export function lzComplexity(bits: Sequence): number {
  const s = symbols(bits);
  const L = s.length;
  if (L === 0) return 0;
  let constant = true;
  for (let i = 1; i < L && constant; i++) if (s[i] !== s[0]) constant = false;
  if (constant) return Math.log2(L);
  return (Math.log2(L) * (lzWordCount(s) + lzWordCount(reversed(s)))) / 2;
}

/** The truth table of a Boolean function on `points` inputs as a bit string, point 0 first
 * (bit i of `table` is the output on point i). */
export function truthTableString(table: number, points: number): string {
  let s = '';
  for (let i = 0; i < points; i++) s += (Math.floor(table / 2 ** i) % 2 === 1) ? '1' : '0';
  return s;
}
