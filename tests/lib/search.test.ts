// Search records and ranking, in Node: what goes into a section's record, and which section
// comes first for the queries readers type.
import { beforeAll, describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { addAbbreviations, glossaryRecords, pageRecords, referenceRecords, type SearchRecord } from '../../src/site/search/records';
import { createSearcher, excerpt, type Searcher } from '../../src/kit/search/query';
import { glossary } from '../../src/site/glossary';
import { references } from '../../src/site/references';

const PAGE = `<!doctype html><title>Speed · Essay</title><body>
<nav><a href="/">Contents</a></nav>
<main><article class="prose" data-chapter="3">
  <header class="chapter-header"><p class="chapter-number">Chapter 3</p><h1>Speed and depth</h1><p class="dek">What do the extra steps cost?</p></header>
  <p>Opening words about schemers.</p>
  <h2 id="the-speed-argument"><span class="secnum">3.1</span>The speed argument</h2>
  <a class="copy-link" href="#the-speed-argument" aria-label="Copy link"><span aria-hidden="true">#</span></a>
  <p>Carlsmith lists three kinds <span class="cite"><a href="/references/#carlsmith2023">Carlsmith 2023</a><span class="cite-preview">Joe Carlsmith (2023). Scheming AIs.</span></span>.<span class="sidenote-wrap"><label class="sidenote-ref"><span class="sidenote-number">1</span></label><small class="sidenote"><span class="sidenote-number">1. </span>A margin remark.</small></span></p>
  <p>Odds of <span class="katex"><span class="katex-mathml"><math><semantics><mrow></mrow><annotation encoding="application/x-tex">\\log_{10}</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">log10</span></span> odds.</p>
  <figure id="fig-odds" data-widget="odds"><div class="widget-chart" data-pagefind-ignore><svg><text>tick label 0.5</text></svg></div>
    <div class="widget-results"><output name="p" data-value="0.5">0.5</output></div>
    <fieldset class="widget-controls"><label>Slider label</label><input name="x" value="3"></fieldset>
    <figcaption id="fig-odds-caption">Figure 3.1. The odds of a schemer.</figcaption></figure>
  <h3 id="a-detail"><span class="secnum">3.1.1</span>A detail</h3>
  <p>Smaller print.</p>
  <h2 id="slack"><span class="secnum">3.2</span>Slack</h2>
  <p>How relentlessly training pushes.</p>
</article></main></body>`;

const records = pageRecords(new JSDOM(PAGE).window.document, 'speed-and-depth/');

describe('pageRecords', () => {
  it('makes one record per h2/h3 section, plus the opening, each linked to its anchor', () => {
    expect(records.map((r) => [r.url, r.number, r.title])).toEqual([
      ['speed-and-depth/', '', 'Speed and depth'],
      ['speed-and-depth/#the-speed-argument', '3.1', 'The speed argument'],
      ['speed-and-depth/#a-detail', '3.1.1', 'A detail'],
      ['speed-and-depth/#slack', '3.2', 'Slack'],
    ]);
    expect(records.every((r) => r.page === 'Speed and depth')).toBe(true);
    expect(records[0].text).toBe('What do the extra steps cost? Opening words about schemers.');
  });

  it('keeps prose, citations, sidenotes and figure captions; leaves out controls, charts, previews and copy links', () => {
    const text = records[1].text;
    expect(text).toContain('Carlsmith lists three kinds Carlsmith 2023. A margin remark.');
    expect(text).toContain('A margin remark.');
    expect(text).toContain('Figure 3.1. The odds of a schemer.');
    expect(text).toContain('Odds of log_10 odds.');
    for (const left of ['Scheming AIs', 'tick label', 'Slider label', '0.5', '#', 'Contents', '1. A margin']) expect(text).not.toContain(left);
  });
});

describe('glossary and reference records', () => {
  it('title each entry by the short name readers know, linked to its id', () => {
    const refs = referenceRecords(references);
    expect(refs.find((r) => r.url === 'references/#veit2016')?.title).toBe('Veit et al. 2016');
    expect(refs.find((r) => r.url === 'references/#carlsmith2023')?.title).toBe('Carlsmith 2023');
    const terms = glossaryRecords(glossary);
    expect(terms.find((r) => r.url === 'glossary/#slack')).toMatchObject({ page: 'Glossary', title: 'Slack' });
    expect(terms).toHaveLength(Object.keys(glossary).length);
  });

  it('add an abbreviation where the text spells it out, hyphenated or not', () => {
    const base = { page: 'P', number: '', title: 'T', keywords: '' };
    const out = addAbbreviations([
      { ...base, url: 'a', text: 'Stochastic gradient descent favours flat minima.' },
      { ...base, url: 'b', text: 'A chain-of-thought transcript.' },
      { ...base, url: 'c', text: 'Nothing here.' },
    ], { SGD: 'stochastic gradient descent', CoT: 'chain of thought' });
    expect(out.map((r) => r.keywords)).toEqual(['SGD', 'CoT', '']);
  });
});

describe('ranking', () => {
  const rec = (url: string, title: string, text: string, keywords = ''): SearchRecord => ({ url, page: 'P', number: '', title, text, keywords });
  let searcher: Searcher;
  beforeAll(async () => {
    searcher = await createSearcher([
      rec('a', 'Counting', 'Slack is mentioned once in passing here, with slack again.'),
      rec('b', 'Slack', 'How relentlessly training pushes towards the highest reward.'),
      rec('c', 'Ghost', 'His evidence is the reversal curse, he says.'),
      rec('d', 'Other', 'A curse on both houses; the reversal of fortune.'),
      rec('e', 'Steps', 'Gradient steps.', 'SGD'),
    ]);
  });
  const urls = (q: string) => searcher.search(q).map((h) => h.record.url);

  it('puts a heading match above body matches', () => expect(urls('slack')).toEqual(['b', 'a']));
  it('puts the exact phrase first', () => expect(urls('reversal curse')[0]).toBe('c'));
  it('matches the word being typed as a prefix', () => expect(urls('revers')).toContain('c'));
  it('forgives a typo in a long word', () => expect(urls('relentlesly')).toEqual(['b']));
  it('falls back to any word when no section has them all', () => expect(urls('slack fortune').sort()).toEqual(['a', 'b', 'd']));
  it('finds keywords', () => expect(urls('sgd')).toEqual(['e']));
  it('returns nothing for an empty query', () => expect(searcher.search('  ')).toEqual([]));
});

describe('short names over the real glossary and bibliography', () => {
  let searcher: Searcher;
  beforeAll(async () => {
    searcher = await createSearcher(addAbbreviations([...glossaryRecords(glossary), ...referenceRecords(references),
      { url: 'path-dependence/#x', page: 'Path dependence', number: '4.3', title: 'Noise', text: 'Stochastic gradient descent as a random process.', keywords: '' }],
    { SGD: 'stochastic gradient descent' }));
  });
  const first = (q: string) => searcher.search(q)[0]?.record.url;
  it('an author', () => expect(first('Veit')).toBe('references/#veit2016'));
  it('an author and year', () => expect(first('Carlsmith 2023')).toMatch(/^references\/#carlsmith2023/));
  it('a glossary term', () => expect(first('reversal curse')).toBe('glossary/#reversal-curse'));
  it('an abbreviation', () => expect(searcher.search('SGD').map((h) => h.record.url)).toContain('path-dependence/#x'));
});

describe('excerpt', () => {
  const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen';
  const show = (s: { text: string; mark: boolean }[]) => s.map((x) => (x.mark ? `[${x.text}]` : x.text)).join('');

  it('marks every matched word, whatever its case', () => {
    expect(show(excerpt('Slack, slack and SLACK.', ['slack']))).toBe('[Slack], [slack] and [SLACK].');
  });
  it('centres on the first match, cut at word boundaries, with ellipses', () => {
    expect(show(excerpt(text, ['twelve'], 30))).toBe('… ten eleven [twelve] thirteen …');
  });
  it('starts at the beginning when nothing matched', () => {
    expect(show(excerpt(text, [], 14))).toBe('one two three …');
  });
  it('returns text, not markup', () => {
    expect(show(excerpt('<b>bold</b> claim', ['claim']))).toBe('<b>bold</b> [claim]');
  });
});
