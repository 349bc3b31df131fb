// Charts drawn directly as SVG, in the layout and style Observable Plot gives the other figures, for
// figures that redraw at every step of a slider: building a Plot chart costs several milliseconds an
// update (scales, channels, d3-selection), drawing the same marks by hand a fraction of one.

export type Attrs = Record<string, string | number>;

/** A position scale: a d3 scale, or any function from a value to pixels. */
export type Scale = (value: number) => number;

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgEl(document: Document, tag: string, attrs: Attrs, text?: string): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export const at = (x: number, y: number) => `translate(${x},${y})`;

/** A mark's group, labelled as Plot labels its marks; `hidden` for decoration (grid, tick lines). */
export function markGroup(document: Document, label: string, attrs: Attrs = {}, hidden = false): SVGElement {
  return svgEl(document, 'g', { 'aria-label': label, role: 'group', ...(hidden ? { 'aria-hidden': 'true' } : {}), ...attrs });
}

/** The chart's root, with Plot's defaults for text. */
export function chartRoot(document: Document, width: number, height: number, ariaLabel: string): SVGElement {
  return svgEl(document, 'svg', {
    fill: 'currentColor', 'font-family': 'system-ui, sans-serif', 'font-size': 10, 'text-anchor': 'middle',
    width, height, viewBox: `0 0 ${width} ${height}`, 'aria-label': ariaLabel,
  });
}

interface AxisOptions {
  ticks: number[];
  format(t: number): string;
  /** The axis title, drawn at `labelAt`. */
  label?: string;
  labelAt?: [number, number];
}

/** A left axis with horizontal grid lines from `left` to `right`; its title top-left, as Plot's. */
export function yAxis(document: Document, y: Scale, o: AxisOptions & { left: number; right: number }): SVGElement[] {
  const grid = markGroup(document, 'y-grid', { stroke: 'currentColor', 'stroke-opacity': 0.1 }, true);
  const marks = markGroup(document, 'y-axis tick', { fill: 'none', stroke: 'currentColor' }, true);
  const labels = markGroup(document, 'y-axis tick label', { 'text-anchor': 'end', transform: 'translate(-9,0)' });
  for (const t of o.ticks) {
    grid.append(svgEl(document, 'line', { x1: o.left, x2: o.right, y1: y(t), y2: y(t) }));
    marks.append(svgEl(document, 'path', { transform: at(o.left, y(t)), d: 'M0,0L-6,0' }));
    labels.append(svgEl(document, 'text', { y: '0.32em', transform: at(o.left, y(t)) }, o.format(t)));
  }
  const out = [grid, marks, labels];
  if (o.label) {
    const title = markGroup(document, 'y-axis label', { 'text-anchor': 'start' });
    title.append(svgEl(document, 'text', { y: '0.71em', transform: at(...(o.labelAt ?? [3, 3])) }, o.label));
    out.push(title);
  }
  return out;
}

/** A bottom axis at `bottom`; its title, anchored at its end, at `labelAt`. */
export function xAxis(document: Document, x: Scale, o: AxisOptions & { bottom: number }): SVGElement[] {
  const marks = markGroup(document, 'x-axis tick', { fill: 'none', stroke: 'currentColor' }, true);
  const labels = markGroup(document, 'x-axis tick label', { transform: 'translate(0,9)' });
  for (const t of o.ticks) {
    marks.append(svgEl(document, 'path', { transform: at(x(t), o.bottom), d: 'M0,0L0,6' }));
    labels.append(svgEl(document, 'text', { y: '0.71em', transform: at(x(t), o.bottom) }, o.format(t)));
  }
  const out = [marks, labels];
  if (o.label && o.labelAt) {
    const title = markGroup(document, 'x-axis label', { 'text-anchor': 'end' });
    title.append(svgEl(document, 'text', { transform: at(...o.labelAt) }, o.label));
    out.push(title);
  }
  return out;
}

/** A horizontal or vertical rule, as Plot's ruleY/ruleX. */
export function rule(document: Document, attrs: Attrs, line: { x1: number; x2: number; y1: number; y2: number }): SVGElement {
  const g = markGroup(document, 'rule', attrs);
  g.append(svgEl(document, 'line', line));
  return g;
}

/** One text label, as Plot's text mark draws it. */
export function label(document: Document, attrs: Attrs, x: number, y: number, text: string, dy = '0.32em'): SVGElement {
  const g = markGroup(document, 'text', attrs);
  g.append(svgEl(document, 'text', { y: dy, transform: at(x, y) }, text));
  return g;
}
