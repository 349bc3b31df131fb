// Cited numbers never change silently, checked in Node: every link of the registry
// (tests/links.json) is read as the page reads its address (readState), computed by the widget's
// model and shown by its view, and every output must equal what was recorded, unless a `changes`
// record says why it moved. The browsers open one link per widget (tests/browser/links.test.ts):
// enough to show that a page computes what its model does, without loading a page for all seventy
// (most are simulations, whose cost is the same here, without the page and its partial redraws).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readState, type Model, type Schema, type Values } from '../../src/core/schema';
import type { WidgetView } from '../../src/kit/view';
import { mismatchedOutputs, type Registry } from '../../src/site/cited-links';
import { model as tinyModel } from '../../src/models/tiny-nets';
import { combine, tinyComparison } from '../../components/widgets/overfitting/view';

const registry = JSON.parse(readFileSync(resolve(import.meta.dirname, '../links.json'), 'utf8')) as Registry;

type Widget = { model: Model<Schema, unknown>; view: WidgetView<Schema, unknown> };

/** A widget's result for an address, as its figure computes it. Overfitting follows tiny-nets'
 * setting in the same address (its client compares with that figure's network). */
function resultFor({ model }: Widget, search: URLSearchParams): { result: unknown; values: Values<Schema> } {
  const { values } = readState(model, search);
  if (model.id !== 'overfitting') return { result: model.compute(values), values };
  const tinyValues = readState(tinyModel, search).values;
  return { result: combine(values as never, tinyComparison(tinyModel.compute(tinyValues), tinyValues)), values };
}

describe.each([...Map.groupBy(registry.links, (l) => l.widget)])('cited links of %s, computed by its model', (widget, links) => {
  // A guard against a hang, not a budget: sgd-prior's seven links take 20 s on a quiet core.
  it('show the recorded numbers', async () => {
    const w = (await import(`../../components/widgets/${widget}/view.ts`)) as Widget;
    const mismatches: string[] = [];
    for (const link of links) {
      const { result, values } = resultFor(w, new URL(link.url, 'http://x').searchParams);
      const shown = Object.fromEntries(w.view.outputs(result, values).map((o) => [o.name, String(o.value)]));
      mismatches.push(...mismatchedOutputs(link, shown));
    }
    // A cited number changed: if that is intended, record it in the entry's "changes" (see README).
    expect(mismatches).toEqual([]);
  }, 240_000);
});
