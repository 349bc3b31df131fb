// Reading the built site: pages, ids and links, without a browser.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface BuiltPage {
  /** Route relative to the base, e.g. "counting/" ("" for the home page). */
  route: string;
  html: string;
}

export function builtPages(distDir: string): BuiltPage[] {
  const out: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.html')) {
        const rel = relative(distDir, p).replace(/\\/g, '/');
        const route = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
        out.push({ route, html: readFileSync(p, 'utf8') });
      }
    }
  };
  walk(distDir);
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
}

/** Ids a reader can cite: section headings, figures, and anything marked as an alias. */
export function citableIdsOf(html: string): string[] {
  const ids = [
    ...html.matchAll(/<h[23][^>]*\sid="([^"]+)"/g),
    ...html.matchAll(/<figure[^>]*\sid="([^"]+)"/g),
    ...html.matchAll(/<(?:li|dt)[^>]*\sid="([^"]+)"[^>]*data-citable/g),
  ].map((m) => m[1]);
  return [...new Set(ids)];
}

export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

/** Each chapter's slug and the front-matter flags that decide whether it is built. */
export function chapterFlags(contentDir: string): { slug: string; draft: boolean; fixture: boolean }[] {
  return readdirSync(contentDir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const front = readFileSync(join(contentDir, f), 'utf8').split('---')[1] ?? '';
      const flag = (name: string) => new RegExp(`^${name}:\\s*true\\s*$`, 'm').test(front);
      return { slug: f.replace(/\.mdx$/, ''), draft: flag('draft'), fixture: flag('fixture') };
    });
}

/** Chapters whose front matter does not mark them as drafts, by slug (test fixtures included). */
export function publishedSlugs(contentDir: string): string[] {
  return chapterFlags(contentDir).filter((c) => !c.draft).map((c) => c.slug);
}

/** Routes of the test fixtures (built only into the test build), e.g. "kitchen-sink/". */
export function fixtureRoutes(contentDir: string): string[] {
  return chapterFlags(contentDir).filter((c) => c.fixture).map((c) => `${c.slug}/`);
}

/** Every link to another site in the built pages (canonical and Open Graph URLs excluded). */
export function externalLinks(distDir: string): string[] {
  const links = new Set<string>();
  for (const page of builtPages(distDir)) {
    const body = page.html.slice(page.html.indexOf('<body'));
    for (const href of hrefsOf(body)) if (/^https?:\/\//.test(href)) links.add(href);
  }
  return [...links].sort();
}
