// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkSections from './src/site/markdown/remark-sections.mjs';
import remarkBaseLinks from './src/site/markdown/remark-base-links.mjs';
import remarkCiteGroups from './src/site/markdown/remark-cite-groups.mjs';
import remarkMathStyles from './src/site/markdown/remark-math-styles.mjs';
import rehypeRowHeaders from './src/site/markdown/rehype-row-headers.mjs';
import rehypeBlockMarks from './src/site/markdown/rehype-block-marks.mjs';
import csp from './src/site/csp-integration.mjs';
import publishSource from './src/site/source-integration.mjs';
import search from './src/site/search/integration.ts';
import ogCards from './src/site/og-integration.mjs';

// BASE_PATH deploys the site under a sub-path; SITE is the public origin (canonical URLs, Open Graph).
// Without SITE those URLs are root-relative, and the build says so once (src/site/og-integration.mjs).
const base = process.env.BASE_PATH ?? '/';
const site = process.env.SITE || undefined;

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'auto' },
  integrations: [mdx(), ogCards(), csp(), publishSource(), search()],
  markdown: {
    processor: unified({
      remarkPlugins: [remarkSections, [remarkBaseLinks, { base }], remarkCiteGroups, remarkMath, remarkMathStyles],
      rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', strict: 'error' }], rehypeRowHeaders, rehypeBlockMarks],
      smartypants: true,
    }),
  },
  devToolbar: { enabled: false },
  vite: {
    worker: { format: 'es' },
    // Keep fonts and other assets as files: no data: URIs for the Content-Security-Policy to allow.
    build: { assetsInlineLimit: 0 },
  },
});
