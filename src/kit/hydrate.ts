// Load each widget's browser code only when its figure (or an inline reactive number bound to it)
// comes near the viewport, so a page costs little JavaScript until the reader scrolls to a figure.
// Widgets start one at a time, yielding to the page between loading, mounting and the next widget,
// so that no two hydrations share one long task on a slow phone.
// The kit names no widget: the page hands it the registry (components/widgets/registry.ts).

/** A widget's browser entry point (its components/widgets/<id>/client.ts). */
export interface WidgetClient {
  mount(root: HTMLElement): unknown;
  bindInline?(el: HTMLElement): void;
}

/** Widget id → a loader of its client (a lazily fetched chunk). */
export type WidgetRegistry = Record<string, () => Promise<WidgetClient>>;

const started = new Set<string>();
let queue: Promise<void> = Promise.resolve();

/** Let the page paint and answer input before going on (scheduler.yield where there is one). */
const yieldToPage = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

function start(clients: WidgetRegistry, id: string): Promise<void> {
  if (started.has(id)) return queue;
  started.add(id);
  const load = clients[id];
  if (!load) throw new Error(`No client registered for widget "${id}"`);
  queue = queue.then(async () => {
    const client = await load();
    await yieldToPage();
    const begin = performance.now();
    document.querySelectorAll<HTMLElement>(`figure[data-widget="${id}"]`).forEach((fig) => client.mount(fig));
    document.querySelectorAll<HTMLElement>(`[data-reactive-widget="${id}"]`).forEach((el) => client.bindInline?.(el));
    performance.measure(`widget-mount ${id}`, { start: begin }); // read by `npm run bench` (bench/throttled.ts)
    await yieldToPage();
  }).catch((error: unknown) => {
    setTimeout(() => { throw error; }); // reported as before, without stopping the widgets after it
  });
  return queue;
}

export function hydrateWidgets(clients: WidgetRegistry): void {
  const targets = document.querySelectorAll<HTMLElement>('figure[data-widget], [data-reactive-widget]');
  if (targets.length === 0) return;
  const idOf = (el: HTMLElement) => el.dataset.widget ?? el.dataset.reactiveWidget!;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const id = idOf(entry.target as HTMLElement);
        // Hydrate in idle time so that loading a page never competes with reading it.
        if ('requestIdleCallback' in window) requestIdleCallback(() => void start(clients, id), { timeout: 1500 });
        else setTimeout(() => void start(clients, id), 200);
      }
    },
    { rootMargin: '400px 0px' },
  );
  targets.forEach((el) => observer.observe(el));
}
