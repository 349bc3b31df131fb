import { model } from '../../../src/models/credit-horizon';
import { mountWidget } from '../../../src/kit/controller';
import { bindInline as bind } from '../../../src/kit/inline';
import { view } from './view';

/** Width the build-time chart is drawn at (src/site/ssr.ts). */
const SSR_WIDTH = 640;

export function mount(root: HTMLElement) {
  const mounted = mountWidget(root, model, view);
  // The kit keeps the build-time figure when the setting is the default. On a narrow screen that
  // figure is scaled down until its labels are unreadable, so draw it again at the real width.
  const width = root.querySelector<HTMLElement>('.widget-chart')?.clientWidth ?? SSR_WIDTH;
  if (width < SSR_WIDTH - 40) mounted.refresh();
  return mounted;
}
export const bindInline = (el: HTMLElement) => bind(el, model, view);
