// Citations as text a forum accepts as is: a section as a Markdown link, a passage as a Markdown
// blockquote with a link that opens the section with the passage highlighted (a text fragment,
// https://wicg.github.io/scroll-to-text-fragment/). Pure: no DOM, tested in tests/lib/.

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text safe inside a Markdown link's brackets. */
export function escapeLinkText(text: string): string {
  return text.replace(/([\\[\]])/g, '\\$1');
}

/** `[Counting Schemers §2.4 Counting exactly](url)`. */
export function sectionMarkdown(essayTitle: string, sectionLabel: string, url: string): string {
  return `[${escapeLinkText(`${essayTitle} ${sectionLabel}`)}](${url})`;
}

/** A text-fragment term: percent-encoded, with the characters the syntax reserves (`-`, `,`, `&`)
 * encoded too. */
export function encodeFragmentText(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');
}

/** Whitespace collapsed, as a browser matches text fragments. */
export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text directive for a passage: the whole passage when it is short and within one block,
 * otherwise the first `words` words of its first block and the last of its last, as `start,end`
 * (a browser matches each term within one block). `pageText` (the page's visible text) lets it
 * lengthen start and end until the browser's first match is this passage, which begins at
 * `occurrence` in the whitespace-collapsed `pageText` (default: the passage's first occurrence).
 */
export function textDirective(passage: string, pageText?: string, occurrence?: number, words = 4): string {
  const blocks = passage.split(/\s*\n\s*/).map(normaliseSpace).filter(Boolean);
  const text = blocks.join(' ');
  const first = blocks[0]?.split(' ') ?? [];
  const last = blocks.at(-1)?.split(' ') ?? [];
  if (blocks.length === 1 && first.length <= words * 2 + 2 && text.length <= 80) return encodeFragmentText(text);
  const page = pageText === undefined ? undefined : normaliseSpace(pageText);
  const at = occurrence ?? page?.indexOf(first.join(' ')) ?? -1;
  const limit = blocks.length === 1 ? Math.floor((first.length - 1) / 2) : Math.max(first.length, last.length);
  let directive = '';
  for (let n = Math.min(words, limit); n <= limit; n++) {
    const start = first.slice(0, n).join(' ');
    const end = last.slice(-n).join(' ');
    directive = `${encodeFragmentText(start)},${encodeFragmentText(end)}`;
    // The browser highlights from the first `start` to the first `end` after it: unique enough
    // when that is this passage.
    if (!page || at < 0 || firstMatch(page, start, end) === at) break;
  }
  return directive;
}

function firstMatch(page: string, start: string, end: string): number {
  const s = page.indexOf(start);
  return s < 0 || page.indexOf(end, s + start.length) < 0 ? -1 : s;
}

/** `https://…/counting/#counting-exactly:~:text=…`: a section link that highlights the passage. */
export function quoteUrl(sectionUrl: string, directive: string): string {
  return `${sectionUrl}:~:text=${directive}`;
}

export interface Quote {
  passage: string;
  essayTitle: string;
  /** "Counting arguments" (and its number, when it has one). */
  chapter: string;
  chapterNumber?: number;
  /** "§2.4 Counting exactly". */
  section?: string;
  url: string;
}

/** The passage as a Markdown blockquote, attributed, with its link:
 *  > passage
 *  >
 *  > — [Counting Schemers, ch. 2 “Counting arguments”, §2.4 Counting exactly](url) */
export function quoteMarkdown(q: Quote): string {
  const paragraphs = q.passage.split(/\n\s*\n/).map(normaliseSpace).filter(Boolean);
  // A paragraph that starts like a heading, list item or quote would be read as one: escape it.
  const body = paragraphs.map((p) => `> ${p.replace(/^([#>+*-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2')}`).join('\n>\n');
  const chapter = `${q.chapterNumber ? `ch. ${q.chapterNumber} ` : ''}“${q.chapter}”`;
  const source = [q.essayTitle, chapter, q.section].filter(Boolean).join(', ');
  return `${body}\n>\n> — [${escapeLinkText(source)}](${q.url})`;
}
