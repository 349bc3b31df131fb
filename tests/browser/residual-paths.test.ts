import { afterAll, describe, expect, it } from 'vitest';
import { compute } from '../../src/models/residual-paths';
import { defaults } from '../../src/core/schema';
import { schema } from '../../src/models/residual-paths';
import { closePages, invalidNumberText, openPage } from '../support/browser';
import { changedOutput, outputValue, ready, setParam, waitForUrlParam } from '../support/widget';

const PAGE = 'kitchen-sink/';
const model = (over: Record<string, number>) => compute({ ...defaults(schema), ...over });

afterAll(closePages);

describe('residual-paths in the browser', () => {
  it('responds to its text fields and writes the setting to the URL', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'residual-paths');
    expect(await outputValue(fig, 'share')).toBeCloseTo(model({}).share, 12);
    await setParam(fig, 'from', '19');
    await setParam(fig, 'to', '35');
    await waitForUrlParam(page, 'residual-paths.to', '35');
    expect(await outputValue(fig, 'share')).toBeCloseTo(0.9802, 4);
    expect(errors).toEqual([]);
    await close();
  });

  it('moves with the keyboard on its slider', async () => {
    const { page, close } = await openPage(PAGE);
    const fig = await ready(page, 'residual-paths');
    const before = await outputValue(fig, 'effective-mean');
    const slider = fig.locator('input[data-slider-for="blocks"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    const after = await changedOutput(fig, 'effective-mean', before);
    expect(after).toBeCloseTo(model({ blocks: 55 }).effectiveMean, 10);
    await waitForUrlParam(page, 'residual-paths.blocks', '55');
    await close();
  });

  it('restores a shared setting from the URL, chart included', async () => {
    const { page, close } = await openPage(`${PAGE}?residual-paths.blocks=110&residual-paths.decay=0.5#a-live-figure`);
    const fig = await ready(page, 'residual-paths');
    expect(await fig.locator('input[name="blocks"]').inputValue()).toBe('110');
    expect(await outputValue(fig, 'effective-mean')).toBeCloseTo(110 * 0.5 / 1.5, 10);
    expect(await fig.locator('.widget-chart svg').count()).toBe(1);
    await close();
  });

  it('falls back politely on hostile URL values, without markup reaching the page', async () => {
    const { page, errors, close } = await openPage(
      `${PAGE}?residual-paths.blocks=NaN&residual-paths.decay=1e999&residual-paths.from=<img src=x onerror=alert(1)>&residual-paths.to=-5`,
    );
    const fig = await ready(page, 'residual-paths');
    const notes = await fig.locator('.widget-notes').innerText();
    expect(notes).toMatch(/not a number/);
    expect(await fig.locator('.widget-notes img').count()).toBe(0);
    expect(await outputValue(fig, 'effective-mean')).toBeGreaterThan(0);
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('resets, and copies a link that reproduces the setting', async () => {
    const { page, close } = await openPage(`${PAGE}?residual-paths.blocks=20`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const fig = await ready(page, 'residual-paths');
    await fig.locator('button[data-action="copy-link"]').click();
    await page.waitForFunction(() => document.querySelector('button[data-action="copy-link"]')?.hasAttribute('data-link'));
    const link = await fig.locator('button[data-action="copy-link"]').getAttribute('data-link');
    expect(link).toMatch(/\?residual-paths\.blocks=20#a-live-figure$/);
    await fig.locator('button[data-action="reset"]').click();
    await waitForUrlParam(page, 'residual-paths.blocks', null);
    expect(await fig.locator('input[name="blocks"]').inputValue()).toBe('54');
    await close();
  });

  it('binds inline reactive numbers to the widget, operable with arrow keys', async () => {
    const { page, close } = await openPage(PAGE);
    const inline = page.locator('.reactive[data-param="blocks"]');
    await inline.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('.reactive[data-param="blocks"]')?.getAttribute('role') === 'slider');
    await inline.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => (document.querySelector('.reactive[data-param="blocks"]') as HTMLElement).dataset.value === '56');
    const fig = await ready(page, 'residual-paths');
    await page.waitForFunction(() => (document.querySelector('input[name="blocks"]') as HTMLInputElement).value === '56');
    expect(Number(await page.locator('.reactive-output[data-output="effective-mean"]').getAttribute('data-value')))
      .toBeCloseTo(model({ blocks: 56 }).effectiveMean, 10);
    expect(await outputValue(fig, 'effective-mean')).toBeCloseTo(model({ blocks: 56 }).effectiveMean, 10);
    await close();
  });
});
