// basins' worker. It wires the job to the host directly rather than through `serve`
// (src/lib/widgets/worker-client.ts): `serve` installs its message handler only after an
// asynchronous import, so a run posted as soon as the worker starts arrives before the handler and
// is lost (the figure then waits for ever). A static import keeps the handler in place from the start.
import { createHost, type ToWorker } from '../lib/widgets/worker-protocol';
import { basinsJob } from '../../components/widgets/basins/job';
import type { Params } from '../models/basins';
import type { BasinsResult } from '../../components/widgets/basins/shared';

const scope = self as unknown as { postMessage(m: unknown): void; onmessage: ((e: MessageEvent) => void) | null };
const onMessage = createHost<Params, BasinsResult>(basinsJob, (m) => scope.postMessage(m));
scope.onmessage = (e: MessageEvent<ToWorker<Params>>) => onMessage(e.data);
