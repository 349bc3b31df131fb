// The interface writes notation as the prose does: no ASCII subscripts, carets or "log10" in any
// widget's visible text, chart text, option or the text a screen reader is given for a control.
import { afterAll, describe, expect, it } from 'vitest';
import { closePages, hydrateAll, openPage } from '../support/browser';
import { WIDGET_PAGES } from '../support/widget-pages';
import { ASCII_NOTATION } from '../support/notation';

afterAll(closePages);

describe('notation in the widgets', () => {
  for (const page of [...new Set(Object.values(WIDGET_PAGES))]) {
    it(`${page}: no ASCII notation in any widget`, async () => {
      const { page: p, close } = await openPage(page);
      await hydrateAll(p);
      const texts = await p.evaluate(() => {
        const out: string[] = [];
        for (const fig of document.querySelectorAll<HTMLElement>('figure[data-widget]')) {
          const w = fig.dataset.widget;
          out.push(...fig.innerText.split('\n').map((t) => `${w}: ${t}`));
          fig.querySelectorAll('svg text, option').forEach((t) => out.push(`${w}: ${t.textContent}`));
          fig.querySelectorAll('[aria-valuetext], [aria-label]').forEach((el) => {
            out.push(`${w}: ${el.getAttribute('aria-valuetext') ?? ''} ${el.getAttribute('aria-label') ?? ''}`);
          });
        }
        return out;
      });
      expect(texts.length).toBeGreaterThan(50);
      expect(texts.filter((t) => ASCII_NOTATION.test(t.replace(/^[\w-]+: /, '')))).toEqual([]);
      await close();
    });
  }
});
