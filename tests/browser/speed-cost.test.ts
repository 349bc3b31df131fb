import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from '../support/driver';
import { compute, schema, type Params } from '../../src/models/speed-cost';
import { defaults } from '../../src/core/schema';
import { closePages, invalidNumberText, openPage } from '../support/browser';
import { changedOutput, outputValue, ready, setParam, waitForUrlParam } from '../support/widget';

const PAGE = 'speed-and-depth/';
const params = (over: Partial<Params> = {}): Params => ({ ...defaults(schema), ...over });

afterAll(closePages);

const inline = (page: Page, attr: string) => page.locator(`[data-reactive-widget="speed-cost"][${attr}]`);
const inlineValue = async (page: Page, attr: string) => Number(await inline(page, attr).getAttribute('data-value'));

/** Scroll to the dice sentence and wait until its numbers are live sliders. */
async function liveDice(page: Page): Promise<void> {
  await inline(page, 'data-param="extra-steps"').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('.reactive[data-param="extra-steps"]')?.getAttribute('role') === 'slider');
}

describe('speed-cost in the browser', () => {
  it('shows the model’s losses at the defaults, and leaves the dice to the prose', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'speed-cost');
    const r = compute(params());
    expect(await outputValue(fig, 'speed-loss')).toBe(r.speedLoss);
    expect(await outputValue(fig, 'simplicity-loss')).toBe(r.simplicityLoss);
    expect(await outputValue(fig, 'net')).toBe(r.net);
    expect(await outputValue(fig, 'ratio')).toBe(r.ratio);
    expect(await fig.locator('output[name="ratio"]').textContent()).toBe('×1,000');
    expect(await fig.locator('output[name="kept"]').count()).toBe(0);
    // Only the loss toy's four parameters are controls in the figure.
    expect(await fig.locator('input[name]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name)))
      .toEqual(['serial-share', 'param-share', 'params', 'alpha']);
    expect(await fig.locator('.widget-chart svg').count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('redraws its chart at the real width on a phone', async () => {
    const { page, close } = await openPage(PAGE, { viewport: { width: 360, height: 780 } });
    const fig = await ready(page, 'speed-cost');
    await page.waitForFunction(() => Number(document.querySelector('#fig-speed-cost .widget-chart svg')?.getAttribute('width')) < 400);
    await close();
  });

  it('responds to its text fields and writes the setting to the URL', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'speed-cost');
    await setParam(fig, 'serial-share', '0.1');
    await waitForUrlParam(page, 'speed-cost.serial-share', '0.1');
    const r = compute(params({ 'serial-share': 0.1 }));
    await changedOutput(fig, 'ratio', compute(params()).ratio);
    expect(await outputValue(fig, 'ratio')).toBe(r.ratio);
    expect(await outputValue(fig, 'speed-loss')).toBe(r.speedLoss);
    expect(await fig.locator('output[name="ratio"]').textContent()).toBe('×100,000');
    await setParam(fig, 'param-share', '0.01');
    await waitForUrlParam(page, 'speed-cost.param-share', '0.01');
    const r2 = compute(params({ 'serial-share': 0.1, 'param-share': 0.01 }));
    await changedOutput(fig, 'ratio', r.ratio);
    expect(await outputValue(fig, 'net')).toBe(r2.net);
    expect(errors).toEqual([]);
    await close();
  });

  it('moves with the keyboard on a slider', async () => {
    const { page, close } = await openPage(PAGE);
    const fig = await ready(page, 'speed-cost');
    const before = await outputValue(fig, 'speed-loss');
    await fig.locator('input[data-slider-for="alpha"]').focus();
    await page.keyboard.press('ArrowRight');
    await waitForUrlParam(page, 'speed-cost.alpha', '0.35');
    expect(await changedOutput(fig, 'speed-loss', before)).toBeCloseTo(compute(params({ alpha: 0.35 })).speedLoss, 15);
    // The ratio does not depend on α.
    expect(await outputValue(fig, 'ratio')).toBe(compute(params()).ratio);
    await close();
  });

  it('restores a shared setting from the URL, inline numbers included', async () => {
    const { page, errors, close } = await openPage(`${PAGE}?speed-cost.params=1e9&speed-cost.extra-steps=100#every-step-rolls-the-dice`);
    const fig = await ready(page, 'speed-cost');
    expect(await outputValue(fig, 'speed-loss')).toBe(compute(params({ params: 1e9 })).speedLoss);
    expect(await fig.locator('input[name="params"]').inputValue()).toBe('10⁹');
    await liveDice(page);
    expect(await inline(page, 'data-output="kept"').textContent()).toBe('36.6%');
    expect(await inlineValue(page, 'data-output="kept"')).toBe(compute(params({ 'extra-steps': 100 })).kept);
    expect(errors).toEqual([]);
    await close();
  });

  it('binds the dice sentence to the widget: arrow keys move p and Δ, and the kept share follows', async () => {
    const { page, errors, close } = await openPage(PAGE);
    await liveDice(page);
    const steps = inline(page, 'data-param="extra-steps"');
    expect(await steps.getAttribute('aria-label')).toBe('Extra serial steps');
    expect(await inline(page, 'data-output="kept"').innerText()).toBe('97%');
    await steps.focus();
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => (document.querySelector('.reactive[data-param="extra-steps"]') as HTMLElement).dataset.value === '4');
    await waitForUrlParam(page, 'speed-cost.extra-steps', '4');
    await page.waitForFunction((v) => Number((document.querySelector('.reactive-output[data-output="kept"]') as HTMLElement).dataset.value) === v,
      compute(params({ 'extra-steps': 4 })).kept);
    const fail = inline(page, 'data-param="fail"');
    expect(await fail.innerText()).toBe('1%');
    await fail.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => (document.querySelector('.reactive[data-param="fail"]') as HTMLElement).dataset.value === '0.2');
    await waitForUrlParam(page, 'speed-cost.fail', '0.2');
    expect(await fail.innerText()).toBe('20%');
    await page.waitForFunction((v) => Number((document.querySelector('.reactive-output[data-output="kept"]') as HTMLElement).dataset.value) === v,
      compute(params({ 'extra-steps': 4, fail: 0.2 })).kept);
    expect(await inline(page, 'data-output="kept"').innerText()).toBe('41%');
    expect(errors).toEqual([]);
    await close();
  });

  it('falls back politely on hostile URL values', async () => {
    const { page, errors, close } = await openPage(
      `${PAGE}?speed-cost.alpha=5&speed-cost.serial-share=<script>x</script>&speed-cost.fail=-1&speed-cost.extra-steps=2.5&speed-cost.params=Infinity`,
    );
    const fig = await ready(page, 'speed-cost');
    const notes = await fig.locator('.widget-notes').innerText();
    expect(notes).toMatch(/outside 0\.2 … 0\.6; using 0\.6/);
    expect(notes).toMatch(/not a number/);
    expect(notes).toMatch(/whole number; using 3/);
    expect(await fig.locator('.widget-notes script').count()).toBe(0);
    const r = compute(params({ alpha: 0.6, fail: 1e-6, 'extra-steps': 3 }));
    expect(await outputValue(fig, 'speed-loss')).toBe(r.speedLoss);
    await liveDice(page);
    expect(await inlineValue(page, 'data-output="kept"')).toBe(r.kept);
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('resets, and copies a link that reproduces the setting', async () => {
    const { page, close } = await openPage(`${PAGE}?speed-cost.serial-share=0.1`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const fig = await ready(page, 'speed-cost');
    await fig.locator('button[data-action="copy-link"]').click();
    await page.waitForFunction(() => document.querySelector('#fig-speed-cost button[data-action="copy-link"]')?.hasAttribute('data-link'));
    const link = await fig.locator('button[data-action="copy-link"]').getAttribute('data-link');
    expect(link).toMatch(/\?speed-cost\.serial-share=0\.1#how-big-is-the-cost$/);
    await fig.locator('button[data-action="reset"]').click();
    await waitForUrlParam(page, 'speed-cost.serial-share', null);
    expect(await fig.locator('input[name="serial-share"]').inputValue()).toBe('1 in 1,000');
    await close();
  });
});
