// The scholarly apparatus, checked over a real build: citations and the bibliography, glossary
// links and the glossary, and the about page's citation, generated from src/site/meta.ts.
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builtPages, hrefsOf, idsOf } from '../support/site';
import { bibtex, changelog, citationMeta, citationText } from '../../src/site/meta';

const distDir = inject('distDir');
const base = inject('base');
const root = resolve(import.meta.dirname, '../..');
const pages = builtPages(distDir);
const byRoute = new Map(pages.map((p) => [p.route, p]));
const references: Record<string, { url: string }> = JSON.parse(readFileSync(resolve(root, 'content/references.json'), 'utf8'));
const glossary: Record<string, { term: string; short: string; definition: string; cite?: string[]; see?: string[] }> = JSON.parse(
  readFileSync(resolve(root, 'content/glossary.json'), 'utf8'),
);

/** Pages of the essay a reader can reach: not the 404 page, not hidden test pages (noindex). */
const essayPages = pages.filter((p) => p.route !== '404.html' && !/<meta name="robots" content="noindex"/.test(p.html));

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

/** Citation keys a page cites: `data-cite` markers and links into the bibliography. */
function citedKeys(html: string): { key: string; how: string }[] {
  const out: { key: string; how: string }[] = [];
  for (const m of html.matchAll(/\sdata-cite="([^"]*)"/g)) out.push({ key: decode(m[1]), how: 'data-cite' });
  const prefix = `${base}references/#`;
  for (const href of hrefsOf(html)) if (href.startsWith(prefix)) out.push({ key: decodeURIComponent(href.slice(prefix.length)), how: 'link' });
  return out;
}

/** Glossary ids a page links to through `class="term"` links (and any other link into the glossary). */
function termLinks(html: string): { id: string; href: string }[] {
  const out: { id: string; href: string }[] = [];
  for (const m of html.matchAll(/<a\b[^>]*>/g)) {
    const tag = m[0];
    const href = tag.match(/\shref="([^"]*)"/)?.[1];
    const isTerm = /\sclass="(?:[^"]*\s)?term(?:\s[^"]*)?"/.test(tag);
    if (!href) continue;
    if (isTerm || href.startsWith(`${base}glossary/#`)) {
      const hash = href.indexOf('#');
      out.push({ id: hash >= 0 ? decodeURIComponent(href.slice(hash + 1)) : '', href: decode(href) });
    }
  }
  return out;
}

describe('citations and the bibliography', () => {
  const bibliography = byRoute.get('references/');

  it('lists every reference of content/references.json once, with its key as its id and a link', () => {
    expect(bibliography, 'the references page is missing').toBeDefined();
    const html = bibliography!.html;
    for (const [key, ref] of Object.entries(references)) {
      const item = html.match(new RegExp(`<li[^>]*\\sid="${key}"[^>]*>([\\s\\S]*?)</li>`));
      expect(item, `reference ${key} has no entry with id="${key}"`).not.toBeNull();
      expect(item![0], `reference ${key} must be citable`).toMatch(/data-citable/);
      expect(ref.url, `reference ${key} needs an http(s) URL`).toMatch(/^https?:\/\//);
      expect(hrefsOf(item![1]), `reference ${key} links to its URL`).toContain(ref.url);
    }
    const listed = [...html.matchAll(/<li[^>]*\sid="([^"]+)"[^>]*data-citable/g)].map((m) => m[1]);
    expect(listed.filter((k) => !(k in references)), 'entries on /references/ without a reference').toEqual([]);
    expect(listed.length).toBe(new Set(listed).size);
  });

  it('resolves every citation marker to a reference', () => {
    const ids = idsOf(bibliography!.html);
    const broken: string[] = [];
    for (const page of pages) {
      for (const { key, how } of citedKeys(page.html)) {
        if (!(key in references) || !ids.has(key)) broken.push(`/${page.route}: ${how} "${key}"`);
      }
    }
    expect(broken, 'citations without a reference').toEqual([]);
  });

  it('cites every reference somewhere in the essay (not counting the references page itself)', () => {
    const cited = new Set<string>();
    for (const page of essayPages) if (page.route !== 'references/') for (const { key } of citedKeys(page.html)) cited.add(key);
    const uncited = Object.keys(references).filter((k) => !cited.has(k)).sort();
    expect(uncited, 'references that nothing cites: cite them where the essay relies on them, or remove them').toEqual([]);
  });
});

describe('the glossary', () => {
  const page = byRoute.get('glossary/');

  it('shows every entry of content/glossary.json with its id, term and definition', () => {
    expect(page, 'the glossary page is missing').toBeDefined();
    const html = page!.html;
    for (const [id, entry] of Object.entries(glossary)) {
      expect(id, `glossary id "${id}" must be lower-case words joined by hyphens`).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      const dt = html.match(new RegExp(`<dt[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</dt>`));
      expect(dt, `glossary entry ${id} has no <dt id="${id}">`).not.toBeNull();
      expect(dt![0]).toMatch(/data-citable/);
      expect(decode(dt![1]).trim()).toBe(entry.term);
      for (const field of ['term', 'short', 'definition'] as const) {
        expect(entry[field]?.trim().length ?? 0, `glossary ${id}.${field} is empty`).toBeGreaterThan(0);
      }
    }
  });

  it('defines every term of art the essay depends on', () => {
    const required = [
      'schemer', 'training-gamer', 'reward-on-the-episode-seeker', 'training-saint', 'misgeneralised-non-training-gamer',
      'situational-awareness', 'episode', 'beyond-episode-goal', 'goal-guarding', 'slack', 'path-dependence',
      'counting-argument', 'simplicity-prior', 'speed-prior', 'parameter-function-map', 'kolmogorov-complexity',
      'lz-complexity', 'basin', 'gibbs-distribution',
    ];
    expect(required.filter((id) => !(id in glossary))).toEqual([]);
  });

  it('supports every definition with citation keys that exist, and every “see also” with an entry', () => {
    const problems: string[] = [];
    for (const [id, entry] of Object.entries(glossary)) {
      if (!entry.cite?.length) problems.push(`${id}: no citation`);
      for (const k of entry.cite ?? []) if (!(k in references)) problems.push(`${id}: unknown citation key "${k}"`);
      for (const s of entry.see ?? []) if (!(s in glossary)) problems.push(`${id}: “see also” names unknown entry "${s}"`);
    }
    expect(problems).toEqual([]);
  });

  it('resolves every glossary link on every page', () => {
    const ids = idsOf(page!.html);
    const broken: string[] = [];
    let links = 0;
    for (const p of pages) {
      for (const { id, href } of termLinks(p.html)) {
        links++;
        if (!href.startsWith(`${base}glossary/#`)) broken.push(`/${p.route}: term link to ${href} does not point into the glossary`);
        else if (!(id in glossary) || !ids.has(id)) broken.push(`/${p.route}: ${href}`);
      }
    }
    expect(broken, 'glossary links without an entry').toEqual([]);
    expect(links, 'no glossary links found at all: the check would be vacuous').toBeGreaterThan(0);
  });
});

describe('the about page', () => {
  const about = byRoute.get('about/');
  const canonical = (html: string) => html.match(/<link rel="canonical" href="([^"]+)"/)?.[1] ?? '';

  it('has the sections it promises', () => {
    expect(about, 'the about page is missing').toBeDefined();
    const ids = idsOf(about!.html);
    for (const id of ['cite-this-essay', 'changelog', 'licence', 'source', 'how-it-was-built']) expect(ids.has(id), `#${id}`).toBe(true);
  });

  it('gives the citation as text and as BibTeX, generated from the one source of metadata', () => {
    const html = about!.html;
    const essayUrl = new URL(base, canonical(html)).href;
    const text = html.match(/<p[^>]*\sid="cite-as-text"[^>]*>([\s\S]*?)<\/p>/)?.[1];
    const bib = html.match(/<pre[^>]*\sid="cite-as-bibtex"[^>]*>([\s\S]*?)<\/pre>/)?.[1];
    expect(text && decode(text).trim()).toBe(citationText(essayUrl));
    expect(bib && decode(bib.replace(/<\/?code[^>]*>/g, '')).trim()).toBe(bibtex(essayUrl));
    // Balanced braces: a BibTeX entry that a parser can read.
    let depth = 0;
    for (const ch of bibtex(essayUrl).replace(/\\[{}]/g, '')) {
      depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it('dates every changelog entry', () => {
    for (const entry of changelog) {
      expect(entry.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(about!.html).toContain(`<time datetime="${entry.date}"`);
    }
  });

  it('puts the same citation metadata in every page’s head', () => {
    for (const page of essayPages) {
      const title = decode(page.html.match(/<title>([^<]*)<\/title>/)![1]).split(' · ')[0];
      for (const { name, content } of citationMeta(title, canonical(page.html))) {
        const escaped = content.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
        const present = page.html.includes(`<meta name="${name}" content="${escaped}"`) || page.html.includes(`<meta name="${name}" content="${content}"`);
        expect(present, `/${page.route} lacks ${name} = ${content}`).toBe(true);
      }
    }
  });

  it('makes no third-party requests, as it says: every script, stylesheet, image and frame is the site’s own', () => {
    const external: string[] = [];
    for (const page of pages) {
      for (const m of page.html.matchAll(/<(script|img|iframe|source|audio|video|embed)\b[^>]*\ssrc="([^"]+)"/g)) {
        if (/^(https?:)?\/\//.test(m[2])) external.push(`/${page.route}: <${m[1]} src="${m[2]}">`);
      }
      for (const m of page.html.matchAll(/<link\b[^>]*>/g)) {
        const rel = m[0].match(/\srel="([^"]+)"/)?.[1] ?? '';
        const href = m[0].match(/\shref="([^"]+)"/)?.[1] ?? '';
        if (/\b(stylesheet|preload|modulepreload|prefetch|preconnect|dns-prefetch|icon|manifest)\b/.test(rel) && /^(https?:)?\/\//.test(href)) {
          external.push(`/${page.route}: <link rel="${rel}" href="${href}">`);
        }
      }
      if (/@import\s+url\(\s*['"]?(https?:)?\/\//.test(page.html)) external.push(`/${page.route}: inline @import`);
    }
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = join(dir, name);
        return statSync(p).isDirectory() ? walk(p) : [p];
      });
    for (const file of walk(distDir).filter((f) => /\.(css|js|mjs)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      if (/url\(\s*['"]?https?:\/\//.test(text) || /@import\s+['"]https?:/.test(text)) external.push(`${file.slice(distDir.length)}: remote url()`);
      if (/\bfetch\(\s*['"`]https?:\/\//.test(text)) external.push(`${file.slice(distDir.length)}: fetch of a remote URL`);
    }
    expect(external).toEqual([]);
  });
});
