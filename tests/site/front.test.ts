// The front door over the built site (issue 19): reading times computed from the words, the
// contents numbered once, and the tour's numbers the same as the registry's for its links.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { builtPages } from '../support/site';
import { expectedOutputs, type Registry } from '../support/links';
import { readingMinutes, wordCount } from '../../src/lib/site/reading';
import { oddsText } from '../../components/widgets/goal-count/lead';

const root = resolve(import.meta.dirname, '../..');
const base = inject('base');
const pages = new Map(builtPages(inject('distDir')).map((p) => [p.route, p.html]));
const home = pages.get('')!;
const registry = JSON.parse(readFileSync(resolve(root, 'tests/links.json'), 'utf8')) as Registry;
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&nbsp;|\u00a0/g, ' ').replace(/&#39;|&#x27;/g, '’');

describe('reading time', () => {
  it('counts the words a reader reads, not the markup', () => {
    const mdx = '---\ntitle: x\n---\nimport A from "b";\n\nHello <Cite k="x" loc="§2" /> world, $x^2 + y$ and [a link](/a/?w.p=1#f).{/* a note */}\n\n$$\nE = mc^2\n$$\n';
    expect(wordCount(mdx)).toBe(5); // “Hello world, and a link”: nothing from tags, maths or targets
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(238 * 20)).toBe(20);
  });

  it('shows each chapter’s minutes on the home page and in its header, from its words', () => {
    const contents = home.match(/<ol class="contents">[\s\S]*?<\/ol>/)![0];
    const items = [...contents.matchAll(/<li><a href="([^"]+)">((?:(?!<\/a>)[\s\S])*)<\/a>\s*<span class="reading-time">(\d+) min<\/span>/g)];
    expect(items.length).toBeGreaterThanOrEqual(5);
    for (const [, href, , minutes] of items) {
      const slug = href.slice(base.length).replace(/\/$/, '');
      const words = wordCount(readFileSync(resolve(root, `content/chapters/${slug}.mdx`), 'utf8'));
      expect(Number(minutes), slug).toBe(readingMinutes(words));
      expect(text(pages.get(`${slug}/`)!.match(/<header class="chapter-header">[\s\S]*?<\/header>/)![0]), slug).toContain(`${minutes} min read`);
    }
  });

  it('numbers each chapter once in the contents', () => {
    const contents = home.match(/<ol class="contents">[\s\S]*?<\/ol>/)![0];
    const titles = [...contents.matchAll(/<a href="[^"]+">([\s\S]*?)<\/a>/g)].map((m) => text(m[1]).trim());
    expect(titles.slice(0, 2)).toEqual(['1. Introduction', '2. Counting arguments']);
    for (const t of titles) expect(t).not.toMatch(/^\d+\.\s*\d+\./);
  });
});

describe('the ten-minute tour', () => {
  const tour = text(pages.get('tour/')!);
  const at = (url: string) => {
    const link = registry.links.find((l) => l.url === url);
    expect(link, `${url} is not in tests/links.json`).toBeDefined();
    return expectedOutputs(link!);
  };
  const pct = (v: string, digits: number) => `${(Number(v) * 100).toFixed(digits)}%`;

  it('links only to registered settings, and states the numbers the registry records for them', () => {
    const links = [...pages.get('tour/')!.matchAll(/href="([^"]*\?[^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&').slice(base.length - 1));
    expect(links.length).toBeGreaterThanOrEqual(7);
    for (const url of links) at(url);
    const stated: [url: string, output: string, shown: string][] = [
      ['/counting/#fig-goal-count', 'goal-space', `favours a schemer by ${oddsText(Number(at('/counting/#fig-goal-count')['goal-space']))}`],
      ['/counting/#fig-goal-count', 'parameter-space', `odds become ${oddsText(Number(at('/counting/#fig-goal-count')['parameter-space']))} against`],
      ['/counting/?goal-count.extra=0#fig-goal-count', 'parameter-space', `agree again, at ${oddsText(Number(at('/counting/?goal-count.extra=0#fig-goal-count')['parameter-space']))} for the schemer`],
    ].map(([u, o, s]) => [u, o, s.replace(/\u00a0/g, ' ')]);
    const tn = '/counting/?tiny-nets.n=4&tiny-nets.target=x0&tiny-nets.train=0,1,2,4,7,8,11,13#fig-tiny-nets';
    const parity = '/counting/?tiny-nets.target=parity&tiny-nets.train=0,1,2,3,4,5,6#fig-tiny-nets';
    const s01 = '/speed-and-depth/?speed-cost.serial-share=0.1#how-big-is-the-cost';
    const q01 = '/speed-and-depth/?speed-cost.param-share=0.01#how-big-is-the-cost';
    const t01 = '/path-dependence/?basins.temperature=0.1#fig-basins';
    const t1 = '/path-dependence/?basins.temperature=1#fig-basins';
    stated.push(
      [tn, 'p-honest-param', `inputs, ${pct(at(tn)['p-honest-param'], 1)}`],
      [tn, 'p-honest-uniform', `functions gives ${pct(at(tn)['p-honest-uniform'], 2)}`],
      [parity, 'p-honest-param', `gets only ${pct(at(parity)['p-honest-param'], 1)}`],
      [s01, 'ratio', `${Math.round(Number(at(s01).ratio)).toLocaleString('en-US')} times`],
      [t01, 'escape', `about ${(10 ** Number(at(t01).escape) / 1e6).toFixed(1)} million steps`],
      [t01, 'sim-honest', `${pct(at(t01)['sim-honest'], 2)} of runs`],
      [t1, 'sim-honest', `${pct(at(t1)['sim-honest'], 1)} do`],
      [t1, 'gibbs-honest', `the ${pct(at(t1)['gibbs-honest'], 0)} the landscape’s equilibrium`],
    );
    for (const [url, output, shown] of stated) expect(tour, `${url} ${output}`).toContain(shown);
    // “outweighs the default 0.1% of depth tenfold”: the saving is ten times the cost.
    expect(1 / Number(at(q01).ratio)).toBeCloseTo(10, 9);
    expect(tour).toContain('of depth tenfold');
  });
});

describe('reading polish', () => {
  const plain = (route: string) => text(pages.get(route)!.replace(/<span class="cite-preview"[^>]*>[\s\S]*?<\/span>/g, '')).replace(/&amp;/g, '&');

  it('sorts the bibliography by first author’s surname, then year', () => {
    const refs = JSON.parse(readFileSync(resolve(root, 'content/references.json'), 'utf8')) as Record<string, { authors: string[]; year: number }>;
    const ids = [...pages.get('references/')!.matchAll(/<li id="([^"]+)" data-citable/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(Object.keys(refs).sort());
    const order = [...pages.get('references/')!.matchAll(/<li id="([^"]+)" data-citable/g)].map((m) => refs[m[1]]);
    const key = (r: { authors: string[] }) => r.authors[0].split(' ').at(-1)!;
    for (let i = 1; i < order.length; i++) {
      const byName = key(order[i - 1]).localeCompare(key(order[i]), 'en', { sensitivity: 'base' });
      expect(byName < 0 || (byName === 0 && order[i - 1].year <= order[i].year), `${key(order[i - 1])} ${order[i - 1].year} before ${key(order[i])} ${order[i].year}`).toBe(true);
    }
  });

  it('merges adjacent citations into one bracket', () => {
    // A citation's closing bracket, then only space before the next citation's opening one.
    for (const [route, html] of pages) expect(html, route).not.toMatch(/\)<span class="cite-preview"[^>]*>[^<]*<\/span><\/span>\s*<span class="cite"[^>]*>\(/);
    expect(plain('introduction/')).toContain('(Carlsmith 2023; Hubinger 2022)');
  });

  it('speaks to readers in the glossary’s and references’ subtitles', () => {
    for (const route of ['glossary/', 'references/']) expect(text(pages.get(route)!.match(/<p class="dek"[^>]*>[\s\S]*?<\/p>/)![0])).not.toMatch(/\bid\b|key|address ends/);
  });
});
