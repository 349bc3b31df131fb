// Browser entry points, loaded on demand by src/lib/widgets/hydrate.ts. Each import() becomes its
// own chunk, fetched only when a figure of that widget nears the viewport.
export interface WidgetClient {
  mount(root: HTMLElement): unknown;
  bindInline?(el: HTMLElement): void;
}

export const clients: Record<string, () => Promise<WidgetClient>> = {
  'residual-paths': () => import('./residual-paths/client'),
};
