// axe-core run inside the page, the same way in every engine: its source evaluated as a script
// (the page's CSP does not apply to what the test driver evaluates), then axe.run on the document.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from './driver';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation { id: string; impact?: string | null; nodes: { target: unknown[] }[] }

/** The violations of the given rule tags (e.g. 'wcag2aa'), or of the named rules, on the page as it
 * is now: the whole document, or only what the CSS selector `within` matches. */
export async function axeViolations(page: Page, values: string[], type: 'tag' | 'rule' = 'tag', within?: string): Promise<Violation[]> {
  await page.evaluate(source);
  return page.evaluate(async ([values, type, within]) => {
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
    const axe = (window as unknown as { axe: { run(ctx: Document | { include: string[][] }, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const { violations } = await axe.run(within ? { include: [[within]] } : document, { runOnly: { type, values }, resultTypes: ['violations'] })
      .finally(() => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== atRest); });
    return violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, [values, type, within] as const);
}

/** The rule tags of WCAG 2.1, levels A and AA. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The serious and critical WCAG 2.1 A/AA violations, as "rule: first targets", in the document or
 * `within` a part of it. In dark mode only the rules that read colours run: the scheme changes
 * nothing else, and the light pass checks it. */
export async function seriousViolations(page: Page, colorScheme: 'light' | 'dark' = 'light', within?: string): Promise<string[]> {
  const found = colorScheme === 'light'
    ? await axeViolations(page, WCAG, 'tag', within)
    : await axeViolations(page, ['color-contrast', 'link-in-text-block'], 'rule', within);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
