// Chart handles: a mark the reader drags (mouse, pen or touch) or moves with the keyboard to set a
// parameter, mirroring that parameter's slider. A view draws a handle with `dragHandle` (see
// below); `enableDrag` makes every handle in a widget's chart live. The chart is redrawn at every
// change, so the handles are found by delegation, the pointer is captured by the chart's box (which
// stays), the mapping from pixels to values is frozen when a drag starts (the axis may rescale
// under the pointer, as credit-horizon's does when the episode length moves), and focus returns to
// the redrawn handle.
import { clampNumber, fromSlider, toSlider, SLIDER_STEPS, type NumberParam, type Schema, type Values } from '../core/schema';
import { markGroup, svgEl } from './svg-chart';
import type { WidgetStore } from './store';

export interface HandleOptions {
  param: string;
  /** The parameter's schema entry (its range, step and scale drive the keyboard). */
  p: NumberParam;
  value: number;
  /** Where the value's scale maps: domain [d0, d1] to SVG x [r0, r1]; log when `log`. */
  domain: [number, number];
  range: [number, number];
  log?: boolean;
  /** The handle's extent in SVG y: a vertical strip (an edge or a cursor line)… */
  y1?: number;
  y2?: number;
  /** …or a point at this y, drawn by the chart (the handle adds a ring around it). */
  pointY?: number;
  /** Its accessible name and the text a screen reader says for its value. */
  label: string;
  valueText: string;
}

/** A handle at the value's x, labelled and focusable as a slider: a strip the height of the
 * chart with a grip in its middle, or a ring around a point; either way a transparent hit area
 * 44 px wide, for fingers. */
export function dragHandle(document: Document, o: HandleOptions): SVGElement {
  const [d0, d1] = o.domain;
  const [r0, r1] = o.range;
  const t = o.log ? (Math.log(o.value) - Math.log(d0)) / (Math.log(d1) - Math.log(d0)) : (o.value - d0) / (d1 - d0);
  const x = r0 + t * (r1 - r0);
  const g = markGroup(document, 'handle', {
    class: 'drag-handle', tabindex: 0, role: 'slider', 'aria-label': o.label,
    // ARIA values are plain decimals: a log-scale handle reports its slider position, as its range
    // input does (1e-8 is not a valid aria-valuemin), and says the value in aria-valuetext.
    ...(o.p.scale === 'log'
      ? { 'aria-valuemin': 0, 'aria-valuemax': SLIDER_STEPS, 'aria-valuenow': toSlider(o.p, o.value) }
      : { 'aria-valuemin': o.p.min, 'aria-valuemax': o.p.max, 'aria-valuenow': o.value }),
    'aria-valuetext': o.valueText,
    'aria-orientation': 'horizontal',
    'data-drag-param': o.param, 'data-drag-domain': `${d0},${d1}`, 'data-drag-range': `${r0},${r1}`, 'data-drag-scale': o.log ? 'log' : 'linear',
  });
  if (o.pointY !== undefined) {
    const y = o.pointY;
    g.append(
      svgEl(document, 'rect', { class: 'drag-hit', x: x - 22, y: y - 22, width: 44, height: 44, fill: 'transparent' }),
      svgEl(document, 'circle', { class: 'drag-grip', cx: x, cy: y, r: 10, fill: 'none', stroke: 'var(--fg)', 'stroke-width': 1.5, 'stroke-dasharray': '3 2' }),
    );
    return g;
  }
  const [y1, y2] = [o.y1 ?? 0, o.y2 ?? 0];
  const mid = (y1 + y2) / 2;
  g.append(
    svgEl(document, 'rect', { class: 'drag-hit', x: x - 22, y: y1, width: 44, height: y2 - y1, fill: 'transparent' }),
    svgEl(document, 'rect', { class: 'drag-grip', x: x - 5, y: mid - 14, width: 10, height: 28, rx: 4, fill: 'var(--bg)', stroke: 'var(--band-edge)', 'stroke-width': 2 }),
    svgEl(document, 'path', { class: 'drag-grip-lines', d: `M${x - 1.5},${mid - 6}v12M${x + 1.5},${mid - 6}v12`, stroke: 'var(--band-edge)', 'stroke-width': 1 }),
  );
  return g;
}

/** The value under an SVG x, by a handle's frozen scale. */
function valueAt(handle: Element, svgX: number): number {
  const [d0, d1] = handle.getAttribute('data-drag-domain')!.split(',').map(Number);
  const [r0, r1] = handle.getAttribute('data-drag-range')!.split(',').map(Number);
  const t = Math.min(1, Math.max(0, (svgX - r0) / (r1 - r0)));
  return handle.getAttribute('data-drag-scale') === 'log' ? Math.exp(Math.log(d0) + t * (Math.log(d1) - Math.log(d0))) : d0 + t * (d1 - d0);
}

/** A number as the parameter's slider would set it: on its step (linear) or three significant
 * digits (log, as `fromSlider` rounds). */
function snap(p: NumberParam, v: number): number {
  if (p.scale === 'log') return clampNumber(p, Number(v.toPrecision(3)));
  const step = p.integer ? 1 : (p.step ?? 0);
  const snapped = step > 0 ? Math.round((v - p.min) / step) * step + p.min : v;
  return clampNumber(p, Number(snapped.toPrecision(12)));
}

/** The value a key moves a parameter to, as its native range input would: arrows one step,
 * Page keys ten, Home/End the ends. Null for other keys. */
export function keyedValue(p: NumberParam, v: number, key: string): number | null {
  const steps: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10 };
  if (key === 'Home') return p.min;
  if (key === 'End') return p.max;
  if (!(key in steps)) return null;
  if (p.scale === 'log') return fromSlider(p, toSlider(p, v) + steps[key]);
  const step = p.integer ? 1 : (p.step ?? (p.max - p.min) / 100);
  return snap(p, v + steps[key] * step);
}

let active: string | null = null;
/** The parameter whose handle the pointer is dragging now, if any: a view may hold its axis still
 * while it is (credit-horizon's axis otherwise rescales with the value being dragged). */
export const draggingParam = (): string | null => active;

export function enableDrag<S extends Schema>(chartBox: HTMLElement, store: WidgetStore<S>, schema: S, redraw: () => void): void {
  const set = (param: string, v: number) => {
    const p = schema[param] as NumberParam;
    const next = snap(p, v);
    if (store.values[param] !== next) store.set({ [param]: next } as Partial<Values<S>>);
  };
  let dragging: { param: string; handle: Element; ctm: DOMMatrix; pointer: number } | null = null;

  chartBox.addEventListener('pointerdown', (e) => {
    const handle = (e.target as Element).closest?.('[data-drag-param]');
    const svg = handle?.closest('svg');
    const ctm = svg?.getScreenCTM();
    if (!handle || !ctm || e.button !== 0) return;
    e.preventDefault();
    (handle as SVGElement).focus({ preventScroll: true });
    active = handle.getAttribute('data-drag-param');
    dragging = { param: active!, handle: handle.cloneNode(false) as Element, ctm: ctm.inverse(), pointer: e.pointerId };
    chartBox.setPointerCapture(e.pointerId);
    chartBox.classList.add('dragging');
  });
  chartBox.addEventListener('pointermove', (e) => {
    if (!dragging || e.pointerId !== dragging.pointer) return;
    const x = new DOMPoint(e.clientX, e.clientY).matrixTransform(dragging.ctm).x;
    set(dragging.param, valueAt(dragging.handle, x));
  });
  const end = (e: PointerEvent) => {
    if (!dragging || e.pointerId !== dragging.pointer) return;
    const { param } = dragging;
    dragging = null;
    active = null;
    chartBox.classList.remove('dragging');
    // Draw once more, without the held axis.
    if (param) redraw();
  };
  chartBox.addEventListener('pointerup', end);
  chartBox.addEventListener('pointercancel', end);
  chartBox.addEventListener('keydown', (e) => {
    const handle = (e.target as Element).closest?.('[data-drag-param]');
    if (!handle) return;
    const param = handle.getAttribute('data-drag-param')!;
    const v = store.values[param];
    if (typeof v !== 'number') return;
    const next = keyedValue(schema[param] as NumberParam, v, e.key);
    if (next === null) return;
    e.preventDefault();
    set(param, next);
  });
}

/** After a redraw: give focus back to the handle for the same parameter. */
export function refocusHandle(chartBox: HTMLElement, param: string | null): void {
  if (param) chartBox.querySelector<SVGElement>(`[data-drag-param="${param}"]`)?.focus({ preventScroll: true });
}
