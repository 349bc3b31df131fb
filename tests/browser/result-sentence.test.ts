// Issue 22, item 3: each widget states its result once, in one sentence of words (.widget-result)
// that follows the setting, carries the headline number exactly as its output shows it, and is a
// polite live region, so a screen reader says it once the numbers are final.
import { afterAll, describe, expect, it } from 'vitest';
import type { Locator } from '../support/driver';
import { closePages, openPage } from '../support/browser';
import { ready, selectorOf, setParam } from '../support/widget';
import { WIDGET_PAGES } from '../support/widget-pages';

afterAll(closePages);

/** Per widget: the headline output the sentence states, and a setting that changes it. */
const CASES: Record<string, { output: string; param: string; value: string }> = {
  'goal-count': { output: 'probability', param: 'extra', value: '500' },
  'tiny-nets': { output: 'p-honest-param', param: 'target', value: 'parity' },
  overfitting: { output: 'generalise', param: 'bits', value: '10' },
  'simplicity-bias': { output: 'p-const0', param: 'samples', value: '20000' },
  'speed-cost': { output: 'ratio', param: 'serial-share', value: '1 in 100' },
  'serial-parallel': { output: 'ratio', param: 'chains', value: '4' },
  'residual-paths': { output: 'gradient-share', param: 'to', value: '10' },
  basins: { output: 'sim-honest', param: 'schemers', value: '1' },
  'credit-horizon': { output: 'signal-at', param: 'ahead', value: '50' },
  odds: { output: 'probability', param: 'prior', value: '1 : 1' },
  'sgd-prior': { output: 'p-train-target', param: 'lr', value: '1' },
};

/** The sentence, and the output's number as shown (a ratio's "×" is said as "times"). */
async function read(fig: Locator, output: string): Promise<{ sentence: string; number: string }> {
  const sentence = (await fig.locator('.widget-result').textContent()) ?? '';
  const text = (await fig.locator(`output[name="${output}"]`).textContent()) ?? '';
  return { sentence, number: text.replace(/^×/, '').replace(/\s…$/, '') };
}

function expectOneSentence({ sentence, number }: { sentence: string; number: string }): void {
  expect(number).not.toBe('');
  expect(sentence).toContain(number);
  expect(sentence).toMatch(/^[A-Z].*\.$/);
  // One sentence: no full stop, question or exclamation mark followed by another word.
  expect(sentence, sentence).not.toMatch(/[.!?]\s+\S/);
  expect(sentence).not.toMatch(/NaN|Infinity|undefined/);
}

describe('one sentence states each widget’s result', () => {
  it('covers every widget', () => expect(Object.keys(CASES).sort()).toEqual(Object.keys(WIDGET_PAGES).sort()));

  for (const [widget, { output, param, value }] of Object.entries(CASES)) {
    it(`${widget}: at the defaults and after ${param} = ${value}`, async () => {
      const { page, errors, close } = await openPage(WIDGET_PAGES[widget]);
      const fig = await ready(page, widget);
      expect(await fig.locator('.widget-result').count()).toBe(1);
      expect(await fig.locator('.widget-result').getAttribute('aria-live')).toBe('polite');
      const before = await read(fig, output);
      expectOneSentence(before);

      await setParam(fig, param, value);
      await page.waitForFunction(([sel, b]) => {
        const f = document.querySelector(sel);
        return f?.getAttribute('data-state') === 'ready' && f.querySelector('.widget-result')?.textContent !== b;
      }, [await selectorOf(fig), before.sentence] as const);
      const after = await read(fig, output);
      expectOneSentence(after);
      expect(after.number).not.toBe(before.number);
      expect(errors).toEqual([]);
      await close();
    });
  }
});
