// KaTeX's stylesheet (24 KB of rules and font faces) goes only to pages that set mathematics: a chapter
// whose Markdown holds math imports it, as if its MDX began with `import 'katex/dist/katex.min.css'`,
// and Astro sends a content entry's imported styles with that entry alone. The tour, the
// introduction and the about page set none, and their first style pass no longer reads KaTeX's
// rules (issue 20). Runs after remark-math, which makes the `math` and `inlineMath` nodes.

const KATEX_CSS = 'katex/dist/katex.min.css';

const hasMath = (node) => node.type === 'math' || node.type === 'inlineMath' || (node.children ?? []).some(hasMath);

/** The MDX node for `import '<source>';`, with the ESTree that MDX compiles from. */
const importNode = (source) => ({
  type: 'mdxjsEsm',
  value: `import '${source}';`,
  data: {
    estree: {
      type: 'Program', sourceType: 'module', comments: [],
      body: [{ type: 'ImportDeclaration', specifiers: [], attributes: [], source: { type: 'Literal', value: source, raw: `'${source}'` } }],
    },
  },
});

export default function remarkMathStyles() {
  return (tree, file) => {
    if (!String(file.path ?? '').endsWith('.mdx') || !hasMath(tree)) return;
    tree.children.unshift(importNode(KATEX_CSS));
  };
}
