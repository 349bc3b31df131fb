import { model } from '../../../src/models/speed-cost';
import { mountWidget } from '../../../src/kit/controller';
import { bindInline as bind } from '../../../src/kit/inline';
import { view } from './view';

export function mount(root: HTMLElement) {
  const mounted = mountWidget(root, model, view);
  // The server draws the default chart 640 px wide; on a narrow screen that scales its text down
  // to a few pixels, so redraw it once at the real width (cheap: the model is a few formulas).
  const box = root.querySelector<HTMLElement>('.widget-chart');
  if (box && box.clientWidth > 0 && box.clientWidth < 600) mounted.refresh();
  return mounted;
}
export const bindInline = (el: HTMLElement) => bind(el, model, view);
