// `npm run links [-- --check]`: keep content/external-links.json, the one list of every external
// link the site contains, in step with a build (dist-test/). With --check it also requests each
// link and records the status and the date; that needs a network, so it is never part of
// `npm test` (the site test only checks that the list is complete).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { externalLinks } from './site.ts';

const root = resolve(import.meta.dirname, '../..');
const file = resolve(root, 'content/external-links.json');
type Entry = { status: number | string | null; checked: string | null };
const list: Record<string, Entry> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};

const links = externalLinks(resolve(root, process.env.TEST_DIST ?? 'dist-test'));
const next: Record<string, Entry> = {};
for (const url of links) next[url] = list[url] ?? { status: null, checked: null };
if (process.argv.includes('--check')) {
  const today = new Date().toISOString().slice(0, 10);
  for (const url of links) {
    try {
      const r = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(15_000) });
      next[url] = { status: r.status, checked: today };
    } catch (e) {
      next[url] = { status: `unreachable: ${(e as Error).message}`, checked: today };
    }
  }
}
writeFileSync(file, JSON.stringify(next, null, 2) + '\n');
console.log(`external links: ${links.length} listed in content/external-links.json`);
