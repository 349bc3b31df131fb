// A Markdown table whose top-left header cell is empty has row labels in its first column: write
// those cells as row headers (<th scope="row">), the column headers as <th scope="col"> (with
// headers both ways, a header's scope is ambiguous) and the empty corner as a plain cell, so screen
// readers announce a cell with both its row and its column (and checkers find a header for every
// cell). Markdown cannot say this itself.

const isElement = (node, tag) => node?.type === 'element' && node.tagName === tag;
const elements = (node, tag) => (node.children ?? []).filter((child) => isElement(child, tag));
const isEmpty = (node) => (node.children ?? []).every((child) => child.type === 'text' && !child.value.trim());

/** Rewrites one hast table in place; returns whether it had row labels. */
export function markRowHeaders(table) {
  const [thead] = elements(table, 'thead');
  const [headRow] = thead ? elements(thead, 'tr') : [];
  const corner = headRow ? elements(headRow, 'th')[0] : undefined;
  if (!corner || !isEmpty(corner)) return false;
  corner.tagName = 'td';
  for (const th of elements(headRow, 'th')) th.properties = { ...th.properties, scope: 'col' };
  for (const tbody of elements(table, 'tbody')) {
    for (const row of elements(tbody, 'tr')) {
      const first = (row.children ?? []).find((child) => child.type === 'element');
      if (isElement(first, 'td')) {
        first.tagName = 'th';
        first.properties = { ...first.properties, scope: 'row' };
      }
    }
  }
  return true;
}

export default function rehypeRowHeaders() {
  const visit = (node) => {
    if (isElement(node, 'table')) markRowHeaders(node);
    for (const child of node.children ?? []) visit(child);
  };
  return (tree) => visit(tree);
}
