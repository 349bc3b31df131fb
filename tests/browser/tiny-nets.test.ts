import { afterAll, describe, expect, it } from 'vitest';
import type { Locator } from '../support/driver';
import { compute, schema, type Params, type Result } from '../../src/models/tiny-nets';
import { defaults } from '../../src/core/schema';
import { closePages, invalidNumberText, openPage } from '../support/browser';
import { outputValue, ready, selectorOf, setParam, waitForUrlParam } from '../support/widget';

const PAGE = 'widgets-chapter-1/';
const model = (over: Partial<Params>) => compute({ ...defaults(schema), ...over } as Params);

async function expectOutputs(fig: Locator, r: Result): Promise<void> {
  expect(await outputValue(fig, 'consistent')).toBe(r.consistent);
  expect(await outputValue(fig, 'p-honest-uniform')).toBe(r.pHonestUniform);
  expect(await outputValue(fig, 'p-honest-param')).toBe(r.pHonestParam);
  expect(await outputValue(fig, 'p-target')).toBe(r.pTarget);
  expect(await outputValue(fig, 'reachable')).toBe(r.reachable);
  expect(await outputValue(fig, 'honest-rank')).toBe(r.honestRank);
}

/** Wait until the figure's outputs describe the given target and training set. */
async function settled(fig: Locator, r: Result): Promise<void> {
  await fig.page().waitForFunction(
    ([el, want]) => document.querySelector<HTMLElement>(el)!.querySelector<HTMLOutputElement>('output[name="p-honest-param"]')?.dataset.value === want &&
      document.querySelector<HTMLElement>(el)!.dataset.state === 'ready',
    [await selectorOf(fig), String(r.pHonestParam)] as const,
  );
}

afterAll(closePages);

describe('tiny-nets in the browser', () => {
  it('shows the exact counts, and follows the target menu and the network sliders', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'tiny-nets');
    await expectOutputs(fig, model({}));
    await setParam(fig, 'target', 'parity');
    await waitForUrlParam(page, 'tiny-nets.target', 'parity');
    const parity = model({ target: 'parity' });
    await settled(fig, parity);
    await expectOutputs(fig, parity);
    // The target is marked in the ranking by text as well as colour.
    await expect(fig.locator('.widget-chart').innerText()).resolves.toContain('◀ target');
    await fig.locator('input[data-slider-for="hidden"]').focus();
    await page.keyboard.press('ArrowLeft');
    await waitForUrlParam(page, 'tiny-nets.hidden', '2');
    const smaller = model({ target: 'parity', hidden: 2 });
    await settled(fig, smaller);
    await expectOutputs(fig, smaller);
    expect(errors).toEqual([]);
    await close();
  });

  it('flips target outputs and training points from the keyboard (Space and Enter)', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'tiny-nets');
    const majority = model({}).target;
    const out0 = fig.locator('button.tn-out[data-point="0"]');
    expect(await out0.getAttribute('aria-pressed')).toBe(String((majority & 1) === 1));
    await out0.focus();
    await page.keyboard.press('Space');
    await waitForUrlParam(page, 'tiny-nets.target', String(majority ^ 1));
    await settled(fig, model({ target: String(majority ^ 1) }));
    await expectOutputs(fig, model({ target: String(majority ^ 1) }));
    expect(await out0.getAttribute('aria-pressed')).toBe(String((majority & 1) === 0));
    await expect(fig.locator('select[name="target"]').inputValue()).resolves.toBe(String(majority ^ 1));

    const out7 = fig.locator('button.tn-out[data-point="7"]');
    await out7.focus();
    await page.keyboard.press('Enter');
    const flipped = String(majority ^ 1 ^ 128);
    await waitForUrlParam(page, 'tiny-nets.target', flipped);

    const seen0 = fig.locator('input[data-train-point="0"]');
    expect(await seen0.isChecked()).toBe(false);
    await seen0.focus();
    await page.keyboard.press('Space');
    await waitForUrlParam(page, 'tiny-nets.train', '0,1,2,3,6');
    const r = model({ target: flipped, train: '0,1,2,3,6' });
    await settled(fig, r);
    await expectOutputs(fig, r);
    expect(await fig.locator('input[name="train"]').inputValue()).toBe('0,1,2,3,6');
    expect(errors).toEqual([]);
    await close();
  });

  it('restores a shared setting from the URL, truth table included', async () => {
    const { page, errors, close } = await openPage(`${PAGE}?tiny-nets.target=parity&tiny-nets.train=0,1,2,3,4,5,6#test-tiny-nets`);
    const fig = await ready(page, 'tiny-nets');
    const r = model({ target: 'parity', train: '0,1,2,3,4,5,6' });
    await settled(fig, r);
    await expectOutputs(fig, r);
    expect(r.consistent).toBe(2);
    expect(await fig.locator('select[name="target"]').inputValue()).toBe('parity');
    for (let i = 0; i < 8; i++) {
      expect(await fig.locator(`input[data-train-point="${i}"]`).isChecked()).toBe(i < 7);
      const on = ((r.target >> i) & 1) === 1;
      expect(await fig.locator(`button.tn-out[data-point="${i}"]`).getAttribute('aria-pressed')).toBe(String(on));
    }
    expect(errors).toEqual([]);
    await close();
  });

  it('falls back politely on hostile URL values, without markup reaching the page', async () => {
    const { page, errors, close } = await openPage(
      `${PAGE}?tiny-nets.n=NaN&tiny-nets.hidden=1e999&tiny-nets.seed=-5&tiny-nets.target=<img src=x onerror=alert(1)>&tiny-nets.train=<b>x</b>`,
    );
    const fig = await ready(page, 'tiny-nets');
    const notes = fig.locator('.widget-notes');
    expect(await notes.isVisible()).toBe(true);
    const text = await notes.innerText();
    expect(text).toMatch(/not a number/);
    expect(text).toMatch(/not valid|too long/);
    expect(await page.locator('figure img, figure b').count()).toBe(0);
    // n falls back to 3, hidden clamps to 3, seed to 0; target and train to their defaults.
    await expectOutputs(fig, model({ seed: 0 }));
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('counts n = 4 in a worker with progress, never blocking the page, and ends with the exact values', async () => {
    const { page, errors, requests, close } = await openPage(PAGE);
    const workers = () => requests.filter((u) => u.includes('.worker'));
    const fig = await ready(page, 'tiny-nets');
    expect(workers()).toEqual([]); // n = 3 runs on the main thread
    await page.evaluate(() => {
      const w = window as unknown as { __longest: number; __progressShown: boolean };
      w.__longest = 0;
      w.__progressShown = false;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask' });
      const bar = document.querySelector('#fig-tiny-nets .widget-progress')!;
      new MutationObserver(() => {
        if (!(bar as HTMLProgressElement).hidden) w.__progressShown = true;
      }).observe(bar, { attributes: true });
    });
    await fig.locator('input[data-slider-for="n"]').focus();
    await page.keyboard.press('ArrowRight');
    await waitForUrlParam(page, 'tiny-nets.n', '4');
    const r = model({ n: 4 });
    await settled(fig, r);
    await expectOutputs(fig, r);
    expect(await fig.locator('.tn-grid tbody tr').count()).toBe(16);
    const inline = page.locator('.reactive-output[data-reactive-widget="tiny-nets"][data-output="p-honest-param"]');
    await page.waitForFunction(
      (want) => document.querySelector('.reactive-output[data-output="p-honest-param"]')?.getAttribute('data-value') === want,
      String(r.pHonestParam),
    );
    expect(await inline.innerText()).toBe(await fig.locator('output[name="p-honest-param"]').textContent());
    const { longest, shown } = await page.evaluate(() => {
      const w = window as unknown as { __longest: number; __progressShown: boolean };
      return { longest: w.__longest, shown: w.__progressShown };
    });
    expect(shown).toBe(true);
    expect(workers().filter((u) => u.includes('tiny-nets.worker'))).toHaveLength(1);
    expect(await fig.locator('.widget-progress').isHidden()).toBe(true);
    console.log(`tiny-nets n = 4: longest main-thread task ${Math.round(longest)} ms`);
    // Then a click at n = 4 goes to the worker too (the table is cached there).
    await fig.locator('input[data-train-point="15"]').check();
    await waitForUrlParam(page, 'tiny-nets.train', '1,2,3,6,15');
    const r2 = model({ n: 4, train: '1,2,3,6,15' });
    await settled(fig, r2);
    await expectOutputs(fig, r2);
    expect(errors).toEqual([]);
    await close();
  });
});
