// `npm run links:record`: builds the test site (REUSE_BUILD=1 reuses dist-test/, or TEST_DIST),
// opens every link of tests/links.json in Chromium and writes the outputs of new entries (those
// without `outputs`), and of outputs a widget has gained. It never overwrites a recorded value: a
// changed one is reported, and the command fails until the entry has a `changes` record
// ({ date, output, old, new, why }) saying what changed and why; /about/ lists those records.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist } from './server.ts';
import { CHROMIUM_ARGS, resolveChromium } from './chromium.ts';
import { expectedOutputs, readLink, sameRecordedValue, type Registry } from './links.ts';
import type { Page } from './driver.ts';

const root = resolve(import.meta.dirname, '../..');
const file = resolve(root, 'tests/links.json');
const base = '/essay/';
const distDir = resolve(root, process.env.TEST_DIST ?? 'dist-test');
if (!process.env.REUSE_BUILD) {
  console.log(`Building the site into ${distDir} …`);
  const built = spawnSync(process.execPath, [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', distDir], {
    cwd: root, env: { ...process.env, BASE_PATH: base, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(1);
}

const registry = JSON.parse(readFileSync(file, 'utf8')) as Registry;
const site = await serveDist(distDir, base);
const { executablePath, env } = await resolveChromium();
const browser = await chromium.launch({ executablePath, env, args: CHROMIUM_ARGS });
const changed: string[] = [];
let written = 0;
try {
  const byPath = Map.groupBy(registry.links, (l) => new URL(l.url, 'http://x').pathname);
  for (const [path, links] of byPath) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.url + path.replace(/^\//, ''));
    for (const link of links) {
      // Playwright's page is a superset of the driver interface the shared reader is written against.
      const shown = await readLink(page as unknown as Page, site.url, link);
      const want = expectedOutputs(link);
      link.outputs ??= {};
      for (const [name, value] of Object.entries(shown)) {
        if (!(name in want)) {
          link.outputs[name] = value;
          written++;
        } else if (!sameRecordedValue(value, want[name])) {
          changed.push(`${link.url}\n    ${name}: recorded ${want[name]}, now ${value}`);
        }
      }
      for (const name of Object.keys(want)) if (!(name in shown)) changed.push(`${link.url}\n    ${name}: recorded ${want[name]}, now missing`);
      console.log(`${link.url}: ${Object.keys(shown).length} outputs`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
writeFileSync(file, `${JSON.stringify(registry, null, 2)}\n`);
console.log(`Recorded ${written} new output values in tests/links.json.`);
if (changed.length) {
  console.error(`\n${changed.length} recorded output(s) changed. A cited number may change only with a record of why:`);
  console.error(changed.map((c) => `  ${c}`).join('\n'));
  console.error('Add to each entry: "changes": [{ "date": "YYYY-MM-DD", "output": NAME, "old": OLD, "new": NEW, "why": "…" }]');
  process.exit(1);
}
