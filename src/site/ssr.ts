// Build-time rendering of a widget's default chart: the same view code, given a jsdom document.
// Only imported by .astro components, so jsdom never reaches the browser.
import { JSDOM } from 'jsdom';
import { finishChart } from '../kit/chart-dom';
import type { Schema, Values } from '../core/schema';
import { SERVER_CHART_WIDTH, type WidgetView } from '../kit/view';

let dom: JSDOM | null = null;

export function renderChart<S extends Schema, R>(view: WidgetView<S, R>, result: R, values: Values<S>, figId: string, width = SERVER_CHART_WIDTH): string {
  if (!view.chart) return '';
  dom ??= new JSDOM('<!doctype html><html><body></body></html>');
  const chart = view.chart(result, values, { document: dom.window.document, width });
  finishChart(chart, `${figId}-ssr`);
  return chart.outerHTML;
}
