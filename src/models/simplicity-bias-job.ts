// The simplicity-bias sampler as a worker job (src/workers/simplicity-bias.worker.ts). It draws the
// networks in time-boxed steps and summarises them a few times a second; the sampler's results do
// not depend on how the work is chunked, so the final result is exactly compute(values).
//
// Why these sizes: the worker host (src/kit/worker-protocol.ts) runs the generator in
// slices of about 12 ms and posts only the last step of each slice, so every step here lasts
// longer than a slice (a snapshot is then never overwritten before it is posted); a step of
// ~50 ms keeps Stop and superseding runs prompt while the host's yield between slices costs
// little. A snapshot costs O(distinct) (30–60 ms at 10^6 networks), so snapshots are spaced at
// least eight times their cost apart: at most ~11% of the run goes into showing progress.
import { createSampler, type Params, type Result } from './simplicity-bias';
import type { Step } from '../core/job';

/** A result as the worker streams it: the model's result plus how long the run has taken. */
export interface LiveResult extends Result {
  /** Milliseconds of sampling in the worker so far (absent at build time). */
  elapsedMs?: number;
  /** Which engine drew the networks ('wasm' = the WebAssembly SIMD kernel). */
  engine?: 'wasm' | 'js';
}

export const STEP_MS = 50;
/** Networks per call to the sampler inside a step (about 5–20 ms of work at the default shape). */
const CHUNK = 2048;
const FIRST_SNAPSHOT_MS = 120;
const SNAPSHOT_MS = 250;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function* job(values: Params): Generator<Step<LiveResult>, LiveResult, void> {
  const start = now();
  const sampler = createSampler(values);
  const target = sampler.snapshot().target;
  let snapshotCost = 0;
  const snapshot = (): LiveResult => {
    const t = now();
    const r = sampler.snapshot();
    snapshotCost = now() - t;
    return { ...r, elapsedMs: now() - start, engine: sampler.engine };
  };
  let nextSnapshot = start + FIRST_SNAPSHOT_MS;
  for (;;) {
    const stepStart = now();
    let drawn = 0;
    do drawn = sampler.run(CHUNK);
    while (drawn === CHUNK && now() - stepStart < STEP_MS);
    if (sampler.done >= target) break;
    const progress = sampler.done / target;
    if (now() >= nextSnapshot) {
      const result = snapshot();
      nextSnapshot = now() + Math.max(SNAPSHOT_MS, 8 * snapshotCost);
      yield { progress, result };
    } else yield { progress };
  }
  return snapshot();
}
