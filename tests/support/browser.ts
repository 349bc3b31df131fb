// One shared Chromium (launched in global setup); each test file connects to it and opens its own
// contexts. Pages record console errors and failed requests so tests can assert a clean console.
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

let browser: Browser | null = null;

export async function getBrowser(): Promise<Browser> {
  browser ??= await chromium.connect(inject('wsEndpoint'));
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

export interface WatchedPage {
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

export async function openPage(path: string, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const b = await getBrowser();
  const context = await b.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url()}`));
  // Privacy: the site must never contact another origin.
  const origin = new URL(inject('baseUrl')).origin;
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) errors.push(`third-party request: ${url}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(inject('baseUrl') + path.replace(/^\//, ''), { waitUntil: 'load' });
  return { page, errors, close: () => context.close() };
}

/** Text on the page that would mean a number went wrong. */
export async function invalidNumberText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const t = walker.currentNode.textContent ?? '';
      if (/\b(NaN|Infinity|undefined)\b/.test(t)) bad.push(t.trim().slice(0, 80));
    }
    document.querySelectorAll('output, [data-value]').forEach((el) => {
      const v = (el as HTMLElement).dataset.value;
      if (v && /NaN|Infinity|undefined/.test(v)) bad.push(`data-value=${v}`);
    });
    return bad;
  });
}

/** Scroll every widget into view so all of them hydrate, then wait until they have. */
export async function hydrateAll(page: Page): Promise<void> {
  const count = await page.locator('figure[data-widget]').count();
  for (let i = 0; i < count; i++) await page.locator('figure[data-widget]').nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('figure[data-widget]')].every((f) => f.classList.contains('hydrated')));
}
