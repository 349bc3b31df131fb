// serial-parallel in the browser. The counts run in a Web Worker (a finite width with n near 64
// takes up to a second), so the page never blocks. The chart's axis (against k or against L) is
// a view-only choice: switching it redraws the chart from the latest result, without recomputing,
// and is remembered in the URL as `serial-parallel.chart`.
import { model, type Params, type Result } from '../../../src/models/serial-parallel';
import { mountWidget } from '../../../src/kit/controller';
import { workerRunner } from '../../../src/kit/worker-client';
import { finishChart } from '../../../src/kit/chart-dom';
import { chartAxis, view, type ChartAxis } from './view';

const AXIS_KEY = 'serial-parallel.chart';
const isAxis = (v: string | null): v is ChartAxis => v === 'layers' || v === 'chains';

export function mount(root: HTMLElement) {
  const select = root.querySelector<HTMLSelectElement>('select[data-chart-axis]');
  const fromUrl = new URL(location.href).searchParams.get(AXIS_KEY);
  if (isAxis(fromUrl)) chartAxis.value = fromUrl;
  if (select) select.value = chartAxis.value;

  const run = workerRunner<Params, Result>(
    () => new Worker(new URL('../../../src/workers/serial-parallel.worker.ts', import.meta.url), { type: 'module' }),
  );
  const mounted = mountWidget(root, model, view, { run });

  const redraw = () => {
    const result = mounted.latest();
    const box = root.querySelector<HTMLElement>('.widget-chart');
    if (!result || !box) return;
    const width = Math.max(300, Math.min(720, Math.round(box.clientWidth || 640)));
    const chart = view.chart!(result, mounted.store.values, { document, width });
    finishChart(chart, `${root.id}-live`);
    box.replaceChildren(chart);
  };
  const onAxis = (event: Event) => {
    // The controller recomputes on any change inside the figure; the axis needs only a redraw.
    event.stopPropagation();
    if (!select || !isAxis(select.value)) return;
    chartAxis.value = select.value;
    const url = new URL(location.href);
    if (chartAxis.value === 'layers') url.searchParams.delete(AXIS_KEY);
    else url.searchParams.set(AXIS_KEY, chartAxis.value);
    history.replaceState(history.state, '', url);
    redraw();
  };
  select?.addEventListener('change', onAxis);
  select?.addEventListener('input', (e) => e.stopPropagation());
  return mounted;
}
