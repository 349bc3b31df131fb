// Brute-force reference for the tiny-nets tests: evaluate every configuration of the network.

/** Every configuration of the network, one by one (an odometer over all parameters). */
export function bruteForce(n: number, h: number, alphabet: readonly number[]): Float64Array {
  const points = 1 << n;
  const A = alphabet.length;
  const params = h * (n + 1) + h + 1; // hidden weights and biases, output weights, output bias
  const counts = new Float64Array(2 ** points);
  const digit = new Int32Array(params);
  const w = new Int32Array(params).fill(alphabet[0]);
  // Layout: unit k has weights w[k(n+1) … k(n+1)+n−1] and bias w[k(n+1)+n]; then v_1…v_h, then c.
  for (;;) {
    let f = 0;
    for (let i = 0; i < points; i++) {
      let out = w[params - 1];
      for (let k = 0; k < h; k++) {
        let pre = w[k * (n + 1) + n];
        for (let j = 0; j < n; j++) if ((i >> j) & 1) pre += w[k * (n + 1) + j];
        if (pre > 0) out += w[h * (n + 1) + k];
      }
      if (out > 0) f |= 1 << i;
    }
    counts[f]++;
    let p = 0;
    while (p < params && digit[p] === A - 1) {
      digit[p] = 0;
      w[p] = alphabet[0];
      p++;
    }
    if (p === params) return counts;
    digit[p]++;
    w[p] = alphabet[digit[p]];
  }
}
