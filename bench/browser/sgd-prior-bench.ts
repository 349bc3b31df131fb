// Runs inside a Web Worker in Chromium: the sgd-prior experiment at the widget's default setting
// (10^6 prior draws, 10^4 training runs) with another seed, so that it is computed rather than
// read from the build. Prior draws and training runs are timed apart.
import { emptyTallies, priorBlocks, recordRun, sampleBlock, schema, setup, summarize, trainRun } from '../../src/models/sgd-prior';
import { defaults } from '../../src/core/schema';

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };

scope.onmessage = (e: MessageEvent<{ seed: number }>) => {
  const s = setup({ ...defaults(schema), seed: e.data.seed });
  const t = emptyTallies(s);
  const t0 = performance.now();
  for (let b = 0; b < priorBlocks(s); b++) t.priorDrawn += sampleBlock(s, b, t.priorCounts);
  const priorMs = performance.now() - t0;
  const t1 = performance.now();
  for (let r = 0; r < s.runs; r++) recordRun(t, trainRun(s, r));
  const trainMs = performance.now() - t1;
  scope.postMessage({ samples: s.samples, runs: s.runs, priorMs, trainMs, medianSteps: summarize(s, t).medianSteps });
};
