// tiny-nets in a Web Worker: the exact count for n = 4 (see components/widgets/tiny-nets/session.ts).
import { createHost, type FromWorker, type Step, type ToWorker } from '../lib/widgets/worker-protocol';
import { computeSteps, type Params, type Result } from '../models/tiny-nets';
import { slimForView } from '../../components/widgets/tiny-nets/landscape';

// The count reports progress in [0, 1]; ranking the consistent functions afterwards is the last
// stretch, so the count is scaled to 90%. The result goes back with its landscape binned (see
// landscape.ts), which keeps the copy to the main thread small.
function* job(values: Params): Generator<Step<Result>, Result, void> {
  const steps = computeSteps(values);
  for (;;) {
    const next = steps.next();
    if (next.done) return slimForView(next.value);
    yield { progress: 0.9 * next.value };
  }
}

// Not the kit's serve(): it installs the message handler only after a dynamic import, so the first
// 'run' message, posted as soon as the worker is created, can arrive before there is a handler and
// be lost. Installing the handler synchronously, during the module's evaluation, avoids that.
const scope = self as unknown as { postMessage(m: FromWorker<Result>): void; onmessage: ((e: MessageEvent<ToWorker<Params>>) => void) | null };
const onMessage = createHost<Params, Result>(job, (m) => scope.postMessage(m));
scope.onmessage = (e) => onMessage(e.data);
