// `node tests/support/widget-shots.ts OUTDIR [widget...]`: a screenshot of each widget's figure at
// phone (390×844) and desktop (1280×900) width, light and dark, from the test build (dist-test/).
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist } from './server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { WIDGET_PAGES as PAGES } from './widget-pages.ts';

const root = resolve(import.meta.dirname, '../..');
const [outDir, ...only] = process.argv.slice(2);
const widgets = only.length ? only : Object.keys(PAGES);
const site = await serveDist(resolve(root, process.env.TEST_DIST ?? 'dist-test'), '/essay/');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const [device, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 900 }]] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const w of widgets) {
      await page.goto(site.url + PAGES[w] + (process.env.SHOT_QUERY ?? ''));
      const fig = page.locator(`figure[data-widget="${w}"]`);
      // The stylesheet skips laying out off-screen blocks (content-visibility), which blanks the
      // part of a figure taller than the viewport in an element screenshot.
      await page.evaluate(() => document.querySelectorAll<HTMLElement>('.prose > *').forEach((el) => { el.style.contentVisibility = 'visible'; }));
      await fig.scrollIntoViewIfNeeded();
      await page.waitForFunction((id) => {
        const f = document.querySelector(`figure[data-widget="${id}"]`);
        return f?.classList.contains('hydrated') && !f.hasAttribute('aria-busy') && f.getAttribute('data-state') !== 'pending';
      }, w);
      await fig.screenshot({ path: resolve(outDir, `${w}-${device}-${colorScheme}.png`) });
      await fig.locator('.widget-chart').screenshot({ path: resolve(outDir, `${w}-${device}-${colorScheme}-chart.png`) });
    }
    await context.close();
  }
}
await browser.close();
await site.close();
