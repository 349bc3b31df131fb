// The serial-parallel computation as a worker job. At a finite width and large n, `compute` takes
// up to about a second (mostly one layer recursion per divisor of n, both rules). The model
// memoises those recursions, so the job runs them one at a time first, yielding in between: the
// worker can then report progress and drop a run a newer setting has superseded, and the final
// `compute` finds every recursion cached.
import {
  compute, divisors, logWeightedCount, normalize, residualProfile, type Params, type Result,
} from './serial-parallel';
import type { Step } from '../core/job';

export function* job(values: Params): Generator<Step<Result>, Result, void> {
  const p = normalize(values).values;
  const steps = p.steps as number;
  const width = p.width;
  if (width !== 'unlimited') {
    // The reader's own chain count first, then the others the chart against k needs.
    const current = p.chains as number;
    const ks = divisors(steps).filter((k) => k > 1).sort((a, b) => (a === current ? -1 : b === current ? 1 : a - b));
    const total = 2 * ks.length + 1;
    let done = 0;
    for (const k of ks) {
      residualProfile(steps, k, width as number);
      yield { progress: ++done / total };
      logWeightedCount('plain', p.layers as number, steps, k, width as number);
      yield { progress: ++done / total };
    }
  }
  return compute(values);
}
