// The sgd-prior experiment as a worker job (src/workers/sgd-prior.worker.ts): the prior draws block
// by block, then the training runs one by one, in steps of about STEP_MS so that a newer setting
// supersedes the run promptly. Every block and run has its own seeded stream, so the final result
// is exactly compute(values) however the work is sliced.
import {
  emptyTallies, priorBlocks, recordRun, sampleBlock, setup, summarize, trainRun, type Params, type Result,
} from './sgd-prior';
import type { Step } from '../core/job';

/** A result as the worker streams it: done = false while runs are still being trained. */
export interface LiveResult extends Result {
  done?: boolean;
}

const STEP_MS = 50;
/** Partial results (the chart redrawn with the runs so far) at most this often. */
const SNAPSHOT_MS = 400;
/** A training run costs about as much as this many prior draws at the defaults: weights progress. */
const RUN_COST = 15;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function* job(values: Params): Generator<Step<LiveResult>, LiveResult, void> {
  const s = setup(values);
  const t = emptyTallies(s);
  const blocks = priorBlocks(s);
  const total = s.samples + RUN_COST * s.runs;
  const progress = () => (t.priorDrawn + RUN_COST * t.trained) / total;
  let block = 0;
  while (block < blocks) {
    const start = now();
    while (block < blocks && now() - start < STEP_MS) t.priorDrawn += sampleBlock(s, block++, t.priorCounts);
    if (block < blocks) yield { progress: progress() };
  }
  let nextSnapshot = now() + SNAPSHOT_MS;
  while (t.trained < s.runs) {
    const start = now();
    while (t.trained < s.runs && now() - start < STEP_MS) recordRun(t, trainRun(s, t.trained));
    if (t.trained >= s.runs) break;
    if (now() >= nextSnapshot) {
      nextSnapshot = now() + SNAPSHOT_MS;
      yield { progress: progress(), result: { ...summarize(s, t), done: false } };
    } else yield { progress: progress() };
  }
  return { ...summarize(s, t), done: true };
}
