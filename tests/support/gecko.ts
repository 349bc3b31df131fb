// Firefox (Gecko) behind the tests' driver interface (tests/support/driver.ts): puppeteer-core over
// WebDriver BiDi, with Playwright's locator semantics where the tests rely on them (a locator is a
// chain of CSS steps queried afresh on every call; actions wait until the element is visible and
// enabled, and scroll it into view).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page as RawPage } from 'puppeteer-core';
import type { Box, Locator, Page, PageOptions, Recorder, Timeout } from './driver';

const TIMEOUT = 150_000;

type Step = { css: string } | { nth: number };
type Want = 'count' | 'all' | 'attached' | 'visible' | 'enabled';

/** Runs in the page (self-contained): what a chain of steps matches now. For 'attached', 'visible'
 * and 'enabled', the first match once it is in that state, else null (so waitForFunction polls on). */
function locate(chain: Step[], want: Want) {
  let found: (Document | Element)[] = [document];
  for (const step of chain) {
    if ('css' in step) {
      const next = new Set<Element>();
      for (const root of found) for (const el of root.querySelectorAll(step.css)) next.add(el);
      found = [...next];
      if (found.length > 1) found.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    } else {
      const el = found.at(step.nth);
      found = el ? [el] : [];
    }
  }
  const els = found as Element[];
  if (want === 'count') return els.length;
  if (want === 'all') return els;
  const el = els[0];
  if (!el || want === 'attached') return el ?? null;
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') return null;
  return want === 'enabled' && (el as HTMLInputElement).disabled ? null : el;
}

// Handles are never released one by one: in Firefox 153 releasing one (script.disown) holds up the
// next command by some 40 ms, which on every locator call cost Firefox's tests a sixth of their
// time. They go with the page's context, which each test closes.

// puppeteer's types want the arguments' types to match the function's exactly.
const inPage = locate as (chain: Step[], want: string) => unknown;

class GeckoLocator implements Locator {
  private readonly owner: GeckoPage;
  private readonly chain: Step[];
  constructor(owner: GeckoPage, chain: Step[]) {
    this.owner = owner;
    this.chain = chain;
  }

  locator(css: string): Locator { return new GeckoLocator(this.owner, [...this.chain, { css }]); }
  first(): Locator { return this.nth(0); }
  nth(index: number): Locator { return new GeckoLocator(this.owner, [...this.chain, { nth: index }]); }
  page(): Page { return this.owner; }

  /** The first match, once it is in the wanted state (asked from here until it is). */
  private async element(want: Want, options?: Timeout): Promise<ElementHandle<Element>> {
    return this.owner.poll(async () => (await this.owner.raw.evaluateHandle(inPage, this.chain, want)).asElement() as ElementHandle<Element> | null, options);
  }

  private async on<R, A, E extends Element>(want: Want, fn: (el: E, arg: A) => R | Promise<R>, arg?: A, options?: Timeout): Promise<R> {
    const el = await this.element(want, options);
    return (await el.evaluate(fn as never, arg)) as R;
  }

  private async act(want: Want, options: Timeout | undefined, action: (el: ElementHandle<Element>) => Promise<void>): Promise<void> {
    await action(await this.element(want, options));
  }

  async count(): Promise<number> { return (await this.owner.raw.evaluate(inPage, this.chain, 'count')) as number; }
  // Pointer actions scroll the element into view first, until it stays there (see
  // scrollIntoViewIfNeeded): puppeteer scrolls once, and in Firefox the blocks rendered on demand
  // above it can push it out again before the click ("Node is either not clickable").
  private async pointer(want: Want, options: Timeout | undefined, action: (el: ElementHandle<Element>) => Promise<void>) {
    await this.element(want, options);
    await this.scrollIntoViewIfNeeded(options);
    await this.act(want, options, action);
  }
  click(options?: Timeout) {
    return this.pointer('enabled', options, async (el) => {
      if (!this.owner.scriptsOff) return el.click();
      // puppeteer's click waits on an IntersectionObserver in the page, whose callback never runs
      // with scripts off: click the middle of the box, which is in view by now.
      const box = (await el.boundingBox())!;
      await this.owner.raw.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    });
  }
  async check(options?: Timeout) { if (!(await this.isChecked(options))) await this.click(options); }
  hover(options?: Timeout) { return this.pointer('visible', options, (el) => el.hover()); }
  tap(options?: Timeout) { return this.pointer('visible', options, (el) => el.tap()); }
  // element.focus() in the page: puppeteer's refuses SVG elements (chart handles are focusable <g>s).
  focus(options?: Timeout) { return this.on('attached', (el) => (el as HTMLElement | SVGElement).focus(), undefined, options); }
  blur(options?: Timeout) { return this.on('attached', (el) => (el as HTMLElement).blur(), undefined, options); }

  async press(key: string, options?: Timeout): Promise<void> {
    await this.focus(options);
    await pressChord(this.owner.raw, key);
  }

  /** As Playwright's fill: one edit replacing the whole value (one input event), no change event. */
  fill(value: string, options?: Timeout) {
    return this.on('enabled', (el, v) => {
      const input = el as HTMLInputElement;
      input.focus();
      if (/^(range|color|date|time|datetime-local|month|week)$/.test(input.type)) {
        input.value = v;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        return;
      }
      input.select();
      document.execCommand(v ? 'insertText' : 'delete', false, v);
    }, value, options);
  }

  /** As Playwright's: by value or label, or by index; fires input and change. */
  selectOption(option: string | { index: number }, options?: Timeout) {
    return this.on('enabled', (el, want) => {
      const select = el as HTMLSelectElement;
      const all = [...select.options];
      const o = typeof want === 'string' ? all.find((x) => x.value === want || x.label === want) : all[want.index];
      if (!o) throw new Error(`no option ${JSON.stringify(want)}`);
      select.value = o.value;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return [o.value];
    }, option, options);
  }

  /** As Playwright's: scrolls only when the element is not wholly in view (centring it), and until
   * it stays there: in Firefox, blocks above it rendered on demand (content-visibility) push it away
   * after one scroll. Checked once a frame (with scripts off, where frame callbacks never run, from here). */
  async scrollIntoViewIfNeeded(options?: Timeout): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const settled = await this.on('attached', (el, first) => {
        const r = el.getBoundingClientRect();
        const whole = r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
        const spans = r.height > innerHeight && r.top <= 0 && r.bottom >= innerHeight;
        if (!first && (whole || spans)) return true;
        if (!whole) el.scrollIntoView({ block: 'center', inline: 'center' });
        return false;
      }, i === 0, options);
      if (settled) return;
      if (this.owner.scriptsOff) await new Promise((done) => setTimeout(done, 50));
      else await this.owner.raw.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    }
  }

  getAttribute(name: string, options?: Timeout) { return this.on('attached', (el, n) => el.getAttribute(n), name, options); }
  textContent(options?: Timeout) { return this.on('attached', (el) => el.textContent, undefined, options); }
  innerText(options?: Timeout) { return this.on('attached', (el) => (el as HTMLElement).innerText ?? el.textContent ?? '', undefined, options); }
  innerHTML(options?: Timeout) { return this.on('attached', (el) => el.innerHTML, undefined, options); }
  allTextContents() { return this.evaluateAll((els) => els.map((el) => el.textContent ?? '')); }
  allInnerTexts() { return this.evaluateAll((els) => els.map((el) => (el as HTMLElement).innerText ?? el.textContent ?? '')); }

  inputValue(options?: Timeout) {
    return this.on('attached', (el) => {
      if (!('value' in el)) throw new Error('not an input, textarea or select');
      return String((el as HTMLInputElement).value);
    }, undefined, options);
  }

  async boundingBox(options?: Timeout): Promise<Box | null> {
    return (await this.element('attached', options)).boundingBox();
  }

  async isVisible(): Promise<boolean> { return (await this.owner.raw.evaluate(inPage, this.chain, 'visible')) !== null; }
  async isHidden(): Promise<boolean> { return !(await this.isVisible()); }
  isEnabled(options?: Timeout) { return this.on('attached', (el) => !(el as HTMLInputElement).disabled, undefined, options); }
  async isDisabled(options?: Timeout) { return !(await this.isEnabled(options)); }
  isChecked(options?: Timeout) {
    return this.on('attached', (el) => (el as HTMLInputElement).checked ?? el.getAttribute('aria-checked') === 'true', undefined, options);
  }

  evaluate<R, A = undefined, E extends Element = HTMLElement>(fn: (el: E, arg: A) => R | Promise<R>, arg?: A, options?: Timeout): Promise<R> {
    return this.on('attached', fn, arg, options);
  }

  async evaluateAll<R, A = undefined, E extends Element = HTMLElement>(fn: (els: E[], arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    const els = await this.owner.raw.evaluateHandle(inPage, this.chain, 'all');
    return (await els.evaluate(fn as never, arg)) as R;
  }
}

/** `fn` as a page function whose result survives the trip back: an element or a window comes back
 * from Firefox as undefined, so a wait on `() => document.querySelector(…)` would never end; it
 * comes back as true. (Built here: the page's CSP forbids building functions there.) */
function truthyInPage(fn: (arg: never) => unknown): (arg: unknown) => unknown {
  // Synchronous unless `fn` returns a promise: with scripts off, a promise's callbacks never run.
  return new Function('arg', `const sendable = (v) => (v instanceof Node || v === window ? true : v);
    const v = (${fn.toString()})(arg);
    return v instanceof Promise ? v.then(sendable) : sendable(v);`) as (arg: unknown) => unknown;
}

/** Playwright's key chords ("Control+k", "Shift+ArrowRight"): modifiers held around the last key. */
async function pressChord(raw: RawPage, chord: string): Promise<void> {
  const keys = chord.length > 1 ? chord.split('+') : [chord];
  const key = keys.pop()!;
  for (const m of keys) await raw.keyboard.down(m as never);
  await raw.keyboard.press(key as never);
  for (const m of keys.reverse()) await raw.keyboard.up(m as never);
}

class GeckoPage implements Page {
  readonly raw: RawPage;
  private readonly options: PageOptions;
  readonly scriptsOff: boolean;
  constructor(raw: RawPage, options: PageOptions) {
    this.raw = raw;
    this.options = options;
    this.scriptsOff = options.javaScriptEnabled === false;
  }

  locator(css: string): Locator { return new GeckoLocator(this, [{ css }]); }

  evaluate<R, A = undefined>(fn: ((arg: A) => R | Promise<R>) | string, arg?: A): Promise<R> {
    return (typeof fn === 'string' ? this.raw.evaluate(fn) : this.raw.evaluate(fn as never, arg)) as Promise<R>;
  }

  /** Asks the page from here until `fn` gives a truthy value: one command a time, sooner at first
   * (most states arrive within a few frames), then less often. Not puppeteer's in-page poller:
   * installing and releasing it costs Firefox several commands and 40 ms, and with scripts off
   * it never runs. An ask that fails (the page navigating) is asked again. */
  async waitForFunction<A = undefined>(fn: (arg: A) => unknown, arg?: A, options?: Timeout): Promise<unknown> {
    const ask = truthyInPage(fn);
    return this.poll(() => this.raw.evaluate(ask, arg), options);
  }

  async poll<R>(ask: () => Promise<R | null | undefined>, options?: Timeout): Promise<R> {
    const timeout = options?.timeout ?? TIMEOUT;
    // As in Playwright, a timeout of 0 is no limit.
    const limit = timeout === 0 ? Infinity : Date.now() + timeout;
    let lastError: unknown = null;
    for (let pause = 20; ; pause = Math.min(100, pause * 1.5)) {
      try {
        const value = await ask();
        if (value) return value;
      } catch (e) {
        lastError = e;
      }
      if (Date.now() > limit) throw new Error(`Waiting failed: ${timeout}ms exceeded${lastError ? ` (last error: ${lastError})` : ''}`);
      await new Promise((done) => setTimeout(done, pause));
    }
  }

  addInitScript(fn: () => void) { return this.raw.evaluateOnNewDocument(fn); }

  keyboard = {
    press: (key: string) => pressChord(this.raw, key),
    type: (text: string) => this.raw.keyboard.type(text),
  };

  mouse = {
    move: (x: number, y: number, options?: { steps?: number }) => this.raw.mouse.move(x, y, options),
    down: () => this.raw.mouse.down(),
    up: () => this.raw.mouse.up(),
  };

  setViewportSize(size: { width: number; height: number }) {
    return this.raw.setViewport({ ...size, isMobile: this.options.isMobile, hasTouch: this.options.hasTouch });
  }

  screenshot(options?: { path?: string; fullPage?: boolean }) { return this.raw.screenshot(options) as Promise<Uint8Array>; }
  url() { return this.raw.url(); }
  goto(url: string) { return this.raw.goto(url, { waitUntil: 'load' }); }
  reload() { return this.raw.reload({ waitUntil: 'load' }); }
  waitForTimeout(ms: number) { return new Promise<void>((done) => setTimeout(done, ms)); }
}

// Media emulation and switching scripts off are not in Firefox's WebDriver BiDi yet
// (emulation.setMediaFeaturesOverride, emulation.setScriptingEnabled), so they are profile
// preferences: one Firefox per combination a test file asks for, launched when first needed.
const browsers = new Map<string, Promise<Browser>>();
let home: string | null = null;

function prefsFor(o: PageOptions): Record<string, unknown> {
  return {
    'layout.css.prefers-color-scheme.content-override': o.colorScheme === 'dark' ? 0 : 1,
    'ui.prefersReducedMotion': o.reducedMotion === 'reduce' ? 1 : 0,
    'javascript.enabled': o.javaScriptEnabled !== false,
    // Pages may read and write the clipboard without a prompt (as Chromium's granted permissions).
    'dom.events.testing.asyncClipboard': true,
  };
}

function firefox(executablePath: string, o: PageOptions): Promise<Browser> {
  const prefs = prefsFor(o);
  const key = JSON.stringify(prefs);
  // Firefox refuses a HOME its user does not own (as under sudo); give it one of its own.
  home ??= mkdtempSync(join(tmpdir(), 'gecko-home-'));
  if (!browsers.has(key)) {
    browsers.set(key, puppeteer.launch({
      browser: 'firefox', executablePath, headless: true, extraPrefsFirefox: prefs, env: { ...process.env, HOME: home },
    }));
  }
  return browsers.get(key)!;
}

/** Launches the default Firefox now (openGeckoPage would, later). */
export async function startFirefox(executablePath: string): Promise<void> {
  await firefox(executablePath, {});
}

export async function closeFirefox(): Promise<void> {
  const all = [...browsers.values()];
  browsers.clear();
  await Promise.all(all.map(async (b) => (await b).close()));
  if (home) rmSync(home, { recursive: true, force: true });
  home = null;
}

/** A fresh Firefox context and page, watched as openPage watches Chromium's: `record` gets each
 * console error or warning, page error, failed request and response, and every request's URL. */
export async function openGeckoPage(
  executablePath: string,
  url: string,
  options: PageOptions,
  record: Recorder,
): Promise<{ page: Page; close(): Promise<void> }> {
  const browser = await firefox(executablePath, options);
  const context = await browser.createBrowserContext();
  const raw = await context.newPage();
  // Firefox opens each page as a tab of one window: only the selected tab is visible and gets
  // animation frames and focus (Chromium's headless pages all do). Select the new one.
  await raw.bringToFront();
  raw.setDefaultTimeout(TIMEOUT);
  const { width, height } = options.viewport ?? { width: 1280, height: 900 };
  await raw.setViewport({ width, height, isMobile: options.isMobile, hasTouch: options.hasTouch });
  raw.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') record.error(`${m.type() === 'warn' ? 'warning' : 'error'}: ${m.text()}`);
  });
  raw.on('pageerror', (e) => record.error(`pageerror: ${(e as Error).message}`));
  raw.on('requestfailed', (r) => record.failed(r.url(), r.failure()?.errorText ?? ''));
  raw.on('request', (r) => record.request(r.url()));
  raw.on('response', (r) => record.status(r.status(), r.url()));
  await raw.goto(url, { waitUntil: 'load' });
  return { page: new GeckoPage(raw, options), close: () => context.close() };
}
