// The data-state contract (README, "Add a widget"): a figure whose setting comes from a link is
// pending, visibly and for assistive technology, from its first paint until its outputs show the
// link's numbers; it never shows the default setting's numbers as if they were the link's.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from '../support/driver';
import { compute as residualPaths, schema as residualSchema } from '../../src/models/residual-paths';
import { compute as creditHorizon, schema as creditSchema } from '../../src/models/credit-horizon';
import { defaults } from '../../src/core/schema';
import { closePages, openPage } from '../support/browser';
import { figure } from '../support/widget';

afterAll(closePages);

/** The example: the tiny-nets figure is far down the page, so it is not hydrated at load. */
const TINY = 'counting/?tiny-nets.target=x0&tiny-nets.train=0,1,2,4,8,7,11,15&tiny-nets.n=4&tiny-nets.hidden=2';

interface Snapshot { state: string | undefined; busy: string | null; value: string | undefined }

/** From now on, record the figure's state and one output's value at every change and every frame. */
async function record(page: Page, widget: string, output: string): Promise<void> {
  await page.evaluate(([w, o]) => {
    const fig = document.querySelector<HTMLElement>(`figure[data-widget="${w}"]`)!;
    const out = fig.querySelector<HTMLElement>(`output[name="${o}"]`)!;
    const log: Snapshot[] = ((window as unknown as { __states: Snapshot[] }).__states = []);
    const take = () => log.push({ state: fig.dataset.state, busy: fig.getAttribute('aria-busy'), value: out.dataset.value });
    new MutationObserver(take).observe(fig, { subtree: true, attributes: true, childList: true, characterData: true });
    const frame = () => (take(), requestAnimationFrame(frame));
    frame();
  }, [widget, output] as const);
}
const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __states: Snapshot[] }).__states);

const opacityOf = (page: Page, selector: string) =>
  page.evaluate((s) => Number(getComputedStyle(document.querySelector(s)!).opacity), selector);

describe('a figure whose setting comes from a link', () => {
  it('is pending from first paint until it shows the link’s numbers, and never shows the default ones as ready', async () => {
    const { page, errors, close } = await openPage(TINY, { viewport: { width: 390, height: 844 } });
    const fig = figure(page, 'tiny-nets');
    // Far below the fold, the kit has not touched the figure: what it shows now is what the first
    // paint showed.
    expect(await fig.evaluate((el) => el.classList.contains('hydrated'))).toBe(false);
    const builtValue = await fig.locator('output[name="p-honest-param"]').getAttribute('data-value');
    expect(await fig.getAttribute('data-state')).toBe('pending');
    expect(await fig.getAttribute('aria-busy')).toBe('true');
    expect(await opacityOf(page, '#fig-tiny-nets output[name="p-honest-param"]')).toBeLessThan(0.5);
    // The build's default numbers are not even legible until the link's are computed.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('#fig-tiny-nets output[name="p-honest-param"]')!).color)).toBe('rgba(0, 0, 0, 0)');
    // Inline numbers in the prose that follow this figure are pending too; other figures are not.
    expect(await page.locator('.reactive-output[data-reactive-widget="tiny-nets"]').first().getAttribute('data-state')).toBe('pending');
    expect(await figure(page, 'goal-count').getAttribute('aria-busy')).toBeNull();

    await record(page, 'tiny-nets', 'p-honest-param');
    await fig.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('#fig-tiny-nets')?.getAttribute('data-state') === 'ready');
    const linked = await fig.locator('output[name="p-honest-param"]').getAttribute('data-value');
    expect(Number(linked)).toBeCloseTo(0.72, 2);
    expect(linked).not.toBe(builtValue);
    const log = await recorded(page);
    expect(log.length).toBeGreaterThan(0);
    // Every moment: either pending (and busy), or showing the link's number.
    for (const s of log) {
      if (s.state === 'pending') expect(s.busy).toBe('true');
      else expect([s.state, s.busy, s.value]).toEqual(['ready', null, linked]);
    }
    expect(await fig.getAttribute('aria-busy')).toBeNull();
    await page.waitForFunction(() => getComputedStyle(document.querySelector('#fig-tiny-nets output[name="p-honest-param"]')!).opacity === '1');
    expect(errors).toEqual([]);
    await close();
  });

  it('that scrolls to a section far down the page shows the link’s numbers once ready', async () => {
    const values = { ...defaults(creditSchema), episode: 40, discount: 0.9 };
    const want = creditHorizon(values);
    const { page, errors, close } = await openPage('path-dependence/?credit-horizon.episode=40&credit-horizon.discount=0.9#credit-assignment');
    // The test never scrolls: the figure hydrates because the link brought it near the viewport.
    const fig = figure(page, 'credit-horizon');
    // Whatever the page has done by now, it must be one of the two honest states.
    const now = await fig.evaluate((el) => [el.dataset.state, el.querySelector<HTMLElement>('output[name="signal-at-end"]')!.dataset.value]);
    if (now[0] !== 'pending') expect(now).toEqual(['ready', String(want.signalAtEpisodeEnd)]);
    await record(page, 'credit-horizon', 'signal-at-end');
    await page.waitForFunction(() => document.querySelector('#fig-credit-horizon')?.getAttribute('data-state') === 'ready');
    expect(await fig.locator('output[name="signal-at-end"]').getAttribute('data-value')).toBe(String(want.signalAtEpisodeEnd));
    // The link's number is not the default one (which the page may have replaced before any read).
    expect(want.signalAtEpisodeEnd).not.toBe(creditHorizon(defaults(creditSchema)).signalAtEpisodeEnd);
    for (const s of await recorded(page)) if (s.state !== 'pending') expect(s.value).toBe(String(want.signalAtEpisodeEnd));
    expect(errors).toEqual([]);
    await close();
  });
});

describe('a figure after an input', () => {
  it('is pending at once, then ready with the new setting’s numbers', async () => {
    const { page, errors, close } = await openPage('kitchen-sink/');
    const fig = figure(page, 'residual-paths');
    await fig.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('#fig-residual-paths')?.classList.contains('hydrated'));
    expect(await fig.getAttribute('data-state')).toBe('ready');
    expect(await fig.getAttribute('aria-busy')).toBeNull();
    const during = await fig.evaluate((el) => {
      const input = el.querySelector<HTMLInputElement>('input[name="blocks"]')!;
      input.value = '20';
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return [el.getAttribute('data-state'), el.getAttribute('aria-busy')];
    });
    expect(during).toEqual(['pending', 'true']);
    await page.waitForFunction(() => document.querySelector('#fig-residual-paths')?.getAttribute('data-state') === 'ready');
    const want = residualPaths({ ...defaults(residualSchema), blocks: 20 });
    expect(await fig.locator('output[name="paths"]').getAttribute('data-value')).toBe(String(want.log10Paths));
    expect(await fig.getAttribute('aria-busy')).toBeNull();
    expect(errors).toEqual([]);
    await close();
  });
});

describe('Copy as Markdown', () => {
  it('copies the section, the changed settings and the headline numbers, with the link', async () => {
    const { page, errors, close } = await openPage(`${TINY}#counting-exactly`);
    const fig = figure(page, 'tiny-nets');
    await fig.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('#fig-tiny-nets')?.matches('.hydrated[data-state="ready"]'));
    // Read what reaches the clipboard.
    await page.evaluate(() => {
      const w = window as unknown as { __copied: string[]; __copyText: (t: string) => Promise<boolean> };
      w.__copied = [];
      w.__copyText = async (t) => (w.__copied.push(t), true);
    });
    await fig.locator('button[data-action="copy-markdown"]').click();
    await page.waitForFunction(() => document.querySelector('#fig-tiny-nets button[data-action="copy-markdown"]')?.hasAttribute('data-markdown'));
    const markdown = await fig.locator('button[data-action="copy-markdown"]').getAttribute('data-markdown');
    expect(await page.evaluate(() => (window as unknown as { __copied: string[] }).__copied)).toEqual([markdown]);
    const shown = await fig.locator('output[name="p-honest-param"]').textContent();
    expect(shown).toMatch(/^72(\.0)?%$/);
    const match = markdown!.match(/^\[Counting Schemers §2\.4 Counting exactly — tiny-nets, (.*): (.*)\]\((.*)\)$/);
    expect(match).not.toBeNull();
    const [, settings, numbers, url] = match!;
    expect(settings).toMatch(/^n = 4, h = 2, target function x0, training points [\d,]+$/);
    expect(numbers).toContain(`= ${shown}`);
    expect(numbers.split('; ')).toHaveLength(3);
    const link = new URL(url);
    expect(link.hash).toBe('#counting-exactly');
    expect(link.searchParams.get('tiny-nets.n')).toBe('4');
    expect(link.searchParams.get('tiny-nets.target')).toBe('x0');
    expect(errors).toEqual([]);
    await close();
  });
});
