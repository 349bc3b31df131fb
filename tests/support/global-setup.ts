// Build once, serve once, launch one Chromium: shared by every site and browser test file.
// The site is built under a sub-path (/essay/) so the tests prove sub-path deployment works.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { serveDist } from './server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

export const TEST_BASE = '/essay/';
export const TEST_SITE = 'https://counting-schemers.example';
const root = resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    wsEndpoint: string;
    distDir: string;
    base: string;
  }
}

export default async function setup(project: TestProject) {
  const distDir = resolve(root, process.env.TEST_DIST ?? 'dist-test');
  if (!process.env.REUSE_BUILD) {
    const built = spawnSync(process.execPath, [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', distDir], {
      cwd: root,
      // A public origin, as a deployment has, so link-preview URLs are absolute (tests/site/share.test.ts).
      env: { SITE: TEST_SITE, ...process.env, BASE_PATH: TEST_BASE, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`astro build failed:\n${built.stdout}\n${built.stderr}`);
  }
  const site = await serveDist(distDir, TEST_BASE);
  const browser: BrowserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  project.provide('baseUrl', site.url);
  project.provide('wsEndpoint', browser.wsEndpoint());
  project.provide('distDir', distDir);
  project.provide('base', TEST_BASE);
  return async () => {
    await browser.close();
    await site.close();
  };
}
