import { afterAll, describe, expect, it } from 'vitest';
import { compute, schema } from '../../src/models/odds';
import { defaults } from '../../src/core/schema';
import { closePages, invalidNumberText, openPage } from '../support/browser';
import { changedOutput, outputValue, ready, setParam, waitForUrlParam } from '../support/widget';

const PAGE = 'weighing-it-up/';
const model = (over: Record<string, number>) => compute({ ...defaults(schema), ...over });

afterAll(closePages);

describe('odds in the browser', () => {
  it('starts at Carlsmith’s 25%, with every adjustment’s explanation and section link beside its control', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'odds');
    expect(await outputValue(fig, 'probability')).toBeCloseTo(0.25, 12);
    expect(await outputValue(fig, 'log-odds')).toBeCloseTo(Math.log10(1 / 3), 12);
    for (const [name, section] of [
      ['counting', '/counting/#the-counting-argument'],
      ['simplicity', '/counting/#simplicity-bias'],
      ['speed', '/speed-and-depth/#how-big-is-the-cost'],
      ['path', '/path-dependence/#high-and-low-path-dependence'],
      ['payoff', '/introduction/#prerequisites'],
      ['evidence', '/weighing-it-up/#evidence-since-2023'],
    ] as const) {
      const help = fig.locator(`#odds-${name}-help`);
      expect(await fig.locator(`input[name="${name}"]`).getAttribute('aria-describedby')).toBe(`odds-${name}-help`);
      // textContent: the payoff's row is under the closed "More settings", which renders no text.
      expect(await help.textContent()).toMatch(/Raise it[\s\S]*Lower it/);
      expect(await help.locator('a').getAttribute('href')).toMatch(new RegExp(`${section.replace(/[/#-]/g, '\\$&')}$`));
    }
    expect(await fig.locator('.widget-summary').textContent()).toMatch(/Carlsmith’s 2023 estimate/);
    expect(await fig.locator('.widget-chart svg').count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('adds adjustments in log odds as the reader types them, and writes them to the URL', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const fig = await ready(page, 'odds');
    await setParam(fig, 'counting', '1');
    await waitForUrlParam(page, 'odds.counting', '1');
    await setParam(fig, 'speed', '-0.5');
    await waitForUrlParam(page, 'odds.speed', '-0.5');
    // 1 : 3 odds, × 10, ÷ 10^0.5: the log odds simply add.
    expect(await outputValue(fig, 'log-odds')).toBeCloseTo(Math.log10(1 / 3) + 1 - 0.5, 12);
    expect(await outputValue(fig, 'probability')).toBeCloseTo(model({ counting: 1, speed: -0.5 }).probability, 12);
    expect(await fig.locator('[data-effect-for="counting"]').innerText()).toMatch(/odds × 10, towards scheming/);
    expect(errors).toEqual([]);
    await close();
  });

  it('lands on Carlsmith’s 2024 figure at evidence = log10(3/4)', async () => {
    const { page, close } = await openPage(`${PAGE}?odds.evidence=${Math.log10(3 / 4)}#one-scale`);
    const fig = await ready(page, 'odds');
    expect(await outputValue(fig, 'probability')).toBeCloseTo(0.2, 12);
    expect(await fig.locator('output[name="probability"]').textContent()).toBe('20%');
    expect(await fig.locator('.widget-summary').textContent()).toMatch(/later ~20%/);
    await close();
  });

  it('moves with the keyboard on a slider', async () => {
    const { page, close } = await openPage(PAGE);
    const fig = await ready(page, 'odds');
    const before = await outputValue(fig, 'probability');
    const slider = fig.locator('input[data-slider-for="path"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    const after = await changedOutput(fig, 'probability', before);
    expect(after).toBeCloseTo(model({ path: 0.05 }).probability, 10);
    await waitForUrlParam(page, 'odds.path', '0.05');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/odds × 1\.12, towards scheming/);
    await close();
  });

  it('restores a whole shared setting from one link, chart included', async () => {
    const setting = { prior: -1, counting: -0.5, simplicity: 0.25, speed: -0.75, path: 0.5, evidence: 0.1 };
    const query = Object.entries(setting).map(([k, v]) => `odds.${k}=${v}`).join('&');
    const { page, errors, close } = await openPage(`${PAGE}?${query}#one-scale`);
    const fig = await ready(page, 'odds');
    // The starting odds read as odds (log10 odds of −1 are 1 : 10), the weights as log10 odds.
    for (const [k, v] of Object.entries(setting)) expect(await fig.locator(`input[name="${k}"]`).inputValue()).toBe(k === 'prior' ? '1 : 10' : String(v));
    expect(await fig.locator('details.widget-more-settings').getAttribute('open')).not.toBeNull();
    expect(await outputValue(fig, 'probability')).toBeCloseTo(model(setting).probability, 12);
    expect(await fig.locator('.widget-chart svg').count()).toBe(1);
    expect(errors).toEqual([]);
    await close();
  });

  it('falls back politely on hostile URL values and stays inside (0, 1) at the extremes', async () => {
    const { page, errors, close } = await openPage(
      `${PAGE}?odds.prior=NaN&odds.counting=1e999&odds.simplicity=<script>alert(1)</script>&odds.speed=99&odds.path=-99&odds.evidence=2`,
    );
    const fig = await ready(page, 'odds');
    const notes = await fig.locator('.widget-notes').innerText();
    expect(notes).toMatch(/not a number/);
    expect(notes).toMatch(/outside/);
    expect(await fig.locator('.widget-notes script').count()).toBe(0);
    expect(await outputValue(fig, 'probability')).toBeCloseTo(model({ speed: 2, path: -2, evidence: 2 }).probability, 12);
    await setParam(fig, 'prior', '4');
    for (const name of ['counting', 'simplicity', 'speed', 'path', 'payoff', 'evidence']) await setParam(fig, name, '2');
    await page.waitForFunction(() => Number((document.querySelector('output[name="log-odds"]') as HTMLElement).dataset.value) === 16);
    expect(await fig.locator('output[name="probability"]').textContent()).toMatch(/^1 − 1\.0×10⁻¹⁶$/);
    expect(await invalidNumberText(page)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });

  it('resets, and copies one link that reproduces the whole setting', async () => {
    const { page, close } = await openPage(`${PAGE}?odds.counting=-1&odds.path=0.5`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const fig = await ready(page, 'odds');
    await fig.locator('button[data-action="copy-link"]').click();
    await page.waitForFunction(() => document.querySelector('#fig-odds button[data-action="copy-link"]')?.hasAttribute('data-link'));
    const link = await fig.locator('button[data-action="copy-link"]').getAttribute('data-link');
    expect(link).toMatch(/\/weighing-it-up\/\?odds\.counting=-1&odds\.path=0\.5#one-scale$/);
    await fig.locator('button[data-action="reset"]').click();
    await waitForUrlParam(page, 'odds.counting', null);
    expect(await fig.locator('input[name="counting"]').inputValue()).toBe('0');
    expect(await outputValue(fig, 'probability')).toBeCloseTo(0.25, 12);
    // The copied link, opened afresh, gives the same probability.
    const again = await openPage(link!.replace(/^https?:\/\/[^/]+\/essay\//, ''));
    const fig2 = await ready(again.page, 'odds');
    expect(await outputValue(fig2, 'probability')).toBeCloseTo(model({ counting: -1, path: 0.5 }).probability, 12);
    await again.close();
    await close();
  });

  it('keeps the inline number in the prose in step with the figure', async () => {
    const { page, close } = await openPage(`${PAGE}?odds.speed=-1`);
    const inline = page.locator('.reactive-output[data-reactive-widget="odds"][data-output="probability"]');
    await inline.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const el = document.querySelector('.reactive-output[data-reactive-widget="odds"]') as HTMLElement | null;
      return el && Number(el.dataset.value) !== 0.25;
    });
    expect(Number(await inline.getAttribute('data-value'))).toBeCloseTo(model({ speed: -1 }).probability, 12);
    expect(await inline.innerText()).toBe('3.23%');
    await close();
  });
});
