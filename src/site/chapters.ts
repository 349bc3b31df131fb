import { getCollection, type CollectionEntry } from 'astro:content';
import { isBuilt, wantsFixtures } from './fixtures';
import { readingMinutes, wordCount } from './reading';

export type Chapter = CollectionEntry<'chapters'>;

/** Built pages in reading order. Drafts never leave the author's machine; test fixtures only the tests'. */
export async function publishedChapters(): Promise<Chapter[]> {
  const withFixtures = wantsFixtures(process.env, import.meta.env.DEV);
  const all = await getCollection('chapters', (c) => isBuilt(c.data, withFixtures));
  return all.sort((a, b) => a.data.order - b.data.order);
}

/** The pages listed in the contents (test fixtures such as the kitchen sink are not). */
export async function listedChapters(): Promise<Chapter[]> {
  return (await publishedChapters()).filter((c) => !c.data.fixture);
}

/** Minutes to read a page's prose (or the part of it from a heading on), from its words at build time. */
export function minutesToRead(c: Chapter, fromHeading?: string): number {
  const body = c.body ?? '';
  const at = fromHeading ? body.indexOf(`](#${fromHeading})`) : -1;
  return readingMinutes(wordCount(at >= 0 ? body.slice(body.lastIndexOf('\n', at)) : body));
}
