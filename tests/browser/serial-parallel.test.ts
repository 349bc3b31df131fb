import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from '../support/driver';
import { compute, schema, type Params } from '../../src/models/serial-parallel';
import { defaults } from '../../src/core/schema';
import { closePages, invalidNumberText, openPage } from '../support/browser';
import { countBusyFrames, outputValue, ready, selectorOf, setParam, waitForUrlParam } from '../support/widget';

const PAGE = 'speed-and-depth/';
const params = (over: Partial<Params> = {}): Params => ({ ...defaults(schema), ...over });

afterAll(closePages);

/** Wait until the worker has finished and the ratio shows the model's value for this setting. */
async function settled(page: Page, fig: Locator, expectedLog10Ratio: number): Promise<void> {
  await page.waitForFunction(
    ([el, v]) => document.querySelector<HTMLElement>(el)!.dataset.state === 'ready' &&
      Math.abs(Number(document.querySelector<HTMLElement>(el)!.querySelector<HTMLOutputElement>('output[name="ratio"]')!.dataset.value) - v) < 1e-9,
    [await selectorOf(fig), expectedLog10Ratio] as const,
  );
}

/** C(n, r) exactly, for checks that do not go through the model. */
function choose(n: number, r: number): bigint {
  let c = 1n;
  for (let i = 1; i <= r; i++) c = (c * BigInt(n - r + i)) / BigInt(i);
  return c;
}

describe('serial-parallel in the browser', () => {
  it('shows the model’s counts at the defaults, computed in a worker', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'serial-parallel');
    const r = compute(params());
    await settled(page, fig, r.log10Ratio);
    expect(await outputValue(fig, 'serial')).toBeCloseTo(r.log10Serial, 10);
    expect(await outputValue(fig, 'parallel')).toBeCloseTo(r.log10Parallel, 10);
    expect(await fig.locator('output[name="ratio"]').textContent()).toBe('×153.3');
    expect(await fig.locator('.widget-chart svg').count()).toBe(1);
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('responds to chains, rule and the unlimited-width toggle, and writes them to the URL', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'serial-parallel');
    await setParam(fig, 'chains', '4');
    await waitForUrlParam(page, 'serial-parallel.chains', '4');
    await settled(page, fig, compute(params({ chains: 4 })).log10Ratio);
    await setParam(fig, 'rule', 'plain');
    await waitForUrlParam(page, 'serial-parallel.rule', 'plain');
    await settled(page, fig, compute(params({ chains: 4, rule: 'plain' })).log10Ratio);
    // Back to the seed's example: 2 chains, residual, unlimited width is C(24,4)²/C(24,8) exactly.
    await setParam(fig, 'chains', '2');
    await setParam(fig, 'rule', 'residual');
    await fig.locator('input[data-special-for="width"]').check();
    await waitForUrlParam(page, 'serial-parallel.width', 'unlimited');
    const exact = Number((choose(24, 4) ** 2n * 10n ** 12n) / choose(24, 8)) / 1e12;
    await settled(page, fig, compute(params({ width: 'unlimited' })).log10Ratio);
    expect(10 ** (await outputValue(fig, 'ratio'))).toBeCloseTo(exact, 8);
    expect(await fig.locator('output[name="ratio"]').textContent()).toBe('×153.5');
    expect(await fig.locator('input[name="width"]').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('moves with the keyboard on a slider', async () => {
    const { page, close } = await openPage(PAGE);
    const fig = await ready(page, 'serial-parallel');
    await settled(page, fig, compute(params()).log10Ratio);
    await fig.locator('input[data-slider-for="layers"]').focus();
    await page.keyboard.press('ArrowRight');
    await waitForUrlParam(page, 'serial-parallel.layers', '25');
    await settled(page, fig, compute(params({ layers: 25 })).log10Ratio);
    expect(await fig.locator('input[name="layers"]').inputValue()).toBe('25');
    await close();
  });

  it('restores a shared setting from the URL, chart axis included', async () => {
    const { page, errors, close } = await openPage(
      `${PAGE}?serial-parallel.layers=96&serial-parallel.steps=12&serial-parallel.chains=3&serial-parallel.width=unlimited&serial-parallel.chart=chains#serial-versus-parallel`,
    );
    const fig = await ready(page, 'serial-parallel');
    const r = compute(params({ layers: 96, steps: 12, chains: 3, width: 'unlimited' }));
    await settled(page, fig, r.log10Ratio);
    expect(await fig.locator('input[name="steps"]').inputValue()).toBe('12');
    expect(await fig.locator('input[data-special-for="width"]').isChecked()).toBe(true);
    expect(await fig.locator('select[data-chart-axis]').inputValue()).toBe('chains');
    expect(await fig.locator('.widget-chart svg').innerHTML()).toContain('Parallel chains k');
    expect(errors).toEqual([]);
    await close();
  });

  it('switches the chart between k and L without recomputing, and remembers it in the URL', async () => {
    const { page, close } = await openPage(PAGE);
    const fig = await ready(page, 'serial-parallel');
    await settled(page, fig, compute(params()).log10Ratio);
    const axis = fig.locator('select[data-chart-axis]');
    expect(await fig.locator('.widget-chart svg').innerHTML()).toContain('Layers L');
    await axis.selectOption('chains');
    await waitForUrlParam(page, 'serial-parallel.chart', 'chains');
    expect(await fig.getAttribute('aria-busy')).toBeNull();
    expect(await fig.locator('.widget-chart svg').innerHTML()).toContain('Parallel chains k');
    await axis.focus();
    await page.keyboard.press('ArrowUp');
    await waitForUrlParam(page, 'serial-parallel.chart', null);
    expect(await fig.locator('.widget-chart svg').innerHTML()).toContain('Layers L');
    await close();
  });

  it('keeps the page responsive while a large count runs in the worker', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'serial-parallel');
    await settled(page, fig, compute(params()).log10Ratio);
    const busyFrames = await countBusyFrames(fig);
    await setParam(fig, 'layers', '200');
    await setParam(fig, 'steps', '60');
    await setParam(fig, 'chains', '6');
    const r = compute(params({ layers: 200, steps: 60, chains: 6 }));
    await settled(page, fig, r.log10Ratio);
    expect(await outputValue(fig, 'parallel')).toBeCloseTo(r.log10Parallel, 8);
    // This count takes most of a second; on the main thread it would be one long task, with no
    // frame drawn meanwhile. (Task lengths depend on the machine's load: the benchmarks measure them.)
    expect(await busyFrames()).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    await close();
  });

  it('falls back politely on hostile URL values', async () => {
    const { page, errors, close } = await openPage(
      `${PAGE}?serial-parallel.steps=NaN&serial-parallel.chains=3&serial-parallel.width=<b>wide</b>&serial-parallel.layers=1e999&serial-parallel.rule=diagonal&serial-parallel.chart=<i>x</i>`,
    );
    const fig = await ready(page, 'serial-parallel');
    // layers 1e999 is not finite (default 24); steps NaN (default 8); chains 3 → nearest divisor 2.
    await settled(page, fig, compute(params()).log10Ratio);
    const notes = await fig.locator('.widget-notes').innerText();
    expect(notes).toMatch(/not a number/);
    expect(notes).toMatch(/must divide/);
    expect(notes).toMatch(/not one of the options/);
    expect(await fig.locator('.widget-notes b, .widget-notes i').count()).toBe(0);
    expect(await fig.locator('select[data-chart-axis]').inputValue()).toBe('layers');
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('resets, and copies a link that reproduces the setting', async () => {
    const { page, close } = await openPage(`${PAGE}?serial-parallel.chains=8`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const fig = await ready(page, 'serial-parallel');
    await settled(page, fig, compute(params({ chains: 8 })).log10Ratio);
    await fig.locator('button[data-action="copy-link"]').click();
    await page.waitForFunction(() => document.querySelector('#fig-serial-parallel button[data-action="copy-link"]')?.hasAttribute('data-link'));
    const link = await fig.locator('button[data-action="copy-link"]').getAttribute('data-link');
    expect(link).toMatch(/\?serial-parallel\.chains=8#serial-versus-parallel$/);
    await fig.locator('button[data-action="reset"]').click();
    await waitForUrlParam(page, 'serial-parallel.chains', null);
    await settled(page, fig, compute(params()).log10Ratio);
    expect(await fig.locator('input[name="chains"]').inputValue()).toBe('2');
    await close();
  });
});
