// Every built page passes html-validate with the project's rules (.htmlvalidate.mjs: its recommended
// and document presets, and what they do not cover).
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { builtPages } from '../support/site';

const validator = new HtmlValidate(new FileSystemConfigLoader()); // finds .htmlvalidate.mjs at the repository's root

describe('HTML validity', () => {
  it('has no html-validate errors on any page', async () => {
    const dist = inject('distDir');
    const messages: string[] = [];
    for (const page of builtPages(dist)) {
      const file = join(dist, page.route.endsWith('.html') ? page.route : `${page.route}index.html`);
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const m of result.messages) messages.push(`/${page.route} ${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`);
      }
    }
    expect(messages).toEqual([]);
  });

  it('applies the project rules (a broken page fails)', async () => {
    const broken = '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><p id="a"><div id="a"></div></p><label for="nope">x</label></main></body></html>';
    const report = await validator.validateString(broken, join(inject('distDir'), 'broken.html'));
    // no-dup-id and no-implicit-close are recommended rules; no-missing-references is a document rule.
    expect(report.results[0]?.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['no-dup-id', 'no-implicit-close', 'no-missing-references']));
  });
});
