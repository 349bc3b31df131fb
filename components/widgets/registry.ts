// Browser entry points, loaded on demand by src/lib/widgets/hydrate.ts. Each widget folder's
// client.ts becomes its own chunk, fetched only when a figure of that widget nears the viewport.
export interface WidgetClient {
  mount(root: HTMLElement): unknown;
  bindInline?(el: HTMLElement): void;
}

const loaders = import.meta.glob<WidgetClient>('./*/client.ts');

export const clients: Record<string, () => Promise<WidgetClient>> = Object.fromEntries(
  Object.entries(loaders).map(([path, load]) => [path.split('/')[1], load]),
);
