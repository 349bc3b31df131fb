// Prefix root-relative links in Markdown with the site's base path, so the essay works when
// deployed under a sub-path (e.g. https://host/essays/counting-schemers/).
export default function remarkBaseLinks({ base = '/' } = {}) {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  const walk = (node) => {
    if (node.type === 'link' && node.url.startsWith('/') && !node.url.startsWith('//')) node.url = prefix + node.url;
    for (const c of node.children ?? []) walk(c);
  };
  return (tree) => {
    if (prefix) walk(tree);
  };
}
