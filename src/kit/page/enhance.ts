// Progressive enhancement for every page: theme toggle, table-of-contents tracking, copy-link and
// "Copy as Markdown" controls, touch previews for citations and cross-references and "Copy quote".
// The page's script (components/layout/Page.astro) then hydrates the widgets, handing the kit the
// registry. The page is complete without any of this.
import { escapeHtml, sectionMarkdown } from './cite-text';
import { setupQuotes } from './quote';

const root = document.documentElement;

function showToast(message: string): void {
  const toast = document.querySelector<HTMLElement>('.toast');
  if (!toast) return;
  toast.textContent = message;
  toast.classList.add('visible');
  window.setTimeout(() => toast.classList.remove('visible'), 2200);
}

export async function copyText(text: string, html?: string): Promise<boolean> {
  try {
    if (html && 'ClipboardItem' in window) {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    return true;
  } catch {
    return false;
  }
}
(window as unknown as { __copyText: typeof copyText; __toast: typeof showToast }).__copyText = copyText;
(window as unknown as { __toast: typeof showToast }).__toast = showToast;

function setupTheme(): void {
  const button = document.querySelector<HTMLButtonElement>('.theme-toggle');
  if (!button) return;
  const media = matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => (root.dataset.theme ? root.dataset.theme === 'dark' : media.matches);
  const sync = () => button.setAttribute('aria-pressed', String(isDark()));
  button.removeAttribute('data-needs-js');
  sync();
  media.addEventListener('change', sync);
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('theme', next);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    sync();
    window.dispatchEvent(new CustomEvent('themechange'));
  });
}

/** A section's address to share: its share page (/s/<id>/, which unfurls as the section in a forum
 * and sends readers on to it), or the page itself when the page carries figure settings that a
 * share page could not pass on, or the section has none (hidden pages). */
function sectionShareUrl(link: HTMLAnchorElement): URL {
  const id = link.getAttribute('href')!.slice(1);
  if (link.dataset.share && !location.search) return new URL(link.dataset.share, location.href);
  const href = new URL(`#${id}`, location.href);
  href.search = location.search;
  return href;
}

function setupCopyLinks(): void {
  // After each section's copy-link control, a "Copy as Markdown" one (it needs this script).
  document.querySelectorAll<HTMLAnchorElement>('a.copy-link').forEach((link) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-md';
    button.title = 'Copy as Markdown';
    // Named by its (visually hidden) text, so the visible mark need not be part of the name.
    const mark = document.createElement('span');
    mark.setAttribute('aria-hidden', 'true');
    mark.textContent = 'M↓';
    const name = document.createElement('span');
    name.className = 'visually-hidden';
    name.textContent = `Copy as Markdown: ${link.dataset.sectionLabel ?? ''}`;
    button.append(mark, name);
    link.after(button);
  });
  document.addEventListener('click', async (event) => {
    const target = event.target as Element;
    const link = target.closest<HTMLAnchorElement>('a.copy-link');
    const markdown = target.closest<HTMLButtonElement>('button.copy-md');
    const anchor = link ?? (markdown?.previousElementSibling as HTMLAnchorElement | null);
    if (!anchor?.matches('a.copy-link')) return;
    event.preventDefault();
    const id = anchor.getAttribute('href')!.slice(1);
    const here = new URL(location.href);
    here.hash = id;
    history.replaceState(history.state, '', here);
    const href = sectionShareUrl(anchor).href;
    const label = anchor.dataset.sectionLabel ?? id;
    const title = document.title.split(' · ').at(-1)!;
    if (markdown) {
      const text = sectionMarkdown(title, label, href);
      showToast((await copyText(text)) ? `Copied ${label} as Markdown` : `Link to ${label} is in the address bar`);
    } else {
      const html = `<a href="${href}">${escapeHtml(label)}</a> (${escapeHtml(title)})`;
      showToast((await copyText(href, html)) ? `Copied link to ${label}` : `Link to ${label} is in the address bar`);
    }
  });
}

function setupToc(): void {
  const links = new Map<string, HTMLAnchorElement>();
  document.querySelectorAll<HTMLAnchorElement>('[data-toc-target]').forEach((a) => links.set(a.dataset.tocTarget!, a));
  if (links.size === 0) return;
  const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => !!h);
  const details = document.querySelector<HTMLDetailsElement>('.toc details');
  if (details && matchMedia('(min-width: 1100px)').matches) details.open = true;
  let current: HTMLAnchorElement | null = null;
  // The progress mark: a bar scaled by transform (no layout), from the article's top at the top of
  // the window to its end at the bottom.
  const bar = document.querySelector<HTMLElement>('.toc-progress > span');
  const article = document.querySelector<HTMLElement>('article.prose');
  let shown = -1;
  const progress = () => {
    if (!bar || !article) return;
    const box = article.getBoundingClientRect();
    const p = Math.min(1, Math.max(0, -box.top / Math.max(1, box.height - innerHeight)));
    const rounded = Math.round(p * 200) / 200;
    if (rounded === shown) return;
    shown = rounded;
    bar.style.transform = `scaleX(${rounded})`;
  };
  // Blocks rendered on demand (content-visibility) change the article's height as they near view.
  // The bar is first drawn from this observer, after the first layout: reading the article's box
  // while the page loads forced the layout of the whole document inside this script's task.
  if (article && 'ResizeObserver' in window) new ResizeObserver(progress).observe(article);
  // The current section is the last heading above the upper third of the viewport, tracked by an
  // IntersectionObserver whose area is everything above that line (no layout read on scroll). At
  // the very bottom of the page later headings can never reach that line: the last one in view
  // is current instead.
  const above = new Set<Element>();
  const inView = new Set<Element>();
  let atBottom = false;
  const update = () => {
    const pick = (set: Set<Element>) => headings.filter((h) => set.has(h)).at(-1);
    const active = (atBottom && pick(inView)) || pick(above) || headings[0];
    const link = links.get(active.id) ?? null;
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'location');
    current = link;
  };
  const track = (set: Set<Element>, rootMargin: string) => new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) set.add(e.target);
      else set.delete(e.target);
    }
    update();
  }, { rootMargin });
  const line = track(above, '1000000px 0px -66.6% 0px');
  const visible = track(inView, '0px');
  headings.forEach((h) => {
    line.observe(h);
    visible.observe(h);
  });
  // The very end of the page in view: a zero-height marker after everything else.
  const end = document.createElement('div');
  end.setAttribute('aria-hidden', 'true');
  document.body.append(end);
  new IntersectionObserver(([e]) => {
    atBottom = e.isIntersecting;
    update();
  }, { rootMargin: '0px 0px 2px 0px' }).observe(end); // the page's height may end in a fraction of a pixel
  let queued = false;
  addEventListener('scroll', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      progress();
    });
  }, { passive: true });
}

/** Keeps a link's preview inside the page's width (the width without a scrollbar, which Firefox
 * counts in innerWidth), and above the link when there is no room below it. */
function keepInView(host: Element, selector: string): void {
  const preview = host.querySelector<HTMLElement>(selector);
  if (!preview) return;
  preview.style.removeProperty('translate');
  host.classList.remove('above');
  const r = preview.getBoundingClientRect();
  if (r.width === 0) return;
  const over = r.right - (document.documentElement.clientWidth - 8);
  if (over > 0) preview.style.translate = `${-Math.min(over, r.left - 8)}px 0`;
  if (r.bottom > innerHeight - 8 && host.getBoundingClientRect().top > r.height + 16) host.classList.add('above');
}

/** Link previews (citations, cross-references) by host selector: kept in view whenever shown,
 * opened by a first tap on touch screens (a second tap follows the link), and the block holding an
 * open one marked, to lift it above the next. Returns the open/close function. */
function setupPreviews(host: string, preview: string, onShow?: (el: Element) => void): (el: Element, on: boolean) => void {
  const place = (el: Element) => keepInView(el, preview);
  const open = (el: Element, on: boolean) => {
    el.classList.toggle('open', on);
    el.closest('.prose > *')?.classList.toggle('cite-open', on);
    if (on) place(el);
  };
  const show = (event: Event) => {
    const el = (event.target as Element).closest?.(host);
    if (!el) return;
    onShow?.(el);
    requestAnimationFrame(() => place(el));
  };
  document.addEventListener('mouseover', show);
  document.addEventListener('focusin', show);
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>(`${host} > a`);
    document.querySelectorAll(`${host}.open`).forEach((x) => x !== link?.parentElement && open(x, false));
    if (!link || !matchMedia('(hover: none)').matches) return;
    const el = link.parentElement!;
    if (!el.classList.contains('open')) {
      event.preventDefault();
      open(el, true);
    }
  });
  return open;
}

function setupCitations(): void {
  // A preview starts at its citation, so one near the right edge is moved back inside the page, and
  // one that would run off the bottom of the screen opens above its citation.
  setupPreviews('.cite', '.cite-preview');
}

/** The header's search link (to the contents, for readers without JavaScript) becomes a button
 * that opens the search dialog, as do "/" and Ctrl/Cmd-K. The dialog's code and the index load
 * on first use only. */
function setupSearch(): void {
  const link = document.querySelector<HTMLAnchorElement>('a.search-open');
  if (!link) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = link.className;
  button.setAttribute('aria-keyshortcuts', '/ Control+K Meta+K');
  button.setAttribute('aria-haspopup', 'dialog');
  button.append(...link.childNodes);
  link.replaceWith(button);
  const open = async () => {
    // Focus goes back here on closing (nowhere, if nothing had it: a reader who pressed "/").
    const from = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const { openSearch } = await import('../search/dialog');
    openSearch(from);
  };
  button.addEventListener('click', () => void open());
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.isComposing || e.altKey) return;
    const target = e.target as HTMLElement;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    const shortcut = (e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey) && !e.shiftKey;
    if (shortcut || (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey)) {
      e.preventDefault();
      void open();
    }
  });
}

function setupXrefs(): void {
  // Previews of cross-references (sections, figures, glossary terms) show on hover and focus by CSS;
  // here they are kept inside the viewport (flipped above the link when there is no room below:
  // never over the link itself), opened by a first tap on touch screens, and closed by Escape.
  const open = setupPreviews('.xref', '.xref-preview', (xref) => xref.classList.remove('dismissed'));
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    document.querySelectorAll('.xref:is(:hover, :focus-within, .open)').forEach((x) => {
      open(x, false);
      x.classList.add('dismissed');
    });
  });
  document.addEventListener('mouseout', (event) => {
    const xref = (event.target as Element).closest?.('.xref');
    if (xref && !xref.contains(event.relatedTarget as Node)) xref.classList.remove('dismissed');
  });
}

setupTheme();
setupSearch();
setupCopyLinks();
setupXrefs();
setupQuotes(copyText, showToast);
setupToc();
setupCitations();
