// The link-preview card: a 1200×630 SVG (kicker, title, subtitle and a figure from the page),
// rasterised to PNG with resvg. Fonts are TTFs from npm packages (Source Serif 4 and Source Sans 3,
// SIL Open Font License 1.1), so the image is the same on every machine, offline.
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const fontFiles = [
  '@expo-google-fonts/source-serif-4/600SemiBold/SourceSerif4_600SemiBold.ttf',
  '@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf',
  '@expo-google-fonts/source-sans-3/600SemiBold/SourceSans3_600SemiBold.ttf',
].map((f) => require.resolve(f));

export const WIDTH = 1200;
export const HEIGHT = 630;

// The light theme's colours (src/styles/global.css), for the card and for CSS variables in figures.
export const LIGHT = {
  '--bg': '#fdfcf8', '--fg': '#1f2328', '--muted': '#59636e', '--rule': '#d8d4c8', '--panel': '#f3f0e6',
  '--accent': '#1d4e89', '--accent-fg': '#ffffff', '--link': '#1d4e89', '--highlight': '#f6e7a8',
  '--series-1': '#0072b2', '--series-2': '#d55e00', '--series-3': '#009e73', '--series-4': '#cc79a7',
  '--font-ui': 'Source Sans 3, sans-serif', '--font-text': 'Source Serif 4, serif',
};

export const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy line breaking by an average glyph width (em fraction): good enough for a title, and
 * conservative, so a line never runs past its box. */
export function wrap(text, size, width, maxLines, em = 0.53) {
  const perLine = Math.floor(width / (size * em));
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= perLine || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = `${lines[maxLines - 1].replace(/\s+\S*$/, '')}…`;
  }
  return lines;
}

const NAMED = { nbsp: 160, thinsp: 8201, minus: 8722, times: 215, middot: 183, hellip: 8230, ndash: 8211, mdash: 8212, rsquo: 8217, lsquo: 8216, rdquo: 8221, ldquo: 8220 };

/** CSS variables resolved to the light theme (resvg knows none). */
const lightVars = (text) => text.replace(/var\((--[a-z0-9-]+)(?:,\s*([^)]+))?\)/g, (m, name, fallback) => LIGHT[name] ?? fallback ?? LIGHT['--fg']);

/** HTML-serialised tags as XML: boolean attributes get a value, unquoted values get quotes. */
export function xmlTags(svg) {
  return svg.replace(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=\/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g, (tag, name, attrs, close) => {
    const fixed = attrs.replace(/\s+([^\s=\/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g,
      (a, key, value) => ` ${key}=${value === undefined ? '""' : /^["']/.test(value) ? value : `"${value}"`}`);
    return `<${name}${fixed}${close}>`;
  });
}

/** A figure's SVG as served in the page, made fit to nest in the card: XML-safe entities, the
 * page's CSS variables resolved to the light theme, and placed in the given box. */
export function placeFigure({ svg, css = '' }, area) {
  const open = svg.match(/^<svg\b[^>]*>/)[0];
  const attr = (name) => open.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  const viewBox = attr('viewBox') ?? `0 0 ${parseFloat(attr('width') ?? '640')} ${parseFloat(attr('height') ?? '400')}`;
  // Fit the drawing's aspect ratio into the area, centred: a wide chart gets a wide, low panel.
  const [, , w, h] = viewBox.split(/[\s,]+/).map(Number);
  const scale = Math.min(area.width / w, area.height / h);
  const box = { width: w * scale, height: h * scale };
  box.x = area.x + (area.width - box.width) / 2;
  box.y = area.y + (area.height - box.height) / 2;
  const rest = xmlTags(svg.slice(open.length))
    .replace(/&([a-z]+);/g, (m, name) => (['amp', 'lt', 'gt', 'quot', 'apos'].includes(name) ? m : NAMED[name] ? `&#${NAMED[name]};` : ' '))
    .replace(/<foreignObject[\s\S]*?<\/foreignObject>/g, '');
  const style = css ? `<style><![CDATA[${css}]]></style>` : '';
  const fill = attr('fill') ?? 'currentColor';
  const pad = 22;
  const panel = `<rect x="${box.x - pad}" y="${box.y - pad}" width="${box.width + 2 * pad}" height="${box.height + 2 * pad}" rx="14" fill="#ffffff" stroke="${LIGHT['--rule']}" stroke-width="2"/>`;
  return `${panel}<svg x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" viewBox="${viewBox}" preserveAspectRatio="xMidYMid meet" color="${LIGHT['--fg']}" fill="${fill}" font-family="Source Sans 3, sans-serif" font-size="${attr('font-size') ?? 10}" text-anchor="${attr('text-anchor') ?? 'start'}">${lightVars(style + rest)}`;
}

/** The card as SVG. `card`: { kicker?, title, subtitle?, footer?, figure?: { svg, css } }. */
export function cardSvg(card) {
  const hasFigure = Boolean(card.figure);
  const textWidth = hasFigure ? 520 : 1040;
  const x = 72;
  const size = card.title.length > (hasFigure ? 40 : 70) ? 54 : 64;
  const lines = wrap(card.title, size, textWidth, hasFigure ? 5 : 3, 0.56);
  let y = card.kicker ? 240 : 200;
  const title = lines.map((l, i) => `<tspan x="${x}" y="${y + i * size * 1.12}">${escapeXml(l)}</tspan>`).join('');
  y += (lines.length - 1) * size * 1.12 + 58;
  const subtitle = card.subtitle ? wrap(card.subtitle, 30, textWidth, 3, 0.5)
    .map((l, i) => `<tspan x="${x}" y="${y + i * 38}">${escapeXml(l)}</tspan>`).join('') : '';
  const figure = hasFigure
    ? placeFigure(card.figure, { x: 636, y: 78, width: 500, height: 474 })
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<rect width="${WIDTH}" height="${HEIGHT}" fill="${LIGHT['--bg']}"/>
<rect width="14" height="${HEIGHT}" fill="${LIGHT['--accent']}"/>
<text x="${x}" y="96" font-family="Source Sans 3" font-weight="600" font-size="28" letter-spacing="3" fill="${LIGHT['--muted']}">COUNTING SCHEMERS</text>
${card.kicker ? `<text x="${x}" y="164" font-family="Source Sans 3" font-weight="600" font-size="36" fill="${LIGHT['--accent']}">${escapeXml(card.kicker)}</text>` : ''}
<text font-family="Source Serif 4" font-weight="600" font-size="${size}" fill="${LIGHT['--fg']}">${title}</text>
${subtitle ? `<text font-family="Source Sans 3" font-size="30" fill="${LIGHT['--muted']}">${subtitle}</text>` : ''}
${card.footer ? `<text x="${x}" y="574" font-family="Source Sans 3" font-size="26" fill="${LIGHT['--muted']}">${escapeXml(card.footer)}</text>` : ''}
${figure}
</svg>`;
}

/** The card as PNG bytes (rendered off the main thread, so cards can be drawn in parallel). */
export async function renderCard(card) {
  const image = await renderAsync(cardSvg(card), {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Source Sans 3', sansSerifFamily: 'Source Sans 3', serifFamily: 'Source Serif 4' },
    fitTo: { mode: 'original' },
  });
  return image.asPng();
}
