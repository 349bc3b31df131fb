import { describe, expect, it } from 'vitest';
import { encodeFragmentText, quoteMarkdown, quoteUrl, sectionMarkdown, textDirective } from '../../src/kit/page/cite-text';

describe('section citations', () => {
  it('writes a forum-ready Markdown link', () => {
    expect(sectionMarkdown('Counting Schemers', '§2.4 Counting exactly', 'https://x.example/s/counting-exactly/'))
      .toBe('[Counting Schemers §2.4 Counting exactly](https://x.example/s/counting-exactly/)');
  });
  it('escapes brackets in the link text', () => {
    expect(sectionMarkdown('E', '§1 [draft] a\\b', 'u')).toBe('[E §1 \\[draft\\] a\\\\b](u)');
  });
});

describe('text fragments', () => {
  it('percent-encodes the terms, including the characters the syntax reserves', () => {
    expect(encodeFragmentText('a-b, c & d’s 10%')).toBe('a%2Db%2C%20c%20%26%20d%E2%80%99s%2010%25');
  });

  it('uses a short passage whole', () => {
    expect(textDirective('  the  counting argument ')).toBe('the%20counting%20argument');
  });

  it('uses the first and last words of a long passage', () => {
    const passage = 'Suppose training produces a model that understands its situation and gets high reward. Which kind of model is it?';
    expect(textDirective(passage)).toBe('Suppose%20training%20produces%20a,of%20model%20is%20it%3F');
  });

  it('lengthens start and end until the first match on the page is this passage', () => {
    const passage = 'the model is a schemer and the rest of this sentence is long enough to be cut in two parts';
    const page = `Here the model is a schemer and so on. Then ${passage}.`;
    const directive = textDirective(passage, page);
    const [start, end] = directive.split(',').map(decodeURIComponent);
    // The first occurrence of `start` must be where the passage begins, with `end` after it.
    expect(page.indexOf(start)).toBe(page.indexOf(passage));
    expect(passage.endsWith(end)).toBe(true);
    expect(start.split(' ').length).toBeGreaterThan(4);
  });

  it('appends the directive to a section link', () => {
    expect(quoteUrl('https://x.example/counting/#counting-exactly', 'a,b')).toBe('https://x.example/counting/#counting-exactly:~:text=a,b');
  });
});

describe('quotes', () => {
  const q = { essayTitle: 'Counting Schemers', chapter: 'Counting arguments', chapterNumber: 2, section: '§2.4 Counting exactly', url: 'https://x.example/counting/#counting-exactly:~:text=a,b' };

  it('writes a blockquote attributed with chapter, § number and title, and the link', () => {
    expect(quoteMarkdown({ ...q, passage: 'So far the numbers\nhave been invented.' })).toBe(
      '> So far the numbers have been invented.\n>\n> — [Counting Schemers, ch. 2 “Counting arguments”, §2.4 Counting exactly](https://x.example/counting/#counting-exactly:~:text=a,b)');
  });

  it('keeps paragraphs apart and escapes a line that would start a list or heading', () => {
    expect(quoteMarkdown({ ...q, passage: 'First.\n\n- not a list\n\n1. nor this' }).split('\n').slice(0, 5)).toEqual(
      ['> First.', '>', '> \\- not a list', '>', '> 1\\. nor this']);
  });
});

describe('text fragments across paragraphs', () => {
  it('takes the start from the first paragraph and the end from the last', () => {
    expect(textDirective('One two three four five.\n\nSix seven.')).toBe('One%20two%20three%20four,Six%20seven.');
  });
});
