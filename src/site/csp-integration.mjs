// A strict Content-Security-Policy for every built page, as a <meta> tag (static hosts can't be
// relied on for headers). Written after the build, when each page's exact inline content is
// known: inline scripts and style attributes are allowed by their SHA-256 hashes, never by
// 'unsafe-inline'. Nothing may load from another origin.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function decodeEntities(s) {
  return s
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Move every inline style attribute into one <style> element in the head, as a class rule
 * marked !important (so it still wins over the stylesheets, as the attribute did). The policy
 * then needs one hash per page instead of one per distinct attribute (KaTeX writes hundreds). */
export function hoistStyleAttributes(html) {
  const classes = new Map();
  const out = html.replace(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*?)\s+style="([^"]*)"((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>/g,
    (tag, name, before, style, after, selfClose) => {
      if (!classes.has(style)) classes.set(style, `is-${classes.size.toString(36)}`);
      const cls = classes.get(style);
      let attrs = `${before}${after}`;
      if (/\sclass="/.test(attrs)) attrs = attrs.replace(/\sclass="([^"]*)"/, (m, c) => ` class="${c} ${cls}"`);
      else attrs += ` class="${cls}"`;
      return `<${name}${attrs}${selfClose ? ' /' : ''}>`;
    });
  if (classes.size === 0) return html;
  const rules = [...classes].map(([style, cls]) =>
    `.${cls}{${decodeEntities(style).split(';').filter((d) => d.trim()).map((d) => `${d.trim()} !important`).join(';')}}`).join('');
  return out.replace('</head>', `<style>${rules}</style></head>`);
}

export function policyFor(html) {
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
  const styleElements = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
  const styleAttrs = [...new Set([...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => sha256(decodeEntities(m[1]))))];
  const directives = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(scripts)].join(' ')}`.trim(),
    `style-src-elem 'self' ${[...new Set(styleElements)].join(' ')}`.trim(),
    styleAttrs.length ? `style-src-attr 'unsafe-hashes' ${styleAttrs.join(' ')}` : "style-src-attr 'none'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  return directives.join('; ');
}

/** Every built page under `dir` (also used by the link-preview cards). */
export async function htmlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(p)));
    else if (entry.name.endsWith('.html')) out.push(p);
  }
  return out;
}

export default function csp() {
  return {
    name: 'counting-schemers-csp',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const root = dir instanceof URL ? dir.pathname : String(dir);
        for (const file of await htmlFiles(root)) {
          const html = hoistStyleAttributes(await readFile(file, 'utf8'));
          const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}">`;
          // After the charset declaration, which must stay within the first 1024 bytes.
          await writeFile(file, html.replace(/<meta charset="utf-8"\s*\/?>/i, (m) => `${m}${meta}`));
        }
      },
    },
  };
}
