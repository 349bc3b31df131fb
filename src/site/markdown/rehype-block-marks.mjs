// Marks each top-level block of a page with what it holds: `has-math` (KaTeX) and `has-note`
// (a margin note), so the stylesheet can treat those blocks differently without `:has()`.
// Rules like `.prose > :has(.katex)` made Chromium re-check the page's blocks whenever anything
// inside a widget changed: with them, dragging a slider made frames of 50–90 ms (long tasks);
// without, almost none (bench/results.json, `npm run bench`).

const classes = (node) => {
  const c = node.properties?.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/).filter(Boolean) : [];
};
const some = (node, test) => test(node) || (node.children ?? []).some((child) => some(child, test));
const isMath = (node) => node.type === 'element' && classes(node).includes('katex');
const isNote = (node) => (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name === 'Note';

/** Adds the marks to one top-level element in place; returns them. */
export function markBlock(block) {
  const marks = [];
  if (some(block, isMath)) marks.push('has-math');
  if (some(block, isNote)) marks.push('has-note');
  if (marks.length) block.properties = { ...block.properties, className: [...classes(block), ...marks] };
  return marks;
}

export default function rehypeBlockMarks() {
  return (tree) => {
    for (const block of tree.children ?? []) if (block.type === 'element') markBlock(block);
  };
}
