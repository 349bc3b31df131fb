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
    // Colour contrast is judged on the page at rest: finish running transitions (numbers fade back
    // in when a figure turns ready). Finished, not awaited: in a block skipped by content-visibility
    // they do not advance. Endless animations are left alone.
    for (const a of document.getAnimations()) {
      if (a.playState === 'running' && Number.isFinite(Number(a.effect?.getComputedTiming().endTime))) a.finish();
    }
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const { violations } = await axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] });
    return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, tags);
}
