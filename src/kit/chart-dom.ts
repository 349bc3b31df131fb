// Post-processing shared by build-time and browser charts.
// 1. Observable Plot numbers clip paths, markers and patterns with module-level counters, so a
//    chart rendered at build time and one rendered in the browser can both contain
//    "plot-clip-1". Renaming every id inside a figure with the figure's own prefix keeps them unique.
// 2. Plot labels mark groups with aria-label but no role, which ARIA prohibits; give them one.
// 3. Plot adds a <style> element and may add a style attribute; the site's stylesheet covers
//    both, and dropping them keeps the Content-Security-Policy free of inline styles.
const ID_ATTRS = ['clip-path', 'marker-start', 'marker-mid', 'marker-end', 'fill', 'stroke', 'mask', 'filter'];

export function finishChart(root: Element, prefix: string): void {
  root.querySelectorAll('style').forEach((s) => s.remove());
  // SVG's font-variant attribute accepts only CSS2 values; Plot writes "tabular-nums" (the
  // stylesheet sets font-variant-numeric instead).
  root.querySelectorAll('[font-variant]').forEach((el) => el.removeAttribute('font-variant'));
  if (root.tagName.toLowerCase() === 'svg') root.removeAttribute('style');
  root.querySelectorAll('g[aria-label]:not([role])').forEach((g) => g.setAttribute('role', 'group'));
  const renamed = new Map<string, string>();
  root.querySelectorAll('[id]').forEach((el) => {
    const id = el.getAttribute('id')!;
    const next = `${prefix}-${id}`;
    renamed.set(id, next);
    el.setAttribute('id', next);
  });
  if (renamed.size === 0) return;
  const rewrite = (value: string) =>
    value.replace(/url\(#([^)]+)\)/g, (m, id: string) => (renamed.has(id) ? `url(#${renamed.get(id)})` : m));
  root.querySelectorAll('*').forEach((el) => {
    for (const attr of ID_ATTRS) {
      const v = el.getAttribute(attr);
      if (v?.includes('url(#')) el.setAttribute(attr, rewrite(v));
    }
    for (const attr of ['href', 'xlink:href']) {
      const v = el.getAttribute(attr);
      if (v?.startsWith('#') && renamed.has(v.slice(1))) el.setAttribute(attr, `#${renamed.get(v.slice(1))}`);
    }
  });
}
