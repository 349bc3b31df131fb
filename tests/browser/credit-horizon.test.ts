import { afterAll, describe, expect, it } from 'vitest';
import { compute, schema, type Params } from '../../src/models/credit-horizon';
import { defaults, fromSlider, toSlider } from '../../src/core/schema';
import { closePages, invalidNumberText, openPage } from '../support/browser';
import { changedOutput, outputValue, ready, setParam, waitForUrlParam } from '../support/widget';

const PAGE = 'path-dependence/';
const model = (over: Partial<Params> = {}) => compute({ ...defaults(schema), ...over });

afterAll(closePages);

describe('credit-horizon in the browser', () => {
  it('shows exactly zero signal beyond the episode, and γ^h inside it', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'credit-horizon');
    expect(await outputValue(fig, 'signal-at')).toBe(0);
    expect(await outputValue(fig, 'signal-beyond')).toBe(0);
    expect(await outputValue(fig, 'signal-at-end')).toBe(model().signalAtEpisodeEnd);
    await setParam(fig, 'ahead', '50');
    await waitForUrlParam(page, 'credit-horizon.ahead', '50');
    expect(await outputValue(fig, 'signal-at')).toBe(model({ ahead: 50 }).signalAt);
    expect(await outputValue(fig, 'snr-at')).toBe(model({ ahead: 50 }).snrAt);
    expect(await fig.locator('.widget-chart svg').count()).toBe(2);
    expect(errors).toEqual([]);
    await close();
  });

  it('moves with the keyboard on the (logarithmic) episode slider', async () => {
    const { page, close } = await openPage(PAGE);
    const fig = await ready(page, 'credit-horizon');
    const before = await outputValue(fig, 'snr-near');
    const slider = fig.locator('input[data-slider-for="episode"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    const E = fromSlider(schema.episode, toSlider(schema.episode, 100) + 1);
    const after = await changedOutput(fig, 'snr-near', before);
    expect(after).toBe(model({ episode: E }).snr[0]);
    await waitForUrlParam(page, 'credit-horizon.episode', String(E));
    await close();
  });

  it('restores a shared setting from the URL', async () => {
    const { page, close } = await openPage(`${PAGE}?credit-horizon.episode=1000&credit-horizon.discount=1#credit-assignment`);
    const fig = await ready(page, 'credit-horizon');
    expect(await fig.locator('input[name="episode"]').inputValue()).toBe('1000');
    expect(await outputValue(fig, 'snr-near')).toBeCloseTo(1 / Math.sqrt(1001), 12);
    expect(await outputValue(fig, 'signal-at')).toBe(1);
    await close();
  });

  it('falls back politely on hostile URL values', async () => {
    const { page, errors, close } = await openPage(`${PAGE}?credit-horizon.episode=NaN&credit-horizon.discount=2&credit-horizon.ahead=<b>x</b>`);
    const fig = await ready(page, 'credit-horizon');
    const notes = await fig.locator('.widget-notes').innerText();
    expect(notes).toMatch(/not a number/);
    expect(notes).toMatch(/outside/);
    expect(await fig.locator('.widget-notes b').count()).toBe(0);
    expect(await outputValue(fig, 'signal-at-end')).toBe(model({ discount: 1 }).signalAtEpisodeEnd);
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('binds the inline episode length to the figure', async () => {
    const { page, close } = await openPage(PAGE);
    const inline = page.locator('.reactive[data-reactive-widget="credit-horizon"][data-param="episode"]');
    await inline.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('.reactive[data-reactive-widget="credit-horizon"][data-param="episode"]')?.getAttribute('role') === 'slider');
    await inline.focus();
    await page.keyboard.press('Home');
    await waitForUrlParam(page, 'credit-horizon.episode', '1');
    const fig = await ready(page, 'credit-horizon');
    await page.waitForFunction(() => (document.querySelector('#fig-credit-horizon input[name="episode"]') as HTMLInputElement).value === '1');
    expect(Number(await page.locator('.reactive-output[data-output="signal-at-end"]').getAttribute('data-value'))).toBe(0.99);
    expect(await outputValue(fig, 'signal-at-end')).toBe(0.99);
    await close();
  });
});
