// Binds a widget's server-rendered figure to its model: controls → store → compute → outputs and
// chart, one update per animation frame. Controls are the native elements Widget.astro renders
// from the schema; a widget's own client code can add more.
import {
  defaults, displayValue, fromSlider, parseValue, toSlider, formatValue,
  type Model, type NumberParam, type Schema, type Values,
} from '../core/schema';
import { getStore, type WidgetStore } from './store';
import { plainLabel } from '../core/format';
import { perFrame } from './frame';
import { finishChart } from './chart-dom';
import { enableDrag, refocusHandle } from './drag';
import { enableSteps } from './steps';
import type { OutputSpec, WidgetView } from './view';
import { SERVER_CHART_WIDTH } from './view';
import { changedSettings, citationMarkdown, shortOutputLabel } from './citation';

export interface RunOptions<R> {
  /** Report a (partial) result; `progress` in [0, 1] (1 = done). */
  emit(result: R, progress: number): void;
  /** Report progress alone, when there is no partial result worth drawing. */
  progress?(fraction: number): void;
  /** Aborted when a newer setting supersedes this run. */
  signal: AbortSignal;
}

export interface MountOptions<S extends Schema, R> {
  /** Asynchronous or streaming computation (e.g. in a worker). Defaults to model.compute. */
  run?(values: Values<S>, options: RunOptions<R>): void | Promise<void>;
  /** Called after each render, for widget-specific drawing (canvas, extra panels). */
  afterRender?(result: R, values: Values<S>, root: HTMLElement): void;
}

export interface MountedWidget<S extends Schema, R> {
  store: WidgetStore<S>;
  /** The latest complete or partial result. */
  latest(): R | undefined;
  refresh(): void;
}

/** Whether a figure's outputs show its current setting (a public contract, README "Add a widget"):
 * `ready` once they do; `pending` (with aria-busy, outputs dimmed) while they are computed, from
 * first paint when a link set them (early-state.js marks that, and `link-pending`, which hides the
 * build's default numbers until the link's are first shown, before the kit loads); `stale` when
 * a run failed or was stopped before any result, so they still show an earlier setting. The same
 * attribute, without aria-busy, marks inline numbers in the prose. */
export type FigureState = 'ready' | 'pending' | 'stale';

export function setFigureState(el: HTMLElement, state: FigureState): void {
  if (el.dataset.state !== state) el.dataset.state = state;
  if (state === 'ready') el.classList.remove('link-pending');
  if (el.tagName !== 'FIGURE') return;
  if (state === 'pending') {
    if (!el.hasAttribute('aria-busy')) el.setAttribute('aria-busy', 'true');
  } else el.removeAttribute('aria-busy');
}

/** Boxes above the controls (the chart's stage, the result sentence, the numbers, the summary,
 * and any a widget marks with data-keep-height) keep their last settled height while the figure
 * is pending: partial sentences ("so far…"), numbers and run statuses wrap to fewer or more lines
 * than final ones, and the controls below would jump under the reader's finger at every input
 * (basins: 44 px). Heights are read by a ResizeObserver, after layout, so holding forces none. */
function heightKeeper(root: HTMLElement): (on: boolean) => void {
  const boxes = [...root.querySelectorAll<HTMLElement>('.widget-stage, .widget-result, .widget-results, .widget-summary, [data-keep-height]')];
  const settled = new Map<Element, number>();
  // Boxes that scroll their own content (the stage on a phone or tablet), read with their height:
  // after layout, when reading a style costs nothing, not at every input.
  const scrolls = new Set<Element>();
  if ('ResizeObserver' in window) {
    const observer = new ResizeObserver((entries) => {
      for (const e of entries) {
        if ((e.target as HTMLElement).style.minHeight) continue;
        settled.set(e.target, e.borderBoxSize[0].blockSize);
        if (/auto|scroll/.test(getComputedStyle(e.target).overflowY)) scrolls.add(e.target);
        else scrolls.delete(e.target);
      }
    });
    boxes.forEach((b) => observer.observe(b));
  }
  return (on) => {
    for (const box of boxes) {
      const height = settled.get(box);
      if (!on) {
        if (box.style.minHeight) box.style.minHeight = box.style.maxHeight = '';
      } else if (!box.style.minHeight && height) {
        box.style.minHeight = `${height}px`;
        // A box that scrolls its own content holds exactly: a chart redrawn taller mid-computation
        // scrolls inside it rather than pushing the controls down.
        if (scrolls.has(box)) box.style.maxHeight = `${height}px`;
      }
    }
  };
}

function sectionIdBefore(el: Element): string {
  let id = el.id;
  document.querySelectorAll('.prose h2[id], .prose h3[id]').forEach((h) => {
    if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) id = h.id;
  });
  return id;
}

/** The section a figure sits in, as its heading shows it (§ number and title). */
function sectionOf(id: string): { number: string | null; title: string } | undefined {
  const heading = document.getElementById(id);
  if (!heading || !/^H[23]$/.test(heading.tagName)) return undefined;
  const title = heading.cloneNode(true) as HTMLElement;
  title.querySelectorAll('.secnum, .copy-link').forEach((el) => el.remove());
  return { number: heading.querySelector('.secnum')?.textContent?.trim() || null, title: (title.textContent ?? '').trim() };
}

/** The figure's setting and headline numbers (its first three results, as shown) as Markdown. */
function markdownFor(root: HTMLElement, model: Model<Schema, unknown>, values: Values<Schema>, url: string, sectionId: string): string {
  const numbers = [...root.querySelectorAll<HTMLOutputElement>('.widget-results output[name]')].slice(0, 3).map((o) => ({
    label: shortOutputLabel(document.getElementById(o.getAttribute('aria-labelledby') ?? '')?.textContent ?? o.name),
    text: o.textContent ?? '',
  }));
  return citationMarkdown({
    essay: document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content ?? document.title,
    section: sectionOf(sectionId),
    widget: model.id,
    settings: changedSettings(model.schema, values, defaults(model.schema)),
    numbers,
    url,
  });
}

/** Shows one output: its text, and its unrounded value for tests and readers' tools. */
export function showOutput(el: HTMLElement, spec: OutputSpec): void {
  el.textContent = spec.text;
  el.dataset.value = String(spec.value);
}

export function renderOutputs(root: HTMLElement, specs: OutputSpec[]): void {
  for (const spec of specs) {
    const out = root.querySelector<HTMLOutputElement>(`output[name="${spec.name}"]`);
    if (out) showOutput(out, spec);
    // A label that names a setting ("… 150 steps ahead") follows it; its notation is set at build
    // (MathML) and, once changed here, written as plain text.
    const label = root.querySelector<HTMLElement>(`#${root.id}-out-${spec.name}`);
    if (label && label.dataset.label !== undefined && label.dataset.label !== spec.label) {
      label.textContent = plainLabel(spec.label);
      label.dataset.label = spec.label;
    }
  }
}

export function mountWidget<S extends Schema, R>(
  root: HTMLElement,
  model: Model<S, R>,
  view: WidgetView<S, R>,
  options: MountOptions<S, R> = {},
): MountedWidget<S, R> {
  const store = getStore(model as Model<S, unknown>);
  const figId = root.id;
  const controls = root.querySelector<HTMLFieldSetElement>('.widget-controls');
  const chartBox = root.querySelector<HTMLElement>('.widget-chart');
  const flowBox = root.querySelector<HTMLElement>('.widget-chart-flow');
  // Where the stage is height-limited (global.css), secondary chart parts go to flowBox.
  const limited = matchMedia('(max-width: 1099px)');
  const sentenceBox = root.querySelector<HTMLElement>('.widget-result');
  const summaryBox = root.querySelector<HTMLElement>('.widget-summary');
  const notesBox = root.querySelector<HTMLElement>('.widget-notes');
  const progress = root.querySelector<HTMLProgressElement>('.widget-progress');
  let latest: R | undefined;
  let controller: AbortController | null = null;
  let editing: Element | null = null;
  let inputNotes: string[] = [];
  // The chart's width, read once here and then kept by a ResizeObserver: reading clientWidth in
  // every render forced a synchronous layout of the page each update.
  let chartWidth = chartBox?.clientWidth ?? 0;

  const holdHeights = heightKeeper(root);
  function setState(state: FigureState): void {
    setFigureState(root, state);
    holdHeights(state === 'pending');
  }

  // Form controls only: an <output> may share a parameter's name.
  const field = (name: string) => root.querySelector<HTMLInputElement | HTMLSelectElement>(`:is(input, select, textarea)[name="${name}"]`);

  // Each parameter's controls, looked up once (they are server-rendered and stay).
  const controlsOf = Object.entries(model.schema).map(([name, p]) => ({
    name, p, el: field(name),
    special: root.querySelector<HTMLInputElement>(`[data-special-for="${name}"]`),
    slider: root.querySelector<HTMLInputElement>(`[data-slider-for="${name}"]`),
  }));
  // Writes only what changed: assigning a control the value it already has still costs a style
  // recalculation.
  const put = <T extends object, K extends keyof T>(target: T | null, key: K, value: T[K]) => {
    if (target && target[key] !== value) target[key] = value;
  };

  function syncControls(): void {
    for (const { name, p, el, special, slider } of controlsOf) {
      const v = store.values[name];
      if (el && el !== editing) {
        if (p.kind === 'boolean') put(el as HTMLInputElement, 'checked', Boolean(v));
        else if (typeof v !== 'string' || p.kind !== 'number') put(el, 'value', displayValue(p, v));
      }
      if (p.kind === 'number') {
        const isSpecial = typeof v === 'string';
        put(special, 'checked', isSpecial);
        put(el as HTMLInputElement | null, 'disabled', isSpecial);
        if (slider) {
          put(slider, 'disabled', isSpecial);
          if (!isSpecial) {
            if (slider !== editing) put(slider, 'value', String(toSlider(p, v as number)));
            const text = displayValue(p, v as number) + (p.unit ? ` ${p.unit}` : '');
            if (slider.getAttribute('aria-valuetext') !== text) slider.setAttribute('aria-valuetext', text);
          }
        }
      }
    }
  }

  function showNotes(): void {
    if (!notesBox) return;
    const messages = [...inputNotes, ...store.notes.map((n) => n.message)];
    notesBox.replaceChildren(...messages.map((m) => Object.assign(document.createElement('p'), { textContent: m })));
    notesBox.hidden = messages.length === 0;
  }

  function render(result: R): void {
    const start = performance.now();
    latest = result;
    const values = store.values;
    renderOutputs(root, view.outputs(result, values));
    if (view.chart && chartBox) {
      const width = Math.max(300, Math.min(720, Math.round(chartWidth || 640)));
      const chart = view.chart(result, values, { document, width });
      finishChart(chart, `${figId}-live`);
      // A chart handle being dragged or keyed (drag.ts), or a chart button (data-focus-key), keeps
      // focus across the redraw.
      const active = chartBox.contains(document.activeElement) ? document.activeElement : null;
      const focused = active?.getAttribute('data-drag-param') ?? null;
      const focusKey = active?.getAttribute('data-focus-key') ?? null;
      chartBox.replaceChildren(chart);
      const flow = limited.matches ? chart.querySelectorAll('.chart-flow') : [];
      if (flowBox && (flow.length > 0 || flowBox.hasChildNodes())) flowBox.replaceChildren(...flow);
      refocusHandle(chartBox, focused);
      if (focusKey) chartBox.querySelector<HTMLElement>(`[data-focus-key="${focusKey}"]`)?.focus({ preventScroll: true });
    }
    holdHeights(root.dataset.state === 'pending');
    if (view.sentence && sentenceBox) put(sentenceBox, 'textContent', view.sentence(result, values));
    if (view.summary && summaryBox) summaryBox.textContent = view.summary(result, values);
    options.afterRender?.(result, values, root);
    // Measured by `npm run bench` (input → updated figure).
    performance.measure(`widget-render ${model.id}`, { start });
  }

  const update = perFrame(() => {
    syncControls();
    showNotes();
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    const values = store.values;
    if (!options.run) {
      const start = performance.now();
      const result = model.compute(values);
      performance.measure(`widget-compute ${model.id}`, { start });
      setState('ready');
      render(result);
      return;
    }
    if (progress) {
      progress.hidden = false;
      progress.value = 0;
    }
    setState('pending');
    const emit = (result: R, p: number) => {
      if (signal.aborted) return;
      // Before render, so that afterRender sees whether this result is the final one.
      if (p >= 1) setState('ready');
      render(result);
      if (progress) {
        progress.value = p;
        progress.hidden = p >= 1;
      }
    };
    const reportProgress = (p: number) => {
      if (!signal.aborted && progress) progress.value = p;
    };
    Promise.resolve(options.run(values, { emit, progress: reportProgress, signal })).catch((error: unknown) => {
      if (!signal.aborted) {
        setState('stale');
        inputNotes = [`The computation failed: ${error instanceof Error ? error.message : String(error)}`];
        showNotes();
      }
    });
  });

  function onInput(event: Event): void {
    const el = event.target as HTMLInputElement | HTMLSelectElement;
    const sliderFor = el.dataset.sliderFor;
    const specialFor = el.dataset.specialFor;
    const name = sliderFor ?? specialFor ?? el.name;
    const p = model.schema[name];
    if (!p) return;
    editing = el;
    inputNotes = [];
    if (sliderFor && p.kind === 'number') {
      store.set({ [name]: fromSlider(p as NumberParam, Number(el.value)) } as Partial<Values<S>>);
    } else if (specialFor && p.kind === 'number') {
      const checked = (el as HTMLInputElement).checked;
      const numeric = field(name)?.value ?? '';
      const fallback = parseValue(name, p, numeric).value;
      store.set({ [name]: checked ? el.value : fallback } as Partial<Values<S>>);
    } else if (p.kind === 'boolean') {
      store.set({ [name]: (el as HTMLInputElement).checked } as Partial<Values<S>>);
    } else {
      if (event.type === 'input' && (p.kind === 'text' || el.value === '' || el.value.endsWith('.'))) return;
      const parsed = parseValue(name, p, el.value);
      // Half-typed ("1 in 10^"): wait for the reader to finish (change) before saying it is wrong.
      if (event.type === 'input' && parsed.note) return;
      if (parsed.note) inputNotes = [parsed.note.message];
      store.set({ [name]: parsed.value } as Partial<Values<S>>);
    }
  }

  root.addEventListener('input', onInput);
  root.addEventListener('change', (e) => {
    onInput(e);
    editing = null;
    update();
  });
  root.addEventListener('focusout', () => {
    editing = null;
  });
  root.addEventListener('click', async (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    if (button.dataset.action === 'reset') {
      inputNotes = [];
      store.reset();
    } else if (button.dataset.action === 'copy-link' || button.dataset.action === 'copy-markdown') {
      const w = window as unknown as { __copyText?: (t: string) => Promise<boolean>; __toast?: (m: string) => void };
      const section = sectionIdBefore(root);
      const link = store.shareUrl(section);
      if (button.dataset.action === 'copy-link') {
        const ok = (await w.__copyText?.(link)) ?? false;
        button.dataset.link = link;
        w.__toast?.(ok ? 'Copied a link to this setting' : link);
        return;
      }
      // A citation quotes the numbers: never those of another setting.
      if (root.dataset.state !== 'ready') {
        w.__toast?.('Still computing: copy again when the numbers are ready');
        return;
      }
      const markdown = markdownFor(root, model as Model<Schema, unknown>, store.values as Values<Schema>, link, section);
      const ok = (await w.__copyText?.(markdown)) ?? false;
      button.dataset.markdown = markdown;
      w.__toast?.(ok ? 'Copied this setting as Markdown' : markdown);
    }
  });

  // Pending from the moment the setting changes, not from the next frame's update.
  const refresh = () => {
    setState('pending');
    update();
  };
  store.subscribe(refresh);
  // A link that sets something under "More settings" opens it, so the reader sees what was set.
  const more = root.querySelector<HTMLDetailsElement>('.widget-more-settings');
  if (more && controlsOf.some(({ p, name, el }) => el && more.contains(el) && formatValue(p, store.values[name]) !== formatValue(p, p.default))) more.open = true;
  if (chartBox) enableDrag(chartBox, store, model.schema, update);
  enableSteps(root, store, model);
  if (controls) controls.disabled = false;
  root.classList.add('hydrated');
  // The server-rendered figure already shows the default state: redraw only if the URL asked for
  // another setting or the widget draws more than the server can (afterRender).
  // On narrow screens the 640-px server chart would shrink its text: redraw at the real width; and
  // where the stage is height-limited, parts of the chart move below it (flowBox).
  const atDefaults = Object.entries(model.schema).every(([name, p]) => formatValue(p, store.values[name]) === formatValue(p, p.default));
  // Compared with the width the build drew at (Widget.astro's chartWidth, e.g. the home page's lead).
  const serverWidth = Number(chartBox?.querySelector(':scope > svg')?.getAttribute('width')) || SERVER_CHART_WIDTH;
  const serverWidthFits = !chartBox || Math.abs(chartWidth - serverWidth) < 80;
  const flowsOut = limited.matches && !!chartBox?.querySelector('.chart-flow');
  if (!atDefaults || !serverWidthFits || flowsOut || store.notes.length > 0 || options.afterRender || options.run) refresh();
  else {
    syncControls();
    setState('ready');
  }
  limited.addEventListener('change', () => {
    if (latest !== undefined) render(latest);
  });
  // A chart taller than its stage (a stage holds about half a short screen) says that more of it
  // scrolls: global.css draws a "scroll" edge while .stage-clipped is set. Read in a
  // ResizeObserver, after layout, so it forces none.
  const stage = root.querySelector<HTMLElement>('.widget-stage');
  if (stage && chartBox && 'ResizeObserver' in window) {
    const clipped = new ResizeObserver(() => stage.classList.toggle('stage-clipped', stage.scrollHeight > stage.clientHeight + 1));
    clipped.observe(stage);
    clipped.observe(chartBox);
  }
  // Redraw when the figure's width changes a lot (rotation, window resize), not on every pixel.
  if (chartBox && view.chart && 'ResizeObserver' in window) {
    let drawnWidth = chartWidth;
    new ResizeObserver(([entry]) => {
      chartWidth = entry.contentRect.width;
      if (Math.abs(chartWidth - drawnWidth) / Math.max(1, drawnWidth) > 0.15 && latest !== undefined) {
        drawnWidth = chartWidth;
        render(latest);
      }
    }).observe(chartBox);
  }
  return { store, latest: () => latest, refresh };
}
