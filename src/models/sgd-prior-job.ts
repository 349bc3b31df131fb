// The sgd-prior experiment as a worker job (src/workers/sgd-prior.worker.ts): one part of a
// setting's work (client.ts runs two parts side by side where there are two cores, or one that is
// the whole), the prior draws block by block, then the training runs one by one, in steps of about
// STEP_MS so that a newer setting supersedes the run promptly. It posts raw tallies; the page merges
// the parts' tallies and summarises them. Every block and run has its own seeded stream, so the
// final result is exactly compute(values) however the work is split and sliced.
import {
  emptyTallies, partCount, PRIOR_BLOCK, priorBlocks, samplePartBlock, setup, trainPartRun, type Params, type Part, type Tallies,
} from './sgd-prior';
import type { Step } from '../core/job';

export interface PartJob extends Part {
  values: Params;
}

const STEP_MS = 50;
/** Partial tallies (the chart redrawn with the runs so far) at most this often. */
const SNAPSHOT_MS = 400;
/** A training run costs about as much as this many prior draws at the defaults: weights progress. */
const RUN_COST = 15;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** The tallies as posted: steps cut to the runs that fit (mergeTallies reads no further). */
const posted = (t: Tallies): Tallies => ({ ...t, steps: t.steps.slice(0, t.fitted) });

export function* job({ values, part, parts }: PartJob): Generator<Step<Tallies>, Tallies, void> {
  const s = setup(values);
  const t = emptyTallies(s);
  const share = { part, parts };
  const blocks = partCount(priorBlocks(s), share);
  const runs = partCount(s.runs, share);
  let blocksDone = 0;
  // In prior draws (a part's last block may be short: progress is only shown, never quoted).
  const total = blocks * PRIOR_BLOCK + RUN_COST * runs;
  const progress = () => Math.min(1, total > 0 ? (t.priorDrawn + RUN_COST * t.trained) / total : 1);
  while (blocksDone < blocks) {
    const start = now();
    while (blocksDone < blocks && now() - start < STEP_MS) samplePartBlock(s, share, blocksDone++, t);
    if (blocksDone < blocks) yield { progress: progress() };
  }
  let nextSnapshot = now() + SNAPSHOT_MS;
  while (t.trained < runs) {
    const start = now();
    while (t.trained < runs && now() - start < STEP_MS) trainPartRun(s, share, t.trained, t);
    if (t.trained >= runs) break;
    if (now() >= nextSnapshot) {
      nextSnapshot = now() + SNAPSHOT_MS;
      yield { progress: progress(), result: posted(t) };
    } else yield { progress: progress() };
  }
  return posted(t);
}
