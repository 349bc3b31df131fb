// Tangle-style numbers inside sentences, bound to a widget's store. A parameter number is an ARIA
// slider: arrow keys step it (Shift for ten steps, Home/End for the ends) and a horizontal drag
// scrubs it. An output number just follows the store.
import { clampNumber, formatValue, fromSlider, toSlider, type Model, type NumberParam, type Schema, type Values } from '../core/schema';
import { getStore } from './store';
import { plainLabel } from '../core/format';
import type { WidgetView } from './view';
import { setFigureState, showOutput, type RunOptions } from './controller';
import { perFrame } from './frame';

export function bindInline<S extends Schema, R>(el: HTMLElement, model: Model<S, R>, view: WidgetView<S, R>): void {
  if (el.dataset.output) {
    bindInlineOutput(el, model, view, (values, { emit }) => emit(model.compute(values), 1));
    return;
  }
  const store = getStore(model as Model<S, unknown>);
  const param = el.dataset.param;
  if (!param) return;
  const p = model.schema[param] as NumberParam;
  if (p?.kind !== 'number') return;
  const step = p.scale === 'log' ? 10 : (p.step ?? (p.integer ? 1 : (p.max - p.min) / 100));
  const valueOf = () => store.values[param] as number;
  const setValue = (v: number) => store.set({ [param]: clampNumber(p, Number(v.toPrecision(12))) } as Partial<Values<S>>);
  const nudge = (steps: number) => {
    if (p.scale === 'log') setValue(fromSlider(p, toSlider(p, valueOf()) + steps * step));
    else setValue(valueOf() + steps * step);
  };
  const render = () => {
    const v = valueOf();
    el.textContent = el.dataset.format === 'percent' ? `${Number((v * 100).toPrecision(3))}%` : formatValue(p, v);
    el.setAttribute('aria-valuenow', String(v));
    el.setAttribute('aria-valuetext', el.textContent ?? '');
    el.dataset.value = String(v);
    setFigureState(el, 'ready');
  };
  // Slider semantics are added here, not in the HTML: without JavaScript the number is plain text.
  el.tabIndex = 0;
  el.setAttribute('role', 'slider');
  el.setAttribute('aria-label', el.dataset.label ?? plainLabel(p.label));
  el.setAttribute('aria-valuemin', String(p.min));
  el.setAttribute('aria-valuemax', String(p.max));
  el.title = 'Drag, or focus and use the arrow keys';
  el.classList.add('live');
  el.addEventListener('keydown', (e) => {
    const big = e.shiftKey ? 10 : 1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') nudge(big);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') nudge(-big);
    else if (e.key === 'Home') setValue(p.min);
    else if (e.key === 'End') setValue(p.max);
    else return;
    e.preventDefault();
  });
  let startX = 0;
  let startSteps = 0;
  el.addEventListener('pointerdown', (e) => {
    startX = e.clientX;
    startSteps = 0;
    el.setPointerCapture(e.pointerId);
    el.classList.add('dragging');
  });
  el.addEventListener('pointermove', (e) => {
    if (!el.hasPointerCapture(e.pointerId)) return;
    const steps = Math.trunc((e.clientX - startX) / 8);
    if (steps !== startSteps) {
      nudge(steps - startSteps);
      startSteps = steps;
    }
  });
  const end = (e: PointerEvent) => {
    if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
    el.classList.remove('dragging');
  };
  el.addEventListener('pointerup', end);
  el.addEventListener('pointercancel', end);
  store.subscribe(render);
  render();
}

interface InlineOutputOptions {
  /** Other stores whose changes also change the result (a widget that follows another). */
  follows?: { subscribe(listener: () => void): () => void }[];
  /** Show results emitted before the run is done (default: only the finished result). */
  partial?: boolean;
}

/** An output number that follows the store, computed by `run`: the model on the main thread, or a
 * widget's own computation (a worker, a shared session) where that would block the page. A newer
 * setting cancels the run in progress. */
export function bindInlineOutput<S extends Schema, R>(
  el: HTMLElement, model: Model<S, R>, view: WidgetView<S, R>,
  run: (values: Values<S>, options: RunOptions<R>) => void | Promise<void>,
  { follows = [], partial = false }: InlineOutputOptions = {},
): void {
  const name = el.dataset.output;
  const store = getStore(model as Model<S, unknown>);
  let controller: AbortController | null = null;
  const compute = perFrame(() => {
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    const values = store.values;
    Promise.resolve(run(values, {
      signal,
      emit(result, progress) {
        if (signal.aborted || (progress < 1 && !partial)) return;
        const spec = view.outputs(result, values).find((o) => o.name === name);
        if (spec) showOutput(el, spec);
        if (progress >= 1) setFigureState(el, 'ready');
      },
    })).catch(() => setFigureState(el, 'stale')); // the number stays as it was; the figure says why
  });
  const update = () => {
    setFigureState(el, 'pending');
    compute();
  };
  store.subscribe(update);
  for (const other of follows) other.subscribe(update);
  update();
}
