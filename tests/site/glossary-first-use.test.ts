// Each glossary term's first use in each chapter links to its glossary entry, checked on the built
// pages. A "use" is the term's name (or its plural) in the running prose of the article: figures,
// headings, the page header, math and the hover previews of citations and terms do not count, and
// neither do words inside another link (a cross-reference to a section cannot hold a second link).
// The first use may also sit inside the link of a longer term that contains it ("misgeneralised
// non-training-gamer" covers "non-training-gamer").
import { describe, expect, it, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { builtPages, chapterFlags } from '../support/site';

const distDir = inject('distDir');
const root = resolve(import.meta.dirname, '../..');
const contentDir = resolve(root, 'content/chapters');
const glossary: Record<string, { term: string }> = JSON.parse(readFileSync(resolve(root, 'content/glossary.json'), 'utf8'));

/** Essay chapters: published pages whose front matter gives a chapter number. */
const chapters = chapterFlags(contentDir)
  .filter((c) => !c.draft && !c.fixture && /^chapter:\s*\d+\s*$/m.test(readFileSync(resolve(contentDir, `${c.slug}.mdx`), 'utf8').split('---')[1] ?? ''))
  .map((c) => c.slug);
const pages = new Map(builtPages(distDir).map((p) => [p.route, p.html]));

/** Elements whose text is not running prose. */
const SKIP = 'figure, header, h1, h2, h3, h4, h5, h6, [role="tooltip"], .katex, code, svg, button, script, style, template';

/** The name a reader sees: "Lempel–Ziv complexity (K_LZ)" is used as "Lempel–Ziv complexity". */
const nameOf = (term: string) => term.replace(/\s*\([^)]*\)\s*$/, '').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The name or its plural, not as part of a longer hyphenated word ("beyond-episode"). */
const patternOf = (name: string) => new RegExp(`(?<![\\p{L}\\p{N}-])${escape(name)}(?:e?s)?(?![\\p{L}\\p{N}-])`, 'iu');

interface Piece { text: string; node: Text }

function prosePieces(article: Element): Piece[] {
  const out: Piece[] = [];
  const walker = article.ownerDocument.createTreeWalker(article, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    if (node.parentElement?.closest(SKIP)) continue;
    out.push({ text: node.data, node });
  }
  return out;
}

/** Where a term's first use sits: the link around it, if any. */
function firstUse(pieces: Piece[], pattern: RegExp): { link: HTMLAnchorElement | null; context: string } | undefined {
  // Terms can straddle text nodes ("<em>slack</em>" does not, but "training <em>game</em>" could), so
  // match on the joined text and map the match back to its node.
  const joined = pieces.map((p) => p.text).join('');
  let offset = 0;
  const starts = pieces.map((p) => ((offset += p.text.length), offset - p.text.length));
  const re = new RegExp(pattern.source, pattern.flags + 'g');
  for (const m of joined.matchAll(re)) {
    let i = starts.length - 1;
    while (starts[i] > m.index!) i--;
    const el = pieces[i].node.parentElement!;
    const link = el.closest('a');
    if (link && !link.classList.contains('term')) continue; // inside a cross-reference or citation
    return { link: link as HTMLAnchorElement | null, context: joined.slice(Math.max(0, m.index! - 50), m.index! + m[0].length + 30).replace(/\s+/g, ' ') };
  }
  return undefined;
}

describe('glossary terms on first use', () => {
  it('finds the essay chapters', () => {
    expect(chapters.length).toBeGreaterThanOrEqual(5);
  });

  for (const slug of chapters) {
    it(`links each term’s first use in /${slug}/ to the glossary`, () => {
      const html = pages.get(`${slug}/`);
      expect(html, `/${slug}/ was not built`).toBeDefined();
      const article = new JSDOM(html!).window.document.querySelector('main article');
      expect(article, `/${slug}/ has no main article`).not.toBeNull();
      const pieces = prosePieces(article!);
      const unlinked: string[] = [];
      for (const [id, entry] of Object.entries(glossary)) {
        const name = nameOf(entry.term);
        const use = firstUse(pieces, patternOf(name));
        if (!use) continue;
        const target = use.link ? decodeURIComponent(use.link.getAttribute('href')!.split('#')[1] ?? '') : null;
        const covering = target && target !== id && nameOf(glossary[target]?.term ?? '').includes(name);
        if (target !== id && !covering) unlinked.push(`${id}: “…${use.context}…”`);
      }
      expect(unlinked.join('\n'), `first uses without a glossary link on /${slug}/`).toBe('');
    });
  }
});
