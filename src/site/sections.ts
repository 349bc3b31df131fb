// Every section of the published, listed pages, with what previews and share cards need: its page,
// § number, title and lead (first sentences, collected by remark-sections at build time).
import { render } from 'astro:content';
import { listedChapters, type Chapter } from './chapters';

export interface Section {
  id: string;
  title: string;
  number: string | null;
  depth: number;
  lead: string;
}

export interface SectionEntry extends Section {
  /** The page's slug (`counting`). */
  page: string;
  pageTitle: string;
  chapter?: number;
  /** Its share page's slug, /s/<share>/: the section id, or `page-id` when an earlier page already
   * has a section of that id. */
  share: string;
}

export async function chapterSections(entry: Chapter): Promise<Section[]> {
  const { remarkPluginFrontmatter } = await render(entry);
  return (remarkPluginFrontmatter.sections ?? []) as Section[];
}

let index: Promise<SectionEntry[]> | null = null;

/** All sections of the listed pages, in reading order. */
export function allSections(): Promise<SectionEntry[]> {
  index ??= (async () => {
    const out: SectionEntry[] = [];
    const shares = new Set<string>();
    for (const entry of await listedChapters()) {
      for (const s of await chapterSections(entry)) {
        const share = shares.has(s.id) ? `${entry.id}-${s.id}` : s.id;
        shares.add(share);
        out.push({ ...s, page: entry.id, pageTitle: entry.data.title, chapter: entry.data.chapter, share });
      }
    }
    return out;
  })();
  return index;
}

/** "§2.4 Counting exactly", or the bare title on unnumbered pages. */
export function sectionLabel(s: Pick<Section, 'number' | 'title'>): string {
  return s.number ? `§${s.number} ${s.title}` : s.title;
}
