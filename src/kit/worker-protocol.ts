// The one message protocol between a widget (main thread, src/kit/worker-client.ts) and its Web
// Worker (src/workers/*.worker.ts, each one line: `serve(job)`). A run is a model's job
// (src/core/job.ts): a generator that yields progress (and optionally a partial result) between
// slices of work; the host runs it in slices of a few milliseconds, yielding to the worker's event
// loop in between so that a newer run (or a cancel) supersedes it promptly.
import type { Job, Step } from '../core/job';

export type ToWorker<P> = { type: 'run'; id: number; values: P } | { type: 'cancel'; id: number };
export type FromWorker<R> =
  | { type: 'progress'; id: number; progress: number; result?: R }
  | { type: 'done'; id: number; result: R }
  | { type: 'error'; id: number; message: string };


/** Runs jobs for a worker. `post` sends a message; `later` schedules the next slice. Separated from
 * the global scope so it can be tested in Node. */
export function createHost<P, R>(
  job: Job<P, R>,
  post: (m: FromWorker<R>) => void,
  later: (fn: () => void) => void = (fn) => setTimeout(fn, 0),
  sliceMs = 12,
) {
  let current = 0;
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  return function onMessage(message: ToWorker<P>): void {
    if (message.type === 'cancel') {
      if (message.id === current) current = 0;
      return;
    }
    const id = message.id;
    current = id;
    let steps: Generator<Step<R>, R, void>;
    try {
      steps = job(message.values);
    } catch (e) {
      post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
      return;
    }
    const slice = () => {
      if (current !== id) return;
      const start = now();
      try {
        let last: Step<R> | undefined;
        while (now() - start < sliceMs) {
          const next = steps.next();
          if (next.done) {
            current = 0;
            post({ type: 'done', id, result: next.value });
            return;
          }
          last = next.value;
        }
        if (last) post({ type: 'progress', id, progress: last.progress, result: last.result });
      } catch (e) {
        current = 0;
        post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
        return;
      }
      later(slice);
    };
    slice();
  };
}

/** Inside a worker: answer run/cancel messages with the given job. Call it while the worker's
 * module is evaluated (statically imported job, no await before it): the handler is then in place
 * before the first message, so a run posted the moment the worker starts is never lost. */
export function serve<P, R>(job: Job<P, R>): void {
  const scope = self as unknown as { postMessage(m: FromWorker<R>): void; onmessage: ((e: MessageEvent<ToWorker<P>>) => void) | null };
  const onMessage = createHost<P, R>(job, (m) => scope.postMessage(m));
  scope.onmessage = (e) => onMessage(e.data);
}
