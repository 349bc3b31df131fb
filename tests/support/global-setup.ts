// Build once, serve once, launch one Chromium: shared by every site and browser test file.
// The site is built under a sub-path (/essay/) so the tests prove sub-path deployment works, and
// with the test fixtures (the kitchen sink, the widget test pages), which the published site leaves out.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { serveDist } from './server';
import { CHROMIUM_ARGS, resolveChromium } from './chromium';
import { FIXTURES_ENV } from '../../src/lib/site/fixtures';

export const TEST_BASE = '/essay/';
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
      env: { ...process.env, BASE_PATH: TEST_BASE, ASTRO_TELEMETRY_DISABLED: '1', [FIXTURES_ENV]: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`astro build failed:\n${built.stdout}\n${built.stderr}`);
  }
  const site = await serveDist(distDir, TEST_BASE);
  const { executablePath, env } = await resolveChromium();
  const browser: BrowserServer = await chromium.launchServer({ executablePath, env, args: CHROMIUM_ARGS });
  project.provide('baseUrl', site.url);
  project.provide('wsEndpoint', browser.wsEndpoint());
  project.provide('distDir', distDir);
  project.provide('base', TEST_BASE);
  return async () => {
    await browser.close();
    await site.close();
  };
}
