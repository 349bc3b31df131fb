// Every browser test runs once per engine: the "dist" project in Chromium, the "gecko" project in
// Firefox (see tests/support/gecko.ts). Each test worker launches its browser once and keeps it for
// every file it runs, one after another (the projects do not isolate files: a Firefox launch took
// 4 s, and relaunching for each file cost minutes); each page has a context of its own, and the
// worker's environment closes the browsers when the worker stops (browser-environment.ts).
// Tests see only the driver interface (tests/support/driver.ts). Pages
// record console errors, failed requests and any request to another origin, so tests can assert
// a clean console in both engines.
import { inject } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { Engine, Page, PageOptions, Recorder } from './driver';
import { closeFirefox, openGeckoPage } from './gecko';
import { CHROMIUM_ARGS, resolveChromium } from './chromium';
import { CLOSE_BROWSERS } from './browser-environment';

export type { Locator, Page } from './driver';

let browser: Promise<Browser> | null = null;
const TIMEOUT = 150_000;

/** The engine of this test project. */
export const engine = (): Engine => inject('engine') ?? 'chromium';

function getChromium(): Promise<Browser> {
  browser ??= resolveChromium().then(({ executablePath, env }) => chromium.launch({ executablePath, env, args: CHROMIUM_ARGS }));
  return browser;
}

/** Pages still open: a test that failed before closing its page leaves it to the file's end. */
const openPages = new Set<() => Promise<void>>();

/** After a test file: close the pages its tests left open (the browsers stay for the next file). */
export async function closePages(): Promise<void> {
  const left = [...openPages];
  openPages.clear();
  await Promise.all(left.map((close) => close().catch(() => {})));
}

/** When the worker stops: close its browsers. */
async function closeBrowsers(): Promise<void> {
  await closePages();
  const launched = browser;
  browser = null;
  await (await launched)?.close();
  await closeFirefox();
}
(globalThis as { [CLOSE_BROWSERS]?: () => Promise<void> })[CLOSE_BROWSERS] = closeBrowsers;

export interface WatchedPage {
  page: Page;
  errors: string[];
  /** Every URL the page requested, in order (workers' scripts included). */
  requests: string[];
  close(): Promise<void>;
}

export async function openPage(path: string, options: PageOptions = {}): Promise<WatchedPage> {
  const url = inject('baseUrl') + path.replace(/^\//, '');
  const errors: string[] = [];
  const requests: string[] = [];
  // Privacy: the site must never contact another origin.
  const origin = new URL(inject('baseUrl')).origin;
  const record: Recorder = {
    error: (text: string) => errors.push(text),
    request: (u: string) => {
      requests.push(u);
      if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) errors.push(`third-party request: ${u}`);
    },
    status: (status: number, u: string) => {
      if (status >= 400) errors.push(`HTTP ${status}: ${u}`);
    },
    // A request the browser dropped because the page went away (a test moving on while the
    // favicon still loads) is not the page's failure; any other is.
    failed: (u: string, reason: string) => {
      if (!/ABORTED/i.test(reason)) errors.push(`requestfailed (${reason || 'no reason given'}): ${u}`);
    },
  };
  const opened = engine() === 'firefox' ? await openGeckoPage(inject('firefoxPath'), url, options, record) : await openChromiumPage(url, options, record);
  openPages.add(opened.close);
  const close = async () => {
    openPages.delete(opened.close);
    await opened.close();
  };
  return { page: opened.page, errors, requests, close };
}

async function openChromiumPage(url: string, options: PageOptions, record: Recorder): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await (await getChromium()).newContext({ viewport: { width: 1280, height: 900 }, ...options });
  // A wait's limit guards against a hang and no more: the test's own limit is the real bound.
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') record.error(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => record.error(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => record.failed(r.url(), r.failure()?.errorText ?? ''));
  page.on('request', (r) => record.request(r.url()));
  page.on('response', (r) => record.status(r.status(), r.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page: page as unknown as Page, close: () => context.close() };
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
  // And until every figure and inline number shows its setting's numbers (pending ones are dimmed).
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-state]')].every((el) => el.dataset.state === 'ready'), undefined, { timeout: 120_000 });
}
