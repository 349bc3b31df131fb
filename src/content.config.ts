import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

// Every essay page is an MDX file in content/chapters/. `chapter` numbers the sections of the
// numbered chapters; `figures` fixes figure numbers by id (never by counting); drafts are left
// out of the build; `fixture` pages (for the tests) are built only into the test build and are
// never listed (src/site/fixtures.ts).
const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    summary: z.string(),
    order: z.number(),
    chapter: z.number().optional(),
    figures: z.array(z.string()).default([]),
    draft: z.boolean().default(false),
    fixture: z.boolean().default(false),
    updated: z.string().optional(),
    /** Said after the reading time, where reading is not all of it (the tour: "about 10 with the figures"). */
    readingNote: z.string().optional(),
  }),
});

export const collections = { chapters };
