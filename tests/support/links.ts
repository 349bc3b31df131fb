// Opening a cited link of tests/links.json in a browser and reading its figure's outputs, for
// tests/browser/links.test.ts and `npm run links:record`. The registry's types and rules:
// src/site/cited-links.ts.
import type { Page } from './driver.ts';
import type { CitedLink } from '../../src/site/cited-links.ts';

export * from '../../src/site/cited-links.ts';

/** Path and query: links that share them share a document. */
const documentOf = (url: string) => url.replace(/#.*$/, '');

/** Opens a link in `page` (already showing some page of the same site, or a previous link), waits
 * until its figure is ready, and returns every output's data-value. Navigating within one page
 * keeps the suite fast; a link that differs only in its fragment stays in the same document, which
 * holds the same setting. */
export async function readLink(page: Page, baseUrl: string, link: CitedLink, timeout = 120_000): Promise<Record<string, string>> {
  const target = baseUrl + link.url.replace(/^\//, '');
  const current = await page.evaluate(() => location.href);
  if (current !== target) {
    const sameDocument = documentOf(current) === documentOf(target);
    await page.evaluate(([u, same]) => {
      (window as unknown as { __leaving?: boolean }).__leaving = !same;
      location.assign(u);
    }, [target, sameDocument] as const);
    await page.waitForFunction(
      (u) => location.href === u && document.readyState === 'complete' && !(window as unknown as { __leaving?: boolean }).__leaving,
      target, { timeout },
    );
  }
  const fig = page.locator(`figure[data-widget="${link.widget}"]`);
  await fig.scrollIntoViewIfNeeded();
  await page.waitForFunction((w) => document.querySelector(`figure[data-widget="${w}"]`)?.matches('.hydrated[data-state="ready"]'), link.widget, { timeout });
  return fig.evaluate((el) => Object.fromEntries(
    [...el.querySelectorAll<HTMLOutputElement>('output[name]')].map((o) => [o.name, o.dataset.value ?? '']),
  ));
}
