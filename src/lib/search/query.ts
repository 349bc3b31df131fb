// Searching the section records: the MiniSearch index, ranking, and highlighted excerpts.
// Pure (no DOM), shared by the browser dialog and the Node tests.
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { SearchRecord } from './records';

/** Lower case, without accents: "Gödel" and "godel" are one term. */
export const normalize = (term: string): string => term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// Headings and short names weigh more than body text.
const BOOST = { title: 4, keywords: 3, text: 1 };

const options: Options<SearchRecord & { id: number }> = {
  fields: ['title', 'keywords', 'text'],
  processTerm: (term) => normalize(term) || null,
  searchOptions: {
    boost: BOOST,
    // The last word is still being typed: match it as a prefix. Longer words forgive a typo.
    prefix: (_term, i, terms) => i === terms.length - 1,
    fuzzy: (term) => (term.length > 5 ? 0.2 : false),
  },
};

export interface Searcher {
  search(query: string, limit?: number): Hit[];
}

export interface Hit {
  record: SearchRecord;
  score: number;
  /** Words of the record's text that matched (index terms), for highlighting. */
  terms: string[];
}

export function createSearcher(records: SearchRecord[]): Searcher {
  const index = new MiniSearch(options);
  index.addAll(records.map((r, id) => ({ ...r, id })));
  return {
    search(query, limit = 20) {
      const q = query.trim();
      if (!q) return [];
      const phrase = normalize(q);
      // Sections holding the query as a phrase come first among equals.
      const boostDocument = (id: number) => {
        const r = records[id];
        return normalize(`${r.title} ${r.text}`).includes(phrase) ? 2 : 1;
      };
      // Every word must match; if nothing has them all, any word will do.
      let found: SearchResult[] = index.search(q, { combineWith: 'AND', boostDocument });
      if (found.length === 0) found = index.search(q, { combineWith: 'OR', boostDocument });
      return found.slice(0, limit).map((f) => ({ record: records[f.id], score: f.score, terms: f.terms }));
    },
  };
}

export interface Segment {
  text: string;
  mark: boolean;
}

/** A window of `text` of about `length` characters around the first matched term, cut at word
 * boundaries, as plain and marked segments (the caller renders marks; nothing here is HTML). */
export function excerpt(text: string, terms: string[], length = 160): Segment[] {
  const wanted = new Set(terms.map(normalize));
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const hits = words.filter((w) => wanted.has(normalize(w[0])));
  const first = hits[0]?.index ?? 0;
  let start = 0;
  if (first > length / 3) {
    // Back to the start of the word the window would cut.
    start = text.lastIndexOf(' ', first - Math.floor(length / 3)) + 1;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const segments: Segment[] = [];
  const push = (s: string, mark: boolean) => {
    if (!s) return;
    const last = segments.at(-1);
    if (last && last.mark === mark) last.text += s;
    else segments.push({ text: s, mark });
  };
  if (start > 0) push('… ', false);
  let pos = start;
  for (const w of hits) {
    const at = w.index!;
    if (at < start || at + w[0].length > end) continue;
    push(text.slice(pos, at), false);
    push(w[0], true);
    pos = at + w[0].length;
  }
  push(text.slice(pos, end), false);
  if (end < text.length) push(' …', false);
  return segments;
}
