// The reading apparatus on the kitchen-sink page: section links, contents tracking, citations,
// sidenotes, dark mode, figures.
import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from '../support/driver';
import { closePages, openPage } from '../support/browser';

const PAGE = 'kitchen-sink/';
afterAll(closePages);

describe('reading apparatus', () => {
  it('copies a link to a section from a keyboard-reachable control', async () => {
    const { page, close } = await openPage(PAGE, { permissions: ['clipboard-read', 'clipboard-write'] });
    const link = page.locator('a.copy-link[href="#a-live-figure"]');
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#a-live-figure');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // A hidden page has no share pages: the link is to the page itself (tests/browser/share.test.ts).
    expect(copied).toMatch(/^http.*\/kitchen-sink\/#a-live-figure$/);
    await expect(page.locator('.toast').innerText()).resolves.toMatch(/Copied link/);
    await close();
  });

  it('marks the section being read in the table of contents', async () => {
    const { page, close } = await openPage(PAGE);
    await page.locator('#a-static-figure').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById('a-static-figure')!.scrollIntoView({ block: 'start' }));
    await page.waitForFunction(() => document.querySelector('[aria-current="location"]')?.getAttribute('href') === '#a-static-figure');
    await close();
  });

  it('previews a citation on keyboard focus and links to the bibliography', async () => {
    const { page, close } = await openPage(PAGE);
    const cite = page.locator('.cite a').first();
    await cite.focus();
    const preview = page.locator('.cite-preview').first();
    await expect(preview.isVisible()).resolves.toBe(true);
    expect(await preview.innerText()).toMatch(/Carlsmith/);
    expect(await cite.getAttribute('href')).toMatch(/\/references\/#carlsmith2023$/);
    await close();
  });

  // A paragraph with mathematics (so rendered on demand) that cites a source, with a block after
  // it: its preview must be whole (not clipped by its block) and on top (not under the next), however
  // it is opened.
  const onDemandCitation = async (page: Page, at: 'center' | 'bottom' = 'center') => {
    const index = await page.evaluate(() => [...document.querySelectorAll('.prose > p')].findIndex((p) =>
      getComputedStyle(p).contentVisibility === 'auto' && p.querySelector('.cite') && p.nextElementSibling));
    expect(index).toBeGreaterThanOrEqual(0);
    const paragraph = page.locator('.prose > p').nth(index);
    await paragraph.scrollIntoViewIfNeeded();
    await paragraph.evaluate((p) => p.scrollIntoView({ block: 'center' }));
    const link = paragraph.locator('.cite a').first();
    // At the bottom of the screen, where a preview opened below its link would run off it.
    if (at === 'bottom') await link.evaluate((a) => scrollBy(0, a.getBoundingClientRect().bottom - innerHeight + 12));
    return { link, preview: paragraph.locator('.cite-preview').first() };
  };
  const expectWholeOnTop = async (preview: Locator) => {
    await expect(preview.isVisible()).resolves.toBe(true);
    // Every corner of the preview is the preview itself.
    const covered = await preview.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const points = [[r.left + 3, r.top + 3], [r.right - 3, r.top + 3], [r.left + 3, r.bottom - 3], [r.right - 3, r.bottom - 3]];
      return points.filter(([x, y]) => !el.contains(document.elementFromPoint(x, y)));
    });
    expect(covered).toEqual([]);
  };

  it('draws a citation preview whole and on top inside a block rendered on demand: keyboard, pointer, tap', async () => {
    const desktop = await openPage('counting/');
    const cite = await onDemandCitation(desktop.page);
    await cite.link.focus();
    await expectWholeOnTop(cite.preview);
    await cite.link.blur();
    await expect(cite.preview.isVisible()).resolves.toBe(false);
    await cite.link.hover();
    await expectWholeOnTop(cite.preview);
    await desktop.close();

    const phone = await openPage('counting/', { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const tapped = await onDemandCitation(phone.page, 'bottom');
    await tapped.link.tap();
    await expect(phone.page.evaluate(() => location.pathname)).resolves.toMatch(/\/counting\/$/); // first tap: preview only
    await expectWholeOnTop(tapped.preview);
    // No room below the citation: its preview opened above it.
    const [preview, link] = await Promise.all([tapped.preview, tapped.link].map((l) => l.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    })));
    expect(preview.bottom).toBeLessThan(link.top);
    // A tap need not hover or focus (Safari): the block holding the open preview is marked to lift it.
    const block = phone.page.locator('.prose > .cite-open');
    await expect(block.count()).resolves.toBe(1);
    await expect(block.locator('.cite.open .cite-preview').isVisible()).resolves.toBe(true);
    await phone.page.locator('h1').tap();
    await expect(block.count()).resolves.toBe(0);
    await expect(tapped.preview.isVisible()).resolves.toBe(false);
    await phone.close();
  });

  it('shows sidenotes in the margin on wide screens and behind a toggle on phones', async () => {
    const wide = await openPage(PAGE);
    await expect(wide.page.locator('.sidenote').first().isVisible()).resolves.toBe(true);
    await wide.close();
    const phone = await openPage(PAGE, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const note = phone.page.locator('.sidenote').first();
    await expect(note.isVisible()).resolves.toBe(false);
    await phone.page.locator('.sidenote-ref').first().click();
    await expect(note.isVisible()).resolves.toBe(true);
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it('follows the reader’s colour scheme and remembers the toggle', async () => {
    const { page, close } = await openPage(PAGE, { colorScheme: 'dark' });
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await bg();
    const toggle = page.locator('button.theme-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await bg()).not.toBe(dark);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await close();
  });

  it('numbers figures from the front matter and links to them', async () => {
    const { page, close } = await openPage(PAGE);
    expect(await page.locator('#fig-residual-paths .fig-label').innerText()).toBe('Figure 9.1');
    expect(await page.locator('#fig-static-example .fig-label').innerText()).toBe('Figure 9.2');
    expect(await page.locator('a.figref').first().innerText()).toBe('Figure 9.1');
    await close();
  });
});
