import { describe, expect, it } from 'vitest';
import { createHost, type FromWorker } from '../../src/kit/worker-protocol';
import type { Step } from '../../src/core/job';

function* countTo(n: number): Generator<Step<number>, number, void> {
  let s = 0;
  for (let i = 1; i <= n; i++) {
    s += i;
    const t = Date.now();
    while (Date.now() - t < 1); // about 1 ms of work per step
    yield { progress: i / n, result: s };
  }
  return s;
}

function harness() {
  const sent: FromWorker<number>[] = [];
  const queue: (() => void)[] = [];
  const host = createHost<number, number>(countTo, (m) => sent.push(m), (fn) => queue.push(fn), 3);
  const drain = () => { while (queue.length) queue.shift()!(); };
  return { sent, queue, host, drain };
}

describe('worker protocol host', () => {
  it('streams progress in slices and finishes with the result', () => {
    const { sent, host, drain } = harness();
    host({ type: 'run', id: 1, values: 20 });
    drain();
    const progress = sent.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(sent.at(-1)).toEqual({ type: 'done', id: 1, result: 210 });
  });

  it('drops a run superseded by a newer one, and stops a cancelled run', () => {
    const { sent, queue, host, drain } = harness();
    host({ type: 'run', id: 1, values: 1000 });
    host({ type: 'run', id: 2, values: 5 });
    drain();
    expect(sent.filter((m) => m.id === 1 && m.type === 'done')).toEqual([]);
    expect(sent.at(-1)).toEqual({ type: 'done', id: 2, result: 15 });
    host({ type: 'run', id: 3, values: 1000 });
    host({ type: 'cancel', id: 3 });
    const before = sent.length;
    drain();
    expect(queue.length).toBe(0);
    expect(sent.slice(before).filter((m) => m.id === 3)).toEqual([]);
  });

  it('reports errors instead of throwing', () => {
    const sent: FromWorker<number>[] = [];
    const host = createHost<number, number>(() => { throw new Error('bad'); }, (m) => sent.push(m));
    host({ type: 'run', id: 7, values: 0 });
    expect(sent).toEqual([{ type: 'error', id: 7, message: 'bad' }]);
  });
});
