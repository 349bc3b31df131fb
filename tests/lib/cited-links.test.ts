import { describe, expect, it } from 'vitest';
import { allChanges, expectedOutputs, type CitedLink } from '../../src/lib/site/cited-links';

const link: CitedLink = {
  url: '/counting/?tiny-nets.n=4#fig-tiny-nets',
  widget: 'tiny-nets',
  outputs: { a: '0.5', b: '3' },
  changes: [
    { date: '2026-12-09', output: 'a', old: '0.25', new: '0.125', why: 'second fix' },
    { date: '2026-12-01', output: 'a', old: '0.5', new: '0.25', why: 'first fix' },
  ],
};

describe('the cited-link registry', () => {
  it('expects each output’s newest change, or the value first recorded', () => {
    expect(expectedOutputs(link)).toEqual({ a: '0.125', b: '3' });
    expect(expectedOutputs({ url: '/x/', widget: 'w', outputs: { a: '1' } })).toEqual({ a: '1' });
  });

  it('lists every change of every link, newest first, with its link', () => {
    const other: CitedLink = { url: '/y/', widget: 'odds', outputs: { p: '1' }, changes: [{ date: '2026-12-05', output: 'p', old: '2', new: '1', why: 'why' }] };
    expect(allChanges({ links: [link, other] }).map((c) => [c.date, c.url])).toEqual([
      ['2026-12-09', link.url], ['2026-12-05', '/y/'], ['2026-12-01', link.url],
    ]);
  });
});
