import { describe, expect, it } from 'vitest';
import { allChanges, expectedOutputs, sameRecordedValue, type CitedLink } from '../../src/site/cited-links';

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

  it('accepts a number that agrees with the recorded one to 12 significant digits, and nothing else', () => {
    expect(sameRecordedValue('3300812.794118117', '3300812.7941181166')).toBe(true);
    expect(sameRecordedValue('0.72', '0.72')).toBe(true);
    expect(sameRecordedValue('0.7200001', '0.72')).toBe(false);
    expect(sameRecordedValue('0.022878745280337565', '0.02287874528033751')).toBe(true);
    expect(sameRecordedValue('3300812.7941', '3300812.7941181166')).toBe(false);
    expect(sameRecordedValue('x0', 'x0')).toBe(true);
    expect(sameRecordedValue('x1', 'x0')).toBe(false);
    expect(sameRecordedValue('', '0')).toBe(false);
    expect(sameRecordedValue(undefined, '0')).toBe(false);
  });
});
