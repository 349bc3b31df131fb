// Every built page passes the Nu Html Checker (vnu.jar from the npm package vnu-jar; needs Java).
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { builtPages } from '../support/site';

const vnu = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

describe('HTML validity', () => {
  it('has no Nu Html Checker errors on any page', () => {
    const dist = inject('distDir');
    const files = builtPages(dist).map((p) => join(dist, p.route.endsWith('.html') ? p.route : `${p.route}index.html`));
    const r = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
    expect(r.error, 'Java is needed for the Nu Html Checker').toBeUndefined();
    const messages = (JSON.parse(r.stderr || '{"messages":[]}').messages as { type: string; message: string; url: string; extract?: string }[])
      .filter((m) => m.type === 'error')
      .map((m) => `${m.url.replace(/^.*\/dist[^/]*\//, '/')}: ${m.message}`);
    expect(messages).toEqual([]);
  }, 120_000);
});
