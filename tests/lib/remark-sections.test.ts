import { describe, expect, it } from 'vitest';
import { leadSentences } from '../../src/site/markdown/remark-sections.mjs';

describe('section leads', () => {
  it('takes whole sentences until it has enough, tidying the gaps citations leave', () => {
    const text = 'Short one. Second sentence is here , with a gap ( ). Third sentence that is not needed.';
    expect(leadSentences(text, 20)).toBe('Short one. Second sentence is here, with a gap.');
  });

  it('leaves out a sentence holding a number only the browser knows', () => {
    expect(leadSentences('It gives \u0000 today. It is a toy.', 5)).toBe('It is a toy.');
  });

  it('cuts a long lead at a word, with an ellipsis', () => {
    const lead = leadSentences(`${'word '.repeat(100)}end.`, 10, 50);
    expect(lead.length).toBeLessThanOrEqual(51);
    expect(lead).toMatch(/word…$/);
  });
});
