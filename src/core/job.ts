// A streaming job: a model's long computation as a generator that yields progress (and, now and
// then, a partial result worth drawing) between small slices of work, and returns the final result.
// Models write jobs against this type; the kit runs them in a Web Worker (src/kit/worker-protocol.ts).

export interface Step<R> {
  /** Fraction done, in [0, 1]. */
  progress: number;
  /** A partial result worth drawing now (optional: not every slice has one). */
  result?: R;
}

export type Job<P, R> = (values: P) => Generator<Step<R>, R, void>;
