import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from '../support/driver';
import { compute, schema, type Params } from '../../src/models/sgd-prior';
import { view } from '../../components/widgets/sgd-prior/view';
import { defaults } from '../../src/core/schema';
import { closeBrowser, invalidNumberText, openPage } from '../support/browser';
import { axeViolations } from '../support/axe';
import { hydrated, ready, selectorOf, setParam, waitForUrlParam } from '../support/widget';

const PAGE = 'path-dependence/';
const ID = 'sgd-prior';
const params = (over: Partial<Params> = {}): Params => ({ ...defaults(schema), ...over });
/** What the figure must show for a setting: every output's data-value, from the model in Node. */
const expected = (p: Params) => Object.fromEntries(view.outputs(compute(p), p).map((o) => [o.name, String(o.value)]));
const HOSTILE = ['NaN', '1e999', '-1e308', '<img src=x onerror=alert(1)>', '', '%00', '9'.repeat(400), 'Infinity', 'undefined', '-0'];

afterAll(closeBrowser);

const shown = (fig: Locator) =>
  fig.evaluate((el) => Object.fromEntries([...el.querySelectorAll<HTMLOutputElement>('output[name]')].map((o) => [o.name, o.dataset.value ?? ''])));

/** Wait until the figure is ready and its output `name` shows `value`. */
async function showing(page: Page, fig: Locator, name: string, value: string): Promise<void> {
  await page.waitForFunction(([sel, n, v]) => {
    const f = document.querySelector<HTMLElement>(sel)!;
    return f.dataset.state === 'ready' && f.querySelector<HTMLElement>(`output[name="${n}"]`)?.dataset.value === v;
  }, [await selectorOf(fig), name, value] as const, { timeout: 120_000 });
}

describe('sgd-prior in the browser', () => {
  it('restores a small setting from the URL with exactly the model’s numbers, follows a change and resets', async () => {
    const small = { samples: 20000, runs: 300, width: 4, seed: 7 };
    const query = Object.entries(small).map(([k, v]) => `sgd-prior.${k}=${v}`).join('&');
    const { page, errors, close } = await openPage(`${PAGE}?${query}#fig-sgd-prior`);
    const fig = await hydrated(page, ID);
    const want = expected(params(small));
    await showing(page, fig, 'overlap', want.overlap);
    expect(await shown(fig)).toEqual(want);
    expect(await fig.locator('input[name="width"]').getAttribute('value')).not.toBeNull();
    expect(await fig.locator('.widget-chart svg').count()).toBe(1);
    expect(await fig.locator('.widget-chart').evaluate((el) => el.textContent)).toContain('target');

    await setParam(fig, 'act', 'tanh');
    await waitForUrlParam(page, 'sgd-prior.act', 'tanh');
    const tanh = expected(params({ ...small, act: 'tanh' }));
    await showing(page, fig, 'overlap', tanh.overlap);
    expect(await shown(fig)).toEqual(tanh);

    await fig.locator('button[data-action="reset"]').click();
    await waitForUrlParam(page, 'sgd-prior.samples', null);
    const built = expected(params());
    await showing(page, fig, 'overlap', built.overlap);
    expect(await shown(fig)).toEqual(built);
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  }, 240_000);

  it('survives hostile values for every parameter', async () => {
    for (let round = 0; round < 2; round++) {
      const query = new URLSearchParams();
      Object.keys(schema).forEach((name, k) => query.set(`sgd-prior.${name}`, HOSTILE[(k + round * 5) % HOSTILE.length]));
      // Keep the run small whatever the hostile values did to the rest.
      query.set('sgd-prior.samples', '3000');
      query.set('sgd-prior.runs', '50');
      const { page, errors, close } = await openPage(`${PAGE}?${query}`);
      const fig = await ready(page, ID);
      expect(await fig.locator('.widget-notes:not([hidden])').count()).toBe(1);
      expect(await page.locator('figure[data-widget] img').count()).toBe(0);
      for (const v of Object.values(await shown(fig))) expect(v).not.toMatch(/NaN|Infinity|undefined/);
      expect(await invalidNumberText(page)).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    }
  }, 240_000);

  it('has no serious accessibility violations, light or dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors, close } = await openPage(`${PAGE}#fig-sgd-prior`, { colorScheme });
      await ready(page, ID);
      const serious = (await axeViolations(page, ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']))
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(serious, colorScheme).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    }
  }, 120_000);

  it('shows the build-time figure with JavaScript off: the model’s default numbers and the chart', async () => {
    const { page, close } = await openPage(`${PAGE}?sgd-prior.width=8#fig-sgd-prior`, { javaScriptEnabled: false });
    const fig = page.locator('#fig-sgd-prior');
    await fig.scrollIntoViewIfNeeded();
    expect(await fig.getAttribute('data-state')).toBe('ready');
    // A link's settings are ignored without JavaScript: the figure is the build's, at the defaults.
    expect(await shown(fig)).toEqual(expected(params()));
    expect(await fig.locator('.widget-chart svg').count()).toBe(1);
    expect(await fig.locator('.widget-summary').textContent()).toMatch(/^Of 1,000,000 random 16-unit ReLU nets/);
    // The prose quotes the same numbers.
    const inline = page.locator('.reactive-output[data-output="p-train-target"]').first();
    expect(await inline.getAttribute('data-value')).toBe(expected(params())['p-train-target']);
    await close();
  }, 120_000);
});
