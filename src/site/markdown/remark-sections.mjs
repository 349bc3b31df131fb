// Sections with permanent ids. A section heading is written `## [Title](#permanent-id)`: the id
// is explicit in the source and never generated, so citations of it never break. This plugin
// turns that into `<h2 id="permanent-id"><span class="secnum">2.3</span> Title</h2>` followed by a
// copy-link control, and records the sections in the frontmatter for the table of contents, each
// with its lead (first sentences, for previews and share cards), and each figure's caption lead.
// A heading (h2/h3) without an explicit id fails the build.

function text(node) {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath') return node.value;
  return (node.children ?? []).map(text).join('');
}

const SUPERSCRIPT = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
const SUBSCRIPT = { 0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉' };

/** TeX as a reader would say it in plain text: `$10^{20}$` → "10²⁰", `\times` → "×". */
function texToText(tex) {
  const symbols = { times: '×', approx: '≈', cdot: '·', dots: '…', ldots: '…', le: '≤', leq: '≤', ge: '≥', geq: '≥', lesssim: '≲', to: '→', infty: '∞', log: 'log', ln: 'ln', in: '∈', mid: '|' };
  return tex
    .replace(/\\(?:text|mathrm|operatorname|mathbf|mathit)\{([^}]*)\}/g, '$1')
    .replace(/\\([a-zA-Z]+)/g, (m, name) => symbols[name] ?? name)
    .replace(/\{,\}/g, ',')
    .replace(/\^\{?(-?\d+)\}?/g, (m, n) => [...n].map((c) => SUPERSCRIPT[c]).join(''))
    .replace(/_\{?(\d+)\}?/g, (m, n) => [...n].map((c) => SUBSCRIPT[c]).join(''))
    .replace(/[{}]/g, '')
    .replace(/\\[,;! ]/g, ' ');
}

// Stands for text only the browser or a component knows (a <Reactive> number, an {expression}, a
// self-closing component): a sentence holding one is left out of a lead.
const UNKNOWN = '\u0000';

/** The plain text of a paragraph as the reader sees it: math spoken, figure references numbered
 * (`figures`: the page's figure ids; `chapter`: its number), sidenotes and citation markers left out. */
function plainText(node, figures = [], chapter = null) {
  const walk = (n) => {
    if (n.type === 'inlineMath') return texToText(n.value);
    if (n.type === 'text' || n.type === 'inlineCode') return n.value;
    if (n.type === 'mdxTextExpression' || n.type === 'mdxFlowExpression') return UNKNOWN;
    if (n.type === 'mdxJsxTextElement' || n.type === 'mdxJsxFlowElement') {
      if (n.name === 'Cite' || n.name === 'Note') return '';
      if (n.name === 'FigRef') {
        const i = figures.indexOf(attribute(n, 'id'));
        return i < 0 ? UNKNOWN : `Figure ${chapter === null ? '' : `${chapter}.`}${i + 1}`;
      }
      const inner = (n.children ?? []).map(walk).join('');
      return inner.trim() ? inner : UNKNOWN;
    }
    return (n.children ?? []).map(walk).join('');
  };
  return walk(node);
}

/** The first sentences of a section (at least `min` characters when there are enough, at most
 * `max`), for link previews and share cards. */
export function leadSentences(paragraph, min = 140, max = 320) {
  const all = paragraph.replace(/\(\s*\)/g, '').replace(/\s+/g, ' ').replace(/\s+([,.;:)])/g, '$1').trim();
  const sentences = all.match(/[^.!?]+(?:[.!?]+[”’)"]*|$)(?:\s+|$)/g) ?? [all];
  let lead = '';
  for (const s of sentences) {
    if (lead.length >= min) break;
    if (s.includes(UNKNOWN)) continue;
    lead += s;
  }
  lead = lead.trim();
  if (lead.length <= max) return lead;
  return `${lead.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

const attribute = (node, name) => node.attributes?.find((a) => a.name === name)?.value;
const kebab = (name) => name.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());
const PROSE = new Set(['Cite', 'Note', 'Term', 'FigRef', 'Reactive', 'Fragment']);

/** Each figure's title (static figures) and the first sentences of its caption, by id, for
 * previews of references to it. A widget's caption is its element's content; its figure id is
 * fig-<widget> (<TinyNets> → fig-tiny-nets). */
function figureCaptions(tree, figures, chapter) {
  const text = (n) => plainText(n, figures, chapter);
  const out = {};
  const visit = (node) => {
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Figure') {
      const find = (n) => (n.name === 'Fragment' && attribute(n, 'slot') === 'caption' ? n : (n.children ?? []).map(find).find(Boolean));
      const caption = find(node);
      out[attribute(node, 'id')] = { title: attribute(node, 'title') ?? '', caption: caption ? leadSentences(caption.children.map(text).join('')) : '' };
      return;
    }
    if (node.type === 'mdxJsxFlowElement' && /^[A-Z]/.test(node.name ?? '') && !PROSE.has(node.name)) {
      out[`fig-${kebab(node.name)}`] = { title: '', caption: leadSentences((node.children ?? []).map(text).join(' ')) };
      return;
    }
    for (const c of node.children ?? []) visit(c);
  };
  visit(tree);
  return out;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export default function remarkSections() {
  return (tree, file) => {
    const fm = file.data?.astro?.frontmatter ?? {};
    const chapter = typeof fm.chapter === 'number' ? fm.chapter : null;
    const sections = [];
    const seen = new Set();
    let h2 = 0;
    let h3 = 0;
    const children = tree.children;
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      if (node.type !== 'heading' || (node.depth !== 2 && node.depth !== 3)) continue;
      const only = node.children.length === 1 ? node.children[0] : null;
      if (!only || only.type !== 'link' || !only.url.startsWith('#')) {
        file.fail(`Heading "${text(node)}" has no explicit id. Write it as ## [Title](#permanent-id).`, node);
      }
      const id = only.url.slice(1);
      if (!ID.test(id)) file.fail(`Section id "${id}" must be lower-case words joined by hyphens.`, node);
      if (seen.has(id)) file.fail(`Section id "${id}" is used twice.`, node);
      seen.add(id);
      if (node.depth === 2) {
        h2 += 1;
        h3 = 0;
      } else h3 += 1;
      const number = chapter === null ? null : node.depth === 2 ? `${chapter}.${h2}` : `${chapter}.${h2}.${h3}`;
      const title = text(only);
      node.children = only.children;
      if (number) {
        node.children.unshift({
          type: 'sectionNumber',
          data: { hName: 'span', hProperties: { className: ['secnum'] }, hChildren: [{ type: 'text', value: number }] },
        });
      }
      node.data = { ...(node.data ?? {}), hProperties: { ...(node.data?.hProperties ?? {}), id } };
      const label = number ? `§${number} ${title}` : title;
      const copy = {
        type: 'sectionLink',
        data: {
          hName: 'a',
          hProperties: {
            className: ['copy-link'],
            href: `#${id}`,
            'aria-label': `Copy link to ${label}`,
            'data-section-label': label,
            'data-pagefind-ignore': '',
          },
          hChildren: [{ type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] }],
        },
      };
      children.splice(i + 1, 0, copy);
      i += 1;
      // Its first paragraph, before any later heading, gives a lead for previews and share cards.
      let lead = '';
      for (let j = i + 1; j < children.length && children[j].type !== 'heading'; j++) {
        if (children[j].type === 'paragraph') {
          lead = leadSentences(plainText(children[j], fm.figures ?? [], chapter));
          if (lead.length >= 40) break;
        }
      }
      sections.push({ id, title, number, depth: node.depth, lead });
    }
    fm.sections = sections;
    fm.figureCaptions = figureCaptions(tree, fm.figures ?? [], chapter);
  };
}
