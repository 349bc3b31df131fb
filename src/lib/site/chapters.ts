import { getCollection, type CollectionEntry } from 'astro:content';
import { isBuilt, wantsFixtures } from './fixtures';

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
