// Runs inside a Web Worker in Chromium: the essay's simplicity-bias sampler against the
// straightforward reference sampler, same network (5-20-20-1), same browser, same run.
import { createSampler } from '../../src/models/simplicity-bias';
import { defaults } from '../../src/core/schema';
import { schema } from '../../src/models/simplicity-bias';
import { referenceSample } from '../reference-sampler';

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };

scope.onmessage = (e: MessageEvent<{ samples: number; referenceSamples: number; seed: number }>) => {
  const { samples, referenceSamples, seed } = e.data;
  const params = { ...defaults(schema), n: 5, width: 20, samples, seed };
  const t0 = performance.now();
  const sampler = createSampler(params);
  while (sampler.done < samples) sampler.run(50_000);
  const fastMs = performance.now() - t0;
  const snap = sampler.snapshot();
  const t1 = performance.now();
  referenceSample({ n: 5, width: 20, bias: 'large', mode: 'mlp', samples: referenceSamples, seed });
  const refMs = performance.now() - t1;
  scope.postMessage({ engine: sampler.engine, samples, fastMs, referenceSamples, refMs, distinct: snap.distinct });
};
