import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '../support/driver';
import { compute, forecasts, schema, type Params } from '../../src/models/basins';
import { shareX } from '../../components/widgets/basins/view';
import { defaults, fromSlider, toSlider } from '../../src/core/schema';
import { closePages, invalidNumberText, openPage } from '../support/browser';
import { afterFrames, countBusyFrames, outputValue, ready, selectorOf, setParam, waitForUrlParam } from '../support/widget';

const PAGE = 'path-dependence/';
const params = (over: Partial<Params> = {}): Params => ({ ...defaults(schema), ...over });

afterAll(closePages);

/** Wait until the worker has finished (no aria-busy) and sim-honest shows the expected value. */
async function settled(page: Page, fig: Locator, expected: number): Promise<void> {
  await page.waitForFunction(
    ([el, v]) => document.querySelector<HTMLElement>(el)!.dataset.state === 'ready' &&
      Number(document.querySelector<HTMLElement>(el)!.querySelector<HTMLOutputElement>('output[name="sim-honest"]')!.dataset.value) === v,
    [await selectorOf(fig), expected] as const,
  );
}

const canvasImage = (fig: Locator) => fig.locator('canvas.basins-canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL());
const canvasLabel = (fig: Locator) => fig.locator('canvas.basins-canvas').getAttribute('aria-label');
/** The step the replay shows (the canvas announces it at every frame). */
const replayStep = async (fig: Locator) => Number(await fig.locator('canvas.basins-canvas').getAttribute('data-step'));
/** Wait until the replay shows a step past `step`. */
const replayPast = (page: Page, step: number) =>
  page.waitForFunction((s) => Number(document.querySelector('#fig-basins canvas.basins-canvas')?.getAttribute('data-step')) > s, step);
/** Wait until the play button says whether the replay plays. */
const playing = (page: Page, value: boolean) =>
  page.waitForFunction((v) => document.querySelector('#fig-basins .basins-play')?.getAttribute('aria-pressed') === String(v), value);

describe('basins in the browser', () => {
  it('shows the model’s numbers at the defaults, with a canvas and a share chart', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'basins');
    const r = compute(params());
    await settled(page, fig, r.simHonest);
    expect(await outputValue(fig, 'path-honest')).toBeCloseTo(r.pathHonest, 12);
    expect(await outputValue(fig, 'gibbs-honest')).toBeCloseTo(r.gibbsHonest, 12);
    expect(await outputValue(fig, 'volume-honest')).toBe(0.2);
    expect(await outputValue(fig, 'escape')).toBeCloseTo(r.log10EscapeSteps, 10);
    expect(await outputValue(fig, 'relaxation')).toBeCloseTo(r.log10RelaxationSteps, 10);
    expect(await fig.locator('canvas.basins-canvas').count()).toBe(1);
    expect(await fig.locator('.basins-share svg').count()).toBe(1);
    expect(await canvasLabel(fig)).toMatch(/runs as dots/);
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('recomputes in the worker when a setting changes, and writes it to the URL', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'basins');
    await setParam(fig, 'temperature', '1');
    await waitForUrlParam(page, 'basins.temperature', '1');
    const r = compute(params({ temperature: 1 }));
    await settled(page, fig, r.simHonest);
    expect(await outputValue(fig, 'escape')).toBeCloseTo(r.log10EscapeSteps, 10);
    // 20,000 steps × 2,000 runs is over the budget: the widget runs 500.
    await setParam(fig, 'steps', '20000');
    const r2 = compute(params({ temperature: 1, steps: 20000 }));
    await settled(page, fig, r2.simHonest);
    expect(await fig.locator('input[name="runs"]').inputValue()).toBe('500');
    expect(errors).toEqual([]);
    await close();
  });

  it('never blocks the main thread for long, even for a long simulation', async () => {
    const { page, close } = await openPage(PAGE);
    const fig = await ready(page, 'basins');
    await settled(page, fig, compute(params()).simHonest);
    const busyFrames = await countBusyFrames(fig);
    await setParam(fig, 'steps', '100000');
    await settled(page, fig, compute(params({ steps: 100000 })).simHonest);
    // Running this simulation (10^7 Langevin steps) on the main thread would block it for well over
    // a second, and no frame would be drawn meanwhile. (The 50 ms budget for a task is measured by
    // the benchmarks, not asserted here: it depends on how busy the machine is.)
    expect(await busyFrames()).toBeGreaterThanOrEqual(2);
    await close();
  });

  it('moves with the keyboard on a slider', async () => {
    const { page, close } = await openPage(PAGE);
    const fig = await ready(page, 'basins');
    await settled(page, fig, compute(params()).simHonest);
    const slider = fig.locator('input[data-slider-for="temperature"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    const T = fromSlider(schema.temperature, toSlider(schema.temperature, 0.3) + 1);
    await waitForUrlParam(page, 'basins.temperature', String(T));
    await settled(page, fig, compute(params({ temperature: T })).simHonest);
    expect(await outputValue(fig, 'gibbs-honest')).toBeCloseTo(0.2, 12);
    await close();
  });

  it('restores a shared setting from the URL', async () => {
    const { page, close } = await openPage(`${PAGE}?basins.start-mean=4&basins.start-sd=2&basins.penalty=0.3&basins.seed=7#paths-to-scheming`);
    const fig = await ready(page, 'basins');
    const p = params({ 'start-mean': 4, 'start-sd': 2, penalty: 0.3, seed: 7 });
    await settled(page, fig, compute(p).simHonest);
    expect(await fig.locator('input[name="start-mean"]').inputValue()).toBe('4');
    expect(await fig.locator('input[name="seed"]').inputValue()).toBe('7');
    expect(await outputValue(fig, 'path-honest')).toBeCloseTo(forecasts(p).pathHonest, 12);
    expect(await outputValue(fig, 'gibbs-honest')).toBeCloseTo(forecasts(p).gibbsHonest, 12);
    await close();
  });

  it('falls back politely on hostile URL values', async () => {
    const { page, errors, close } = await openPage(
      `${PAGE}?basins.temperature=NaN&basins.steps=1e999&basins.schemers=<img src=x onerror=alert(1)>&basins.runs=-5&basins.rate=0.2&basins.barrier=10&basins.schemer-width=0.2`,
    );
    const fig = await ready(page, 'basins');
    await page.waitForFunction((el) => document.querySelector<HTMLElement>(el)!.dataset.state === 'ready', await selectorOf(fig));
    const notes = await fig.locator('.widget-notes').innerText();
    expect(notes).toMatch(/not a number/);
    expect(notes).toMatch(/too large for this landscape/);
    expect(await fig.locator('.widget-notes img').count()).toBe(0);
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('animates the runs, and pauses and plays from a native toggle button', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'basins');
    const play = fig.locator('button.basins-play');
    await playing(page, true);
    const a = await canvasImage(fig);
    await replayPast(page, await replayStep(fig));
    expect(await canvasImage(fig)).not.toBe(a);
    await play.click();
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    const b = await canvasImage(fig);
    const pausedAt = await replayStep(fig);
    await afterFrames(page);
    expect(await replayStep(fig)).toBe(pausedAt);
    expect(await canvasImage(fig)).toBe(b);
    // Keyboard: Space on the focused button plays again.
    await play.focus();
    await page.keyboard.press('Space');
    expect(await play.getAttribute('aria-pressed')).toBe('true');
    const box = await play.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);
    // Played to the end, it stops by itself at the final state.
    await fig.locator('select.basins-speed').selectOption('fast');
    await playing(page, false);
    expect(await canvasLabel(fig)).toMatch(/step 2,000 of 2,000/);
    expect(errors).toEqual([]);
    await close();
  });

  it('puts the replay’s line on the share chart at the replayed step, also where the chart is shrunk to fit', async () => {
    // At 320 px the chart (never drawn narrower than 300 px) is scaled down to its box.
    const { page, errors, close } = await openPage(PAGE, { viewport: { width: 320, height: 700 }, isMobile: true, hasTouch: true });
    const fig = await ready(page, 'basins');
    // The figure is taller than the screen here: bring its charts into view (the replay runs only
    // while it can be seen), and let it play a while.
    await fig.locator('.basins-landscape').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const play = fig.locator('button.basins-play');
    await playing(page, true);
    await replayPast(page, 0);
    await play.click();
    const step = Number((await canvasLabel(fig))!.match(/step ([\d,]+) of/)![1].replace(/,/g, ''));
    expect(step).toBeGreaterThan(0);
    const { offset, drawnWidth, ratio, ticks } = await fig.locator('.basins-share').evaluate((share) => {
      const svg = share.querySelector('svg')!;
      const box = svg.getBoundingClientRect();
      const drawnWidth = Number(svg.getAttribute('width'));
      const line = share.querySelector('.basins-cursor')!.getBoundingClientRect();
      // The x axis as drawn: each tick's step and position.
      const ticks = [...svg.querySelectorAll('[aria-label="x-axis tick label"] text')].map((t) => ({
        step: Number(t.textContent!.replace(/,/g, '')), x: Number(t.getAttribute('transform')!.match(/translate\(([\d.]+)/)![1]),
      }));
      return { offset: line.left - box.left, drawnWidth, ratio: box.width / drawnWidth, ticks };
    });
    expect(ratio).toBeLessThan(0.99); // shrunk to fit
    const x = shareX(params().steps as number, drawnWidth);
    expect(ticks.length).toBeGreaterThan(2);
    for (const t of ticks) expect(x(t.step)).toBeCloseTo(t.x, 6);
    expect(Math.abs(offset - x(step) * ratio)).toBeLessThan(1.5);
    expect(errors).toEqual([]);
    await close();
  });

  it('respects reduced motion: no autoplay, the final state shown', async () => {
    const { page, close } = await openPage(PAGE, { reducedMotion: 'reduce' });
    const fig = await ready(page, 'basins');
    const r = compute(params());
    await settled(page, fig, r.simHonest);
    const play = fig.locator('button.basins-play');
    expect(await play.getAttribute('aria-pressed')).toBe('false');
    expect(await canvasLabel(fig)).toMatch(/step 2,000 of 2,000/);
    const a = await canvasImage(fig);
    await afterFrames(page);
    expect(await canvasImage(fig)).toBe(a);
    await play.click();
    expect(await play.getAttribute('aria-pressed')).toBe('true');
    await close();
  });

  it('stops animating while the figure is off screen', async () => {
    const { page, close } = await openPage(PAGE);
    const fig = await ready(page, 'basins');
    await playing(page, true);
    // Scroll the figure away, and wait until the page has been told it is off screen (an observer
    // made after the widget's hears of it after the widget's own).
    await page.evaluate(() => new Promise<void>((gone) => {
      window.scrollTo(0, document.body.scrollHeight);
      new IntersectionObserver((entries, observer) => {
        if (entries.some((e) => e.isIntersecting)) return;
        observer.disconnect();
        gone();
      }).observe(document.querySelector('#fig-basins')!);
    }));
    const before = await canvasImage(fig);
    const step = await replayStep(fig);
    await afterFrames(page);
    expect(await replayStep(fig)).toBe(step);
    expect(await canvasImage(fig)).toBe(before);
    // Back on screen, it carries on.
    await fig.scrollIntoViewIfNeeded();
    await replayPast(page, step);
    expect(await canvasImage(fig)).not.toBe(before);
    await close();
  });

  it('binds inline numbers in the prose to the figure', async () => {
    const { page, close } = await openPage(PAGE);
    const inline = page.locator('.reactive[data-reactive-widget="basins"][data-param="temperature"]');
    await inline.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('.reactive[data-reactive-widget="basins"][data-param="temperature"]')?.getAttribute('role') === 'slider');
    await inline.focus();
    await page.keyboard.press('End');
    await waitForUrlParam(page, 'basins.temperature', '10');
    const r = compute(params({ temperature: 10 }));
    await page.waitForFunction(
      (v) => Number((document.querySelector('.reactive-output[data-reactive-widget="basins"][data-output="sim-honest"]') as HTMLElement).dataset.value) === v,
      r.simHonest,
    );
    const fig = await ready(page, 'basins');
    expect(await fig.locator('input[name="temperature"]').inputValue()).toBe('10');
    expect(Number(await page.locator('.reactive-output[data-output="gibbs-honest"]').first().getAttribute('data-value'))).toBeCloseTo(r.gibbsHonest, 12);
    // The schemer-basin count in the prose moves the figure too.
    const M = page.locator('.reactive[data-reactive-widget="basins"][data-param="schemers"]');
    await M.focus();
    await page.keyboard.press('ArrowUp');
    await waitForUrlParam(page, 'basins.schemers', '5');
    await page.waitForFunction(
      (v) => Math.abs(Number((document.querySelector('.reactive-output[data-reactive-widget="basins"][data-output="gibbs-honest"]') as HTMLElement).dataset.value) - v) < 1e-12,
      1 / 6,
    );
    await close();
  });

  it('has every section and figure id of the anchor registry', async () => {
    const registry: Record<string, string[]> = JSON.parse(readFileSync(resolve(import.meta.dirname, '../anchors.json'), 'utf8'));
    const { page, close } = await openPage(PAGE);
    const ids = await page.locator('h2[id], h3[id], figure[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.sort()).toEqual([...registry[PAGE]].sort());
    await close();
  });
});
