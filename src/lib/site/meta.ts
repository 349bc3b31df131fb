// One source of metadata for the essay: page heads, "cite this essay", BibTeX and the about page.
export const essay = {
  title: 'Counting Schemers',
  subtitle: 'An explorable essay on counting arguments, speed priors and path dependence in the debate over whether training produces AIs that fake alignment',
  authors: ['The Counting Schemers authors'],
  firstPublished: '2026-11-26',
  version: '0.1.0',
  license: 'Text and figures CC BY 4.0; code MIT',
  repository: 'https://github.com/counting-schemers/counting-schemers',
} as const;
