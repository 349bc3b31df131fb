// sgd-prior's worker: 10^6 prior draws and 10^4 training runs at the defaults, off the main thread.
// The handler is wired with a static import (as basins.worker.ts explains), so a run posted as soon
// as the worker starts is never lost.
import { createHost, type ToWorker } from '../lib/widgets/worker-protocol';
import { job, type PartJob } from '../../components/widgets/sgd-prior/job';
import type { Tallies } from '../models/sgd-prior';

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };
const onMessage = createHost<PartJob, Tallies>(job, (m) => scope.postMessage(m));
scope.onmessage = (e: MessageEvent<ToWorker<PartJob>>) => onMessage(e.data);
