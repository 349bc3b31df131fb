// Link previews: where each page's card image lives and how its URLs are written. The images are
// drawn after the build (src/site/og-integration.mjs) from what each page's head asks for.
import { url } from '../core/paths';

export const CARD = { width: 1200, height: 630 } as const;

/** A card's path under the base: og/counting.png, og/index.png, og/s/counting-exactly.png. */
export function cardPath(key: string): string {
  return `og/${key}.png`;
}

/** The card key of a page route relative to the base ('' → 'index', 'counting/' → 'counting'). */
export function cardKey(route: string): string {
  return route.replace(/\/$/, '').replace(/\.html$/, '') || 'index';
}

/** An absolute URL when the public origin (SITE) is set; otherwise the root-relative path, which
 * is what the link-preview specs allow when the origin is unknown. */
export function publicUrl(path: string, site: URL | undefined): string {
  const full = url(path);
  return site ? new URL(full, site).href : full;
}
