// Searching the section records: the MiniSearch index, ranking, and highlighted excerpts.
// Pure (no DOM), shared by the browser dialog and the Node tests.
import MiniSearch, { type Options, type SearchResult } from 'minisearch';

/** One search result's data: a section, glossary entry or reference (built by src/site/search/records.ts). */
export interface SearchRecord {
  /** Path below the base, with the section's fragment: "speed-and-depth/#slack". */
  url: string;
  /** The page it is on: "Speed and depth", "Glossary", "References". */
  page: string;
  /** The section's number without "§" ("3.6"), or "" for unnumbered sections and entries. */
  number: string;
  title: string;
  text: string;
  /** Short names and abbreviations the text does not spell out ("sgd", "carlsmith2023"). */
  keywords: string;
}

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

/** Index the records a few at a time, yielding between chunks, so that indexing the whole essay
 * never holds the main thread for long (no long task when the dialog first opens). */
export async function createSearcher(records: SearchRecord[]): Promise<Searcher> {
  const index = new MiniSearch(options);
  await index.addAllAsync(records.map((r, id) => ({ ...r, id })), { chunkSize: 8 });
  const haystacks = records.map((r) => normalize(`${r.title} ${r.text}`));
  return {
    search(query, limit = 20) {
      const q = query.trim();
      if (!q) return [];
      const phrase = normalize(q);
      // Sections holding the query as a phrase come first among equals.
      const boostDocument = (id: number) => (haystacks[id].includes(phrase) ? 2 : 1);
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
 * boundaries, as plain and marked segments (the caller renders marks; nothing here is HTML).
 * Reads the text only up to the end of the window: this runs for every result at every keystroke. */
export function excerpt(text: string, terms: string[], length = 160): Segment[] {
  const wanted = new Set(terms.map(normalize));
  const isHit = (w: string) => wanted.has(/^[\x00-\x7f]*$/.test(w) ? w.toLowerCase() : normalize(w));
  const word = /[\p{L}\p{N}]+/gu;
  let first = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    if (isHit(m[0])) {
      first = m.index;
      break;
    }
  }
  // Back to the start of the word the window would cut.
  const start = first > length / 3 ? text.lastIndexOf(' ', first - Math.floor(length / 3)) + 1 : 0;
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
  word.lastIndex = start;
  for (let m = word.exec(text); m && m.index + m[0].length <= end; m = word.exec(text)) {
    if (!isHit(m[0])) continue;
    push(text.slice(pos, m.index), false);
    push(m[0], true);
    pos = m.index + m[0].length;
  }
  push(text.slice(pos, end), false);
  if (end < text.length) push(' …', false);
  return segments;
}
