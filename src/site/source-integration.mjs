// Publish the models and their tests with the site, as plain text under /source/, so the methods
// page can link every formula to the code that computes it and the tests that check it, wherever
// the site is hosted and whether or not the repository is public.
import { mkdir, readdir, writeFile, readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';

export const PUBLISHED_SOURCE = ['src/core', 'src/models', 'src/kit', 'src/site', 'src/workers', 'tests/models', 'tests/lib', 'tests/browser', 'tests/support', 'bench'];

async function files(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else if (/\.(ts|mjs)$/.test(e.name)) out.push(p);
  }
  return out;
}

export default function publishSource({ root = process.cwd() } = {}) {
  return {
    name: 'counting-schemers-source',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const out = dir instanceof URL ? dir.pathname : String(dir);
        for (const folder of PUBLISHED_SOURCE) {
          for (const file of await files(join(root, folder))) {
            const rel = file.slice(root.length + 1);
            const target = join(out, 'source', `${rel}.txt`);
            await mkdir(dirname(target), { recursive: true });
            await writeFile(target, await readFile(file));
          }
        }
      },
    },
  };
}
