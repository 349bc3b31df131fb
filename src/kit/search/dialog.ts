// The search dialog, loaded (with the index) only when a reader first opens it. A combobox: the
// input keeps focus while the arrow keys move through the results (aria-activedescendant); Enter
// or a click follows a result's link to its section; Escape closes and returns focus to the
// control that opened it. Index text reaches the page only as text nodes, never as markup.
import { url } from '../../core/paths';
import { createSearcher, excerpt, type Hit, type Searcher } from './query';
import type { SearchRecord } from './query';

const LIMIT = 20;

let dialog: HTMLDialogElement | null = null;
let input: HTMLInputElement;
let list: HTMLElement;
let status: HTMLElement;
let searcher: Promise<Searcher> | null = null;
let opener: HTMLElement | null = null;
let active = -1;
let loaded = false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

async function loadSearcher(): Promise<Searcher> {
  const response = await fetch(url('search.json'));
  if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
  const records = (await response.json()) as SearchRecord[];
  const s = await createSearcher(records);
  loaded = true;
  return s;
}

/** Text with the matched words wrapped in <mark>, built as DOM nodes. */
function marked(parent: HTMLElement, text: string, terms: string[], length?: number): HTMLElement {
  for (const s of excerpt(text, terms, length)) parent.append(s.mark ? el('mark', { textContent: s.text }) : s.text);
  return parent;
}

function option(hit: Hit, i: number): HTMLAnchorElement {
  const r = hit.record;
  const a = el('a', { href: url(r.url), id: `search-result-${i}`, className: 'search-result' }, { role: 'option', 'aria-selected': 'false', tabindex: '-1' });
  a.append(
    el('span', { className: 'search-where', textContent: r.number ? `${r.page} · §${r.number}` : r.page }),
    marked(el('span', { className: 'search-title' }), r.title, hit.terms, r.title.length),
    marked(el('span', { className: 'search-excerpt' }), r.text, hit.terms),
  );
  return a;
}

function select(i: number, scroll = true): void {
  const options = list.querySelectorAll<HTMLAnchorElement>('[role="option"]');
  if (options.length === 0) {
    active = -1;
    input.removeAttribute('aria-activedescendant');
    return;
  }
  active = (i + options.length) % options.length;
  options.forEach((o, j) => o.setAttribute('aria-selected', String(j === active)));
  input.setAttribute('aria-activedescendant', options[active].id);
  if (scroll) options[active].scrollIntoView({ block: 'nearest' });
}

let pending = 0;
async function update(): Promise<void> {
  const query = input.value;
  const ticket = ++pending;
  if (!query.trim()) {
    list.replaceChildren();
    status.textContent = '';
    input.setAttribute('aria-expanded', 'false');
    select(-1);
    dialog!.dataset.state = 'ready';
    return;
  }
  dialog!.dataset.state = 'pending';
  if (!loaded) status.textContent = 'Loading the index…';
  let hits: Hit[];
  try {
    hits = (await searcher!).search(query, LIMIT);
  } catch {
    status.replaceChildren('The search index could not be loaded; the ', el('a', { href: url('#contents'), textContent: 'contents' }), ' list every chapter.');
    dialog!.dataset.state = 'error';
    return;
  }
  if (ticket !== pending) return; // a newer keystroke has its own results coming
  list.replaceChildren(...hits.map(option));
  input.setAttribute('aria-expanded', String(hits.length > 0));
  status.textContent = hits.length === 0 ? `Nothing found for “${query.trim()}”.`
    : hits.length === 1 ? '1 section' : `${hits.length === LIMIT ? 'Top ' : ''}${hits.length} sections`;
  select(0);
  dialog!.dataset.state = 'ready';
}

function build(): HTMLDialogElement {
  const d = el('dialog', { className: 'search-dialog' }, { 'aria-label': 'Search the essay' });
  const form = el('div', { className: 'search-box' });
  input = el('input', { type: 'search', id: 'search-input', placeholder: 'Search the essay', autocomplete: 'off', spellcheck: false }, {
    role: 'combobox', 'aria-expanded': 'false', 'aria-controls': 'search-results', 'aria-autocomplete': 'list',
    'aria-label': 'Search the essay', enterkeyhint: 'go', autocapitalize: 'off',
  });
  const close = el('button', { type: 'button', className: 'search-close', textContent: 'Close' });
  close.addEventListener('click', () => d.close());
  form.append(input, close);
  status = el('p', { className: 'search-status' }, { role: 'status' });
  list = el('div', { id: 'search-results', className: 'search-results' }, { role: 'listbox', 'aria-label': 'Sections found' });
  d.append(form, status, list);

  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      select(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Escape') {
      // Handled here: in a search field the browser's own Escape only clears the text.
      e.preventDefault();
      d.close();
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      list.querySelectorAll<HTMLAnchorElement>('[role="option"]')[active]?.click();
    }
  });
  list.addEventListener('mousemove', (e) => {
    const o = (e.target as Element).closest<HTMLElement>('[role="option"]');
    if (o) select([...list.children].indexOf(o), false);
  });
  // Following a result: close without sending focus back to the opener, so that a link to a
  // section of this same page lands there (the browser then scrolls to the fragment).
  list.addEventListener('click', (e) => {
    if ((e.target as Element).closest('[role="option"]')) {
      opener = null;
      d.close();
    }
  });
  // A click on the backdrop (outside the dialog's box) closes it.
  d.addEventListener('click', (e) => {
    if (e.target === d) d.close();
  });
  d.addEventListener('close', () => {
    opener?.focus();
    opener = null;
  });
  document.body.append(d);
  return d;
}

export function openSearch(from: HTMLElement | null): void {
  dialog ??= build();
  // After a failed load (offline, say), the next opening tries again.
  searcher ??= loadSearcher().catch((error) => {
    searcher = null;
    throw error;
  });
  if (!dialog.open) {
    opener = from;
    dialog.showModal();
  }
  input.focus();
  input.select();
  void update();
}
