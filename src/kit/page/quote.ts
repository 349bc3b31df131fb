// "Copy quote": selecting a passage of prose shows a small control (and the Q key works while the
// selection lasts) that copies the passage as a Markdown blockquote, attributed with chapter,
// § number and title, linked to the section with a text fragment that highlights the passage.
// Never inside figures (widgets) or code. The text-building is pure: ./cite-text.ts.
import { escapeHtml, normaliseSpace, quoteMarkdown, quoteUrl, textDirective } from './cite-text';
import { perFrame } from '../frame';

const EXCLUDED = 'figure, pre, code, .katex-display, .xref-preview, .cite-preview, input, textarea, select, button';

interface Passage { range: Range; text: string; article: HTMLElement }

/** The current selection as a quotable passage of prose, or null. */
function currentPassage(): Passage | null {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const element = (n: Node) => (n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement);
  const article = element(range.commonAncestorContainer)?.closest<HTMLElement>('article.prose');
  if (!article) return null;
  if ([range.startContainer, range.endContainer].some((n) => element(n)?.closest(EXCLUDED))) return null;
  for (const block of article.querySelectorAll('figure, pre')) if (range.intersectsNode(block)) return null;
  const text = selection.toString().trim();
  if (normaliseSpace(text).length < 2) return null;
  return { range: range.cloneRange(), text, article };
}

/** Widen a range to whole words: a text fragment matches only at word boundaries. */
function wholeWords(range: Range): Range {
  const r = range.cloneRange();
  const word = /[\p{L}\p{N}’'-]/u;
  if (r.startContainer.nodeType === Node.TEXT_NODE) {
    const t = r.startContainer.textContent ?? '';
    let i = r.startOffset;
    while (i > 0 && word.test(t[i - 1]) && word.test(t[i] ?? ' ')) i--;
    r.setStart(r.startContainer, i);
  }
  if (r.endContainer.nodeType === Node.TEXT_NODE) {
    const t = r.endContainer.textContent ?? '';
    let i = r.endOffset;
    while (i < t.length && word.test(t[i]) && word.test(t[i - 1] ?? ' ')) i++;
    r.setEnd(r.endContainer, i);
  }
  return r;
}

/** The section heading the passage sits under (the last h2/h3 with an id before it). */
function sectionOf(passage: Passage): HTMLElement | null {
  let found: HTMLElement | null = null;
  for (const h of passage.article.querySelectorAll<HTMLElement>('h2[id], h3[id]')) {
    if (passage.range.comparePoint(h, 0) >= 0) break;
    found = h;
  }
  return found;
}

/** The passage's Markdown and HTML, and the link that highlights it. */
export function buildQuote(passage: Passage): { markdown: string; html: string; url: string } {
  const words = wholeWords(passage.range);
  const selection = getSelection()!;
  // The selection's own text is what the reader sees (hidden previews left out); widen it to the
  // whole words the fragment will match.
  selection.removeAllRanges();
  selection.addRange(words);
  const text = selection.toString().trim() || passage.text;
  const section = sectionOf(passage);
  const pageText = passage.article.innerText;
  const headingAt = section ? normaliseSpace(pageText).indexOf(normaliseSpace(section.innerText)) : 0;
  const occurrence = normaliseSpace(pageText).indexOf(normaliseSpace(text.split('\n')[0]).split(' ').slice(0, 4).join(' '), Math.max(0, headingAt));
  const base = new URL(location.href);
  base.hash = section?.id ?? '';
  const url = quoteUrl(base.href.replace(/#$/, '') + (section ? '' : '#'), textDirective(text, pageText, occurrence >= 0 ? occurrence : undefined));
  const chapterTitle = passage.article.querySelector('.chapter-header h1')?.textContent?.trim() ?? document.title.split(' · ')[0];
  const chapterNumber = Number(passage.article.dataset.chapter) || undefined;
  const sectionLabel = section?.nextElementSibling?.matches('a.copy-link') ? (section.nextElementSibling as HTMLElement).dataset.sectionLabel : section?.innerText;
  const essayTitle = document.title.split(' · ').at(-1)!;
  const markdown = quoteMarkdown({ passage: text, essayTitle, chapter: chapterTitle, chapterNumber, section: sectionLabel, url });
  const source = [essayTitle, chapterTitle, sectionLabel].filter(Boolean).join(', ');
  const paragraphs = text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(normaliseSpace(p))}</p>`).join('');
  const html = `<blockquote>${paragraphs}<p>— <a href="${escapeHtml(url)}">${escapeHtml(source)}</a></p></blockquote>`;
  return { markdown, html, url };
}

export function setupQuotes(copy: (text: string, html?: string) => Promise<boolean>, toast: (m: string) => void): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'quote-button';
  button.hidden = true;
  button.textContent = 'Copy quote';
  button.setAttribute('aria-keyshortcuts', 'Q');
  button.title = 'Copy the selected passage as a Markdown quote with a link (Q)';
  document.body.append(button);
  let passage: Passage | null = null;

  // Fixed to the viewport and placed again on every scroll: the text under it may move (blocks
  // above rendered on demand change height), and the control must stay with the selection.
  const position = () => {
    if (!passage) return;
    const rects = passage.range.getClientRects();
    const last = rects[rects.length - 1] ?? passage.range.getBoundingClientRect();
    // Below the selection's last line (touch: clear of the selection handles), inside the screen.
    const gap = matchMedia('(pointer: coarse)').matches ? 28 : 8;
    const width = button.offsetWidth;
    const height = button.offsetHeight;
    const left = Math.min(Math.max(8, last.right - width), document.documentElement.clientWidth - width - 8);
    button.style.left = `${left}px`;
    button.style.top = `${Math.min(Math.max(8, last.bottom + gap), innerHeight - height - 8)}px`;
  };
  // Text in a block not yet rendered (content-visibility: auto, just scrolled to) reads as empty
  // until its next frame in Firefox: a selection there is looked at again for a few frames.
  let retries = 0;
  const update = () => {
    passage = currentPassage();
    button.hidden = !passage;
    position();
    if (!passage && retries-- > 0 && getSelection()?.isCollapsed === false) requestAnimationFrame(update);
  };
  const onSelection = () => {
    retries = 3;
    update();
  };
  // At once, not on the next frame: a page busy computing its figures may not paint for seconds,
  // and the control must not wait for it. A selection made before this ran is offered too.
  document.addEventListener('selectionchange', onSelection);
  onSelection();
  const reposition = perFrame(position);
  addEventListener('scroll', reposition, { passive: true });
  addEventListener('resize', reposition);

  const run = async () => {
    if (!passage) return;
    const { markdown, html } = buildQuote(passage);
    toast((await copy(markdown, html)) ? 'Copied the quote with a link' : 'Could not copy the quote');
  };
  // Keep the selection when the control is pressed.
  button.addEventListener('pointerdown', (event) => event.preventDefault());
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', run);
  document.addEventListener('keydown', (event) => {
    if (event.key.toLowerCase() !== 'q' || event.ctrlKey || event.metaKey || event.altKey || !passage || button.hidden) return;
    if ((event.target as Element).closest?.('input, textarea, select, [contenteditable]')) return;
    event.preventDefault();
    void run();
  });
}
