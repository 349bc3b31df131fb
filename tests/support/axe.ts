// axe-core run inside the page, the same way in every engine: its source evaluated as a script
// (the page's CSP does not apply to what the test driver evaluates), then axe.run on the document.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from './driver';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation { id: string; impact?: string | null; nodes: { target: unknown[] }[] }

/** The violations of the given rule tags (e.g. 'wcag2aa') on the page as it is now. */
export async function axeViolations(page: Page, tags: string[]): Promise<Violation[]> {
  await page.evaluate(source);
  return page.evaluate(async (values) => {
    // Colour contrast is judged on the page at rest. Numbers fade back in when a figure turns
    // ready, and in a block that content-visibility skips that fade starts only when axe first
    // reads the block's style: so no transitions while axe runs (a constructed style sheet, which
    // the page's CSP allows), and running animations finished. Endless animations are left alone.
    const atRest = new CSSStyleSheet();
    atRest.replaceSync('*, *::before, *::after { transition: none !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, atRest];
    for (const a of document.getAnimations()) {
      if (a.playState === 'running' && Number.isFinite(Number(a.effect?.getComputedTiming().endTime))) a.finish();
    }
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] })
      .finally(() => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== atRest); });
    return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, tags);
}
