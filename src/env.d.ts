/// <reference types="astro/client" />
declare namespace App {
  interface Locals {
    /** Figure ids of the page being rendered, in order: their numbers. */
    figures?: string[];
    /** The chapter number of the page being rendered, if it is a numbered chapter. */
    chapter?: number;
    /** Per-page counters for element ids that need only be unique (never cited). */
    uid?: number;
    /** Each figure's title and caption lead, by id, for previews of references to it. */
    figureCaptions?: Record<string, { title: string; caption: string }>;
    /** Sidenotes rendered so far on the page: the next one's number. */
    sidenotes?: number;
  }
}

declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
