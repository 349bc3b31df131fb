// Runs inside a Web Worker in Chromium: the sgd-prior experiment at the widget's default setting
// (10^6 prior draws, 10^4 training runs) with another seed, so that it is computed rather than
// read from the build. Prior draws and training runs are timed apart. With `parts`, the worker
// does part `part` of them, as the widget's workers do (every parts-th block and run).
import {
  emptyTallies, partCount, priorBlocks, samplePartBlock, schema, setup, summarize, trainPartRun,
} from '../../src/models/sgd-prior';
import { defaults } from '../../src/core/schema';

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };

scope.onmessage = (e: MessageEvent<{ seed: number; part?: number; parts?: number }>) => {
  const s = setup({ ...defaults(schema), seed: e.data.seed });
  const share = { part: e.data.part ?? 0, parts: e.data.parts ?? 1 };
  const t = emptyTallies(s);
  const t0 = performance.now();
  for (let b = 0; b < partCount(priorBlocks(s), share); b++) samplePartBlock(s, share, b, t);
  const priorMs = performance.now() - t0;
  const t1 = performance.now();
  for (let r = 0; r < partCount(s.runs, share); r++) trainPartRun(s, share, r, t);
  const trainMs = performance.now() - t1;
  scope.postMessage({ samples: t.priorDrawn, runs: t.trained, priorMs, trainMs, medianSteps: summarize(s, t).medianSteps });
};
