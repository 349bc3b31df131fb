// Chapter 3 as a whole: its sections and figures, and every number its prose quotes, recomputed
// from the models and formatted by the widgets' own views, so the text cannot drift from them.
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defaults } from '../../src/core/schema';
import * as sp from '../../src/models/serial-parallel';
import * as sc from '../../src/models/speed-cost';
import * as rp from '../../src/models/residual-paths';
import { formatTimes, log10Interleavings, view as spView } from '../../components/widgets/serial-parallel/view';
import { view as scView } from '../../components/widgets/speed-cost/view';
import { view as rpView } from '../../components/widgets/residual-paths/view';
import { closePages, openPage } from '../support/browser';

const PAGE = 'speed-and-depth/';
afterAll(closePages);

const SECTIONS = [
  'the-speed-argument', 'how-big-is-the-cost', 'serial-versus-parallel', 'ensembles-of-shallow-paths',
  'every-step-rolls-the-dice', 'the-instrumental-ghost', 'slack',
];
const FIGURES = ['fig-schemer-steps', 'fig-speed-cost', 'fig-serial-parallel', 'fig-residual-paths'];

/** The page's visible text as a reader gets it without JavaScript (the default state). */
function pageText(): string {
  const html = readFileSync(resolve(inject('distDir'), PAGE, 'index.html'), 'utf8');
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<span class="katex-mathml">[\s\S]*?<\/span>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, '’')
    .replace(/\s+/g, ' ');
}

const spOut = (over: Partial<sp.Params>, name: string) => {
  const v = { ...defaults(sp.schema), ...over } as sp.Params;
  return spView.outputs(sp.compute(v), v).find((o) => o.name === name)!.text;
};
const scOut = (over: Partial<sc.Params>, name: string) => {
  const v = { ...defaults(sc.schema), ...over } as sc.Params;
  return scView.outputs(sc.compute(v), v).find((o) => o.name === name)!.text;
};
const rpOut = (over: Partial<rp.Params>, name: string) => {
  const v = { ...defaults(rp.schema), ...over } as rp.Params;
  return rpView.outputs(rp.compute(v), v).find((o) => o.name === name)!.text;
};
/** Strip the unit or the × sign the widgets show, to match the prose's wording. */
const bare = (s: string) => s.replace(/^×/, '').replace(/ nats$/, '');

describe('the speed-and-depth chapter', () => {
  it('has its permanent section ids, numbered §3.1–§3.7, and its figures numbered in order', async () => {
    const { page, errors, close } = await openPage(PAGE);
    const ids = await page.locator('.prose h2[id]').evaluateAll((hs) => hs.map((h) => h.id));
    expect(ids).toEqual(SECTIONS);
    const numbers = await page.locator('.prose h2 .secnum').allInnerTexts();
    expect(numbers).toEqual(SECTIONS.map((_, i) => `3.${i + 1}`));
    const figs = await page.locator('.prose figure[id]').evaluateAll((fs) => fs.map((f) => f.id));
    expect(figs).toEqual(FIGURES);
    // Text content, not innerText: figures far from the viewport are not rendered yet (content-visibility).
    const labels = await page.locator('.prose figure .fig-label').allTextContents();
    expect(labels).toEqual(FIGURES.map((_, i) => `Figure 3.${i + 1}`));
    // Every widget caption tells the reader what to try.
    for (const cap of await page.locator('figure[data-widget] figcaption').allTextContents()) expect(cap).toMatch(/\b(Drag|Start|Set|Raise)\b/);
    expect(errors).toEqual([]);
    await close();
  });

  it('quotes only numbers its widgets produce', () => {
    const text = pageText();
    const quoted: [string, string][] = [
      // The loss toy (speed-cost).
      ['speed cost at the defaults', bare(scOut({}, 'speed-loss'))],
      ['simplicity saving at the defaults', bare(scOut({}, 'simplicity-loss'))],
      ['ratio at the defaults', bare(scOut({}, 'ratio'))],
      ['speed cost at N = 10⁹', bare(scOut({ params: 1e9 }, 'speed-loss'))],
      ['saving at N = 10⁹', bare(scOut({ params: 1e9 }, 'simplicity-loss'))],
      ['speed cost at s = 10%', bare(scOut({ 'serial-share': 0.1 }, 'speed-loss'))],
      ['ratio at s = 10%', bare(scOut({ 'serial-share': 0.1 }, 'ratio'))],
      // The dice.
      ['kept, 100 steps at 1%', scOut({ 'extra-steps': 100 }, 'kept')],
      ['kept, 3 steps at 0.1%', scOut({ fail: 0.001 }, 'kept')],
      // Serial versus parallel.
      ['residual ratio at the defaults', bare(spOut({}, 'ratio'))],
      ['plain ratio at the defaults', bare(spOut({ rule: 'plain' }, 'ratio'))],
      ['unlimited-width ratio', bare(spOut({ width: 'unlimited' }, 'ratio'))],
      ['4 chains', bare(spOut({ chains: 4 }, 'ratio'))],
      ['8 chains, residual', bare(spOut({ chains: 8 }, 'ratio'))],
      ['8 chains, plain', bare(spOut({ chains: 8, rule: 'plain' }, 'ratio'))],
      ['8 layers', bare(spOut({ layers: 8 }, 'ratio'))],
      ['48 layers', bare(spOut({ layers: 48 }, 'ratio'))],
      ['200 layers, residual', bare(spOut({ layers: 200 }, 'ratio'))],
      ['200 layers, plain', bare(spOut({ layers: 200, rule: 'plain' }, 'ratio'))],
      ['width 1', bare(spOut({ width: 1 }, 'ratio'))],
      // Residual paths.
      ['paths', rpOut({}, 'paths')],
      ['share 19–35', rpOut({ from: 19, to: 35 }, 'share')],
      ['share 5–17', rpOut({}, 'share')],
      ['gradient share 5–17', rpOut({}, 'gradient-share')],
      ['gradient-weighted mean', rpOut({}, 'effective-mean')],
    ];
    for (const [what, shown] of quoted) expect(text, what).toContain(shown);

    // Facts the prose states in words, checked against the models.
    const d = defaults(sp.schema) as sp.Params;
    expect(formatTimes(log10Interleavings(8, 2))).toBe('×70');
    expect(text).toContain('approaching a limit of 70');
    const w1 = sp.compute({ ...d, width: 1 });
    for (const b of w1.byLayers) expect(10 ** b.log10RatioResidual).toBeCloseTo(70, 6); // "exactly 70 at every depth"
    const byL = sp.compute(d).byLayers;
    const overtakes = byL.find((b) => b.log10RatioPlain > b.log10RatioResidual)!.layers;
    expect(text).toContain(`overtakes the residual ratio at ${overtakes} layers`);
    const toy = sc.compute(defaults(sc.schema) as sc.Params);
    expect(toy.speedParams).toBeCloseTo(1e8, 0); // "the loss of a model 10^8 parameters smaller"
    const tipped = sc.compute({ ...(defaults(sc.schema) as sc.Params), 'param-share': 0.01 });
    expect(tipped.net).toBeLessThan(0); // "a hundredth of the parameters … tips the toy the other way"
    const g = rp.compute(defaults(rp.schema) as rp.Params);
    expect(text).toContain(`between ${g.effectiveFrom} and ${g.effectiveTo}`);
  });

  it('reads with JavaScript off: the dice sentence shows the default numbers', async () => {
    const { page, close } = await openPage(PAGE, { javaScriptEnabled: false });
    const paragraph = page.locator('p:has([data-output="kept"])');
    await paragraph.scrollIntoViewIfNeeded(); // rendered once near the viewport (content-visibility)
    await expect.poll(() => paragraph.innerText()).toContain('needs 3 extra serial steps, each failing with probability 1%, succeeds 97% as often');
    await close();
  });
});
