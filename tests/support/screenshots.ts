// `npm run screenshots [route...]`: full-page screenshots of built pages at phone and desktop
// widths, light and dark, JavaScript on and off, into tests/.artifacts/ for a human to look at.
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist } from './server.ts';
import { CHROMIUM_ARGS, resolveChromium } from './chromium.ts';

const root = resolve(import.meta.dirname, '../..');
const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['', 'kitchen-sink/'];
const site = await serveDist(resolve(root, process.env.TEST_DIST ?? 'dist-test'), '/essay/');
const { executablePath, env } = await resolveChromium();
const browser = await chromium.launch({ executablePath, env, args: CHROMIUM_ARGS });
const out = resolve(root, 'tests/.artifacts');
for (const route of routes) {
  for (const [device, viewport] of [['phone', { width: 360, height: 780 }], ['desktop', { width: 1366, height: 900 }]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const js of [true, false]) {
        if (!js && colorScheme === 'dark') continue;
        const context = await browser.newContext({ viewport, colorScheme, javaScriptEnabled: js, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(site.url + route);
        if (js) {
          for (const fig of await page.locator('figure[data-widget]').all()) await fig.scrollIntoViewIfNeeded();
          await page.waitForFunction(() => [...document.querySelectorAll('figure[data-widget]')].every((f) => f.classList.contains('hydrated')));
          await page.evaluate(() => scrollTo(0, 0));
        }
        const name = `${(route || 'home').replace(/\/$/, '').replace(/\//g, '_')}-${device}-${colorScheme}${js ? '' : '-nojs'}.png`;
        await page.screenshot({ path: resolve(out, name), fullPage: true });
        await context.close();
        console.log(name);
      }
    }
  }
}
await browser.close();
await site.close();
