import { model, PRESETS, targetTable, trainPoints, type Result, type schema } from '../../../src/models/tiny-nets';
import { mountWidget, type MountedWidget, type MountOptions } from '../../../src/kit/controller';
import { finishChart } from '../../../src/kit/chart-dom';
import { bindInline as bindParam, bindInlineOutput } from '../../../src/kit/inline';
import { perFrame } from '../../../src/kit/frame';
import { landscapePanel, rankingPanel, view } from './view';
import { inputHeader, outputName, pointRows } from './grid';
import { onProgress, request } from './session';

function gridRow(document: Document, point: number, bits: string): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.dataset.point = String(point);
  const th = Object.assign(document.createElement('th'), { scope: 'row', textContent: String(point) });
  const x = Object.assign(document.createElement('td'), { className: 'tn-x', textContent: bits });
  const out = Object.assign(document.createElement('button'), { type: 'button', className: 'tn-out' });
  out.dataset.point = String(point);
  out.append(
    Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: outputName(point, bits) }),
    Object.assign(document.createElement('span'), { className: 'tn-bit' }),
  );
  const label = Object.assign(document.createElement('label'), { className: 'tn-seen' });
  const box = Object.assign(document.createElement('input'), { type: 'checkbox' });
  box.dataset.trainPoint = String(point);
  const name = Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: `Point ${point} in training` });
  label.append(box, name);
  const outCell = document.createElement('td');
  outCell.append(out);
  const seenCell = document.createElement('td');
  seenCell.append(label);
  tr.append(th, x, outCell, seenCell);
  return tr;
}

/** The truth-table grid and the target menu: native buttons flip the target's outputs, native
 * checkboxes put points in or out of training; both write to the store, which redraws them. */
function bindGrid(root: HTMLElement, mounted: MountedWidget<typeof schema, Result>): void {
  const { store } = mounted;
  const tbody = root.querySelector<HTMLTableSectionElement>('.tn-grid tbody');
  const header = root.querySelector<HTMLElement>('.tn-x-head');
  const select = root.querySelector<HTMLSelectElement>('select[name="target"]');
  const custom = select?.querySelector<HTMLOptionElement>('option[data-custom]');
  const seedBox = root.querySelector<HTMLElement>('.tn-seed');
  if (!tbody) return;

  const sync = () => {
    const values = store.values;
    const n = values.n as number;
    if (tbody.rows.length !== 1 << n) {
      tbody.replaceChildren(...pointRows(n).map((r) => gridRow(document, r.point, r.bits)));
      if (header) header.textContent = inputHeader(n);
    }
    const table = targetTable(values);
    const train = new Set(trainPoints(values));
    for (const tr of tbody.rows) {
      const point = Number(tr.dataset.point);
      const on = ((table >> point) & 1) === 1;
      const seen = train.has(point);
      const out = tr.querySelector<HTMLButtonElement>('button.tn-out')!;
      out.querySelector('.tn-bit')!.textContent = on ? '1' : '0';
      out.setAttribute('aria-pressed', String(on));
      tr.querySelector<HTMLInputElement>('input[data-train-point]')!.checked = seen;
      tr.classList.toggle('tn-unseen', !seen);
    }
    // The chart's strip follows at once; the chart itself is redrawn when the result arrives.
    for (const flip of root.querySelectorAll<HTMLButtonElement>('button.tn-flip')) {
      const on = ((table >> Number(flip.dataset.point)) & 1) === 1;
      flip.setAttribute('aria-pressed', String(on));
      flip.dataset.on = String(on);
      flip.querySelector('.tn-bit')!.textContent = on ? '1' : '0';
    }
    const target = String(values.target);
    const isPreset = (PRESETS as readonly string[]).includes(target);
    if (custom) {
      custom.hidden = isPreset;
      custom.disabled = isPreset;
      if (!isPreset) {
        custom.value = target;
        custom.textContent = `your truth table (${target})`;
      }
    }
    if (select) select.value = target;
    if (seedBox) seedBox.hidden = target !== 'random';
  };

  // The table's output buttons and the chart's target strip flip the same bit.
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button.tn-out, button.tn-flip');
    if (!button) return;
    const point = Number(button.dataset.point);
    store.set({ target: String(targetTable(store.values) ^ (1 << point)) });
  });
  tbody.addEventListener('change', (event) => {
    const box = (event.target as Element).closest<HTMLInputElement>('input[data-train-point]');
    if (!box) return;
    const points = new Set(trainPoints(store.values));
    const point = Number(box.dataset.trainPoint);
    if (box.checked) points.add(point);
    else points.delete(point);
    store.set({ train: [...points].sort((a, b) => a - b).join(',') });
  });
  store.subscribe(perFrame(sync));
  sync();
}

/** The view, with panel (b) drawn one frame after panel (a): drawing and laying out both in one
 * frame made a single task of over 50 ms on this project's test machine (the budget's long task).
 * Until its turn, the previous panel (b) stays in place, so nothing on the page moves. */
function framedView(root: HTMLElement): { view: typeof view; afterRender: NonNullable<MountOptions<typeof schema, Result>['afterRender']> } {
  let shown: HTMLElement | null = null;
  let frame = 0;
  const drawLandscape = (r: Result, width: number) => {
    const start = performance.now();
    const panel = landscapePanel(r, document, width);
    finishChart(panel, `${root.id}-live-b`);
    performance.measure(`widget-render ${model.id}`, { start });
    return panel;
  };
  let width = 0;
  return {
    view: { ...view, chart(r, _p, context) {
      width = context.width;
      const box = Object.assign(context.document.createElement('div'), { className: 'tn-charts' });
      box.append(rankingPanel(r, context.document, context.width, true), Object.assign(context.document.createElement('div'), { className: 'tn-panel tn-panel-pending chart-flow' }));
      return box;
    } },
    afterRender(r, _values, el) {
      const slot = el.querySelector('.tn-panel-pending');
      if (!slot) return;
      cancelAnimationFrame(frame);
      if (!shown) {
        shown = drawLandscape(r, width);
        slot.replaceWith(shown);
        return;
      }
      slot.replaceWith(shown);
      frame = requestAnimationFrame(() => {
        const next = drawLandscape(r, width);
        shown!.replaceWith(next);
        shown = next;
      });
    },
  };
}

export const mount = (root: HTMLElement) => {
  const progress = root.querySelector<HTMLProgressElement>('.widget-progress');
  const framed = framedView(root);
  const mounted = mountWidget(root, model, framed.view, { run: request, afterRender: framed.afterRender });
  onProgress((fraction) => {
    if (progress && !progress.hidden) progress.value = Math.max(progress.value, fraction);
  });
  bindGrid(root, mounted);
  return mounted;
};

/** Inline numbers. A parameter is the kit's inline slider; an output follows the shared
 * computation (the model on the main thread would block it at n = 4). */
export const bindInline = (el: HTMLElement) =>
  el.dataset.output ? bindInlineOutput(el, model, view, request) : bindParam(el, model, view);
