// Search, in the built site under the test base path: the dialog opens from the header button,
// "/" and Ctrl-K, loads nothing before it opens, finds a phrase of the prose, a glossary term and
// an author, and its first result leads to the right section, in view; without JavaScript the
// header's control is a link to the contents.
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Page } from '../support/driver';
import { axeViolations, WCAG } from '../support/axe';
import { closePages, openPage } from '../support/browser';

const base = inject('base');
afterAll(closePages);

/** Type a query into the open dialog and wait until its results are those of that query. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('.search-dialog input').fill('');
  await page.keyboard.type(query);
  await page.waitForFunction((q) => {
    const d = document.querySelector<HTMLElement>('.search-dialog');
    return d?.dataset.state === 'ready' && d.querySelector('input')!.value === q && d.querySelectorAll('.search-result').length > 0;
  }, query);
  return page.evaluate(() => [...document.querySelectorAll('.search-result')].map((a) => a.getAttribute('href')!));
}

/** Wait for the location to reach `path#hash`, then report whether that element is in view. */
async function landedOn(page: Page, path: string, hash: string): Promise<boolean> {
  await page.waitForFunction(([p, h]) => location.pathname === p && location.hash === h && document.readyState === 'complete', [path, hash]);
  return page.evaluate((id) => {
    const r = document.getElementById(id)!.getBoundingClientRect();
    return r.top >= 0 && r.top < innerHeight;
  }, hash.slice(1));
}

const isOpen = (page: Page) => page.evaluate(() => !!document.querySelector<HTMLDialogElement>('.search-dialog')?.open);
/** The dialog's code loads on first use: wait for it to open. */
const opened = (page: Page) => page.waitForFunction(() => document.querySelector<HTMLDialogElement>('.search-dialog')?.open);

describe('search', () => {
  it('loads nothing until opened, then finds prose, a glossary term and an author, and follows each to its section', { timeout: 120_000 }, async () => {
    const { page, errors, close } = await openPage('speed-and-depth/');
    const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /search\.json|\/dialog\.[\w-]+\.js/.test(n)));
    expect(await loaded()).toEqual([]);

    const button = page.locator('.site-header .search-open');
    expect(await button.evaluate((b) => [b.tagName, b.querySelector('.search-label')?.textContent, b.getAttribute('aria-haspopup')])).toEqual(['BUTTON', 'Search', 'dialog']);
    await button.click();
    await opened(page);
    expect(await page.evaluate(() => document.activeElement?.matches('.search-dialog input'))).toBe(true);

    // A phrase from the prose: a section of this same page.
    const prose = await search(page, 'ghost of generalized instrumental reasoning');
    expect((await loaded()).length).toBe(2);
    expect(prose[0]).toBe(`${base}speed-and-depth/#the-instrumental-ghost`);
    expect(await page.locator('#search-result-0 .search-where').textContent()).toBe('Speed and depth · §3.6');
    expect(await page.locator('#search-result-0 .search-title').textContent()).toBe('The instrumental ghost');
    expect(await page.locator('#search-result-0 .search-excerpt mark').count()).toBeGreaterThan(0);
    // Arrow keys move the selection, which the input announces; Enter follows the selected result.
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('.search-dialog input').getAttribute('aria-activedescendant')).toBe('search-result-1');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('.search-dialog input').getAttribute('aria-activedescendant')).toBe('search-result-0');
    await page.keyboard.press('Enter');
    expect(await landedOn(page, `${base}speed-and-depth/`, '#the-instrumental-ghost')).toBe(true);
    expect(await isOpen(page)).toBe(false);

    // A glossary term, opened with "/", followed by a click to another page.
    await page.keyboard.press('/');
    await opened(page);
    expect((await search(page, 'reversal curse'))[0]).toBe(`${base}glossary/#reversal-curse`);
    await page.locator('.search-result').first().click();
    expect(await landedOn(page, `${base}glossary/`, '#reversal-curse')).toBe(true);

    // An author, opened with Ctrl-K.
    await page.keyboard.press('Control+k');
    await opened(page);
    expect((await search(page, 'Veit'))[0]).toBe(`${base}references/#veit2016`);
    expect(await page.locator('#search-result-0 .search-title').textContent()).toBe('Veit et al. 2016');
    await page.keyboard.press('Enter');
    expect(await landedOn(page, `${base}references/`, '#veit2016')).toBe(true);

    expect(errors).toEqual([]);
    await close();
  });

  it('closes on Escape and gives focus back; says when nothing matches; passes axe, on a phone in the dark', { timeout: 120_000 }, async () => {
    const { page, errors, close } = await openPage('introduction/', { viewport: { width: 390, height: 844 }, colorScheme: 'dark', isMobile: true, hasTouch: true });
    await page.locator('.search-open').focus();
    await page.keyboard.press('Enter');
    await opened(page);
    await search(page, 'slack');
    const box = (await page.locator('.search-result').first().boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const violations = await axeViolations(page, WCAG);
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

    await page.keyboard.type('zzqx');
    await page.waitForFunction(() => document.querySelector('.search-status')?.textContent === 'Nothing found for “slackzzqx”.');
    expect(await page.locator('.search-result').count()).toBe(0);

    await page.keyboard.press('Escape');
    expect(await isOpen(page)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-open'))).toBe(true);
    // "/" typed into a text field is text, not a shortcut.
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { id: 'typing' })));
    await page.locator('#typing').focus();
    await page.keyboard.press('/');
    expect(await isOpen(page)).toBe(false);
    expect(errors).toEqual([]);
    await close();
  });

  it('without JavaScript, the header control is a link to the contents, in the place the button takes', async () => {
    const withJs = await openPage('counting/');
    await withJs.page.waitForFunction(() => document.querySelector('.site-header button.search-open'));
    const buttonBox = await withJs.page.locator('.search-open').boundingBox();
    await withJs.close();

    const { page, close } = await openPage('counting/', { javaScriptEnabled: false });
    const link = page.locator('.site-header a.search-open');
    expect(await link.count()).toBe(1);
    // Turning the link into a button moves nothing in the header (no layout shift).
    expect(await link.boundingBox()).toEqual(buttonBox);
    expect(await link.getAttribute('href')).toBe(`${base}#contents`);
    expect((await link.textContent())?.trim()).toBe('Search');
    await link.click();
    await page.waitForFunction((p) => location.pathname === p && location.hash === '#contents', base);
    expect(await page.locator('#contents').isVisible()).toBe(true);
    await close();
  });
});
