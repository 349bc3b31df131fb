import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { builtPages, citableIdsOf, externalLinks, fixtureRoutes, hrefsOf, idsOf, publishedSlugs } from '../support/site';

const distDir = inject('distDir');
const base = inject('base');
const root = resolve(import.meta.dirname, '../..');
const pages = builtPages(distDir);
const byRoute = new Map(pages.map((p) => [p.route, p]));
const registry: Record<string, string[]> = JSON.parse(readFileSync(resolve(root, 'tests/anchors.json'), 'utf8'));
const fixtures = fixtureRoutes(resolve(root, 'content/chapters'));

describe('the built site', () => {
  it('sends KaTeX’s stylesheet to the pages that set mathematics, and only to them', () => {
    // src/site/markdown/remark-math-styles.mjs: its 24 KB of rules are style work on every load.
    const katexRules = (p: { html: string }) => [...p.html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)]
      .some((m) => readFileSync(join(distDir, m[1].slice(base.length)), 'utf8').includes('font-family:KaTeX_Main'))
      || [...p.html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].some((m) => m[1].includes('font-family:KaTeX_Main'));
    // Prose mathematics is KaTeX's HTML (and MathML); a widget label's TeX is MathML alone and needs
    // no stylesheet (src/site/tex.ts).
    const withMath = pages.filter((p) => p.html.includes('class="katex-html"'));
    expect(withMath.length).toBeGreaterThan(3);
    for (const p of withMath) expect(katexRules(p), `/${p.route} sets mathematics without KaTeX’s styles`).toBe(true);
    for (const route of ['', 'tour/', 'introduction/', 'about/', 'glossary/', 'references/']) {
      expect(byRoute.get(route)!.html.includes('class="katex-html"'), `/${route}`).toBe(false);
      expect(katexRules(byRoute.get(route)!), `/${route} loads KaTeX’s styles without mathematics`).toBe(false);
    }
  });

  it('gives dark mode the same colours whether the reader’s system asks for it or the toggle does', () => {
    // The browser checks run colour contrast in dark mode through the toggle (tests/browser/pages.test.ts).
    const css = readFileSync(resolve(root, 'src/styles/global.css'), 'utf8');
    const toggled = /:root\[data-theme='dark'\] \{([^}]*)\}/.exec(css)?.[1];
    const system = /@media \(prefers-color-scheme: dark\) \{\s*:root:not\(\[data-theme='light'\]\) \{([^}]*)\}/.exec(css)?.[1];
    const declarations = (block = '') => block.split(';').map((d) => d.trim()).filter(Boolean).sort();
    expect(declarations(toggled).length).toBeGreaterThan(10);
    expect(declarations(system)).toEqual(declarations(toggled));
  });

  it('has every page: each published chapter and the fixed pages', () => {
    const expected = ['', '404.html', 'references/', 'glossary/', ...publishedSlugs(resolve(root, 'content/chapters')).map((s) => `${s}/`)];
    for (const route of expected) expect(byRoute.has(route), `missing page /${route}`).toBe(true);
  });

  it('leaves drafts out of the build', () => {
    const drafts = publishedSlugs(resolve(root, 'content/chapters'));
    for (const p of pages) if (p.route.endsWith('/') && p.route !== '' && !p.route.startsWith('s/')) {
      const slug = p.route.slice(0, -1);
      if (!['references', 'glossary'].includes(slug)) expect(drafts, `/${p.route} is built but is a draft or unknown`).toContain(slug);
    }
  });

  it('resolves every internal link and #fragment', () => {
    const broken: string[] = [];
    for (const page of pages) {
      const here = idsOf(page.html);
      for (const href of hrefsOf(page.html)) {
        if (/^(https?:|mailto:|data:)/.test(href)) continue;
        if (href.startsWith('#')) {
          if (href.length > 1 && !here.has(decodeURIComponent(href.slice(1)))) broken.push(`/${page.route} → ${href}`);
          continue;
        }
        if (!href.startsWith(base)) {
          broken.push(`/${page.route} → ${href} (not under the base path ${base})`);
          continue;
        }
        const [pathPart, fragment] = href.slice(base.length).split('#');
        const path = pathPart.split('?')[0];
        if (/\.(css|js|svg|woff2?|ttf|png|json|xml|txt)$/.test(path)) {
          if (!existsSync(join(distDir, decodeURIComponent(path)))) broken.push(`/${page.route} → ${href} (no such file)`);
          continue;
        }
        const target = byRoute.get(path);
        if (!target) broken.push(`/${page.route} → ${href} (no such page)`);
        else if (fragment && !idsOf(target.html).has(decodeURIComponent(fragment))) broken.push(`/${page.route} → ${href} (no such id)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('keeps every citable id in the anchor registry, and the registry lists every citable id', () => {
    for (const [route, ids] of Object.entries(registry)) {
      const page = byRoute.get(route);
      expect(page, `registry page /${route} is missing`).toBeDefined();
      const present = idsOf(page!.html);
      const missing = ids.filter((id) => !present.has(id));
      expect(missing, `ids removed from /${route}: keep them, or add an alias element with the old id`).toEqual([]);
    }
    for (const page of pages) {
      if (page.route === '404.html' || fixtures.includes(page.route)) continue;
      const unregistered = citableIdsOf(page.html).filter((id) => !(registry[page.route] ?? []).includes(id));
      expect(unregistered, `new citable ids on /${page.route}: add them to tests/anchors.json`).toEqual([]);
    }
  });

  it('keeps the test fixtures out of the essay: built here, but unlisted, unlinked and noindex', () => {
    expect(fixtures).toEqual(['kitchen-sink/', 'widgets-chapter-1/', 'widgets-simplicity/']);
    expect(Object.keys(registry).filter((r) => fixtures.includes(r)), 'fixtures have no permanent anchors').toEqual([]);
    for (const route of fixtures) {
      expect(byRoute.get(route)?.html, `/${route}`).toMatch(/<meta name="robots" content="noindex/);
      for (const page of pages) if (!fixtures.includes(page.route)) {
        expect(hrefsOf(page.html).filter((h) => h.startsWith(`${base}${route}`)), `/${page.route} links to /${route}`).toEqual([]);
      }
    }
  });

  it('has no duplicate ids on any page', () => {
    for (const page of pages) {
      const all = [...page.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      const dupes = all.filter((id, i) => all.indexOf(id) !== i);
      expect(dupes, `/${page.route}`).toEqual([]);
    }
  });

  it('typesets math at build time and ships no math JavaScript', () => {
    const sink = byRoute.get('kitchen-sink/')!;
    expect(sink.html).toContain('class="katex"');
    expect(sink.html).toMatch(/class="katex-display[ "]/);
    for (const p of pages) expect(p.html).not.toMatch(/<script[^>]+katex/i);
  });

  it('has title, description, Open Graph and citation metadata on every page', () => {
    for (const page of pages) {
      if (page.route === '404.html') continue;
      for (const pattern of [/<title>[^<]+<\/title>/, /name="description" content="[^"]+"/, /property="og:title"/, /name="citation_title"/, /name="citation_author"/, /rel="icon"/]) {
        expect(page.html, `/${page.route} lacks ${pattern}`).toMatch(pattern);
      }
    }
  });

  it('sets a strict Content-Security-Policy on every page: hashes, no unsafe-inline, no other origins', () => {
    for (const page of pages) {
      const m = page.html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
      expect(m, `/${page.route} has no CSP`).not.toBeNull();
      const policy = m![1];
      expect(policy).toContain("default-src 'none'");
      expect(policy).not.toContain("'unsafe-inline'");
      expect(policy).not.toMatch(/https?:/);
      const inlineScripts = [...page.html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length;
      expect((policy.match(/script-src[^;]*/)![0].match(/'sha256-/g) ?? []).length).toBeGreaterThanOrEqual(inlineScripts > 0 ? 1 : 0);
    }
  });

  it('loads nothing from another origin', () => {
    for (const page of pages) {
      const external = [...page.html.matchAll(/<(?:script|link|img|iframe|source|video|audio)[^>]+(?:src|href)="(https?:\/\/[^"]+)"/g)]
        .filter((m) => !/rel="canonical"/.test(m[0]))
        .map((m) => m[1]);
      expect(external, `/${page.route}`).toEqual([]);
    }
  });

  it('lists every external link in content/external-links.json (npm run links; --check records dates)', () => {
    const listed = JSON.parse(readFileSync(resolve(root, 'content/external-links.json'), 'utf8'));
    expect(externalLinks(distDir).filter((url) => !(url in listed))).toEqual([]);
  });

  it('keeps every page within its HTML budget (60 KB gzipped)', () => {
    for (const page of pages) expect(gzipSync(page.html).length, `/${page.route}`).toBeLessThanOrEqual(60 * 1024);
  });

  it('styles pages without :has(), which made every change inside a widget re-check the page (long frames)', () => {
    for (const page of pages) {
      const css = [...page.html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
      expect(css.match(/[^{}]*:has\([^{]*/g) ?? [], `/${page.route}`).toEqual([]);
    }
  });

  it('lists every change to a cited number (tests/links.json) in the about page’s changelog, with its link', () => {
    const links: { url: string; changes?: unknown[] }[] = JSON.parse(readFileSync(resolve(root, 'tests/links.json'), 'utf8')).links;
    const html = byRoute.get('about/')!.html;
    const changelog = html.slice(html.indexOf('id="changelog"'), html.indexOf('id="licence"'));
    const records = links.flatMap((l) => (l.changes ?? []).map(() => l.url));
    const listed = [...changelog.matchAll(/<li data-cited-url="([^"]*)"[^>]*>[\s\S]*?<a href="([^"]*)"/g)]
      .map((m) => [m[1].replace(/&amp;/g, '&'), m[2].replace(/&amp;/g, '&')]);
    expect(listed.map(([u]) => u).sort()).toEqual(records.sort());
    for (const [u, href] of listed) expect(href).toBe(base + u.replace(/^\//, ''));
    if (records.length === 0) expect(changelog).toContain('No cited number has changed');
  });

  it('reports the committed benchmark (bench/results.json) on the about page', () => {
    const bench = JSON.parse(readFileSync(resolve(root, 'bench/results.json'), 'utf8'));
    const html = byRoute.get('about/')!.html;
    const section = html.slice(html.indexOf('id="performance"'));
    expect(section).toContain(`Measured on ${bench.date.slice(0, 10)}`);
    expect(section).toContain(`${bench.tinyNets.n3MedianMs} ms at three inputs`);
    expect(section).toContain(`one million networks in ${bench.simplicityBias.secondsFor1e6Median} s`);
    const rows = (caption: string) => {
      const table = section.slice(section.indexOf(caption));
      return table.slice(0, table.indexOf('</table>')).match(/<tr><td>/g)?.length ?? 0;
    };
    expect(rows('Per widget')).toBe(bench.widgets.length);
    expect(rows('Lighthouse 13, mobile preset, per page')).toBe(bench.lighthouse.length);
    const moves = bench.widgets.reduce((n: number, w: { inputs: number }) => n + w.inputs, 0).toLocaleString('en-US');
    expect(section).toContain(`${moves} slider moves`);
  });

  it('renders each widget’s default figure and numbers into the HTML', () => {
    for (const page of pages) {
      for (const m of page.html.matchAll(/<figure id="fig-([a-z-]+)" data-widget="\1"[\s\S]*?<\/figure>/g)) {
        expect(m[0], `${m[1]} on /${page.route} has no server-rendered chart`).toMatch(/<svg/);
        expect(m[0]).toMatch(/<output name="[^"]+" data-value="[^"]+"/);
        expect(m[0]).not.toMatch(/>(NaN|Infinity|-Infinity|undefined)</);
      }
    }
  });
});
