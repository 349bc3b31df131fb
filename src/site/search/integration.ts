// Writes the search index, `search.json` at the root of the build: the section records of every
// page readers can find (no 404, nothing marked noindex: the test-only fixture chapters are), and
// one record per glossary entry and reference. The dialog fetches it only when it opens.
//
// Why MiniSearch over these records rather than Pagefind (measured on this site, 2026-12, gzipped):
// Pagefind 1.6's first query for "reversal curse" fetched 204 KB (JS and worker 26, WASM 60, two
// index chunks 71, five result fragments 47), over the 150 KB budget; it splits results only at
// headings, so a glossary entry or a reference came back as its whole page, not its anchor; and
// it needs a worker and WebAssembly. This index is 64 KB and the dialog's code with MiniSearch
// 8 KB, fetched once, after which every query is answered in memory.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { JSDOM } from 'jsdom';
import type { AstroIntegration } from 'astro';
import { addAbbreviations, glossaryRecords, pageRecords, referenceRecords, type SearchRecord } from './records';
import { glossary } from '../glossary';
import { references } from '../references';
import abbreviations from '../../../content/search-abbreviations.json';

export const INDEX_FILE = 'search.json';
// Built from their data, with short names as titles, rather than from their pages.
const DATA_PAGES = new Set(['glossary/', 'references/']);

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(p)));
    else if (entry.name === 'index.html') out.push(p);
  }
  return out;
}

export async function buildRecords(distDir: string): Promise<SearchRecord[]> {
  const records: SearchRecord[] = [];
  for (const file of (await htmlFiles(distDir)).sort()) {
    const route = relative(distDir, file).replace(/\\/g, '/').replace(/index\.html$/, '');
    if (DATA_PAGES.has(route)) continue;
    // Styles and scripts hold no reading text, and skipping them halves jsdom's time.
    const html = (await readFile(file, 'utf8')).replace(/<(style|script)\b[\s\S]*?<\/\1>/g, '');
    const { document } = new JSDOM(html).window;
    if (document.querySelector('meta[name="robots"][content~="noindex"]')) continue;
    records.push(...pageRecords(document, route));
  }
  records.push(...glossaryRecords(glossary), ...referenceRecords(references));
  return addAbbreviations(records, abbreviations);
}

export default function search(): AstroIntegration {
  return {
    name: 'counting-schemers-search',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const distDir = dir instanceof URL ? dir.pathname : String(dir);
        await writeFile(join(distDir, INDEX_FILE), JSON.stringify(await buildRecords(distDir)));
      },
    },
  };
}
