// The one place that finds the Chromium the tests, benchmarks and screenshots launch: the Chromium
// pinned in package.json (@sparticuz/chromium, from the npm registry, so `npm ci` is all a machine
// needs), or a system Chromium named by CHROMIUM_PATH. Launch it with CHROMIUM_ARGS, not that
// package's serverless defaults (single-process, web security off, …).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export interface Chromium {
  executablePath: string;
  /** The environment to launch it with (the packaged Chromium brings its own NSS libraries). */
  env: Record<string, string | undefined>;
}

let resolved: Promise<Chromium> | undefined;

export function resolveChromium(): Promise<Chromium> {
  resolved ??= Promise.resolve(process.env.CHROMIUM_PATH
    ? { executablePath: process.env.CHROMIUM_PATH, env: { ...process.env } }
    : unpackPinned());
  return resolved;
}

/**
 * Unpacks the pinned Chromium once per version into the temp folder, atomically (unpacked into a
 * private folder, then renamed), so that concurrent runs never launch a half-written binary.
 */
function unpackPinned(): Chromium {
  const pkgDir = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..');
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const dir = join(tmpdir(), `counting-schemers-chromium-${version}`);
  if (!existsSync(join(dir, 'ready'))) {
    const partial = `${dir}.${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial);
    // The package unpacks into os.tmpdir(): run it in a child whose TMPDIR is the private folder. Its
    // Amazon Linux libraries (NSS, NSPR, expat) are unpacked too, so no system package is needed.
    const script = `const { default: c, inflate } = await import('@sparticuz/chromium');
      await c.executablePath(); await inflate(${JSON.stringify(join(pkgDir, 'bin', 'al2023.tar.br'))});`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: pkgDir, env: { ...process.env, TMPDIR: partial }, encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`unpacking @sparticuz/chromium failed:\n${r.stderr}`);
    // System fonts where the machine has them, and the package's Open Sans always, so text has
    // glyphs (and widths) even on a machine without any font installed.
    writeFileSync(join(partial, 'fonts.conf'), `<?xml version="1.0"?>
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${join(dir, 'fonts', 'fonts')}</dir>
  <cachedir>${join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`);
    writeFileSync(join(partial, 'ready'), version);
    try {
      renameSync(partial, dir);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another run unpacked it first
    }
  }
  return {
    executablePath: join(dir, 'chromium'),
    env: {
      ...process.env,
      LD_LIBRARY_PATH: [join(dir, 'al2023', 'lib'), process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_FILE: join(dir, 'fonts.conf'),
    },
  };
}
