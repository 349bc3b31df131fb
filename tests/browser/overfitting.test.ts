import { afterAll, describe, expect, it } from 'vitest';
import { compute, schema, parameterCountingAnswer, type Params } from '../../src/models/overfitting';
import { compute as tinyCompute, schema as tinySchema, type Params as TinyParams } from '../../src/models/tiny-nets';
import { defaults } from '../../src/core/schema';
import { closePages, invalidNumberText, openPage } from '../support/browser';
import { changedOutput, outputValue, ready, setParam, waitForUrlParam } from '../support/widget';

const PAGE = 'widgets-chapter-1/';
const model = (over: Partial<Params>) => compute({ ...defaults(schema), ...over } as Params);
const tiny = (over: Partial<TinyParams>) => parameterCountingAnswer(tinyCompute({ ...defaults(tinySchema), ...over } as TinyParams));

afterAll(closePages);

describe('overfitting in the browser', () => {
  it('reproduces Belrose & Pope’s count and follows its slider keys', async () => {
    const { page, errors, close } = await openPage(`${PAGE}#fig-overfitting`);
    const fig = await ready(page, 'overfitting');
    expect(await fig.getAttribute('id')).toBe('fig-overfitting');
    const r = model({});
    expect(await outputValue(fig, 'addition-candidates')).toBe(r.addition.log10Candidates);
    expect(await fig.locator('output[name="addition-candidates"]').textContent()).toMatch(/×10⁴³⁰\s¹⁰⁰\s⁸²⁸$/);
    expect(await outputValue(fig, 'generalise')).toBe(r.boolean.at(-1)!.log10Generalise);
    const before = await outputValue(fig, 'generalise');
    await fig.locator('input[data-slider-for="bits"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await changedOutput(fig, 'generalise', before)).toBe(model({ bits: 21 }).boolean.at(-1)!.log10Generalise);
    await waitForUrlParam(page, 'overfitting.bits', '21');
    await setParam(fig, 'examples', '5000');
    await waitForUrlParam(page, 'overfitting.examples', '5000');
    expect(await outputValue(fig, 'addition-generalise')).toBe(model({ bits: 21, examples: 5000 }).addition.log10Generalise);
    expect(errors).toEqual([]);
    await close();
  });

  it('answers the same question with tiny-nets’ parameter count, following that figure', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'overfitting');
    expect(await outputValue(fig, 'parameter-counting')).toBe(tiny({}).pHonestParam);
    expect(await outputValue(fig, 'function-counting')).toBe(tiny({}).log10FractionUniform);
    const tinyFig = await ready(page, 'tiny-nets');
    await setParam(tinyFig, 'target', 'parity');
    const want = tiny({ target: 'parity' });
    await page.waitForFunction(
      (v) => document.querySelector('#fig-overfitting output[name="parameter-counting"]')?.getAttribute('data-value') === v,
      String(want.pHonestParam),
    );
    await page.locator('#fig-overfitting').scrollIntoViewIfNeeded();
    expect(await page.locator('.reactive-output[data-output="parameter-counting"]').getAttribute('data-value')).toBe(String(want.pHonestParam));
    expect(errors).toEqual([]);
    await close();
  });

  it('restores a shared setting from the URL', async () => {
    const { page, close } = await openPage(`${PAGE}?overfitting.bits=30&overfitting.digits=3&overfitting.seen=0.25#test-overfitting`);
    const fig = await ready(page, 'overfitting');
    const r = model({ bits: 30, digits: 3, seen: 0.25 });
    expect(await outputValue(fig, 'generalise')).toBe(r.boolean.at(-1)!.log10Generalise);
    // Math.log10 is not correctly rounded, and engines differ by an ulp (Chromium 153: log10(1999)).
    expect(await outputValue(fig, 'addition-candidates')).toBeCloseTo(r.addition.log10Candidates, 6);
    expect(await fig.locator('input[name="digits"]').inputValue()).toBe('3');
    await close();
  });

  it('falls back politely on hostile URL values, without markup reaching the page', async () => {
    const { page, errors, close } = await openPage(
      `${PAGE}?overfitting.bits=<img src=x onerror=alert(1)>&overfitting.seen=NaN&overfitting.examples=-5&overfitting.digits=1e999`,
    );
    const fig = await ready(page, 'overfitting');
    expect(await fig.locator('.widget-notes').isVisible()).toBe(true);
    expect(await fig.locator('.widget-notes').innerText()).toMatch(/not a number/);
    expect(await page.locator('figure img').count()).toBe(0);
    const r = model({ examples: 0 });
    expect(await outputValue(fig, 'generalise')).toBe(r.boolean.at(-1)!.log10Generalise);
    expect(await outputValue(fig, 'addition-generalise')).toBe(r.addition.log10Generalise);
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
