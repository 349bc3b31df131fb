import { describe, expect, it } from 'vitest';
import { markRowHeaders } from '../../src/site/markdown/rehype-row-headers.mjs';

type Node = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: Node[] };
const text = (value: string): Node => ({ type: 'text', value });
const el = (tagName: string, children: Node[] = [], properties: Record<string, unknown> = {}): Node => ({ type: 'element', tagName, properties, children });
const table = (corner: string) =>
  el('table', [
    el('thead', [el('tr', [el('th', corner ? [text(corner)] : []), el('th', [text('Code length')])])]),
    el('tbody', [el('tr', [text('\n'), el('td', [text('Naming a goal')]), el('td', [text('its description')])])]),
  ]);

describe('row headers for Markdown tables', () => {
  it('makes the first column row headers when the corner cell is empty', () => {
    const t = table('');
    expect(markRowHeaders(t)).toBe(true);
    const [thead, tbody] = t.children!;
    const head = thead.children![0].children!;
    expect(head.map((c) => c.tagName)).toEqual(['td', 'th']);
    expect(head[1].properties).toMatchObject({ scope: 'col' });
    const row = tbody.children![0].children!.filter((c) => c.type === 'element');
    expect(row.map((c) => c.tagName)).toEqual(['th', 'td']);
    expect(row[0].properties).toMatchObject({ scope: 'row' });
  });

  it('leaves a table with a labelled corner alone', () => {
    const t = table('Reading');
    const before = JSON.stringify(t);
    expect(markRowHeaders(t)).toBe(false);
    expect(JSON.stringify(t)).toBe(before);
  });
});
