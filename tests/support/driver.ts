// The one small browser interface the browser tests are written against: the subset of
// Playwright's Page and Locator they use. Chromium passes Playwright's own objects; Firefox gets
// the adapter over puppeteer-core in tests/support/gecko.ts. Keep to this subset in tests: a test
// that needs more is rewritten to it rather than the adapter grown.
import { accessSync, constants } from 'node:fs';

export type Engine = 'chromium' | 'firefox';

/** How a page is opened (a subset of Playwright's context options; Firefox maps each one). */
export interface PageOptions {
  viewport?: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  javaScriptEnabled?: boolean;
  /** Chromium only; Firefox's test profile lets pages read and write the clipboard. */
  permissions?: string[];
}

/** A time limit for one wait or action, in milliseconds; a miss throws an error named TimeoutError. */
export interface Timeout { timeout?: number }
export interface Box { x: number; y: number; width: number; height: number }

/** Lazy: every call queries the page again. Actions wait for the element to be visible and enabled. */
export interface Locator {
  locator(css: string): Locator;
  first(): Locator;
  nth(index: number): Locator;
  page(): Page;
  count(): Promise<number>;
  click(options?: Timeout): Promise<void>;
  check(options?: Timeout): Promise<void>;
  fill(value: string, options?: Timeout): Promise<void>;
  press(key: string, options?: Timeout): Promise<void>;
  focus(options?: Timeout): Promise<void>;
  blur(options?: Timeout): Promise<void>;
  hover(options?: Timeout): Promise<void>;
  tap(options?: Timeout): Promise<void>;
  selectOption(option: string | { index: number }, options?: Timeout): Promise<unknown>;
  scrollIntoViewIfNeeded(options?: Timeout): Promise<void>;
  getAttribute(name: string, options?: Timeout): Promise<string | null>;
  textContent(options?: Timeout): Promise<string | null>;
  innerText(options?: Timeout): Promise<string>;
  inputValue(options?: Timeout): Promise<string>;
  innerHTML(options?: Timeout): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  allTextContents(): Promise<string[]>;
  boundingBox(options?: Timeout): Promise<Box | null>;
  isVisible(): Promise<boolean>;
  isHidden(): Promise<boolean>;
  isEnabled(options?: Timeout): Promise<boolean>;
  isDisabled(options?: Timeout): Promise<boolean>;
  isChecked(options?: Timeout): Promise<boolean>;
  evaluate<R, A = undefined, E extends Element = HTMLElement>(fn: (el: E, arg: A) => R | Promise<R>, arg?: A, options?: Timeout): Promise<R>;
  evaluateAll<R, A = undefined, E extends Element = HTMLElement>(fn: (els: E[], arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

export interface Page {
  locator(css: string): Locator;
  evaluate<R, A = undefined>(fn: ((arg: A) => R | Promise<R>) | string, arg?: A): Promise<R>;
  /** Polls `fn` in the page (every animation frame) until it returns a truthy value. */
  waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, options?: Timeout): Promise<unknown>;
  /** Runs `fn` in every document this page loads from now on, before the page's own scripts. */
  addInitScript(fn: () => void): Promise<unknown>;
  keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    down(): Promise<void>;
    up(): Promise<void>;
  };
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  screenshot(options?: { path?: string; fullPage?: boolean }): Promise<Uint8Array>;
  url(): string;
  /** Loads `url` and waits for its load event. */
  goto(url: string, options?: { waitUntil?: 'load' }): Promise<unknown>;
  reload(): Promise<unknown>;
  /** @deprecated Waiting on elapsed time flakes; wait for a state the page announces instead. */
  waitForTimeout(ms: number): Promise<void>;
}

/** Firefox for the Gecko pass: FIREFOX_PATH, else Debian's firefox-esr, else firefox; null if none runs. */
export function findFirefox(): string | null {
  const candidates = process.env.FIREFOX_PATH ? [process.env.FIREFOX_PATH] : ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  }) ?? null;
}

/** What a watched page reports: console errors and warnings, page errors, requests, responses and
 * failed requests (tests/support/browser.ts turns them into a test's `errors`). */
export interface Recorder {
  error(text: string): void;
  request(url: string): void;
  status(status: number, url: string): void;
  failed(url: string, reason: string): void;
}
