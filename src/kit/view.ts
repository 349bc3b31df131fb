// What a widget's view provides. The same object renders the default state into HTML at build
// time and re-renders in the browser, so the two can never disagree.
import type { Schema, Values } from '../core/schema';

/** Width at which charts are drawn into the HTML at build time. */
export const SERVER_CHART_WIDTH = 640;

export interface OutputSpec {
  name: string;
  label: string;
  /** The unrounded value, written to data-value for tests and readers who inspect. */
  value: number | string;
  text: string;
}

export interface ChartContext {
  document: Document;
  width: number;
}

export interface WidgetView<S extends Schema, R> {
  outputs(result: R, values: Values<S>): OutputSpec[];
  /** Observable Plot (or other SVG) figure; optional. */
  chart?(result: R, values: Values<S>, ctx: ChartContext): Element;
  /** The result in one sentence of words, with the headline number as its output shows it: the
   * line a reader (and a screen reader, once the numbers are final) takes away. */
  sentence?(result: R, values: Values<S>): string;
  /** What the chart shows, in words: its text alternative (under "The chart in words"). */
  summary?(result: R, values: Values<S>): string;
  /** Other widgets whose settings (in the URL and their stores) also change this one's results. */
  follows?: string[];
}
