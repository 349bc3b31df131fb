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
  roundGeometry(chart);
  return chart.outerHTML;
}

// Plot writes coordinates with up to 17 digits ("186.6394225583042"); a tenth of a pixel is finer
// than any screen draws a 640-pixel chart, and the digits were over a third of a chapter's HTML.
const GEOMETRY = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'd', 'points', 'transform', 'viewBox'];
const tenth = (n: string) => String(Math.round(Number(n) * 10) / 10);

function roundGeometry(root: Element): void {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const name of GEOMETRY) {
      const v = el.getAttribute(name);
      if (v && /\.\d{2}/.test(v)) el.setAttribute(name, v.replace(/-?\d*\.\d+(?:e-?\d+)?/g, tenth));
    }
  }
}
