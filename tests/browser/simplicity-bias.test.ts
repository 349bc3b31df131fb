import { afterAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from '../support/driver';
import { compute, schema, type Params, type Result } from '../../src/models/simplicity-bias';
import { defaults } from '../../src/core/schema';
import { closePages, invalidNumberText, openPage } from '../support/browser';
import { afterFrames, countBusyFrames, hydrated, outputValue, ready, selectorOf, setParam, waitForUrlParam } from '../support/widget';

const PAGE = 'widgets-simplicity/';
const ID = 'simplicity-bias';
const params = (over: Partial<Params> = {}): Params => ({ ...defaults(schema), ...over });

afterAll(closePages);

const state = (fig: Locator) => fig.getAttribute('data-sb-state');

/** Wait until the figure shows a finished run whose numbers are `r`'s. */
async function settledOn(page: Page, fig: Locator, r: Result, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ([el, distinct, samples]) => {
      const f = document.querySelector<HTMLElement>(el)!;
      const v = (name: string) => Number(f.querySelector<HTMLElement>(`output[name="${name}"]`)!.dataset.value);
      return f.dataset.sbState === 'done' && !f.hasAttribute('aria-busy') && v('distinct') === distinct && v('samples') === samples;
    },
    [await selectorOf(fig), r.distinct, r.samples] as const,
    { timeout },
  );
}

/** The figure's outputs against the model's result. */
async function expectOutputs(fig: Locator, r: Result): Promise<void> {
  expect(await outputValue(fig, 'samples')).toBe(r.samples);
  expect(await outputValue(fig, 'distinct')).toBe(r.distinct);
  expect(await outputValue(fig, 'p-top')).toBe(r.pTop);
  expect(await outputValue(fig, 'p-const0')).toBe(r.constant0.p);
  expect(await outputValue(fig, 'p-const1')).toBe(r.constant1.p);
  const rank = (name: string) => fig.locator(`output[name="${name}"]`).getAttribute('data-value');
  expect(await rank('rank-const0')).toBe(r.constant0.rank === null ? '' : String(r.constant0.rank));
  expect(await rank('rank-const1')).toBe(r.constant1.rank === null ? '' : String(r.constant1.rank));
}

const allOutputs = (fig: Locator) =>
  fig.locator('.widget-results output').evaluateAll((os) => os.map((o) => `${(o as HTMLOutputElement).name}=${(o as HTMLElement).dataset.value}|${o.textContent}`));

describe('simplicity-bias in the browser', () => {
  it('samples nothing at the defaults until Run, then reproduces the build-time figure exactly without blocking the page', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, ID);
    await expect.poll(() => state(fig)).toBe('built');
    const built = await allOutputs(fig);
    expect(await outputValue(fig, 'samples')).toBe(1_000_000);
    expect(await outputValue(fig, 'rank-const0')).toBe(1);
    expect(await outputValue(fig, 'rank-const1')).toBe(2);
    expect(await fig.getAttribute('aria-busy')).toBeNull();
    await afterFrames(page);
    const workerLoaded = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /simplicity-bias\.worker/.test(e.name)));
    expect(await workerLoaded()).toBe(false);

    // Watch the main thread while 10^6 networks are drawn: frames must keep coming.
    const busyFrames = await countBusyFrames(fig);
    const run = fig.locator('button[data-sb="run"]');
    const box = await run.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    // Pressed in the page, as the share test's copy button is: what is tested is the run, and a
    // pointer can miss while the page around it still moves (Firefox, under load, twice: no run).
    await run.evaluate((b) => (b as HTMLButtonElement).click());
    await expect.poll(() => state(fig)).toBe('running');
    // 10^6 networks take ~4 s on an idle machine, many times that on a loaded one: wait for "done"
    // as long as the test may run (its own timeout, below).
    await page.waitForFunction((el) => document.querySelector<HTMLElement>(el)!.dataset.sbState === 'done', await selectorOf(fig), { timeout: 0 });
    expect(await workerLoaded()).toBe(true);
    expect(await allOutputs(fig)).toEqual(built);
    const status = fig.locator('.sb-status');
    const timing = {
      pageMs: Number(await status.getAttribute('data-ms')),
      workerMs: Number(await status.getAttribute('data-worker-ms')),
      engine: await status.getAttribute('data-engine'),
      framesWhileSampling: await busyFrames(),
    };
    console.log('simplicity-bias, 10^6 networks in the browser:', JSON.stringify(timing));
    expect(timing.engine).toBe('wasm');
    expect(await status.innerText()).toMatch(/^Done: 1,000,000 networks in/);
    // The page stays responsive: frames keep coming while the worker samples, where sampling on
    // the main thread would hold it for seconds. (Long tasks and frame rates depend on how busy the
    // machine is: `npm run bench` measures them against the budgets.)
    expect(timing.framesWhileSampling).toBeGreaterThanOrEqual(2);
    expect(await fig.locator('.widget-chart svg').count()).toBe(2);
    expect(errors).toEqual([]);
    await close();
  }, 240_000);

  it('restores a small setting from the URL with exactly the model’s numbers, follows a changed setting, and resets', async () => {
    const { page, errors, close } = await openPage(`${PAGE}?simplicity-bias.samples=20000&simplicity-bias.seed=7`);
    // An inline number in the prose (<Reactive widget="simplicity-bias" output="distinct" />), put
    // in before the page's scripts run, as the chapter's would be.
    await page.addInitScript(() => document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      document.querySelector('.prose')?.insertAdjacentHTML('afterbegin',
        '<p>Seen: <span class="reactive-output" data-reactive-widget="simplicity-bias" data-output="distinct" data-value="91222">91,222</span></p>');
    }));
    await page.reload();
    const inline = page.locator('.reactive-output[data-output="distinct"]');
    const fig = await ready(page, ID);
    errors.length = 0; // requests of the first load that the reload cut short
    expect(await fig.locator('input[name="samples"]').inputValue()).toBe('20000');
    expect(await fig.locator('input[name="seed"]').inputValue()).toBe('7');
    const r = compute(params({ samples: 20000, seed: 7 }));
    await settledOn(page, fig, r);
    await expectOutputs(fig, r);
    expect(await fig.locator('.widget-summary').textContent()).toMatch(/^Of 20,000 random 5-20-20-1 networks/);
    expect(await inline.getAttribute('data-value')).toBe(String(r.distinct));
    expect(await inline.innerText()).toBe(r.distinct.toLocaleString('en-US'));

    await setParam(fig, 'width', '8');
    await waitForUrlParam(page, 'simplicity-bias.width', '8');
    const r8 = compute(params({ samples: 20000, seed: 7, width: 8 }));
    await settledOn(page, fig, r8);
    await expectOutputs(fig, r8);

    // Reset returns to the build-time figure without sampling.
    await fig.locator('button[data-action="reset"]').click();
    await waitForUrlParam(page, 'simplicity-bias.samples', null);
    await expect.poll(() => state(fig)).toBe('built');
    expect(await outputValue(fig, 'samples')).toBe(1_000_000);
    expect(await fig.locator('.sb-status').innerText()).toMatch(/when this page was built/);
    expect(await inline.innerText()).toBe('91,222');
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('shows the perceptron’s uniform T, with T = 2^n never occurring', async () => {
    const { page, errors, close } = await openPage(`${PAGE}?simplicity-bias.mode=perceptron&simplicity-bias.n=6&simplicity-bias.samples=20000`);
    const fig = await ready(page, ID);
    const r = compute(params({ mode: 'perceptron', n: 6, samples: 20000 }));
    expect(r.tHistogram[64]).toBe(0);
    await settledOn(page, fig, r);
    await expectOutputs(fig, r);
    expect(await fig.locator('output[name="rank-const1"]').textContent()).toBe('never seen');
    expect(await fig.locator('.widget-chart svg').count()).toBe(3);
    const chartText = await fig.locator('.widget-chart').innerText();
    expect(chartText).toContain('T = 64: never');
    expect(chartText).toMatch(/uniform: 1\/2⁶ = 1\.56%/);
    expect(await fig.locator('.widget-summary').textContent()).toMatch(/T = 64 never occurred/);
    expect(errors).toEqual([]);
    await close();
  });

  it('stops on request and keeps the partial result: exactly the first networks of the run', async () => {
    const { page, errors, close } = await openPage(`${PAGE}?simplicity-bias.samples=3000000&simplicity-bias.seed=3`);
    const fig = await hydrated(page, ID);
    await page.waitForFunction((el) => Number(document.querySelector<HTMLElement>(el)!.querySelector<HTMLElement>('.sb-status')!.dataset.samples) > 0, await selectorOf(fig));
    const stop = fig.locator('button[data-sb="stop"]');
    await stop.click();
    await expect.poll(() => state(fig)).toBe('stopped');
    expect(await stop.isDisabled()).toBe(true);
    expect(await fig.getAttribute('aria-busy')).toBeNull();
    expect(await fig.locator('.widget-progress').isHidden()).toBe(true);
    const done = await outputValue(fig, 'samples');
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(3_000_000);
    expect(await fig.locator('.sb-status').innerText()).toMatch(/^Stopped after [\d,]+ of 3,000,000 networks/);
    const before = await allOutputs(fig);
    await afterFrames(page, 10);
    expect(await allOutputs(fig)).toEqual(before);
    // The sampler ignores chunking, so what is shown is exactly a run of that many networks.
    await expectOutputs(fig, compute(params({ samples: done, seed: 3 })));
    expect(errors).toEqual([]);
    await close();
  });

  it('clears the prose’s pending numbers when a link names the default setting', async () => {
    // The chapter's sentence quotes the build-time figure; a link that sets only defaults marks it
    // pending at first paint, and the figure (which samples nothing) must say it is final.
    const { page, errors, close } = await openPage('counting/?simplicity-bias.seed=1');
    const inline = page.locator('.reactive-output[data-reactive-widget="simplicity-bias"]');
    expect(await inline.count()).toBeGreaterThan(0);
    expect(await inline.first().getAttribute('data-state')).toBe('pending');
    const fig = await ready(page, ID);
    expect(await state(fig)).toBe('built');
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('.reactive-output[data-reactive-widget="simplicity-bias"]')]
      .every((el) => el.dataset.state === 'ready' && !el.classList.contains('link-pending')));
    // textContent, not innerText: Firefox gives an element in a block it has not rendered yet (content-visibility) no inner text.
    expect(await page.locator('.reactive-output[data-output="distinct"]').textContent()).toBe('91,222');
    expect(errors).toEqual([]);
    await close();
  });

  it('falls back politely on hostile URL values', async () => {
    const { page, errors, close } = await openPage(
      `${PAGE}?simplicity-bias.n=<img src=x onerror=alert(1)>&simplicity-bias.width=NaN&simplicity-bias.bias=huge&simplicity-bias.samples=-5&simplicity-bias.seed=1e999`,
    );
    const fig = await ready(page, ID);
    const notes = await fig.locator('.widget-notes').innerText();
    expect(notes).toMatch(/not a number/);
    expect(notes).toMatch(/not one of the options/);
    expect(notes).toMatch(/outside 1000 … 10000000; using 1000/);
    expect(await fig.locator('.widget-notes img').count()).toBe(0);
    await settledOn(page, fig, compute(params({ samples: 1000 })));
    await expectOutputs(fig, compute(params({ samples: 1000 })));
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
