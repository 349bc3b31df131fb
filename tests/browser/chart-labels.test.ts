// No chart label collides, at phone and desktop width, in every widget's default state and in the
// states its caption sends readers to: text never overlaps text, nor the marks named below.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closePages, openPage } from '../support/browser';
import { chartCollisions, DEFAULT_MARKS } from '../support/chart-labels';
import { WIDGET_PAGES } from '../support/widget-pages';

afterAll(closePages);

/** Settings worth checking besides the defaults (the captions' recipes), as URL queries. */
const STATES: Record<string, string[]> = {
  'goal-count': ['', '?goal-count.extra=0', '?goal-count.goal-cost=encoded'],
  overfitting: ['', '?overfitting.bits=40'],
  'simplicity-bias': [''],
  'tiny-nets': ['', '?tiny-nets.target=parity', '?tiny-nets.hidden=1'],
  basins: [''],
  'sgd-prior': ['', '?sgd-prior.lr=2', '?sgd-prior.train=0,7'],
  'credit-horizon': ['', '?credit-horizon.discount=1'],
  'residual-paths': ['', '?residual-paths.from=19&residual-paths.to=35', '?residual-paths.decay=0.9'],
  'serial-parallel': ['', '?serial-parallel.chains=8', '?serial-parallel.chart=chains', '?serial-parallel.layers=200'],
  'speed-cost': ['', '?speed-cost.serial-share=0.1'],
  odds: ['', '?odds.counting=-1', '?odds.evidence=-0.125'],
};

/** Widgets whose labels may cross some marks by design, with the marks they must not cover. */
const MARKS: Record<string, string> = {
  // Carlsmith's two reference lines run the chart's full height behind the (haloed) values, which
  // sit on them whenever the reader's probability is near 20–25%: the dots and arrows still count.
  odds: 'g[aria-label="dot"] circle, g[aria-label="arrow"] path',
};

const WIDTHS = [390, 1280];

describe('chart labels', () => {
  for (const [widget, queries] of Object.entries(STATES)) {
    it(`${widget}: no label overlaps another label or a mark, at ${WIDTHS.join(' and ')} px`, async () => {
      const found: string[] = [];
      const figure = `figure[data-widget="${widget}"]`;
      // One page, sent to each setting in turn at desktop width (where the build's chart is kept),
      // then narrowed to a phone's, where the widget redraws its chart at the new width.
      const [phone, desktop] = WIDTHS;
      const { page, close } = await openPage(WIDGET_PAGES[widget] + queries[0], { viewport: { width: desktop, height: 900 } });
      for (const [i, query] of queries.entries()) {
        if (i > 0) {
          await page.setViewportSize({ width: desktop, height: 900 });
          await page.goto(inject('baseUrl') + WIDGET_PAGES[widget] + query);
        }
        for (const width of [desktop, phone]) {
          if (width !== desktop) {
            await page.setViewportSize({ width, height: 900 });
            // The redraw happens in the frame after the resize (a ResizeObserver, a media query).
            await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          }
          await page.locator(figure).scrollIntoViewIfNeeded();
          await page.waitForFunction((f) => {
            const el = document.querySelector(f);
            return el?.classList.contains('hydrated') && !el.hasAttribute('aria-busy') && el.getAttribute('data-state') !== 'pending';
          }, figure);
          for (const c of await chartCollisions(page, widget, MARKS[widget] ?? DEFAULT_MARKS)) found.push(`${width}px ${query || 'defaults'}: “${c.text}” × ${c.other}`);
        }
      }
      await close();
      expect(found.join('\n')).toBe('');
    }, 300_000);
  }
});
