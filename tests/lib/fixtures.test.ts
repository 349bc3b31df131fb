import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { isBuilt, wantsFixtures } from '../../src/site/fixtures';
import { chapterFlags } from '../support/site';

const chapters = chapterFlags(resolve(import.meta.dirname, '../../content/chapters'));
const built = (withFixtures: boolean) => chapters.filter((c) => isBuilt(c, withFixtures)).map((c) => c.slug);
const FIXTURES = ['kitchen-sink', 'widgets-chapter-1', 'widgets-simplicity'];

describe('test fixtures', () => {
  it('are marked as such in their front matter', () => {
    expect(chapters.filter((c) => c.fixture).map((c) => c.slug)).toEqual(FIXTURES);
  });

  it('are left out of a production build and built into the test build', () => {
    const production = built(wantsFixtures({}, false));
    expect(production.filter((slug) => FIXTURES.includes(slug))).toEqual([]);
    expect(production).toContain('counting');
    expect(built(wantsFixtures({ BUILD_FIXTURES: '1' }, false))).toEqual(expect.arrayContaining([...FIXTURES, 'counting']));
    expect(wantsFixtures({}, true)).toBe(true); // the dev server shows them
  });

  it('never builds a draft', () => {
    expect(isBuilt({ draft: true, fixture: false }, true)).toBe(false);
    expect(isBuilt({ draft: true, fixture: true }, true)).toBe(false);
  });
});
