import { describe, expect, it } from 'vitest';
import rehypeBlockMarks, { markBlock } from '../../src/site/markdown/rehype-block-marks.mjs';

type Node = { type: string; tagName?: string; name?: string; value?: string; properties?: Record<string, unknown>; children?: Node[] };
const text = (value: string): Node => ({ type: 'text', value });
const el = (tagName: string, children: Node[] = [], properties: Record<string, unknown> = {}): Node => ({ type: 'element', tagName, properties, children });
const math = () => el('span', [el('span', [text('x')], { className: ['katex-html'] })], { className: ['katex'] });
const note = (): Node => ({ type: 'mdxJsxTextElement', name: 'Note', children: [text('aside')] });

describe('top-level block marks', () => {
  it('marks a block holding mathematics or a margin note, however deep, keeping its classes', () => {
    const p = el('p', [text('a '), el('em', [math()]), text(' b'), note()], { className: ['lead'] });
    expect(markBlock(p)).toEqual(['has-math', 'has-note']);
    expect(p.properties!.className).toEqual(['lead', 'has-math', 'has-note']);
  });

  it('leaves plain blocks, and look-alike classes and components, alone', () => {
    const p = el('p', [el('span', [], { className: ['katex-display-ish'] }), { type: 'mdxJsxTextElement', name: 'Notebook', children: [] }]);
    const before = JSON.stringify(p);
    expect(markBlock(p)).toEqual([]);
    expect(JSON.stringify(p)).toBe(before);
  });

  it('marks only the top level of the tree', () => {
    const inner = el('p', [math()]);
    const tree = { type: 'root', children: [el('div', [inner]), { type: 'mdxjsEsm', value: 'import x from "y"' } as Node, el('p', [text('plain')])] };
    (rehypeBlockMarks() as (t: unknown) => void)(tree);
    expect(tree.children[0].properties!.className).toEqual(['has-math']);
    expect(inner.properties!.className).toBeUndefined();
    expect(tree.children[2].properties!.className).toBeUndefined();
  });
});
