// The front door (issue 19): the home page's first screen holds a live figure, goal-count's model
// with one control, whose verdict the reader flips by pointer or keyboard, and which reads true
// with JavaScript off.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { compute, schema, type Params } from '../../src/models/goal-count';
import { defaults } from '../../src/core/schema';
import { leadView } from '../../components/widgets/goal-count/lead';
import { seriousViolations } from '../support/axe';
import { chartCollisions } from '../support/chart-labels';
import { closePages, invalidNumberText, openPage } from '../support/browser';
import type { Page } from '../support/driver';
import { ready, waitForUrlParam } from '../support/widget';

const FIG = 'figure[data-widget="goal-count"]';
const initial = compute(defaults(schema) as Params);

afterAll(closePages);

/** The verdict of the parameter count, once the figure shows its setting. */
async function verdict(page: Page): Promise<{ value: number; text: string }> {
  await page.waitForFunction((f) => document.querySelector(f)?.getAttribute('data-state') === 'ready', FIG);
  const out = page.locator(`${FIG} output[name="parameter-space"]`);
  return { value: Number(await out.getAttribute('data-value')), text: (await out.textContent()) ?? '' };
}

/** Wait until the parameter count favours the given side. */
async function favours(page: Page, side: 'Schemer' | 'Honest'): Promise<{ value: number; text: string }> {
  await page.waitForFunction(([f, s]) => document.querySelector(`${f} output[name="parameter-space"]`)?.textContent?.startsWith(s), [FIG, side] as const);
  return verdict(page);
}

describe('the home page’s lead figure', () => {
  for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`holds its control and both verdicts in the first screen at ${viewport.width}×${viewport.height}, ${colorScheme}`, async () => {
        const { page, errors, close } = await openPage('', { viewport, colorScheme });
        await page.waitForFunction((f) => document.querySelector(f)?.classList.contains('hydrated'), FIG);
        expect(await page.evaluate(() => scrollY)).toBe(0);
        for (const part of ['input[data-slider-for="extra"]', 'input[name="extra"]', 'output[name="goal-space"]', 'output[name="parameter-space"]', '.widget-chart svg']) {
          const box = await page.locator(`${FIG} ${part}`).boundingBox();
          expect(box, part).not.toBeNull();
          expect(box!.y, part).toBeGreaterThanOrEqual(0);
          expect(box!.y + box!.height, part).toBeLessThanOrEqual(viewport.height);
          expect(box!.x + box!.width, part).toBeLessThanOrEqual(viewport.width);
        }
        expect(await seriousViolations(page, colorScheme)).toEqual([]);
        expect(errors).toEqual([]);
        await close();
      });
    }
  }

  it('flips the verdict when the reader drags the slider to its low end, and back', async () => {
    const { page, errors, close } = await openPage('', { viewport: { width: 390, height: 844 } });
    await ready(page, 'goal-count');
    expect((await verdict(page)).text).toBe(leadView.outputs(initial, defaults(schema) as Params)[1].text);
    const slider = page.locator(`${FIG} input[data-slider-for="extra"]`);
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    // Pointer: press at the slider's left end (one parameter), then drag back to its right end.
    await page.mouse.move(box.x + 2, y);
    await page.mouse.down();
    await page.mouse.up();
    const low = await favours(page, 'Schemer');
    expect(low.value).toBeGreaterThan(0);
    // Near one parameter, as the text field says: the model's number for that setting.
    const extra = Number(await page.locator(`${FIG} input[name="extra"]`).evaluate((el: HTMLInputElement) => el.value));
    expect(extra).toBeLessThan(8.3);
    expect(low.value).toBeCloseTo(compute({ ...defaults(schema), extra } as Params).log10ParameterSpaceOdds, 9);
    await waitForUrlParam(page, 'goal-count.extra', String(extra));
    // The slider held still while the verdict changed (the first redraw keeps the chart's height).
    const now = (await slider.boundingBox())!;
    expect(now.y, 'slider moved when the verdict flipped').toBeCloseTo(box.y, 0);
    await page.mouse.move(now.x + 2, now.y + now.height / 2);
    await page.mouse.down();
    await page.mouse.move(now.x + now.width - 2, now.y + now.height / 2);
    await page.mouse.up();
    expect((await favours(page, 'Honest')).value).toBeLessThan(0);
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('flips the verdict from the keyboard: Home and End on the slider, Space on “none”', async () => {
    const { page, errors, close } = await openPage('', { viewport: { width: 1280, height: 900 } });
    await ready(page, 'goal-count');
    await page.locator(`${FIG} input[data-slider-for="extra"]`).focus();
    await page.keyboard.press('Home');
    expect((await favours(page, 'Schemer')).text).toMatch(/^Schemer, \d/);
    await page.keyboard.press('End');
    expect((await favours(page, 'Honest')).value).toBeCloseTo(compute({ ...defaults(schema), extra: 1e6 } as Params).log10ParameterSpaceOdds, 6);
    await page.locator(`${FIG} input[data-special-for="extra"]`).focus();
    await page.keyboard.press('Space');
    const free = await favours(page, 'Schemer');
    expect(free.value).toBe(initial.log10GoalSpaceOdds);
    await waitForUrlParam(page, 'goal-count.extra', '0');
    expect(errors).toEqual([]);
    await close();
  });

  it('draws its chart with no label over another label or a bar, either verdict, phone and desktop', async () => {
    const found: string[] = [];
    for (const width of [390, 1280]) {
      for (const query of ['', '?goal-count.extra=1', '?goal-count.extra=1000000']) {
        const { page, close } = await openPage(query, { viewport: { width, height: 900 } });
        await ready(page, 'goal-count');
        for (const c of await chartCollisions(page, 'goal-count')) found.push(`${width}px ${query || 'defaults'}: “${c.text}” × ${c.other}`);
        await close();
      }
    }
    expect(found).toEqual([]);
  });

  it('shows the model’s true default with JavaScript off', async () => {
    const { page, close } = await openPage('', { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const expected = leadView.outputs(initial, defaults(schema) as Params);
    for (const o of expected) {
      const out = page.locator(`${FIG} output[name="${o.name}"]`);
      expect(await out.getAttribute('data-value')).toBe(String(o.value));
      expect(await out.textContent()).toBe(o.text);
    }
    expect(expected.map((o) => o.text)).toEqual(['Schemer, 10²⁰\u00a0to\u00a01', 'Honest, 10²³⁸⁸\u00a0to\u00a01']);
    expect(await page.locator(`${FIG} .widget-chart svg`).isVisible()).toBe(true);
    expect(await page.locator(`${FIG} .noscript-note`).isVisible()).toBe(true);
    await close();
  });

  it('loads no Observable Plot, even when it redraws: the lead is drawn by hand, and §2.3’s figure brings Plot where it is', async () => {
    // The built chunks that hold Plot's code (its stylesheet's class name is in its source).
    const assets = join(inject('distDir'), '_astro');
    const plotChunks = readdirSync(assets).filter((f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('plot-d6a7b5'));
    expect(plotChunks.length).toBeGreaterThan(0);
    const loadsPlot = (requests: string[]) => requests.some((u) => plotChunks.some((c) => u.endsWith(`/${c}`)));

    const home = await openPage('?goal-count.extra=3');
    await ready(home.page, 'goal-count');
    expect(await home.page.locator(`${FIG} .widget-chart g[aria-label="bar"] rect`).count()).toBe(2);
    expect(loadsPlot(home.requests), 'the home page loaded Plot').toBe(false);
    expect(home.errors).toEqual([]);
    await home.close();

    const chapter = await openPage('counting/#fig-goal-count');
    await ready(chapter.page, 'goal-count');
    expect(loadsPlot(chapter.requests), '§2.3 did not load Plot').toBe(true);
    await chapter.close();
  });
});
