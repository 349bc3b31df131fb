// Driving a widget as a reader would: through its labelled controls, the keyboard and the URL.
import type { Locator, Page } from 'playwright-core';

export function figure(page: Page, id: string): Locator {
  return page.locator(`figure[data-widget="${id}"]`);
}

/** Scroll to a widget and wait until it is hydrated, whatever its outputs show. */
export async function hydrated(page: Page, id: string): Promise<Locator> {
  const fig = figure(page, id);
  await fig.scrollIntoViewIfNeeded();
  await page.waitForFunction((w) => document.querySelector(`figure[data-widget="${w}"]`)?.classList.contains('hydrated'), id);
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
  const out = fig.locator(`output[name="${name}"]`);
  await out.page().waitForFunction(
    ([el, b]) => Number((el as HTMLElement).dataset.value) !== b,
    [await out.elementHandle(), before] as const,
  );
  return outputValue(fig, name);
}

/** Type a value into a parameter's text field and commit it. */
export async function setParam(fig: Locator, name: string, value: string): Promise<void> {
  const input = fig.locator(`input[name="${name}"], select[name="${name}"]`).first();
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
