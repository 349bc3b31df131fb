// The built search index (search.json): every section, glossary entry and reference of the
// essay, each linked to an anchor that exists; nothing from test fixtures or page furniture.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { builtPages, idsOf } from '../support/site';
import type { SearchRecord } from '../../src/site/search/records';
import { glossary } from '../../src/site/glossary';
import { references } from '../../src/site/references';

const dist = inject('distDir');
const records: SearchRecord[] = JSON.parse(readFileSync(join(dist, 'search.json'), 'utf8'));
const pages = builtPages(dist);
const indexed = pages.filter((p) => p.route.endsWith('/') || p.route === '').filter((p) => !/<meta name="robots" content="noindex"/.test(p.html));

describe('the search index', () => {
  it('leaves out the test fixtures and the 404 page', () => {
    for (const fixture of ['kitchen-sink/', 'widgets-chapter-1/', 'widgets-simplicity/', '404'])
      expect(records.filter((r) => r.url.startsWith(fixture))).toEqual([]);
  });

  it('has a record for every section of every page readers can find', () => {
    const urls = new Set(records.map((r) => r.url));
    for (const page of indexed.filter((p) => p.route !== 'glossary/' && p.route !== 'references/')) {
      const sections = [...page.html.matchAll(/<h[23][^>]*\sid="([^"]+)"/g)].map((m) => `${page.route}#${m[1]}`);
      expect(sections.filter((s) => !urls.has(s)), page.route).toEqual([]);
    }
    for (const id of Object.keys(glossary)) expect(urls.has(`glossary/#${id}`), id).toBe(true);
    for (const key of Object.keys(references)) expect(urls.has(`references/#${key}`), key).toBe(true);
  });

  it('links every record to a page and an anchor that exist', () => {
    const ids = new Map(pages.map((p) => [p.route, idsOf(p.html)]));
    for (const r of records) {
      const [route, id] = r.url.split('#');
      expect(ids.has(route), r.url).toBe(true);
      if (id) expect(ids.get(route)!.has(id), r.url).toBe(true);
    }
  });

  it('holds reading text only: no widget controls, no markup, no empty records', () => {
    for (const r of records) {
      expect(r.title.length, r.url).toBeGreaterThan(0);
      expect(r.text.length, r.url).toBeGreaterThan(0);
      expect(`${r.title} ${r.text}`, r.url).not.toMatch(/Settings for |<[a-z]/);
    }
    expect(existsSync(join(dist, 'search.json'))).toBe(true);
  });
});
