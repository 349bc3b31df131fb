// Citing in discussion, over the built site: every page unfurls with its own card image, and every
// section has a share page (/s/<id>/) that unfurls as that section and sends readers on to it.
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages } from '../support/site';

const distDir = inject('distDir');
const base = inject('base');
const pages = builtPages(distDir);
const byRoute = new Map(pages.map((p) => [p.route, p]));

const meta = (html: string, key: string) =>
  html.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1]?.replace(/&amp;/g, '&');
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is not a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('link previews', () => {
  it('gives every page a 1200×630 PNG card under 300 KB, with its size, alt text and a large Twitter card', () => {
    for (const page of pages) {
      const image = meta(page.html, 'og:image');
      expect(image, `/${page.route} has no og:image`).toBeDefined();
      const url = new URL(image!);
      expect(url.origin, `/${page.route}: og:image is absolute at the public origin`).toBe('https://counting-schemers.example');
      expect(url.pathname.startsWith(`${base}og/`), url.pathname).toBe(true);
      const file = join(distDir, url.pathname.slice(base.length));
      expect(existsSync(file), `/${page.route}: ${file} is missing`).toBe(true);
      expect(pngSize(file)).toEqual({ width: 1200, height: 630 });
      expect(statSync(file).size, file).toBeLessThan(300 * 1024);
      expect(meta(page.html, 'og:image:width')).toBe('1200');
      expect(meta(page.html, 'og:image:height')).toBe('630');
      expect(meta(page.html, 'og:image:alt')?.length ?? 0, `/${page.route} og:image:alt`).toBeGreaterThan(10);
      expect(meta(page.html, 'twitter:card')).toBe('summary_large_image');
      expect(page.html, 'the card instructions are removed after drawing').not.toContain('data-card-');
    }
  });

  it('gives each chapter its own card', () => {
    const images = ['counting/', 'speed-and-depth/', 'path-dependence/'].map((r) => meta(byRoute.get(r)!.html, 'og:image'));
    expect(new Set(images).size).toBe(3);
  });
});

describe('share pages', () => {
  // Every section's copy-link control on a listed page names its share page.
  const sections = pages.flatMap((page) =>
    [...page.html.matchAll(/<a href="#([a-z0-9-]+)" class="copy-link"([^>]*)>/g)].map((m) => ({
      page: page.route, id: m[1], share: m[2].match(/data-share="([^"]+)"/)?.[1], label: decode(m[2].match(/data-section-label="([^"]+)"/)?.[1] ?? ''),
    })));
  const listed = sections.filter((s) => !/^(kitchen-sink|widgets-)/.test(s.page));

  it('exists for every section of every listed page', () => {
    expect(listed.length).toBeGreaterThan(30);
    for (const s of listed) expect(s.share, `${s.page}#${s.id} has no share page`).toMatch(new RegExp(`^${base}s/[a-z0-9-]+/$`));
    const shares = listed.map((s) => s.share);
    expect(new Set(shares).size, 'share pages are distinct').toBe(shares.length);
  });

  it('unfurls as the section and sends readers on to it, with no script', () => {
    for (const s of listed) {
      const page = byRoute.get(s.share!.slice(base.length));
      expect(page, `${s.share} was not built`).toBeDefined();
      const html = page!.html;
      const target = `${base}${s.page}#${s.id}`;
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${target}">`);
      expect(html).toContain(`<a href="${target}"`);
      expect(html.match(/<link rel="canonical" href="([^"]+)"/)?.[1]).toBe(`https://counting-schemers.example${target}`);
      expect(meta(html, 'robots')).toBe('noindex');
      expect(decode(meta(html, 'og:title') ?? '')).toContain(s.label);
      expect(meta(html, 'og:description')?.length ?? 0, `${s.share} description`).toBeGreaterThan(20);
      expect(meta(html, 'og:image')).toBe(`https://counting-schemers.example${base}og/${s.share!.slice(base.length).replace(/\/$/, '')}.png`);
      expect(html).not.toMatch(/<script/);
    }
  });

  it('keeps a section id the share page of its first page: a later page with the same id gets its own', () => {
    expect(listed.find((s) => s.page === 'counting/' && s.id === 'simplicity-bias')?.share).toBe(`${base}s/simplicity-bias/`);
    expect(listed.find((s) => s.page === 'methods/' && s.id === 'simplicity-bias')?.share).toBe(`${base}s/methods-simplicity-bias/`);
  });
});
