// Progressive enhancement for every page: theme toggle, table-of-contents tracking, copy-link
// controls, touch previews for citations, and lazy hydration of widgets. The page is complete
// without any of this.
import { hydrateWidgets } from '../widgets/hydrate';

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

function setupCopyLinks(): void {
  document.addEventListener('click', async (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a.copy-link');
    if (!link) return;
    event.preventDefault();
    const id = link.getAttribute('href')!.slice(1);
    const href = new URL(`#${id}`, location.href);
    href.search = location.search;
    history.replaceState(history.state, '', href);
    const label = link.dataset.sectionLabel ?? id;
    const title = document.title.split(' · ').at(-1);
    const text = `[${label}](${href.href})`;
    const html = `<a href="${href.href}">${label.replace(/</g, '&lt;')}</a> (${title})`;
    showToast((await copyText(text, html)) ? `Copied link to ${label}` : `Link to ${label} is in the address bar`);
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
  const update = () => {
    // The current section is the last heading above the upper third of the viewport.
    // At the very bottom of the page, later headings can never reach that line: take the last
    // one that is visible.
    const atBottom = innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
    const line = atBottom ? innerHeight : innerHeight / 3;
    let active = headings[0];
    for (const h of headings) if (h.getBoundingClientRect().top <= line) active = h;
    const link = links.get(active.id) ?? null;
    if (link === current) return;
    current?.removeAttribute('aria-current');
    link?.setAttribute('aria-current', 'location');
    current = link;
  };
  let queued = false;
  addEventListener('scroll', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      update();
    });
  }, { passive: true });
  update();
}

function setupCitations(): void {
  // On touch screens the first tap on a citation shows its preview; a second tap follows it.
  // The paragraph (or figure) holding an open preview is marked too, to lift it above the next.
  const open = (cite: Element, on: boolean) => {
    cite.classList.toggle('open', on);
    cite.closest('.prose > *')?.classList.toggle('cite-open', on);
  };
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('.cite a');
    document.querySelectorAll('.cite.open').forEach((c) => c !== link?.parentElement && open(c, false));
    if (!link || !matchMedia('(hover: none)').matches) return;
    const cite = link.parentElement!;
    if (!cite.classList.contains('open')) {
      event.preventDefault();
      open(cite, true);
    }
  });
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

setupTheme();
setupSearch();
setupCopyLinks();
setupToc();
setupCitations();
hydrateWidgets();
