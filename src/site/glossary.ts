import data from '../../content/glossary.json';

export interface GlossaryEntry {
  term: string;
  /** One-line definition (shown as a title on links). */
  short: string;
  /** Full definition (Markdown-free text). */
  definition: string;
  /** Citation keys supporting the definition. */
  cite?: string[];
  /** Related glossary ids ("see also"). */
  see?: string[];
}

export const glossary = data as Record<string, GlossaryEntry>;
