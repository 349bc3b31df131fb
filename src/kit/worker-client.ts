// The main-thread side of a widget worker: one worker per widget, started on first use; each run
// supersedes the previous one (which is cancelled), and partial results stream to `emit`.
import type { RunOptions } from './controller';
import type { FromWorker, ToWorker } from './worker-protocol';

export function workerRunner<P, R>(createWorker: () => Worker) {
  let worker: Worker | null = null;
  let nextId = 0;
  return function run(values: P, { emit, progress, signal }: RunOptions<R>): Promise<void> {
    worker ??= createWorker();
    const w = worker;
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      const cleanup = () => w.removeEventListener('message', onMessage);
      const onMessage = (event: MessageEvent<FromWorker<R>>) => {
        const m = event.data;
        if (m.id !== id) return;
        if (m.type === 'progress') {
          if (m.result !== undefined) emit(m.result, m.progress);
          else progress?.(m.progress);
        } else if (m.type === 'done') {
          cleanup();
          emit(m.result, 1);
          resolve();
        } else {
          cleanup();
          reject(new Error(m.message));
        }
      };
      signal.addEventListener('abort', () => {
        w.postMessage({ type: 'cancel', id } satisfies ToWorker<P>);
        cleanup();
        resolve();
      });
      w.addEventListener('message', onMessage);
      w.postMessage({ type: 'run', id, values } satisfies ToWorker<P>);
    });
  };
}
