// `node tests/support/widget-shots.ts OUT_DIR [widget...]`: screenshots of every widget figure, for
// a designer to look at. For each widget, at phone (390×844) and desktop (1280×900, 1440×900)
// widths, light and dark: the whole figure (`W-WIDTH-SCHEME.png`), and the viewport while the
// reader works its last visible control (`W-WIDTH-SCHEME-using.png`), to see whether the chart
// stays in view. Uses the test build (dist-test, under /essay/).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist } from './server.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { WIDGET_PAGES } from './widget-pages.ts';

const root = resolve(import.meta.dirname, '../..');
const [outArg, ...only] = process.argv.slice(2);
const out = resolve(outArg ?? resolve(root, 'tests/.artifacts/widgets'));
mkdirSync(out, { recursive: true });
const site = await serveDist(resolve(root, process.env.TEST_DIST ?? 'dist-test'), '/essay/');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const viewports = [{ width: 390, height: 844 }, { width: 1280, height: 900 }, { width: 1440, height: 900 }];

for (const [widget, route] of Object.entries(WIDGET_PAGES)) {
  if (only.length && !only.includes(widget)) continue;
  for (const viewport of viewports) {
    for (const colorScheme of ['light', 'dark'] as const) {
      // bypassCSP: lets the screenshot turn off content-visibility, which blanks tall element shots.
      const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(site.url + route);
      await page.addStyleTag({ content: 'figure.widget { content-visibility: visible !important; }' });
      const fig = page.locator(`figure[data-widget="${widget}"]`);
      await fig.scrollIntoViewIfNeeded();
      await page.waitForFunction((w) => {
        const f = document.querySelector(`figure[data-widget="${w}"]`);
        return f?.classList.contains('hydrated') && !f.hasAttribute('aria-busy');
      }, widget, { timeout: 30_000 }).catch(() => console.warn(`${widget}: not ready after 30 s`));
      const name = `${widget}-${viewport.width}-${colorScheme}`;
      // The sticky header would be stitched into a tall element's screenshot: unstick it for this one.
      const unstick = await page.addStyleTag({ content: '.site-header, .widget-stage, .widget-side { position: static !important; }' });
      await fig.screenshot({ path: resolve(out, `${name}.png`) });
      await unstick.evaluate((el) => (el as Element).remove());
      // The last control a reader can see without opening anything, scrolled into view and focused.
      const last = await page.evaluate((w) => {
        const f = document.querySelector(`figure[data-widget="${w}"]`)!;
        const visible = [...f.querySelectorAll<HTMLElement>('input, select')].filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
        const el = visible.at(-1);
        if (!el) return false;
        el.scrollIntoView({ block: 'nearest' });
        el.focus();
        return true;
      }, widget);
      if (last) await page.screenshot({ path: resolve(out, `${name}-using.png`) });
      await context.close();
      console.log(name);
    }
  }
}
await browser.close();
await site.close();
