import { getCollection, type CollectionEntry } from 'astro:content';

export type Chapter = CollectionEntry<'chapters'>;

/** Published pages in reading order. Drafts never leave the author's machine. */
export async function publishedChapters(): Promise<Chapter[]> {
  const all = await getCollection('chapters', (c) => !c.data.draft);
  return all.sort((a, b) => a.data.order - b.data.order);
}

/** The pages listed in the contents (hidden pages such as the kitchen sink are not). */
export async function listedChapters(): Promise<Chapter[]> {
  return (await publishedChapters()).filter((c) => !c.data.hidden);
}
