// Chart handles mirror their controls (drag and keyboard), and each caption's step buttons set
// the state their link promises.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from '../support/driver';
import { closePages, openPage } from '../support/browser';
import { outputValue, ready, waitForUrlParam } from '../support/widget';
import { WIDGET_PAGES } from '../support/widget-pages';
import { catalogSchemas } from '../support/schemas';
import { fromSlider, parseValue, SLIDER_STEPS, type NumberParam } from '../../src/core/schema';

afterAll(closePages);

/** Drag a widget's handle for `param` by dx pixels with the mouse. */
async function drag(page: Page, widget: string, param: string, dx: number): Promise<void> {
  const handle = page.locator(`figure[data-widget="${widget}"] .widget-chart [data-drag-param="${param}"] .drag-hit`).first();
  await handle.scrollIntoViewIfNeeded();
  // Press where the handle is once it holds still: blocks rendered on demand around it can move it
  // for a few frames after the scroll, and a press where it was misses it.
  const box = await handle.evaluate(async (el) => {
    const frame = () => new Promise((done) => requestAnimationFrame(done));
    let before = el.getBoundingClientRect();
    for (;;) {
      await frame();
      await frame();
      const now = el.getBoundingClientRect();
      if (now.x === before.x && now.y === before.y) return { x: now.x, y: now.y, width: now.width, height: now.height };
      before = now;
    }
  });
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 4; i++) await page.mouse.move(x + (dx * i) / 4, y);
  await page.mouse.up();
  // The drag is over once the page has seen the release and drawn its last value: until then a
  // field can show a value the pointer passed on its way (Firefox under load handed one to the
  // test, which then waited for an address the page never wrote).
  await page.waitForFunction((w) => {
    const fig = document.querySelector(`figure[data-widget="${w}"]`);
    return fig?.getAttribute('data-state') === 'ready' && !fig.querySelector('.widget-chart.dragging');
  }, widget);
}

const schemas = catalogSchemas();
/** A field's text read as its parameter's value: fields show 10⁹, 1 in 10⁸ or 1 : 3. */
const asValue = (widget: string, param: string, text: string) => String(parseValue(param, schemas[widget][param], text).value);

const fieldValue = async (page: Page, widget: string, param: string) => asValue(widget, param,
  await page.locator(`figure[data-widget="${widget}"] input[name="${param}"]`).evaluate((el) => (el as HTMLInputElement).value));

/** Wait until a parameter's field holds a value that satisfies `ok`, and return that value. */
async function waitForField(page: Page, widget: string, param: string, ok: (v: string) => boolean): Promise<string> {
  await expect.poll(() => fieldValue(page, widget, param)).toSatisfy(ok);
  return fieldValue(page, widget, param);
}

describe('chart handles', () => {
  it('residual-paths: dragging the band’s end and keying its start move the fields and the outputs', async () => {
    const { page, errors, close } = await openPage(WIDGET_PAGES['residual-paths']);
    const fig = await ready(page, 'residual-paths');
    const share = await outputValue(fig, 'share');
    await drag(page, 'residual-paths', 'to', 60);
    const to = Number(await waitForField(page, 'residual-paths', 'to', (v) => Number(v) > 17));
    await waitForUrlParam(page, 'residual-paths.to', String(to));
    expect(await outputValue(fig, 'share')).toBeGreaterThan(share);
    await fig.locator('[data-drag-param="from"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await waitForField(page, 'residual-paths', 'from', (v) => v === '6')).toBe('6');
    // Focus stays on the redrawn handle, so the keys keep working.
    await page.keyboard.press('ArrowRight');
    expect(await waitForField(page, 'residual-paths', 'from', (v) => v === '7')).toBe('7');
    expect(await fig.locator('[data-drag-param="from"]').getAttribute('aria-valuenow')).toBe('7');
    expect(errors).toEqual([]);
    await close();
  });

  it('credit-horizon: the episode’s edge drags and keys like the episode slider', async () => {
    const { page, close } = await openPage(WIDGET_PAGES['credit-horizon']);
    const fig = await ready(page, 'credit-horizon');
    await drag(page, 'credit-horizon', 'episode', 80);
    const episode = Number(await waitForField(page, 'credit-horizon', 'episode', (v) => Number(v) > 100));
    expect(await outputValue(fig, 'signal-at-end')).toBeCloseTo(0.99 ** episode, 12);
    await fig.locator('[data-drag-param="episode"]').focus();
    await page.keyboard.press('End');
    expect(await waitForField(page, 'credit-horizon', 'episode', (v) => v === '1000')).toBe('1000');
    await page.keyboard.press('ArrowLeft');
    // One step of the log slider below 1,000, as the slider itself would move.
    const oneBelow = fromSlider(catalogSchemas()['credit-horizon'].episode as NumberParam, SLIDER_STEPS - 1);
    expect(oneBelow).toBeLessThan(1000);
    expect(Number(await waitForField(page, 'credit-horizon', 'episode', (v) => v !== '1000'))).toBe(oneBelow);
    await close();
  });

  it('speed-cost: the speed point drags along the line and keys like its slider', async () => {
    const { page, close } = await openPage(WIDGET_PAGES['speed-cost']);
    const fig = await ready(page, 'speed-cost');
    const ratio = await outputValue(fig, 'ratio');
    await drag(page, 'speed-cost', 'serial-share', 50);
    await waitForField(page, 'speed-cost', 'serial-share', (v) => Number(v) > 0.001);
    expect(await outputValue(fig, 'ratio')).toBeGreaterThan(ratio);
    await fig.locator('[data-drag-param="param-share"]').focus();
    await page.keyboard.press('Home');
    expect(await waitForField(page, 'speed-cost', 'param-share', (v) => v === '1e-8')).toBe('1e-8');
    await close();
  });

  it('tiny-nets: the target strip in the chart flips outputs as the truth table does, by pointer and by keyboard', async () => {
    const { page, errors, close } = await openPage(WIDGET_PAGES['tiny-nets']);
    const fig = await ready(page, 'tiny-nets');
    const sel = `#${await fig.getAttribute('id')}`;
    const flip = (point: number) => fig.locator(`.widget-chart [role="group"] button.tn-flip[data-point="${point}"]`);
    const row = (point: number) => fig.locator(`.tn-grid button.tn-out[data-point="${point}"]`);
    /** Wait until the figure is final and point `point` shows `on` in the strip and the table. */
    const shows = (point: number, on: boolean) => page.waitForFunction(([s, p, v]) => {
      const f = document.querySelector(s)!;
      return f.getAttribute('data-state') === 'ready' &&
        f.querySelector(`.widget-chart button.tn-flip[data-point="${p}"]`)?.getAttribute('aria-pressed') === v &&
        f.querySelector(`.tn-grid button.tn-out[data-point="${p}"]`)?.getAttribute('aria-pressed') === v;
    }, [sel, point, String(on)] as const);

    // Majority on 3 inputs: points 3, 5, 6 and 7 are on; one toggle button per point, named by it.
    expect(await fig.locator('.widget-chart button.tn-flip').count()).toBe(8);
    expect(await flip(0).getAttribute('aria-pressed')).toBe('false');
    expect(await flip(3).getAttribute('aria-pressed')).toBe('true');
    expect(await flip(3).textContent()).toMatch(/^Target output at point 3 \(x = 1 1 0\): 3\s*1$/);
    expect(await flip(0).evaluate((el) => (el as HTMLButtonElement).disabled)).toBe(false);

    // The table's button writes the setting the strip must write too (majority's table is 232).
    await row(0).click();
    await shows(0, true);
    await waitForUrlParam(page, 'tiny-nets.target', String(232 ^ 1));
    await row(0).click();
    await shows(0, false);
    await waitForUrlParam(page, 'tiny-nets.target', '232');

    // Pointer: the strip's button flips the same bit, to the same URL state.
    const p = await outputValue(fig, 'p-honest-param');
    await flip(0).click();
    await shows(0, true);
    await waitForUrlParam(page, 'tiny-nets.target', String(232 ^ 1));
    expect(await outputValue(fig, 'p-honest-param')).not.toBe(p);

    // Keyboard, as the table's buttons work: Enter and Space flip; focus survives the redraw.
    await flip(5).focus();
    await page.keyboard.press('Enter');
    await shows(5, false);
    await waitForUrlParam(page, 'tiny-nets.target', String(232 ^ 1 ^ (1 << 5)));
    expect(await page.evaluate((s) => {
      const a = document.activeElement as HTMLElement;
      return document.querySelector(`${s} .widget-chart`)!.contains(a) && a.dataset.point;
    }, sel)).toBe('5');
    await page.keyboard.press('Space');
    await shows(5, true);
    await waitForUrlParam(page, 'tiny-nets.target', String(232 ^ 1));
    expect(errors).toEqual([]);
    await close();
  });
});

/** Every step button in the caption, as { text, query }. */
async function steps(page: Page, widget: string): Promise<{ text: string; query: string }[]> {
  return page.locator(`figure[data-widget="${widget}"] button[data-step]`).evaluateAll((bs) =>
    bs.map((b) => ({ text: b.textContent ?? '', query: (b as HTMLElement).dataset.step ?? '' })));
}

describe('step buttons', () => {
  for (const widget of ['goal-count', 'residual-paths', 'odds', 'credit-horizon', 'serial-parallel', 'speed-cost']) {
    it(`${widget}: each step sets its promised state and says what changed`, async () => {
      const { page, errors, close } = await openPage(WIDGET_PAGES[widget]);
      const fig = await ready(page, widget);
      const list = await steps(page, widget);
      expect(list.length).toBeGreaterThan(1);
      for (const [i, step] of list.entries()) {
        const button = fig.locator('button[data-step]').nth(i);
        await button.click();
        const want = new URLSearchParams(step.query);
        // The URL holds exactly the step's settings (every other parameter at its default).
        await page.waitForFunction((q) => {
          const have = [...new URL(location.href).searchParams].filter(([k]) => k.startsWith(`${q.w}.`)).map(([k, v]) => `${k.slice(q.w.length + 1)}=${v}`).sort();
          return have.join('&') === q.want;
        }, { w: widget, want: [...want].map(([k, v]) => `${k}=${v}`).sort().join('&') });
        for (const [k, v] of want) {
          const field = fig.locator(`input[name="${k}"]:not([type=checkbox]), select[name="${k}"]`).first();
          if ((k === 'extra' && v === '0') || v === 'unlimited') expect(await fig.locator(`input[data-special-for="${k}"]`).evaluate((el) => (el as HTMLInputElement).checked)).toBe(true);
          else {
            const have = asValue(widget, k, await field.evaluate((el) => (el as HTMLInputElement).value));
            if (Number.isNaN(Number(v))) expect(have).toBe(v);
            else expect(Number(have)).toBeCloseTo(Number(v), 6);
          }
        }
        expect(await button.getAttribute('aria-current')).toBe('step');
        expect(await fig.locator('.widget-step-status').textContent()).toMatch(/→|already at this setting/);
      }
      expect(errors).toEqual([]);
      await close();
    });
  }
});
