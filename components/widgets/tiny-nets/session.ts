// One tiny-nets computation per setting, shared by everything on the page that shows it: the
// figure, inline numbers in the prose, and the overfitting figure (which compares its own counts
// with tiny-nets' parameter counting). Browser-only.
//
// Where the work runs. n ≤ 3 is computed on the main thread: the exact count takes ~5–25 ms the
// first time per (n, h, alphabet) and is cached, after which a setting costs well under a
// millisecond — so a click answers in the same frame. n = 4 always goes to a Web Worker: the count
// takes ~0.1–1 s the first time, and even with the table cached, ranking the up to 2^16
// consistent functions takes ~50–100 ms, too long for the main thread.
import { compute, type Params, type Result } from '../../../src/models/tiny-nets';
import { workerRunner } from '../../../src/kit/worker-client';
import type { RunOptions } from '../../../src/kit/controller';

export const MAIN_THREAD_MAX_N = 3;

const keyOf = (v: Params) => [v.n, v.hidden, v.alphabet, v.target, v.train, v.seed].join('|');

// The kit's runner reports only results; the count yields progress without one. Listening on the
// worker directly gives the progress bar something to show during the first n = 4 count.
const progressListeners = new Set<(fraction: number) => void>();
export function onProgress(listener: (fraction: number) => void): () => void {
  progressListeners.add(listener);
  return () => progressListeners.delete(listener);
}

let runInWorker: ((values: Params, options: RunOptions<Result>) => Promise<void>) | null = null;
function workerRun(): (values: Params, options: RunOptions<Result>) => Promise<void> {
  runInWorker ??= workerRunner<Params, Result>(() => {
    const worker = new Worker(new URL('../../../src/workers/tiny-nets.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<{ type: string; progress?: number }>) => {
      if (event.data?.type === 'progress' && typeof event.data.progress === 'number') {
        for (const listener of progressListeners) listener(event.data.progress);
      }
    });
    return worker;
  });
  return runInWorker;
}

interface Flight {
  key: string;
  controller: AbortController;
  subscribers: Set<(result: Result, progress: number) => void>;
  done: Promise<void>;
}

let last: { key: string; result: Result } | null = null;
let flight: Flight | null = null;

/** The latest complete result, if it is for these values. */
export function cachedResult(values: Params): Result | undefined {
  return last?.key === keyOf(values) ? last.result : undefined;
}

/** A `run` for mountWidget (and for anyone else who needs a tiny-nets result): emits the result
 * for `values` — synchronously for n ≤ 3 or a repeated setting, from the worker for n = 4. Callers
 * asking for the same setting at the same time share one worker run. */
export function request(values: Params, { emit, signal }: RunOptions<Result>): Promise<void> {
  const key = keyOf(values);
  if (last?.key === key) {
    emit(last.result, 1);
    return Promise.resolve();
  }
  if ((values.n as number) <= MAIN_THREAD_MAX_N) {
    const result = compute(values);
    last = { key, result };
    emit(result, 1);
    return Promise.resolve();
  }
  if (!flight || flight.key !== key) {
    // A newer setting supersedes the one in flight (every caller follows the same store).
    flight?.controller.abort();
    const controller = new AbortController();
    const subscribers = new Set<(result: Result, progress: number) => void>();
    const f: Flight = { key, controller, subscribers, done: Promise.resolve() };
    f.done = workerRun()(values, {
      signal: controller.signal,
      emit(result, progress) {
        if (progress >= 1) {
          last = { key, result };
          if (flight === f) flight = null;
        }
        for (const s of [...subscribers]) s(result, progress);
      },
    }).finally(() => {
      if (flight === f) flight = null;
    });
    flight = f;
  }
  const f = flight;
  f.subscribers.add(emit);
  signal.addEventListener(
    'abort',
    () => {
      f.subscribers.delete(emit);
      if (f.subscribers.size === 0 && flight === f) {
        f.controller.abort();
        flight = null;
      }
    },
    { once: true },
  );
  return f.done;
}
