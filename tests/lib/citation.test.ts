import { describe, expect, it } from 'vitest';
import { changedSettings, citationMarkdown, describeSetting, shortOutputLabel } from '../../src/kit/citation';
import { defaults } from '../../src/core/schema';
import { schema as tinyNets } from '../../src/models/tiny-nets';
import { schema as residualPaths } from '../../src/models/residual-paths';

describe('Copy as Markdown', () => {
  it('writes the issue’s example', () => {
    const url = 'https://example.org/counting/?tiny-nets.target=x0&tiny-nets.n=4&tiny-nets.hidden=2#counting-exactly';
    expect(citationMarkdown({
      essay: 'Counting Schemers',
      section: { number: '2.4', title: 'Counting exactly' },
      widget: 'tiny-nets',
      settings: ['n = 4', 'h = 2', 'target x0'],
      numbers: [{ label: 'P(honest | fits)', text: '72.0%' }],
      url,
    })).toBe(`[Counting Schemers §2.4 Counting exactly — tiny-nets, n = 4, h = 2, target x0: P(honest | fits) = 72.0%](${url})`);
  });

  it('names settings by their symbol where the label ends in one, otherwise by the label', () => {
    const p = residualPaths;
    expect(describeSetting(p.blocks, 20)).toBe('n = 20');
    expect(describeSetting(p.decay, 0.5)).toBe('r = 0.5');
    expect(describeSetting({ kind: 'number', label: 'Discount γ', min: 0, max: 1, default: 1 }, 0.9)).toBe('γ = 0.9');
    expect(describeSetting({ kind: 'number', label: 'Honest half-width a_h', min: 0, max: 1, default: 1 }, 0.5)).toBe('a_h = 0.5');
    expect(describeSetting({ kind: 'number', label: 'Dimensions D (analytic)', min: 1, max: 9, default: 1 }, 3)).toBe('D = 3');
    expect(describeSetting({ kind: 'number', label: 'Starting odds (log10)', min: -9, max: 9, default: 0 }, -1)).toBe('starting odds -1');
    expect(describeSetting({ kind: 'text', label: 'Target function', default: 'majority', maxLength: 20, parse: (s: string) => s }, 'x0')).toBe('target function x0');
    expect(describeSetting({ kind: 'boolean', label: 'Simplicity bias', default: false }, true)).toBe('simplicity bias on');
    expect(describeSetting({ kind: 'choice', label: 'Placement rule', default: 'a', options: [{ value: 'a', label: 'plain' }, { value: 'b', label: 'residual' }] }, 'b'))
      .toBe('placement rule residual');
  });

  it('lists only the settings that differ from the defaults, in the schema’s order', () => {
    const d = defaults(tinyNets);
    expect(changedSettings(tinyNets, d, d)).toEqual([]);
    const changed = changedSettings(tinyNets, { ...d, hidden: 2, n: 4 }, d);
    expect(changed).toHaveLength(2);
    expect(changed.join(' ')).toMatch(/= 4/);
    expect(changed.join(' ')).toMatch(/= 2/);
  });

  it('shortens result labels to their lead', () => {
    expect(shortOutputLabel('Speed cost: loss from the lost depth')).toBe('Speed cost');
    expect(shortOutputLabel('Net cost to the schemer (speed − simplicity)')).toBe('Net cost to the schemer');
    expect(shortOutputLabel('Odds, schemer : non-schemer')).toBe('Odds, schemer : non-schemer');
  });

  it('keeps the link intact whatever the text holds', () => {
    const md = citationMarkdown({
      essay: 'E', widget: 'w', settings: ['label [x] *y* <b>'], numbers: [], url: 'https://e.org/a (b)/?w.t=1 2#s',
    });
    expect(md).toBe('[E — w, label \\[x\\] \\*y\\* \\<b\\>](https://e.org/a%20%28b%29/?w.t=1%202#s)');
    // Unnumbered sections are named after a comma.
    expect(citationMarkdown({ essay: 'E', section: { number: null, title: 'About' }, widget: 'w', settings: [], numbers: [{ label: 'x', text: '1' }], url: 'u' }))
      .toBe('[E, About — w: x = 1](u)');
  });
});
