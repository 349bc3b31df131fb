// Log-space helpers shared by the models. Natural logs unless a name says log10.

export const LN10 = Math.LN10;
export const LOG10_2 = Math.log10(2);

/** log(a + b) from log a and log b, without overflow. */
export function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** log Σ exp(x_i). Returns -Infinity for an empty or all -Infinity list. */
export function logSumExp(xs: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < xs.length; i++) if (xs[i] > m) m = xs[i];
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += Math.exp(xs[i] - m);
  return m + Math.log(s);
}

const logFactorials: number[] = [0];
/** log n! exactly summed (n is small in every model here), cached. */
export function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k++) logFactorials[k] = logFactorials[k - 1] + Math.log(k);
  return logFactorials[n];
}

/** log C(n, k); -Infinity outside 0 ≤ k ≤ n. */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return -Infinity;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** log10 of 1/(1 + 10^−x) (a probability from log10 odds), stable for any finite x; never −0. */
export function log10Sigmoid(x: number): number {
  const y = x >= 0 ? -Math.log1p(Math.pow(10, -x)) / LN10 : x - Math.log1p(Math.pow(10, x)) / LN10;
  return y + 0;
}

/** 1/(1 + 10^−x), written so that neither branch overflows (it underflows to 0 only below ~10^−308). */
export function sigmoid10(x: number): number {
  if (x >= 0) return 1 / (1 + Math.pow(10, -x));
  const t = Math.pow(10, x);
  return t / (1 + t);
}
