// Finds chart labels that collide: a text's box overlapping another text's box, or covering a mark
// it must not (a line, dot, rule, arrow or bar). Lines are sampled along their length every 2 px,
// so a curve that passes beside a label is not mistaken for one through it (its box would be).
//
// A text's box is its advance width by the height of its ink (the glyphs' extent above and below
// the baseline, as canvas measures the string), which every engine measures alike. Engines
// disagree about an SVG text's own box, and about a font's ascent: for the same DejaVu glyphs at
// 10 px, Chromium's getBoundingClientRect is 11 px tall and Firefox's 15 px, so Firefox saw tick
// labels "touch" an axis label 3 px of clear space below them.
import type { Page } from './driver';

/** Marks a label must never cover, unless a widget says otherwise. Areas, grids and ticks are
 * background, not marks. */
export const DEFAULT_MARKS = [
  'g[aria-label="line"] path', 'g[aria-label="dot"] circle', 'g[aria-label="rule"] line',
  'g[aria-label="arrow"] path', 'g[aria-label="bar"] rect', 'g[aria-label="link"] path', '.drag-grip',
].join(', ');

export interface Collision {
  text: string;
  other: string;
}

/** Collisions inside one widget's chart. `marks` is a CSS selector of the marks labels must not
 * cover (`DEFAULT_MARKS` if omitted); `tolerance` (px) lets boxes touch sideways. */
export async function chartCollisions(page: Page, widget: string, marks = DEFAULT_MARKS, tolerance = 1): Promise<Collision[]> {
  return page.evaluate(({ widget, marks, tolerance }) => {
    // The chart, and the parts of it that follow the stage on a narrow screen (.widget-chart-flow).
    const fig = document.querySelector(`figure[data-widget="${widget}"]`);
    if (!fig?.querySelector('.widget-chart')) return [{ text: '(no chart)', other: widget }];
    const chart = { querySelectorAll: <E extends Element>(sel: string) => fig.querySelectorAll<E>(`:is(.widget-chart, .widget-chart-flow) :is(${sel})`) };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const texts = [...chart.querySelectorAll('svg text')].filter((t) => visible(t) && (t.textContent ?? '').trim() !== '');
    const ctx = document.createElement('canvas').getContext('2d')!;
    /** One line of text (a <text>, or each <tspan> of a multi-line one) as a box on screen. */
    const lineBox = (line: SVGTextContentElement) => {
      const r = line.getBoundingClientRect();
      const ctm = line.getScreenCTM();
      if (!ctm || ctm.b !== 0 || ctm.c !== 0 || line.getNumberOfChars() === 0) return r; // rotated: the engine's box
      const style = getComputedStyle(line);
      ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const metrics = ctx.measureText(line.textContent ?? '');
      const baseline = ctm.f + ctm.d * line.getStartPositionOfChar(0).y;
      return new DOMRect(r.left, baseline - metrics.actualBoundingBoxAscent * ctm.d, r.width, (metrics.actualBoundingBoxAscent + metrics.actualBoundingBoxDescent) * ctm.d);
    };
    const textBox = (t: SVGTextElement) => {
      const lines = [...t.querySelectorAll<SVGTSpanElement>(':scope > tspan')].filter((s) => (s.textContent ?? '').trim() !== '');
      const rects = (lines.length > 0 ? lines : [t]).map(lineBox);
      const top = Math.min(...rects.map((q) => q.top));
      const left = Math.min(...rects.map((q) => q.left));
      return new DOMRect(left, top, Math.max(...rects.map((q) => q.right)) - left, Math.max(...rects.map((q) => q.bottom)) - top);
    };
    const boxes = texts.map((t) => {
      const r = textBox(t as SVGTextElement);
      // Ink may not touch ink; the advance width has a side bearing, so boxes may touch sideways.
      return { el: t, rect: r, left: r.left + tolerance, right: r.right - tolerance, top: r.top, bottom: r.bottom };
    });
    type Box = (typeof boxes)[number];
    const name = (el: Element) => (el.textContent ?? '').trim() || `<${el.tagName.toLowerCase()} in ${el.closest('g[aria-label]')?.getAttribute('aria-label') ?? 'chart'}>`;
    const overlaps = (a: Box, r: DOMRect) => a.left < r.right && r.left < a.right && a.top < r.bottom && r.top < a.bottom;
    const inside = (a: Box, x: number, y: number) => x > a.left && x < a.right && y > a.top && y < a.bottom;
    // The sticky stage and the parts that flow past beneath it are compared apart: where one sits
    // over the other depends only on how far the reader has scrolled.
    const part = (el: Element) => el.closest('.widget-chart, .widget-chart-flow');
    const out: { text: string; other: string }[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (part(boxes[i].el) !== part(boxes[j].el)) continue;
        const r = boxes[j].rect;
        const shrunk = new DOMRect(r.left + tolerance, r.top, r.width - 2 * tolerance, r.height);
        if (overlaps(boxes[i], shrunk)) out.push({ text: name(boxes[i].el), other: name(boxes[j].el) });
      }
    }
    for (const mark of chart.querySelectorAll<SVGGraphicsElement>(marks)) {
      // A horizontal or vertical line has a box of zero height or width.
      const r = mark.getBoundingClientRect();
      if ((r.width === 0 && r.height === 0) || getComputedStyle(mark).visibility === 'hidden') continue;
      const tag = mark.tagName.toLowerCase();
      if (tag === 'path' || tag === 'line') {
        // Sample the geometry in screen coordinates.
        const geo = mark as SVGGeometryElement;
        const ctm = geo.getScreenCTM();
        if (!ctm) continue;
        const length = geo.getTotalLength();
        const points: DOMPoint[] = [];
        for (let s = 0; s <= length; s += 2) points.push(geo.getPointAtLength(s).matrixTransform(ctm));
        for (const b of boxes) if (part(b.el) === part(mark) && points.some((p) => inside(b, p.x, p.y))) out.push({ text: name(b.el), other: name(mark) });
      } else {
        for (const b of boxes) if (part(b.el) === part(mark) && overlaps(b, r)) out.push({ text: name(b.el), other: name(mark) });
      }
    }
    return out;
  }, { widget, marks, tolerance });
}
