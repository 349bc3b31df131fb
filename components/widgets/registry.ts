// Browser entry points, handed by the page (components/layout/Page.astro) to the kit's
// hydrateWidgets (src/kit/hydrate.ts), which loads them on demand. Each widget folder's client.ts
// becomes its own chunk, fetched only when a figure of that widget nears the viewport.
import type { WidgetClient, WidgetRegistry } from '../../src/kit/hydrate';

const loaders = import.meta.glob<WidgetClient>('./*/client.ts');

export const clients: WidgetRegistry = Object.fromEntries(
  Object.entries(loaders).map(([path, load]) => [path.split('/')[1], load]),
);
