// The bibliography: one source (content/references.json), keyed by citation key. The key is the
// reference's permanent id on /references/.
import data from '../../content/references.json';

export interface Reference {
  type: 'paper' | 'report' | 'web' | 'book';
  authors: string[];
  year: number;
  title: string;
  publisher: string;
  url: string;
}

export const references = data as Record<string, Reference>;

export function getReference(key: string): Reference {
  const ref = references[key];
  if (!ref) throw new Error(`Unknown citation key "${key}". Add it to content/references.json.`);
  return ref;
}

function surname(name: string): string {
  if (name === 'et al.') return name;
  const parts = name.split(' ');
  return parts[parts.length - 1];
}

/** "Carlsmith 2023", "Belrose & Pope 2024", "Veit et al. 2016". */
export function shortCitation(ref: Reference): string {
  const names = ref.authors.filter((a) => a !== 'et al.');
  const who =
    names.length === 1 && ref.authors.length === 1
      ? surname(names[0])
      : names.length === 2 && ref.authors.length === 2
        ? `${surname(names[0])} & ${surname(names[1])}`
        : `${surname(names[0])} et al.`;
  return `${who} ${ref.year}`;
}

/** Full reference as plain text, for previews and the bibliography. */
export function fullCitation(ref: Reference): string {
  const authors = ref.authors.length > 1
    ? ref.authors.slice(0, -1).join(', ') + (ref.authors.at(-1) === 'et al.' ? ' et al.' : ` and ${ref.authors.at(-1)}`)
    : ref.authors[0];
  const title = /[?!.]$/.test(ref.title) ? ref.title : `${ref.title}.`;
  return `${authors} (${ref.year}). ${title} ${ref.publisher}.`;
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/** Bibliography order: first author's surname, then year, then title. */
export function bibliographyOrder(a: Reference, b: Reference): number {
  return collator.compare(surname(a.authors[0]), surname(b.authors[0])) || a.year - b.year || collator.compare(a.title, b.title);
}
