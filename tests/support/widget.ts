// Driving a widget as a reader would: through its labelled controls, the keyboard and the URL.
import type { Locator, Page } from './driver';

export function figure(page: Page, id: string): Locator {
  return page.locator(`figure[data-widget="${id}"]`);
}

/** Scroll to a widget and wait until it is hydrated, whatever its outputs show. */
export async function hydrated(page: Page, id: string): Promise<Locator> {
  const fig = figure(page, id);
  await fig.scrollIntoViewIfNeeded();
  await page.waitForFunction((w) => document.querySelector(`figure[data-widget="${w}"]`)?.classList.contains('hydrated'), id);
  // The controller marks the figure hydrated, then shows the URL's setting in the next frame.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return fig;
}

/** Scroll to a widget and wait until it is hydrated and its outputs show its setting (data-state). */
export async function ready(page: Page, id: string): Promise<Locator> {
  const fig = await hydrated(page, id);
  await page.waitForFunction((w) => document.querySelector(`figure[data-widget="${w}"]`)?.getAttribute('data-state') === 'ready', id);
  return fig;
}

export async function outputValue(fig: Locator, name: string): Promise<number> {
  return Number(await fig.locator(`output[name="${name}"]`).getAttribute('data-value'));
}

/** Wait until an output's value differs from `before`, and return the new value. */
export async function changedOutput(fig: Locator, name: string, before: number): Promise<number> {
  const out = `${await selectorOf(fig)} output[name="${name}"]`;
  await fig.page().waitForFunction(([sel, b]) => {
    const v = document.querySelector<HTMLElement>(sel)?.dataset.value;
    return v !== undefined && Number(v) !== b;
  }, [out, before] as const);
  return outputValue(fig, name);
}

/** Type a value into a parameter's text field and commit it. */
export async function setParam(fig: Locator, name: string, value: string): Promise<void> {
  const input = fig.locator(`input[name="${name}"], select[name="${name}"]`).first();
  // A control under "More settings" is reached by opening it, as a reader would.
  await input.evaluate((el) => {
    const more = el.closest('details');
    if (more) more.open = true;
  });
  if ((await input.evaluate((el) => el.tagName)) === 'SELECT') await input.selectOption(value);
  else {
    await input.fill(value);
    await input.press('Enter');
    await input.blur();
  }
}

export async function waitForUrlParam(page: Page, key: string, value: string | null): Promise<void> {
  await page.waitForFunction(([k, v]) => new URL(location.href).searchParams.get(k) === v, [key, value] as const);
}

/** A CSS selector for a figure, to find it again inside functions that run in the page. */
export async function selectorOf(fig: Locator): Promise<string> {
  return `#${await fig.getAttribute('id')}`;
}

/** Let the page render `n` more frames (its pending animation-frame work runs first): a wait on the
 * page's own clock, for checks that something has NOT happened. */
export async function afterFrames(page: Page, n = 3): Promise<void> {
  await page.evaluate((k) => new Promise<void>((done) => {
    const next = (left: number) => (left > 0 ? requestAnimationFrame(() => next(left - 1)) : done());
    next(k);
  }), n);
}

/** Count the frames the page renders while `fig` is busy (aria-busy): a computation that held the
 * main thread would let none through, however fast or loaded the machine. Returns the reader. */
export async function countBusyFrames(fig: Locator): Promise<() => Promise<number>> {
  await fig.evaluate((el) => {
    const w = window as unknown as { __busyFrames: number };
    w.__busyFrames = 0;
    const tick = () => {
      if (el.hasAttribute('aria-busy')) w.__busyFrames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return () => fig.page().evaluate(() => (window as unknown as { __busyFrames: number }).__busyFrames);
}
