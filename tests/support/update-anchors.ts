// `npm run anchors`: add the citable ids of a fresh build to tests/anchors.json. It only ever adds:
// removing an id from the registry is a decision to break readers' links, made by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtPages, citableIdsOf, fixtureRoutes } from './site.ts';

const root = resolve(import.meta.dirname, '../..');
const file = resolve(root, 'tests/anchors.json');
const registry: Record<string, string[]> = JSON.parse(readFileSync(file, 'utf8'));
const fixtures = fixtureRoutes(resolve(root, 'content/chapters')); // test pages: no permanent ids
let added = 0;
for (const page of builtPages(resolve(root, process.argv[2] ?? 'dist'))) {
  if (page.route === '404.html' || fixtures.includes(page.route)) continue;
  const ids = (registry[page.route] ??= []);
  for (const id of citableIdsOf(page.html)) if (!ids.includes(id)) {
    ids.push(id);
    added += 1;
  }
}
writeFileSync(file, JSON.stringify(registry, null, 2) + '\n');
console.log(`anchors: ${added} id(s) added`);
