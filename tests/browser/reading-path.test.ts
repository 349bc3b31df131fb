// Reading time and place (issue 19): the contents sidebar shows how far through the chapter the
// reader is, by a hairline drawn with transform alone (no layout shift, never animated), and on a
// phone the "On this page" box shows that it opens.
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, engine, openPage } from '../support/browser';
import type { Page } from '../support/driver';

afterAll(closeBrowser);

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
  // The blocks a design review found running past ten lines at phone width (issue 19), by the
  // words near their start: §2.3's list items, §4.1's second paragraph, chapter 3's opening.
  const NAMED: [route: string, starts: string[]][] = [
    ['counting/', ['The non-schemer’s motivation', 'Every model has an explicit goal slot', 'Carlsmith argues that it may be small', 'To put a number on it', 'Goals are messy', 'If the free volume', 'In his answer to Pope']],
    ['path-dependence/', ['Evan Hubinger, arguing', 'Under high path dependence', 'He pointed to evidence']],
    ['speed-and-depth/', ['the subject of the previous chapter', 'A schemer does everything', 'report calls this the speed argument', 'This chapter runs both']],
  ];
  for (const [route, starts] of NAMED) {
    it(`keeps the blocks named on /${route} to ten lines each at 390 px`, async (ctx) => {
      // Lines depend on the font the stack falls back to: Firefox here takes the system's serif
      // (DejaVu Serif, much wider than Chromium's), which set the same blocks in 12–13 lines.
      if (engine() === 'firefox') ctx.skip();
      const { page, close } = await openPage(route, { viewport: { width: 390, height: 844 } });
      const found = await page.evaluate((prefixes) => prefixes.map((start) => {
        // By its opening words (a glossary term's preview is part of its text, hence "includes").
        const block = [...document.querySelectorAll('article.prose p, article.prose li')]
          .find((el) => (el.textContent ?? '').slice(0, 400).includes(start) && !el.querySelector('p'));
        return [start, block ? Math.round(block.getBoundingClientRect().height / parseFloat(getComputedStyle(block).lineHeight)) : -1] as const;
      }), starts);
      expect(found.filter(([, n]) => n < 1 || n > 10)).toEqual([]);
      await close();
    });
  }
});
