// One source of metadata for the essay: page heads (`citation_*` tags), "cite this essay" as text
// and BibTeX, the changelog and the about page. Change the essay's title, authors, version or
// licence here and nowhere else.

export interface Contributor {
  name: string;
  /** An organisation or collective name: BibTeX must keep it whole ({{…}}), not split it into
   * given and family names. */
  organisation?: boolean;
}

export interface ChangelogEntry {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  version: string;
  changes: readonly string[];
}

/** Newest first. The first entry is the current version; the last is the first publication. */
export const changelog: readonly ChangelogEntry[] = [
  {
    date: '2026-11-26',
    version: '0.1.0',
    changes: [
      'First public version: the essay’s chapters on counting arguments, speed and depth, and path dependence, with a closing chapter for weighing them up.',
      'Ten interactive figures, each computed in the browser by a small, tested model, with its mathematics and tests set out on the methods page.',
      'References, glossary, permanent section ids and this page.',
    ],
  },
];

const contributors: readonly Contributor[] = [{ name: 'The Counting Schemers authors', organisation: true }];

export const licences = {
  text: {
    name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
    short: 'CC BY 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    covers: 'the text and figures',
  },
  code: {
    name: 'MIT License',
    short: 'MIT',
    url: 'https://opensource.org/license/mit',
    covers: 'the source code (models, components, tests)',
  },
} as const;

const current = changelog[0];
const first = changelog[changelog.length - 1];

export const essay = {
  title: 'Counting Schemers',
  subtitle: 'An explorable essay on counting arguments, speed priors and path dependence in the debate over whether training produces AIs that fake alignment',
  contributors,
  authors: contributors.map((c) => c.name),
  firstPublished: first.date,
  updated: current.date,
  version: current.version,
  license: `Text and figures ${licences.text.short}; code ${licences.code.short}`,
  repository: 'https://github.com/counting-schemers/counting-schemers',
  /** The BibTeX key for the whole essay. */
  citationKey: `countingschemers${first.date.slice(0, 4)}`,
} as const;

/** A source file as published with the site (plain text under /source/, see
 * src/site/source-integration.mjs), so the link works wherever the site is hosted. */
export function sourceUrl(path: string): string {
  const base = ((import.meta as unknown as { env?: Record<string, string | undefined> }).env?.BASE_URL ?? '/').replace(/\/?$/, '/');
  return `${base}source/${path.replace(/^\/+/, '')}.txt`;
}

/** A file or folder in the repository, as a link on the hosting site (main branch). */
export function repositoryUrl(path = ''): string {
  const clean = path.replace(/^\/+/, '');
  if (!clean) return essay.repository;
  return `${essay.repository}/${clean.endsWith('/') ? 'tree' : 'blob'}/main/${clean.replace(/\/$/, '')}`;
}

/** The essay's public address: the deployment's origin (SITE) and base path (BASE_PATH). */
export function essayUrl(): string {
  const env = (import.meta as unknown as { env?: Record<string, string | undefined> }).env ?? {};
  const site = env.SITE ?? 'https://counting-schemers.example';
  const base = env.BASE_URL ?? '/';
  return new URL(base.replace(/\/?$/, '/'), site).href;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** '2026-11-26' → '26 November 2026'. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function authorList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The full title: "Counting Schemers: An explorable essay on …". */
export function fullTitle(): string {
  return `${essay.title}: ${essay.subtitle}`;
}

/** "Cite this essay" as plain text. */
export function citationText(url = essayUrl()): string {
  return `${authorList(essay.authors)} (${essay.firstPublished.slice(0, 4)}). ${fullTitle()}. Version ${essay.version}, updated ${formatDate(essay.updated)}. ${url}`;
}

/** Escape BibTeX's special characters in a field value. */
function bibEscape(text: string): string {
  return text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

/** Protect capitals that BibTeX styles must not lower-case (proper nouns, acronyms such as "AIs"). */
function protectCase(title: string): string {
  return title.replace(/\b(Counting Schemers|[A-Z][A-Za-z]*[A-Z][A-Za-z]*)\b/g, '{$1}');
}

function bibAuthor(c: Contributor): string {
  return c.organisation ? `{${bibEscape(c.name)}}` : bibEscape(c.name);
}

/** "Cite this essay" as a BibTeX entry (@misc, which every style understands). */
export function bibtex(url = essayUrl()): string {
  const [year, month] = essay.firstPublished.split('-');
  const monthMacro = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'][Number(month) - 1];
  const fields: [string, string][] = [
    ['author', `{${essay.contributors.map(bibAuthor).join(' and ')}}`],
    ['title', `{${protectCase(bibEscape(essay.title))}: ${protectCase(bibEscape(essay.subtitle))}}`],
    ['year', `{${year}}`],
    ['month', monthMacro],
    ['version', `{${bibEscape(essay.version)}}`],
    ['howpublished', `{\\url{${url}}}`],
    ['url', `{${url}}`],
    ['note', `{Explorable essay, version ${bibEscape(essay.version)}, updated ${essay.updated}}`],
  ];
  const width = Math.max(...fields.map(([k]) => k.length));
  const body = fields.map(([k, v]) => `  ${k.padEnd(width)} = ${v},`).join('\n');
  return `@misc{${essay.citationKey},\n${body}\n}`;
}

/** Google Scholar / Highwire `citation_*` meta tags for a page of the essay. */
export function citationMeta(pageTitle: string, pageUrl: string): { name: string; content: string }[] {
  return [
    { name: 'citation_title', content: pageTitle === essay.title ? essay.title : `${essay.title}: ${pageTitle}` },
    ...essay.authors.map((a) => ({ name: 'citation_author', content: a })),
    { name: 'citation_publication_date', content: essay.firstPublished.replaceAll('-', '/') },
    { name: 'citation_online_date', content: essay.updated.replaceAll('-', '/') },
    { name: 'citation_public_url', content: pageUrl },
    { name: 'citation_language', content: 'en' },
  ];
}
