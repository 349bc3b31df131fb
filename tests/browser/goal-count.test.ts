import { afterAll, describe, expect, it } from 'vitest';
import { compute, presets, schema, type Params } from '../../src/models/goal-count';
import { defaults } from '../../src/core/schema';
import { closePages, invalidNumberText, openPage } from '../support/browser';
import { changedOutput, outputValue, ready, setParam, waitForUrlParam } from '../support/widget';

const PAGE = 'widgets-chapter-1/';
const model = (over: Partial<Params>) => compute({ ...defaults(schema), ...over } as Params);

afterAll(closePages);

describe('goal-count in the browser', () => {
  it('shows the model’s numbers, and follows its text fields and slider keys', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'goal-count');
    const initial = model({});
    expect(await outputValue(fig, 'goal-space')).toBe(initial.log10GoalSpaceOdds);
    expect(await outputValue(fig, 'parameter-space')).toBeCloseTo(initial.log10ParameterSpaceOdds, 9);
    expect(await fig.locator('output[name="parameter-space"]').textContent()).toBe('−2,388');
    await setParam(fig, 'goals', '50');
    await waitForUrlParam(page, 'goal-count.goals', '50');
    expect(await outputValue(fig, 'parameter-space')).toBeCloseTo(model({ goals: 50 }).log10ParameterSpaceOdds, 9);
    const before = await outputValue(fig, 'break-even');
    await fig.locator('input[data-slider-for="bits"]').focus();
    await page.keyboard.press('ArrowRight');
    const after = await changedOutput(fig, 'break-even', before);
    expect(after).toBeCloseTo(model({ goals: 50, bits: 8.5 }).breakEvenExtra, 9);
    await waitForUrlParam(page, 'goal-count.bits', '8.5');
    expect(errors).toEqual([]);
    await close();
  });

  it('writes the setting to the address bar once the reader pauses, and at once when leaving the page', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'goal-count');
    const slider = fig.locator('input[data-slider-for="goals"]');
    // A drag: many inputs in quick succession leave the address bar alone until they stop. (All
    // in one task, so the check cannot depend on how fast frames come on a busy machine.)
    const during = await slider.evaluate((el: HTMLInputElement) => {
      const seen = new Set<string>();
      for (let i = 0; i < 10; i++) {
        el.value = String(Number(el.min) + i);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        seen.add(location.search);
      }
      return [...seen];
    });
    expect(during).toEqual(['']);
    // Once the address holds the setting (written after the pause, so after the frame that updated
    // the field), it is the field's: reading the field first raced that frame.
    await page.waitForFunction(() => new URL(location.href).searchParams.has('goal-count.goals'));
    expect(await page.evaluate(() => new URL(location.href).searchParams.get('goal-count.goals')))
      .toBe(await fig.locator('input[name="goals"]').inputValue());
    // Leaving within the delay still records the setting (for the back button).
    const left = await slider.evaluate((el: HTMLInputElement) => {
      el.value = el.max;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      dispatchEvent(new PageTransitionEvent('pagehide'));
      return new URL(location.href).searchParams.get('goal-count.goals');
    });
    // The field shows the new value from the next frame on.
    await expect.poll(() => fig.locator('input[name="goals"]').inputValue()).toBe(left);
    expect(errors).toEqual([]);
    await close();
  });

  it('sets whole settings from its preset buttons, which say whether they are pressed', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'goal-count');
    const buttons = fig.locator('button[data-preset]');
    expect(await buttons.count()).toBe(3);
    for (let i = 0; i < 3; i++) expect(await buttons.nth(i).getAttribute('aria-pressed')).toBe('false');

    const llamas = presets.find((p) => p.id === 'inner-llamas')!;
    await fig.locator(`button[data-preset="${llamas.id}"]`).click();
    await page.waitForFunction(() => document.querySelector('button[data-preset="inner-llamas"]')?.getAttribute('aria-pressed') === 'true');
    expect(await outputValue(fig, 'parameter-space')).toBeCloseTo(compute(llamas.params).log10ParameterSpaceOdds, 9);
    expect(await fig.locator('output[name="parameter-space"]').textContent()).toBe('−1,156');
    expect(await fig.locator('button[data-preset="counting-argument"]').getAttribute('aria-pressed')).toBe('false');

    // Keyboard: Enter on a focused preset.
    const encoded = presets.find((p) => p.id === 'encoded-goals')!;
    await fig.locator('button[data-preset="encoded-goals"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('button[data-preset="encoded-goals"]')?.getAttribute('aria-pressed') === 'true');
    await waitForUrlParam(page, 'goal-count.goal-cost', 'encoded');
    expect(await outputValue(fig, 'parameter-space')).toBe(compute(encoded.params).log10ParameterSpaceOdds);
    // Encoded goals cancel the multiplicity: more goals change nothing, but the setting is no
    // longer exactly the preset.
    await setParam(fig, 'goals', '90');
    await page.waitForFunction(() => document.querySelector('button[data-preset="encoded-goals"]')?.getAttribute('aria-pressed') === 'false');
    expect(await outputValue(fig, 'parameter-space')).toBe(compute({ ...encoded.params, goals: 90 }).log10ParameterSpaceOdds);
    expect(await outputValue(fig, 'probability')).toBe(0.5);
    expect(errors).toEqual([]);
    await close();
  });

  it('restores a shared setting from the URL, and marks the preset it equals', async () => {
    const { page, close } = await openPage(`${PAGE}?goal-count.extra=0#test-goal-count`);
    const fig = await ready(page, 'goal-count');
    expect(await fig.locator('button[data-preset="counting-argument"]').getAttribute('aria-pressed')).toBe('true');
    expect(await fig.locator('input[data-special-for="extra"]').isChecked()).toBe(true);
    const r = model({ extra: '0' });
    expect(await outputValue(fig, 'parameter-space')).toBe(r.log10ParameterSpaceOdds);
    expect(await outputValue(fig, 'probability')).toBe(r.probability);
    expect(await fig.locator('output[name="probability"]').textContent()).toBe('1 − 1.0×10⁻²⁰');
    await close();
  });

  it('falls back politely on hostile URL values, without markup reaching the page', async () => {
    const { page, errors, close } = await openPage(
      `${PAGE}?goal-count.goals=NaN&goal-count.bits=1e999&goal-count.extra=-5&goal-count.goal-cost=<img src=x onerror=alert(1)>&goal-count.honest=<b>bold</b>`,
    );
    const fig = await ready(page, 'goal-count');
    const notes = await fig.locator('.widget-notes').innerText();
    expect(notes).toMatch(/not a number/);
    expect(notes).toMatch(/not one of the options/);
    expect(await fig.locator('.widget-notes').isVisible()).toBe(true);
    expect(await page.locator('figure img, figure b').count()).toBe(0);
    // goals, bits, goal-cost and honest fall back to their defaults; extra clamps to its minimum.
    expect(await outputValue(fig, 'parameter-space')).toBeCloseTo(model({ extra: 1 }).log10ParameterSpaceOdds, 9);
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
