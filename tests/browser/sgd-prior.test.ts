import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from '../support/driver';
import { compute as computeModel, rankedFunctions, schema, type Params, type Result } from '../../src/models/sgd-prior';
import { view } from '../../components/widgets/sgd-prior/view';
import { defaults } from '../../src/core/schema';
import { formatPercent } from '../../src/core/format';
import { closePages, invalidNumberText, openPage } from '../support/browser';
import { seriousViolations } from '../support/axe';
import { hydrated, ready, selectorOf, setParam, waitForUrlParam } from '../support/widget';

const PAGE = 'path-dependence/';
const ID = 'sgd-prior';
const params = (over: Partial<Params> = {}): Params => ({ ...defaults(schema), ...over });
const results = new Map<string, Result>();
/** The model in Node, once per setting (the default one takes seconds). */
const compute = (p: Params) => {
  const key = JSON.stringify(p);
  if (!results.has(key)) results.set(key, computeModel(p));
  return results.get(key)!;
};
/** What the figure must show for a setting: every output's data-value, from the model in Node. */
const expected = (p: Params) => Object.fromEntries(view.outputs(compute(p), p).map((o) => [o.name, String(o.value)]));
/** The ranked bar pair the figure must draw: per function in the model's ranking, its prior bar
 * then its training bar, each with its unrounded share and that share as the cards print it. */
const expectedBars = (p: Params) => rankedFunctions(compute(p)).flatMap((f) => ([['prior', f.pPrior], ['train', f.pTrain]] as const)
  .map(([series, v]) => ({ table: String(f.table), series, value: String(v), text: formatPercent(v, 3), target: f.isTarget })));
const HOSTILE = ['NaN', '1e999', '-1e308', '<img src=x onerror=alert(1)>', '', '%00', '9'.repeat(400), 'Infinity', 'undefined', '-0'];

afterAll(closePages);

const shown = (fig: Locator) =>
  fig.evaluate((el) => Object.fromEntries([...el.querySelectorAll<HTMLOutputElement>('output[name]')].map((o) => [o.name, o.dataset.value ?? ''])));

/** The bars as drawn, in order (in the stage, or after it on a narrow screen), with their printed
 * values and widths. */
const drawnBars = (fig: Locator) => fig.evaluate((el) => [...el.querySelectorAll<SVGRectElement>('.sp-panel rect[data-series]')].map((b) => {
  const [table, series] = [b.getAttribute('data-table'), b.getAttribute('data-series')];
  return {
    table, series, value: b.getAttribute('data-value'),
    text: el.querySelector(`.sp-panel text[data-table="${table}"][data-series="${series}"]`)?.textContent ?? null,
    width: b.getBoundingClientRect().width,
  };
}));

/** The drawn bars against the model's: same functions in the same order, same shares and printed
 * values, widths in proportion to the shares, and the target's two bars saying what its cards say. */
async function checkBars(fig: Locator, p: Params): Promise<void> {
  const drawn = await drawnBars(fig);
  const want = expectedBars(p);
  expect(drawn.map(({ table, series, value, text }) => ({ table, series, value, text })))
    .toEqual(want.map(({ table, series, value, text }) => ({ table, series, value, text })));
  // Widths in proportion to the shares (the build rounds coordinates to 0.1 px, so close shares may tie).
  const perShare = Math.max(...drawn.map((b) => b.width)) / Math.max(...drawn.map((b) => Number(b.value)));
  for (const b of drawn) expect(Math.abs(b.width - Number(b.value) * perShare), `${b.table} ${b.series}`).toBeLessThan(0.25);
  for (const a of drawn) for (const b of drawn) if (Number(a.value) > Number(b.value)) expect(a.width).toBeGreaterThanOrEqual(b.width);
  const target = want.filter((b) => b.target);
  expect(target.map((b) => b.value)).toEqual([expected(p)['p-prior-target'], expected(p)['p-train-target']]);
  const cards = await fig.evaluate((el) => ['p-prior-target', 'p-train-target'].map((n) => el.querySelector(`output[name="${n}"]`)!.textContent));
  expect(target.map((b) => b.text)).toEqual(cards);
}

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
    expect(await fig.locator(':is(.widget-chart, .widget-chart-flow) svg').count()).toBe(2);
    expect(await fig.locator('.widget-chart').evaluate((el) => el.textContent)).toContain('target');
    await checkBars(fig, params(small));

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

  it('splits the runs across two workers where there are two cores, with exactly one worker’s numbers and bars', async () => {
    const { page, errors, close } = await openPage(`${PAGE}#fig-sgd-prior`);
    const fig = await ready(page, ID);
    // The cores the page sees, and the parts of each run it posts to sgd-prior's workers.
    await page.evaluate(() => {
      const w = window as unknown as { __cores: number; __parts: number[] };
      w.__cores = 2;
      w.__parts = [];
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { configurable: true, get: () => w.__cores });
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, m: { type?: string; values?: { parts?: number } }, ...rest: never[]) {
        if (m?.type === 'run' && m.values?.parts !== undefined) w.__parts.push(m.values.parts);
        return post.call(this, m, ...rest);
      } as typeof Worker.prototype.postMessage;
    });
    const parts = () => page.evaluate(() => (window as unknown as { __parts: number[] }).__parts.splice(0));
    const small = params({ runs: 300, samples: 20000, width: 4, seed: 7 });
    for (const name of ['runs', 'samples', 'width', 'seed'] as const) await setParam(fig, name, String(small[name]));
    const want = expected(small);
    await showing(page, fig, 'overlap', want.overlap);
    expect(await shown(fig)).toEqual(want);
    await checkBars(fig, small);
    const split = await parts();
    expect(split.length).toBeGreaterThan(0);
    expect(new Set(split)).toEqual(new Set([2]));

    // One core: one worker does it all, and shows the same.
    await page.evaluate(() => { (window as unknown as { __cores: number }).__cores = 1; });
    await setParam(fig, 'seed', '8');
    await showing(page, fig, 'overlap', expected({ ...small, seed: 8 }).overlap);
    await setParam(fig, 'seed', '7');
    await showing(page, fig, 'overlap', want.overlap);
    expect(await shown(fig)).toEqual(want);
    await checkBars(fig, small);
    expect(new Set(await parts())).toEqual(new Set([1]));
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
      // The figure only: tests/browser/pages.test.ts checks the whole chapter.
      expect(await seriousViolations(page, colorScheme, '#fig-sgd-prior'), colorScheme).toEqual([]);
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
    expect(await fig.locator('.widget-chart svg').count()).toBe(2);
    // The ranked bar pair is the build's too.
    await checkBars(fig, params());
    expect(await fig.locator('.widget-summary').textContent()).toMatch(/^Of 1,000,000 random 16-unit ReLU nets/);
    // The prose quotes the same numbers.
    const inline = page.locator('.reactive-output[data-output="p-train-target"]').first();
    expect(await inline.getAttribute('data-value')).toBe(expected(params())['p-train-target']);
    await close();
  }, 120_000);
});
