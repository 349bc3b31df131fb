// serial-parallel's worker. It wires the job to the host directly rather than through `serve`
// (src/lib/widgets/worker-client.ts), because `serve` installs its message handler only after an
// asynchronous import, and a run posted as soon as the worker starts would arrive before it and be
// lost (the widget then waits for ever). A static import keeps the handler in place from the start.
import { createHost, type ToWorker } from '../lib/widgets/worker-protocol';
import { job } from '../../components/widgets/serial-parallel/job';
import type { Params, Result } from '../models/serial-parallel';

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };
const onMessage = createHost<Params, Result>(job, (m) => scope.postMessage(m));
scope.onmessage = (e: MessageEvent<ToWorker<Params>>) => onMessage(e.data);
