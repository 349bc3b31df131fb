// Reading time, from the words of a chapter's source at build time: the prose a reader reads, not
// its markup (imports, components' tags and attributes, mathematics, link targets, comments).

/** Words per minute of careful reading of argued prose (silent reading of non-fiction averages
 * about 238 for adults: Brysbaert 2019, doi:10.1016/j.jml.2019.104047); figures are extra. */
export const WORDS_PER_MINUTE = 238;

/** The number of words a reader reads in an MDX source. */
export function wordCount(mdx: string): number {
  const prose = mdx
    .replace(/^---\n[\s\S]*?\n---\n/, '') // front matter, if any
    .replace(/^(import|export) .*$/gm, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}|<!--[\s\S]*?-->/g, '')
    .replace(/\$\$[\s\S]*?\$\$|\$[^$\n]+\$/g, ' ')
    .replace(/\]\([^)]*\)/g, ']') // link targets
    .replace(/<\/?[A-Za-z][^>]*>/g, ' '); // tags, with their attributes
  return prose.match(/[\p{L}\p{N}][\p{L}\p{N}’'.,-]*/gu)?.length ?? 0;
}

/** Whole minutes, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
