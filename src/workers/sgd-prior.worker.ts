// sgd-prior's worker: 10^6 prior draws and 10^4 training runs at the defaults, off the main thread.
// The handler is wired with a static import (as basins.worker.ts explains), so a run posted as soon
// as the worker starts is never lost.
import { createHost, type ToWorker } from '../lib/widgets/worker-protocol';
import { job } from '../../components/widgets/sgd-prior/job';
import type { Params } from '../models/sgd-prior';
import type { LiveResult } from '../../components/widgets/sgd-prior/view';

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };
const onMessage = createHost<Params, LiveResult>(job, (m) => scope.postMessage(m));
scope.onmessage = (e: MessageEvent<ToWorker<Params>>) => onMessage(e.data);
