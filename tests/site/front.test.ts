// The front door over the built site (issue 19): reading times computed from the words, the
// contents numbered once, and the tour's numbers the same as the registry's for its links.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { builtPages } from '../support/site';
import { expectedOutputs, type Registry } from '../support/links';
import { readingMinutes, wordCount } from '../../src/site/reading';
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

  it('says on the tour that its ten minutes include the figures', () => {
    const header = text(pages.get('tour/')!.match(/<header class="chapter-header">[\s\S]*?<\/header>/)![0]);
    expect(header).toMatch(/\d+ min read, about ten with the figures/);
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

describe('“try this” links', () => {
  const chapters = ['introduction', 'counting', 'speed-and-depth', 'path-dependence', 'weighing-it-up'];
  const source = (slug: string) => readFileSync(resolve(root, `content/chapters/${slug}.mdx`), 'utf8');
  const out = (url: string, name: string) => {
    const link = registry.links.find((l) => l.url === url);
    expect(link, `${url} is not in tests/links.json`).toBeDefined();
    return Number(expectedOutputs(link!)[name]);
  };
  const pct = (v: number, digits: number) => `${(v * 100).toFixed(digits)}%`;

  it('give every widget at least two links in the chapters’ prose that set it', () => {
    const widgets = new Set(registry.links.map((l) => l.widget));
    const links = chapters.flatMap((slug) => [...source(slug).matchAll(/\]\((\/[^)\s]*\?([a-z-]+)\.[a-z-]+=[^)\s]*)\)/g)]);
    for (const w of widgets) {
      const own = new Set(links.filter((m) => m[1].includes(`#fig-${w}`) || registry.links.find((l) => l.url === m[1])?.widget === w).map((m) => m[1]));
      expect(own.size, w).toBeGreaterThanOrEqual(2);
    }
  });

  it('state the numbers their figures show at those settings', () => {
    const S = '/speed-and-depth/';
    const cases: [page: string, shown: string][] = [
      ['counting/', `intended function ${pct(out('/counting/?tiny-nets.target=parity#fig-overfitting', 'parameter-counting'), 2)}, below the ${pct(10 ** out('/counting/?tiny-nets.target=parity#fig-overfitting', 'function-counting'), 2)}`],
      ['counting/', `takes ${pct(out('/counting/?simplicity-bias.mode=perceptron&simplicity-bias.samples=100000#fig-simplicity-bias', 'p-const0'), 2)} of the draws`],
      ['counting/', `constants take ${pct(out('/counting/?simplicity-bias.samples=100000&simplicity-bias.seed=2#fig-simplicity-bias', 'p-const0'), 1)} and ${pct(out('/counting/?simplicity-bias.samples=100000&simplicity-bias.seed=2#fig-simplicity-bias', 'p-const1'), 1)}`],
      ['speed-and-depth/', `about ${(Math.round(10 ** out(`${S}?serial-parallel.chains=8#serial-versus-parallel`, 'ratio') / 100) * 100).toLocaleString('en-US')} placements`],
      ['speed-and-depth/', `ratio falls to ${(10 ** out(`${S}?serial-parallel.layers=200#serial-versus-parallel`, 'ratio')).toFixed(2)}`],
      ['speed-and-depth/', `where ${pct(out(`${S}?residual-paths.from=19&residual-paths.to=35#ensembles-of-shallow-paths`, 'share'), 1)} of the paths lie, and read how much of the gradient they carry: ${pct(out(`${S}?residual-paths.from=19&residual-paths.to=35#ensembles-of-shallow-paths`, 'gradient-share'), 2)}`],
      ['speed-and-depth/', `average ${out(`${S}?residual-paths.decay=1#ensembles-of-shallow-paths`, 'effective-mean')} blocks`],
      ['speed-and-depth/', `only its ${pct(out(`${S}?residual-paths.decay=1#ensembles-of-shallow-paths`, 'gradient-share'), 3)} share`],
      ['path-dependence/', `signal-to-noise ratio of ${out('/path-dependence/?credit-horizon.episode=40&credit-horizon.discount=0.9#credit-assignment', 'snr-near').toFixed(3)}, but`],
      ['path-dependence/', `weight of only ${out('/path-dependence/?credit-horizon.episode=40&credit-horizon.discount=0.9#credit-assignment', 'signal-at-end').toPrecision(3)}`],
      ['path-dependence/', `the full weight, ${out('/path-dependence/?credit-horizon.episode=1000&credit-horizon.discount=1#credit-assignment', 'signal-at-end')}, and the signal-to-noise ratio of each falls to ${out('/path-dependence/?credit-horizon.episode=1000&credit-horizon.discount=1#credit-assignment', 'snr-near').toFixed(3)}`],
      ['weighing-it-up/', `from 25% to about ${pct(out('/weighing-it-up/?odds.counting=-1#fig-odds', 'probability'), 0)}`],
      ['weighing-it-up/', `return you to exactly ${pct(out('/weighing-it-up/?odds.counting=-0.5&odds.speed=0.5#fig-odds', 'probability'), 0)}`],
    ];
    for (const [page, shown] of cases) expect(text(pages.get(page)!).replace(/\s+/g, ' ').includes(shown), `${page}: “${shown}”`).toBe(true);
    // Mathematics is set by KaTeX: its numbers are checked in the source.
    const share = out('/counting/?overfitting.bits=10#fig-overfitting', 'generalise');
    expect(share).toBeCloseTo(-512 * Math.log10(2), 9);
    expect(source('counting')).toContain(`$2^{-512}$, about $${(10 ** (share + 155)).toFixed(1)} \\times 10^{-155}$`);
  });
});

describe('the lead figure', () => {
  it('leaves the §2.3 figure its own title in previews of references to it', () => {
    expect(pages.get('counting/')).toContain('Figure 2.1: Counting goals, then counting parameters');
    expect(pages.get('counting/')).not.toContain('One toy, counted two ways');
  });
});
