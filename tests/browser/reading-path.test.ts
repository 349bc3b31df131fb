// Reading time and place (issue 19): the contents sidebar shows how far through the chapter the
// reader is, by a hairline drawn with transform alone (no layout shift, never animated), and on a
// phone the "On this page" box shows that it opens.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closePages, openPage } from '../support/browser';
import type { Page } from '../support/driver';

afterAll(closePages);

const CHAPTERS = resolve(import.meta.dirname, '../../content/chapters');

/** The progress mark's filled share, as drawn. */
const filled = (page: Page) => page.evaluate(() => {
  const bar = document.querySelector('.toc-progress > span')!.getBoundingClientRect();
  return bar.width / document.querySelector('.toc-progress')!.getBoundingClientRect().width;
});

describe('the reading path', () => {
  it('marks how far through the chapter the reader is, without moving anything or animating', async () => {
    const { page, errors, close } = await openPage('counting/', { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    expect(await page.locator('.toc-progress').isVisible()).toBe(true);
    expect(await filled(page)).toBe(0);
    const tocLinks = () => page.locator('.toc a').evaluateAll((as) => as.map((a) => { const r = a.getBoundingClientRect(); return [r.x, r.width, r.height]; }));
    const before = await tocLinks();
    // Layout shifts of anything in the contents while the reader scrolls (Chromium reports them).
    const layoutShifts = await page.evaluate(() => new Promise<number>((done) => {
      let shift = 0;
      const toc = document.querySelector('.toc')!;
      type Shift = { value: number; sources?: { node?: Node }[] };
      new PerformanceObserver((list) => list.getEntries().forEach((e) => {
        if ((e as unknown as Shift).sources?.some((s) => s.node && toc.contains(s.node))) shift += (e as unknown as Shift).value;
      })).observe({ type: 'layout-shift', buffered: false });
      const a = document.querySelector('article.prose')!;
      scrollTo(0, a.getBoundingClientRect().top + scrollY + (a.scrollHeight - innerHeight) / 2);
      requestAnimationFrame(() => requestAnimationFrame(() => done(shift)));
    })).catch(() => 0); // Firefox has no layout-shift entries: the box comparison below still holds
    expect(layoutShifts).toBe(0);
    // The mark shows the share scrolled, as the article's height is now (blocks rendered on demand
    // change it as they near view).
    await page.waitForFunction(() => {
      const box = document.querySelector('article.prose')!.getBoundingClientRect();
      const share = -box.top / (box.height - innerHeight);
      return Math.abs(Number(document.querySelector<HTMLElement>('.toc-progress > span')!.style.transform.slice(7, -1)) - share) < 0.006;
    });
    const half = await filled(page);
    expect(half).toBeGreaterThan(0.2);
    expect(half).toBeLessThan(0.8);
    expect(await tocLinks()).toEqual(before);
    expect(await page.locator('.toc-progress > span').evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(() => document.querySelector<HTMLElement>('.toc-progress > span')!.style.transform === 'scaleX(1)');
    expect(errors).toEqual([]);
    await close();
  });

  it('shows the chapter’s reading time in its header, and a disclosure marker on the phone’s “On this page”', async () => {
    const { page, errors, close } = await openPage('speed-and-depth/', { viewport: { width: 390, height: 844 } });
    expect(await page.locator('.chapter-header .reading-time-header').textContent()).toMatch(/^\d+ min read$/);
    expect(await page.locator('.toc-progress').isVisible()).toBe(false);
    const marker = () => page.locator('.toc summary').evaluate((el) => getComputedStyle(el, '::before').content);
    expect(await marker()).toContain('▸');
    await page.locator('.toc summary').click();
    expect(await marker()).toContain('▾');
    expect(errors).toEqual([]);
    await close();
  });
});

describe('long addresses on a phone', () => {
  it('wrap in the references rather than run off the screen', async () => {
    const { page, errors, close } = await openPage('references/', { viewport: { width: 390, height: 844 } });
    const overflow = await page.evaluate(() => [...document.querySelectorAll('main a')]
      .filter((a) => a.getBoundingClientRect().right > innerWidth + 0.5).map((a) => a.textContent));
    expect(overflow).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await close();
  });
});

describe('paragraph length on a phone', () => {
  // Every block of prose in every page of the essay (content/chapters, test fixtures aside) stays
  // within ten lines at 390 px, in both engines. Line counts depend on the font: the text is set in
  // Tinos (from npm), which has Liberation Serif's and Times New Roman's widths, so the count is the
  // same on every machine, whatever serif it has installed (a machine with DejaVu Serif alone gave
  // eleven and twelve lines where Liberation gave ten). Firefox's column is 12 px narrower (its
  // scrollbar takes room, Chromium's headless one does not), so the prose was split to nine lines in
  // Chromium to leave it that margin. Paragraphs and list items count; captions, widgets, notes and
  // the page header do not.
  const MAX_LINES = 10;
  const TINOS = join(import.meta.dirname, '../../node_modules/@fontsource/tinos/files');
  const faces = ['400-normal', '400-italic', '700-normal', '700-italic'].map((f) => {
    const [weight, style] = f.split('-');
    return { weight, style, base64: readFileSync(join(TINOS, `tinos-latin-${f}.woff2`)).toString('base64') };
  });
  /** Set the page's text in Tinos. Loaded from bytes, not fetched, so the page's CSP stays as it is. */
  const setInTinos = (page: Page) => page.evaluate(async (fs) => {
    for (const f of fs) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      document.fonts.add(await new FontFace('Tinos', bytes, { weight: f.weight, style: f.style }).load());
    }
    document.documentElement.style.setProperty('--font-text', 'Tinos');
    await document.fonts.ready;
    const loaded = [...document.fonts].filter((f) => f.family.replaceAll('"', '') === 'Tinos' && f.status === 'loaded').length;
    return { loaded, text: getComputedStyle(document.body).fontFamily };
  }, faces);
  const routes = readdirSync(CHAPTERS).filter((f) => f.endsWith('.mdx')).flatMap((f) => {
    const front = readFileSync(join(CHAPTERS, f), 'utf8').split('---')[1] ?? '';
    return /^(fixture|draft):\s*true/m.test(front) ? [] : [`${f.slice(0, -'.mdx'.length)}/`];
  });
  it('covers every page of the essay', () => expect(routes.length).toBeGreaterThanOrEqual(8));
  for (const route of routes) {
    it(`keeps every paragraph and list item on /${route} to ${MAX_LINES} lines at 390 px`, async () => {
      const { page, close } = await openPage(route, { viewport: { width: 390, height: 844 } });
      expect(await setInTinos(page)).toEqual({ loaded: 4, text: 'Tinos' });
      const measured = await page.evaluate(async () => {
        const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        // Blocks with mathematics are laid out only near the viewport (content-visibility) and keep
        // their size once rendered: bring each part of the page into view once before measuring.
        for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
          scrollTo(0, y);
          await frame();
        }
        // A computed line-height of "normal" is about 1.2 times the font size.
        const lineHeight = (el: Element) => {
          const style = getComputedStyle(el);
          return parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize);
        };
        return [...document.querySelectorAll('article.prose p, article.prose li')]
          .filter((el) => !el.closest('figure, .widget, .sidenote, header, nav, details') && !el.querySelector('p, ul, ol'))
          .map((el) => ({
            start: (el.textContent ?? '').trim().slice(0, 60),
            lines: Math.round(el.getBoundingClientRect().height / lineHeight(el)),
          }));
      });
      expect(measured.length).toBeGreaterThan(0);
      expect(measured.filter((b) => !(b.lines >= 1))).toEqual([]);
      expect(measured.filter((b) => b.lines > MAX_LINES)).toEqual([]);
      await close();
    });
  }
});
