// Every widget's model and view, for build-time rendering (inline numbers, methods page).
import type { Model, Schema } from '../../src/lib/schema';
import type { WidgetView } from '../../src/lib/widgets/view';
import { model as residualPaths } from '../../src/models/residual-paths';
import { view as residualPathsView } from './residual-paths/view';

export interface CatalogEntry {
  model: Model<Schema, unknown>;
  view: WidgetView<Schema, unknown>;
}

const entry = <S extends Schema, R>(model: Model<S, R>, view: WidgetView<S, R>) =>
  ({ model, view }) as unknown as CatalogEntry;

export const catalog: Record<string, CatalogEntry> = {
  'residual-paths': entry(residualPaths, residualPathsView),
};
