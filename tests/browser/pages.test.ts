// Every page in a real browser: clean console, no invalid numbers, no serious accessibility
// violations, and complete with JavaScript off.
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { seriousViolations } from '../support/axe';
import { resolve } from 'node:path';
import { builtPages, fixtureRoutes } from '../support/site';
import { closePages, hydrateAll, invalidNumberText, openPage } from '../support/browser';

// The essay's pages and the kitchen sink (every reading feature at once); the widget test pages only
// repeat widgets that are on the chapters. Share pages (/s/<id>/) send the reader straight on:
// tests/site/share.test.ts and tests/browser/share.test.ts check them.
const fixtures = fixtureRoutes(resolve(import.meta.dirname, '../../content/chapters')).filter((r) => r !== 'kitchen-sink/');
const routes = builtPages(inject('distDir')).map((p) => p.route).filter((r) => r !== '404.html' && !fixtures.includes(r) && !r.startsWith('s/'));

afterAll(closePages);

describe.each(routes)('/%s', (route) => {
  it('loads with a clean console, valid numbers and no serious axe violations (light and dark)', async () => {
    const { page, errors, close } = await openPage(route, { colorScheme: 'light' });
    await hydrateAll(page);
    expect(await invalidNumberText(page)).toEqual([]);
    expect(await seriousViolations(page, 'light'), 'light').toEqual([]);
    // Dark as a reader switches to it, on the same page: one load and hydration fewer per page and
    // engine (and no second Firefox). Dark from the system's setting has the same colours
    // (tests/site/site.test.ts) and is loaded by reading.test.ts and the widgets' own tests.
    await page.locator('button.theme-toggle').click();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark' && getComputedStyle(document.body).colorScheme === 'dark');
    expect(await seriousViolations(page, 'dark'), 'dark').toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('reads with JavaScript off: text, figures and default numbers are in the HTML', async () => {
    const { page, close } = await openPage(route, { javaScriptEnabled: false });
    const text = await page.locator('main').innerText();
    expect(text.length).toBeGreaterThan(200);
    const figures = page.locator('figure[data-widget]');
    for (let i = 0; i < (await figures.count()); i++) {
      const fig = figures.nth(i);
      // As a reader would: blocks far from view are rendered when they come near it, a frame later
      // (until then innerText is empty, while a box from an earlier rendering may linger).
      await fig.scrollIntoViewIfNeeded();
      const outputs = fig.locator('output');
      // Outputs under a closed "More numbers" are not rendered, so their text is read from the DOM.
      await expect.poll(async () => (await outputs.allTextContents()).every((t) => t.trim().length > 0)).toBe(true);
      await expect(fig.locator('.widget-chart svg').first().isVisible()).resolves.toBe(true);
      const texts = await outputs.allTextContents();
      expect(texts.filter((t) => /NaN|Infinity|undefined/.test(t))).toEqual([]);
    }
    await close();
  });
});
