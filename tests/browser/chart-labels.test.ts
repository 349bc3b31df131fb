// No chart label collides, at phone and desktop width, in every widget's default state and in the
// states its caption sends readers to: text never overlaps text, nor the marks named below.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, openPage } from '../support/browser';
import { chartCollisions, DEFAULT_MARKS } from '../support/chart-labels';
import { WIDGET_PAGES } from '../support/widget-pages';

afterAll(closeBrowser);

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
      // One page, resized and sent to each setting in turn (a fresh context per setting was slow).
      const { page, close } = await openPage(WIDGET_PAGES[widget], { viewport: { width: WIDTHS[0], height: 900 } });
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const query of queries) {
          await page.goto(inject('baseUrl') + WIDGET_PAGES[widget] + query, { waitUntil: 'load' });
          await page.locator(`figure[data-widget="${widget}"]`).scrollIntoViewIfNeeded();
          await page.waitForFunction((w) => {
            const f = document.querySelector(`figure[data-widget="${w}"]`);
            return f?.classList.contains('hydrated') && !f.hasAttribute('aria-busy') && f.getAttribute('data-state') !== 'pending';
          }, widget);
          for (const c of await chartCollisions(page, widget, MARKS[widget] ?? DEFAULT_MARKS)) found.push(`${width}px ${query || 'defaults'}: “${c.text}” × ${c.other}`);
        }
      }
      await close();
      expect(found.join('\n')).toBe('');
    }, 300_000);
  }
});
