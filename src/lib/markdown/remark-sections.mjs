// Sections with permanent ids. A section heading is written `## [Title](#permanent-id)`: the id
// is explicit in the source and never generated, so citations of it never break. This plugin
// turns that into `<h2 id="permanent-id"><span class="secnum">2.3</span> Title</h2>` followed by a
// copy-link control, and records the sections in the frontmatter for the table of contents.
// A heading (h2/h3) without an explicit id fails the build.

function text(node) {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath') return node.value;
  return (node.children ?? []).map(text).join('');
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
      sections.push({ id, title, number, depth: node.depth });
    }
    fm.sections = sections;
  };
}
