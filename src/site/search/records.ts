// Search records: one per section of a chapter, glossary entry and reference, so that a result
// links straight to its anchor. Built at build time from the rendered pages (what readers see,
// section numbers and figure captions included) and from the glossary and bibliography data.
// Pure: takes a DOM Document (jsdom at build time and in tests) or plain data; no I/O.
import type { GlossaryEntry } from '../glossary';
import { fullCitation, shortCitation, type Reference } from '../references';
import type { SearchRecord } from '../../kit/search/query';

export type { SearchRecord };

/** Collapse whitespace and drop zero-width characters that typesetting leaves behind. */
export const clean = (s: string): string => s.replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();

/** Inline maths reads as its TeX source, without backslashes and braces ("log_10", "2^b"). */
function mathText(el: Element): string {
  const tex = el.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? '';
  return ` ${tex.replace(/\\([a-zA-Z]+)/g, '$1').replace(/\\./g, ' ').replace(/[{}]/g, '')} `;
}

const LEFT_OUT = '.copy-link, [data-pagefind-ignore], .cite-preview, .sidenote-ref, .sidenote-number, script, style, nav, button, input, select, textarea, fieldset, output';

/** Reading text of a block: figure internals, controls, citation previews, copy-link controls,
 * and sidenote numbers left out; a figure contributes only its caption. */
function blockText(block: Element): string {
  const el = block.cloneNode(true) as Element;
  const doc = el.ownerDocument;
  const figures = el.matches('figure') ? [el] : [...el.querySelectorAll('figure')];
  for (const fig of figures) {
    const caption = fig.querySelector('figcaption');
    fig.replaceChildren(...(caption ? [caption] : []));
  }
  el.querySelectorAll('.katex').forEach((m) => m.replaceWith(doc.createTextNode(mathText(m))));
  el.querySelectorAll(LEFT_OUT).forEach((n) => n.remove());
  // Block boundaries become spaces so that words from adjacent paragraphs do not run together.
  el.querySelectorAll('.sidenote').forEach((n) => n.before(doc.createTextNode(' ')));
  el.querySelectorAll('.sidenote, p, li, dt, dd, figcaption, td, th, tr, br, h4, h5, h6, blockquote, pre, div').forEach((n) => n.after(doc.createTextNode(' ')));
  return clean(el.textContent ?? '');
}

const SECTION_HEADING = /^H[23]$/;

/** One record per h2/h3 section of a page's article, plus one for the text before the first
 * section (titled with the page, linked to the page itself). `route` is the page's path below
 * the base ("speed-and-depth/"). */
export function pageRecords(doc: Document, route: string): SearchRecord[] {
  const article = doc.querySelector('article.prose');
  if (!article) return [];
  const page = clean(article.querySelector('h1')?.textContent ?? doc.title);
  const records: SearchRecord[] = [];
  let current: SearchRecord = { url: route, page, number: '', title: page, text: '', keywords: '' };
  const parts: string[] = [];
  const flush = () => {
    current.text = clean(parts.join(' '));
    if (current.text || current.url !== route) records.push(current);
    parts.length = 0;
  };
  for (const child of article.children) {
    if (SECTION_HEADING.test(child.tagName) && child.id) {
      flush();
      const number = clean(child.querySelector('.secnum')?.textContent ?? '');
      const heading = child.cloneNode(true) as Element;
      heading.querySelectorAll('.secnum, .copy-link').forEach((n) => n.remove());
      current = { url: `${route}#${child.id}`, page, number, title: clean(heading.textContent ?? ''), text: '', keywords: '' };
    } else if (child.matches(LEFT_OUT)) {
      continue;
    } else if (child.matches('.chapter-header')) {
      parts.push(clean(child.querySelector('.dek')?.textContent ?? ''));
    } else {
      parts.push(blockText(child));
    }
  }
  flush();
  return records;
}

export function glossaryRecords(glossary: Record<string, GlossaryEntry>): SearchRecord[] {
  return Object.entries(glossary).map(([id, entry]) => ({
    url: `glossary/#${id}`,
    page: 'Glossary',
    number: '',
    title: entry.term,
    text: entry.definition,
    // The id spells the term without its punctuation ("k-lz" for "K_LZ").
    keywords: id.replace(/-/g, ' '),
  }));
}

export function referenceRecords(references: Record<string, Reference>): SearchRecord[] {
  return Object.entries(references).map(([key, ref]) => ({
    url: `references/#${key}`,
    page: 'References',
    number: '',
    title: shortCitation(ref),
    text: fullCitation(ref),
    keywords: key,
  }));
}

/** Abbreviations readers type that the prose spells out: a record whose text or title contains
 * the expansion gets the abbreviation as a keyword ("SGD" finds "stochastic gradient descent"). */
export function addAbbreviations(records: SearchRecord[], abbreviations: Record<string, string>): SearchRecord[] {
  const rules = Object.entries(abbreviations).map(([short, long]) => ({
    // A space in the long form also matches a hyphen ("chain-of-thought").
    short, pattern: new RegExp(`\\b${long.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]')}\\b`, 'i'),
  }));
  return records.map((r) => {
    const extra = rules.filter((a) => a.pattern.test(`${r.title} ${r.text}`)).map((a) => a.short);
    return extra.length ? { ...r, keywords: clean(`${r.keywords} ${extra.join(' ')}`) } : r;
  });
}
