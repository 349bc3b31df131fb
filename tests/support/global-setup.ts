// Build once, serve once: shared by every site and browser test file, in both projects that use it
// (Chromium's "dist" and Firefox's "gecko": the second gets the first's).
// The site is built under a sub-path (/essay/) so the tests prove sub-path deployment works, and
// with the test fixtures (the kitchen sink, the widget test pages), which the published site leaves out.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDist } from './server';
import { resolveChromium } from './chromium';
import type { Engine } from './driver';
import { FIXTURES_ENV } from '../../src/site/fixtures';

export const TEST_BASE = '/essay/';
export const TEST_SITE = 'https://counting-schemers.example';
const root = resolve(import.meta.dirname, '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
    base: string;
    engine: Engine;
    firefoxPath: string;
  }
}

interface Shared { baseUrl: string; distDir: string; users: number; close(): Promise<void> }
const SHARED = Symbol.for('counting-schemers.global-setup');
const store = globalThis as { [SHARED]?: Promise<Shared> };

export default async function setup(project: TestProject) {
  store[SHARED] ??= start();
  const shared = await store[SHARED];
  shared.users++;
  project.provide('baseUrl', shared.baseUrl);
  project.provide('distDir', shared.distDir);
  project.provide('base', TEST_BASE);
  return async () => {
    if (--shared.users > 0) return;
    delete store[SHARED]; // a project set up later starts afresh, on the same build
    process.env.REUSE_BUILD = '1';
    await shared.close();
  };
}

async function start(): Promise<Shared> {
  const distDir = resolve(root, process.env.TEST_DIST ?? 'dist-test');
  if (!process.env.REUSE_BUILD) {
    const built = spawnSync(process.execPath, [resolve(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', distDir], {
      cwd: root,
      // A public origin, as a deployment has, so link-preview URLs are absolute (tests/site/share.test.ts).
      env: { SITE: TEST_SITE, ...process.env, BASE_PATH: TEST_BASE, ASTRO_TELEMETRY_DISABLED: '1', [FIXTURES_ENV]: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`astro build failed:\n${built.stdout}\n${built.stderr}`);
  }
  const site = await serveDist(distDir, TEST_BASE);
  await resolveChromium(); // unpacked once here, before test files launch it
  return { baseUrl: site.url, distDir, users: 0, close: () => site.close() };
}
