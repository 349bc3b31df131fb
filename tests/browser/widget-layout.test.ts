// Every widget, at phone and desktop size, as a reader uses it (issue 22):
// 1. the chart stays in view while each control is focused or moved;
// 2. numbers read right: text fits its field, no raw floats, options fit their menus, every control
//    has a label that says something, no unit is said twice;
// 3. each result is said once: at most three numbers and five controls in view by default;
// and on a phone no chart is cut off by the sticky stage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../support/driver';
import { closePages, openPage, type WatchedPage } from '../support/browser';
import { WIDGET_PAGES } from '../support/widget-pages';

afterAll(closePages);

const SIZES = [{ width: 390, height: 844 }, { width: 1280, height: 900 }];

/** Wait until the figure is hydrated and has no computation running. */
async function settled(page: Page, widget: string): Promise<void> {
  await page.waitForFunction((w) => {
    const f = document.querySelector(`figure[data-widget="${w}"]`);
    return f?.classList.contains('hydrated') && !f.hasAttribute('aria-busy');
  }, widget);
}

/** The controls a reader sees without opening anything, counted by what they set: a slider and its
 * text field are one control, and so is a group marked data-control (a truth table). Buttons
 * (presets, Run, Reset) are not counted. */
function visibleControls(page: Page, widget: string) {
  return page.evaluate((w) => {
    const fig = document.querySelector(`figure[data-widget="${w}"]`)!;
    // checkVisibility: false inside a closed <details> (its content is content-visibility: hidden).
    const shown = (el: Element) => el.checkVisibility({ visibilityProperty: true });
    const keys = new Set<string>();
    const outputs = [...fig.querySelectorAll('output')].filter(shown).map((o) => o.getAttribute('name'));
    fig.querySelectorAll<HTMLInputElement | HTMLSelectElement>('.widget-side :is(input, select, textarea)').forEach((el, i) => {
      if (!shown(el)) return;
      const group = el.closest<HTMLElement>('[data-control]')?.dataset.control;
      keys.add(group ?? (el.name || el.dataset.sliderFor || el.dataset.specialFor || `#${i}`));
    });
    return { outputs, controls: [...keys] };
  }, widget);
}

/** Uses each visible, enabled control of the figure in turn, as a reader would, inside the page
 * (one call, not some ten round trips per control): brings it into view (centred, until it stays:
 * blocks rendered on demand above it can push it away), focuses it, moves a slider one step, and
 * after the next frame measures the share of the widget's main chart (its first drawing, inside
 * .widget-chart) that a reader can see, clipped by the viewport and any scrolling box around it
 * and not covered; whether the control itself is on top; and, while the figure computes, whether
 * the control moved within the figure. */
function useEachControl(page: Page, widget: string) {
  return page.evaluate(async (w) => {
    const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const fig = document.querySelector(`figure[data-widget="${w}"]`)!;
    const box = fig.querySelector<HTMLElement>('.widget-chart')!;
    const seen = [];
    for (const control of fig.querySelectorAll<HTMLInputElement | HTMLSelectElement>('.widget-side :is(input, select)')) {
      if (!control.checkVisibility({ visibilityProperty: true }) || control.disabled) continue;
      for (let i = 0; i < 20; i++) {
        const r = control.getBoundingClientRect();
        if (r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth) break;
        control.scrollIntoView({ block: 'center', inline: 'center' });
        await frames();
      }
      control.focus();
      // Measured from the figure's top: a block rendered on demand elsewhere on the page can
      // move the whole figure (scroll anchoring rounds to a pixel), which is not this widget's doing.
      const offset = () => control.getBoundingClientRect().top - fig.getBoundingClientRect().top;
      const before = offset();
      if (control.type === 'range') {
        // As the ArrowRight key does (each widget's own test presses the real key).
        (control as HTMLInputElement).stepUp();
        control.dispatchEvent(new Event('input', { bubbles: true }));
        control.dispatchEvent(new Event('change', { bubbles: true }));
      }
      await frames();
      const main = [...box.querySelectorAll<Element>('svg, canvas')].find((el) => el.getBoundingClientRect().height > 60) ?? box;
      const r = main.getBoundingClientRect();
      let clip = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
      for (let el = main.parentElement; el && el !== document.body; el = el.parentElement) {
        const cs = getComputedStyle(el);
        if (cs.overflowY !== 'visible' || cs.overflowX !== 'visible') {
          const c = el.getBoundingClientRect();
          clip = { top: Math.max(clip.top, c.top), left: Math.max(clip.left, c.left), bottom: Math.min(clip.bottom, c.bottom), right: Math.min(clip.right, c.right) };
        }
      }
      const h = Math.max(0, Math.min(r.bottom, clip.bottom) - Math.max(r.top, clip.top));
      const wd = Math.max(0, Math.min(r.right, clip.right) - Math.max(r.left, clip.left));
      const share = (h * wd) / (r.width * r.height);
      // Nothing else (the sticky header) sits on the visible part's centre.
      const cx = (Math.max(r.left, clip.left) + Math.min(r.right, clip.right)) / 2;
      const cy = (Math.max(r.top, clip.top) + Math.min(r.bottom, clip.bottom)) / 2;
      const hit = share > 0 ? document.elementFromPoint(cx, cy) : null;
      const a = control.getBoundingClientRect();
      const onTop = document.elementFromPoint(a.left + a.width / 2, a.top + a.height / 2);
      seen.push({
        control: `${control.tagName.toLowerCase()} ${control.getAttribute('name') ?? control.dataset.sliderFor}`,
        share,
        covered: !!hit && !box.contains(hit),
        controlVisible: !!onTop && (onTop === control || control.contains(onTop) || !!control.closest('label')?.contains(onTop)),
        onTop: `${onTop ? `${onTop.tagName.toLowerCase()}.${onTop.className}` : 'nothing'} at y ${Math.round(a.top)}–${Math.round(a.bottom)} of ${innerHeight}`,
        movedWhileBusy: fig.hasAttribute('aria-busy') ? offset() - before : 0,
      });
    }
    return seen;
  }, widget);
}

/** Chart content a reader cannot see: the stage (sticky on a phone, at most about half the
 * screen) hiding part of its chart below or beside its box, or a drawing wider than its box. */
function clippedCharts(page: Page, widget: string) {
  return page.evaluate((w) => {
    const fig = document.querySelector(`figure[data-widget="${w}"]`)!;
    const problems: string[] = [];
    const stage = fig.querySelector<HTMLElement>('.widget-stage')!;
    if (stage.scrollHeight > stage.clientHeight + 1) problems.push(`stage: ${stage.scrollHeight - stage.clientHeight} px of chart cut off below`);
    if (stage.scrollWidth > stage.clientWidth + 1) problems.push(`stage: ${stage.scrollWidth - stage.clientWidth} px of chart cut off beside`);
    for (const box of fig.querySelectorAll<HTMLElement>('.widget-chart, .widget-chart-flow')) {
      const b = box.getBoundingClientRect();
      for (const el of box.querySelectorAll('svg, canvas')) {
        const r = el.getBoundingClientRect();
        if (!el.parentElement?.closest('svg') && (r.left < b.left - 1 || r.right > b.right + 1)) problems.push(`${el.getAttribute('aria-label') ?? el.tagName}: wider than its box`);
      }
    }
    return problems;
  }, widget);
}

/** Item 2's checks over every control, in view or under "More settings". */
function numberProblems(page: Page, widget: string) {
  return page.evaluate((w) => {
    const fig = document.querySelector(`figure[data-widget="${w}"]`)!;
    const problems: string[] = [];
    const labelOf = (el: HTMLElement): string => {
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      if (el.id) {
        const l = fig.querySelector(`label[for="${el.id}"]`);
        if (l) return l.textContent ?? '';
      }
      return el.closest('label')?.textContent ?? el.getAttribute('aria-label') ?? '';
    };
    const canvas = document.createElement('canvas').getContext('2d')!;
    fig.querySelectorAll<HTMLElement>('.widget-side :is(input, select, textarea)').forEach((el) => {
      if (!el.checkVisibility({ visibilityProperty: true })) return;
      const label = labelOf(el).replace(/\s+/g, ' ').trim();
      const what = (el as HTMLInputElement).name || el.dataset.sliderFor || el.dataset.specialFor || label;
      if (label.replace(/[^A-Za-z]/g, '').length < 3) problems.push(`${what}: label "${label}" says nothing`);
      const unit = /\(([^()]+)\)\s*$/.exec(label);
      if (unit && label.slice(0, unit.index).toLowerCase().includes(unit[1].toLowerCase())) problems.push(`${what}: unit said twice in "${label}"`);
      if (el instanceof HTMLInputElement && el.type === 'text') {
        if (el.scrollWidth > el.clientWidth) problems.push(`${what}: "${el.value}" overflows its field`);
        if (/\d\.\d{5,}|\d{8,}/.test(el.value)) problems.push(`${what}: raw number "${el.value}"`);
      }
      if (el instanceof HTMLSelectElement) {
        const cs = getComputedStyle(el);
        canvas.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 20;
        for (const o of el.options) if (!o.hidden && canvas.measureText(o.text).width > room) problems.push(`${what}: option "${o.text}" is cut off`);
      }
    });
    return problems;
  }, widget);
}

/** The chapters and their widgets in the order they are checked, one page per chapter and size:
 * each check moves every control of its widget, and overfitting follows tiny-nets' setting, so it
 * is checked before tiny-nets' controls move. */
const CHAPTERS = Object.entries(Object.groupBy(Object.keys(WIDGET_PAGES), (w) => WIDGET_PAGES[w]))
  .map(([route, widgets]) => ({ route, widgets: widgets!.sort((a, b) => Number(b === 'overfitting') - Number(a === 'overfitting')) }));

for (const viewport of SIZES) {
  describe(`every widget at ${viewport.width}×${viewport.height}`, () => {
    describe.each(CHAPTERS)('/$route', ({ route, widgets }) => {
      let shared: WatchedPage;
      beforeAll(async () => {
        shared = await openPage(route, { viewport });
      }, 240_000);
      afterAll(() => shared.close());

      for (const widget of widgets) {
        it(`${widget}: few numbers and controls in view, numbers read right, chart in view while each control is used`, async () => {
          const { page, errors } = shared;
          const fig = page.locator(`figure[data-widget="${widget}"]`);
          await fig.scrollIntoViewIfNeeded();
          await settled(page, widget);

          // 3. Say each result once.
          const seen = await visibleControls(page, widget);
          expect(seen.outputs.length, `outputs in view: ${seen.outputs}`).toBeLessThanOrEqual(3);
          expect(seen.outputs.length).toBeGreaterThan(0);
          expect(seen.controls.length, `controls in view: ${seen.controls}`).toBeLessThanOrEqual(5);
          expect(await fig.locator('.widget-summary').count()).toBe(1);
          expect(await fig.locator('.widget-result').count()).toBe(1);
          expect(await fig.locator('.widget-question').count()).toBe(1);
          // Nothing of a chart is cut off on a phone (a second panel follows the stage instead).
          if (viewport.width < 500) expect(await clippedCharts(page, widget)).toEqual([]);

          // 1. The chart stays in view: each control in view, then (opened) each under "More settings".
          const more = fig.locator('details.widget-more-settings > summary');
          for (const phase of ['in view', 'more settings']) {
            if (phase === 'more settings') {
              if ((await more.count()) === 0) break;
              await more.scrollIntoViewIfNeeded();
              await more.click();
            }
            for (const v of await useEachControl(page, widget)) {
              expect(v.share, `${phase}: chart share in view while using ${v.control}`).toBeGreaterThanOrEqual(0.5);
              expect(v.covered, `${phase}: chart covered while using ${v.control}`).toBe(false);
              expect(v.controlVisible, `${phase}: ${v.control} hidden (${v.onTop})`).toBe(true);
              expect(v.movedWhileBusy, `${phase}: ${v.control} moved while computing`).toBeCloseTo(0, 0);
            }
          }

          // 2. Numbers read right, over every control (More settings is open now).
          expect(await numberProblems(page, widget)).toEqual([]);
          expect(errors).toEqual([]);
        }, 180_000);
      }
    });
  });
}

describe('a chart taller than its stage', () => {
  it('says that more of it scrolls (tiny-nets at 820×844, where the stage holds 55% of the screen)', async () => {
    const { page, errors, close } = await openPage(WIDGET_PAGES['tiny-nets'], { viewport: { width: 820, height: 844 } });
    await page.locator('figure[data-widget="tiny-nets"]').scrollIntoViewIfNeeded();
    await settled(page, 'tiny-nets');
    await page.waitForFunction(() => document.querySelector('#fig-tiny-nets .widget-stage')?.classList.contains('stage-clipped'));
    const stage = await page.evaluate(() => {
      const s = document.querySelector<HTMLElement>('#fig-tiny-nets .widget-stage')!;
      return { hidden: s.scrollHeight - s.clientHeight, edge: getComputedStyle(s, '::after').content };
    });
    expect(stage.hidden).toBeGreaterThan(0);
    expect(stage.edge).toMatch(/scroll/);
    expect(errors).toEqual([]);
    await close();
  });
});
