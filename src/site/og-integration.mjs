// Link-preview cards, drawn after the build. Each page's head names its card (the og:image meta
// tag's data-card-* attributes, written by components/layout/Meta.astro); this reads them, finds
// the figure the card asks for in the built page, draws og/<key>.png and removes the attributes.
// Runs before the CSP integration, while the figures still carry their style attributes.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { renderCard } from './og-card.mjs';
import { htmlFiles } from './csp-integration.mjs';

const META = /<meta property="og:image"[^>]*>/;

function attributes(tag) {
  const out = {};
  for (const m of tag.matchAll(/\sdata-card-([a-z]+)="([^"]*)"/g)) {
    out[m[1]] = m[2].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
  return out;
}

/** The outermost <svg>…</svg> elements in an HTML fragment. */
function topLevelSvgs(html) {
  const out = [];
  const re = /<svg\b|<\/svg>/g;
  let depth = 0;
  let start = 0;
  for (const m of html.matchAll(re)) {
    if (m[0] === '<svg') {
      if (depth === 0) start = m.index;
      depth += 1;
    } else if (depth > 0 && --depth === 0) out.push(html.slice(start, m.index + 6));
  }
  return out;
}

/** The page's CSS rules that style a figure's drawing (those naming one of its classes), for
 * drawings styled by a stylesheet rather than attributes. Top-level rules only, and no
 * pseudo-classes: what resvg's CSS understands. */
export function figureCss(html, svg) {
  const classes = new Set([...svg.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/)));
  const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n').replace(/\/\*[\s\S]*?\*\//g, '');
  const rules = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) {
      const rule = css.slice(start, i + 1).trim();
      start = i + 1;
      const selector = rule.slice(0, rule.indexOf('{'));
      if (selector.startsWith('@')) continue;
      const kept = selector.split(',').filter((sel) => !sel.includes(':') && [...sel.matchAll(/\.([\w-]+)/g)].some((m) => classes.has(m[1])));
      if (kept.length) rules.push(`${kept.join(',')}${rule.slice(rule.indexOf('{'))}`);
    }
  }
  return rules.join('\n');
}

/** The chart of the figure nearest to `anchor` in a page: the figure itself, else the first
 * figure in the anchor's section, else the last one before it, else the first one after. */
export function nearestFigure(html, anchor) {
  const at = html.search(new RegExp(`\\sid="${anchor}"`));
  if (at < 0) return null;
  const figures = [...html.matchAll(/<figure\b[^>]*\sid="(fig-[^"]+)"/g)].map((m) => ({ id: m[1], start: m.index, end: html.indexOf('</figure>', m.index) }));
  const next = html.slice(at + 1).search(/<h[23]\b[^>]*\sid="/);
  const sectionEnd = next < 0 ? html.length : at + 1 + next;
  const candidates = [
    ...figures.filter((f) => f.start >= at - 200 && f.start < sectionEnd),
    ...figures.filter((f) => f.start < at).reverse(),
    ...figures.filter((f) => f.start >= sectionEnd),
  ];
  for (const f of candidates) {
    // A figure may hold small icons beside its chart: take its largest drawing.
    const svgs = topLevelSvgs(html.slice(f.start, f.end)).sort((a, b) => b.length - a.length);
    if (svgs[0] && svgs[0].length > 500) return { svg: svgs[0], css: figureCss(html, svgs[0]) };
  }
  return null;
}

export default function ogCards() {
  let site;
  return {
    name: 'counting-schemers-og-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:start': ({ logger }) => {
        if (!site) logger.warn('SITE is not set: link-preview URLs (og:image, canonical) are root-relative and og:url is left out. Set SITE=https://… for a deployment.');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = dir instanceof URL ? dir.pathname : String(dir);
        const started = performance.now();
        const pages = new Map();
        const cards = [];
        for (const file of await htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          const route = relative(root, file).replace(/\\/g, '/').replace(/index\.html$/, '');
          pages.set(route, html);
          const tag = html.match(META)?.[0];
          if (!tag) continue;
          cards.push(attributes(tag));
          await writeFile(file, html.replace(tag, tag.replace(/\sdata-card-[a-z]+="[^"]*"/g, '')));
        }
        const draw = async (card) => {
          let figure = null;
          if (card.figure) {
            const [route, anchor] = card.figure.split('#');
            figure = pages.has(route) ? nearestFigure(pages.get(route), anchor) : null;
          }
          const out = join(root, 'og', `${card.key}.png`);
          await mkdir(dirname(out), { recursive: true });
          const footer = site ? new URL(site).host : undefined;
          let png;
          try {
            png = await renderCard({ ...card, figure, footer });
          } catch (error) {
            logger.warn(`og/${card.key}.png: the figure could not be drawn (${error.message}); the card has none.`);
            png = await renderCard({ ...card, figure: null, footer });
          }
          await writeFile(out, png);
        };
        // One card per core at a time.
        const queue = [...cards];
        await Promise.all(Array.from({ length: availableParallelism() }, async () => {
          while (queue.length) await draw(queue.shift());
        }));
        logger.info(`${cards.length} link-preview cards in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
