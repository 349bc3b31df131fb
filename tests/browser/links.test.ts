// Cited numbers never change silently. Every link of the registry (tests/links.json) is computed
// from its widget's model in Node (tests/models/cited-links.test.ts); here each engine opens one
// link per widget and every output it recorded must show the same value, unless a `changes` record
// says why it moved: the page, its address, its worker and its redraws give what the model gives.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { closePages, openPage } from '../support/browser';
import { mismatchedOutputs, readLink, type CitedLink, type Registry } from '../support/links';
import { builtPages, fixtureRoutes, publishedSlugs } from '../support/site';

const root = resolve(import.meta.dirname, '../..');
const registry = JSON.parse(readFileSync(resolve(root, 'tests/links.json'), 'utf8')) as Registry;
const widgets = readdirSync(resolve(root, 'components/widgets'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
// One link per widget, the first that sets something (the defaults are checked in each widget's
// own test file); overfitting's is the one that sets tiny-nets, whose setting it follows.
const oneSettingPerWidget = (links: CitedLink[]) => [...Map.groupBy(links, (l) => l.widget).values()]
  .map((ls) => ls.find((l) => l.widget === 'overfitting' && l.url.includes('tiny-nets.')) ?? ls.find((l) => l.url.includes('?')) ?? ls[0]);
const opened = oneSettingPerWidget(registry.links);
const byPath = [...Map.groupBy(opened, (l) => new URL(l.url, 'http://x').pathname)];

afterAll(closePages);

describe('the link registry', () => {
  it('holds at least three links per widget, each recorded, with well-formed change records', () => {
    for (const w of widgets) expect(registry.links.filter((l) => l.widget === w).length, w).toBeGreaterThanOrEqual(3);
    for (const l of registry.links) {
      expect(widgets, l.url).toContain(l.widget);
      expect(l.url, l.url).toMatch(/^\/[^?#]*\/(\?[^#]*)?(#.+)?$/);
      expect(Object.keys(l.outputs ?? {}).length, `${l.url} has no recorded outputs: run npm run links:record`).toBeGreaterThan(0);
      for (const c of l.changes ?? []) {
        expect(c.date, l.url).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Object.keys(l.outputs!), l.url).toContain(c.output);
        expect(c.why.length, l.url).toBeGreaterThan(10);
      }
    }
    expect(new Set(registry.links.map((l) => l.url)).size).toBe(registry.links.length);
  });

  it('holds every widget link in the published chapters', () => {
    const urls = new Set(registry.links.map((l) => l.url));
    const dir = resolve(root, 'content/chapters');
    const quoted = publishedSlugs(dir).flatMap((slug) =>
      [...readFileSync(resolve(dir, `${slug}.mdx`), 'utf8').matchAll(/\]\((\/[^)\s]*\?[a-z-]+\.[a-z-]+=[^)\s]*)\)/g)].map((m) => m[1]));
    expect(quoted.length).toBeGreaterThan(10);
    expect(quoted.filter((u) => !urls.has(u))).toEqual([]);
  });

  it('holds the setting of every caption step button in the published chapters', () => {
    // A step sets its widget to the step's query with every other parameter at its default: the
    // same state as a link with that query, so the registry must hold one.
    const key = (path: string, query: URLSearchParams) => `${path}?${[...query].map(([k, v]) => `${k}=${v}`).sort().join('&')}`;
    const registered = new Set(registry.links.map((l) => {
      const u = new URL(l.url, 'http://x');
      return key(u.pathname, u.searchParams);
    }));
    const fixtures = fixtureRoutes(resolve(root, 'content/chapters'));
    const steps = builtPages(inject('distDir')).filter((p) => !fixtures.includes(p.route)).flatMap((p) =>
      // Figures do not nest: each chunk from one <figure to the next holds one figure's buttons.
      p.html.split('<figure').flatMap((chunk) => {
        const widget = /^[^>]*data-widget="([a-z-]+)"/.exec(chunk)?.[1];
        if (!widget) return [];
        return [...chunk.matchAll(/data-step="([^"]*)"/g)].map((m) => {
          const step = new URLSearchParams(m[1].replaceAll('&amp;', '&'));
          return key(`/${p.route}`, new URLSearchParams([...step].map(([k, v]) => [`${widget}.${k}`, v])));
        });
      }));
    expect(steps.length).toBeGreaterThan(10);
    expect(steps.filter((s) => !registered.has(s))).toEqual([]);
  });
});

describe.each(byPath)('cited links on %s', (path, links) => {
  it('show the recorded numbers', async () => {
    const { page, errors, close } = await openPage(path);
    const mismatches: string[] = [];
    for (const link of links) {
      mismatches.push(...mismatchedOutputs(link, await readLink(page, inject('baseUrl'), link)));
    }
    // A cited number changed: if that is intended, record it in the entry's "changes" (see README).
    expect(mismatches).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  }, 900_000);
});
