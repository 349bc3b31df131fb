// Every widget's model and view, for build-time rendering (inline numbers, methods page). Each
// widget folder's view.ts exports `model` and `view`; the folder name is the widget id.
import type { Model, Schema } from '../../src/core/schema';
import type { WidgetView } from '../../src/kit/view';

export interface CatalogEntry {
  model: Model<Schema, unknown>;
  view: WidgetView<Schema, unknown>;
}

const modules = import.meta.glob<CatalogEntry>('./*/view.ts', { eager: true });

export const catalog: Record<string, CatalogEntry> = Object.fromEntries(
  Object.entries(modules).map(([path, m]) => [path.split('/')[1], { model: m.model, view: m.view }]),
);
