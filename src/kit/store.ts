// One state store per widget on a page, shared by the figure and any inline reactive numbers in
// the prose. The store owns the widget's part of the URL (`?WIDGET.PARAM=VALUE`) and leaves other
// widgets' parameters and the #fragment alone.
import {
  defaults, readState, writeState,
  type Model, type Note, type Schema, type Values,
} from '../core/schema';

export interface WidgetStore<S extends Schema = Schema> {
  model: Model<S, unknown>;
  values: Values<S>;
  notes: Note[];
  set(partial: Partial<Values<S>>): void;
  reset(): void;
  subscribe(listener: () => void): () => void;
  /** A URL that reproduces this widget's current setting, with the given fragment. */
  shareUrl(fragment: string): string;
}

const stores = new Map<string, WidgetStore<Schema>>();

// The address bar follows the settings once the reader pauses, not in every frame of a drag:
// history.replaceState made Chromium lay out the page (measured: up to 10 ms of forced layout) in a
// frame that then laid out the redrawn figure again.
const URL_WRITE_DELAY_MS = 200;
let urlWrite: ReturnType<typeof setTimeout> | undefined;
function writeUrl(): void {
  clearTimeout(urlWrite);
  urlWrite = undefined;
  const url = new URL(location.href);
  for (const store of stores.values()) writeState(store.model, store.values, url.searchParams);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}
function queueUrlWrite(): void {
  clearTimeout(urlWrite);
  urlWrite = setTimeout(writeUrl, URL_WRITE_DELAY_MS);
}
// Leaving within the delay still records the setting (for the back button).
if (typeof addEventListener === 'function') addEventListener('pagehide', () => urlWrite !== undefined && writeUrl());

export function getStore<S extends Schema>(model: Model<S, unknown>): WidgetStore<S> {
  const existing = stores.get(model.id);
  if (existing) return existing as unknown as WidgetStore<S>;
  const initial = readState(model, new URLSearchParams(location.search));
  const listeners = new Set<() => void>();
  const store: WidgetStore<S> = {
    model,
    values: initial.values,
    notes: initial.notes,
    set(partial) {
      // Setting what is already there (a change event after its input event) keeps the notes the
      // first setting produced.
      const keys = Object.keys(partial) as (keyof Values<S>)[];
      if (keys.every((k) => Object.is(store.values[k], partial[k]))) return;
      let next = { ...store.values, ...partial } as Values<S>;
      const notes: Note[] = [];
      if (model.normalize) {
        const n = model.normalize(next, Object.keys(partial)[0]);
        next = n.values;
        notes.push(...n.notes);
      }
      store.values = next;
      store.notes = notes;
      queueUrlWrite();
      listeners.forEach((l) => l());
    },
    reset() {
      store.values = defaults(model.schema);
      store.notes = [];
      queueUrlWrite();
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    shareUrl(fragment) {
      const url = new URL(location.pathname, location.origin);
      writeState(model, store.values, url.searchParams);
      url.hash = fragment;
      return url.href;
    },
  };
  stores.set(model.id, store as unknown as WidgetStore<Schema>);
  return store;
}
