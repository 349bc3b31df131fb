import { model as tinyModel } from '../../../src/models/tiny-nets';
import type { Params } from '../../../src/models/overfitting';
import { mountWidget, setFigureState, type RunOptions } from '../../../src/kit/controller';
import { bindInline as bindParam, bindInlineOutput } from '../../../src/kit/inline';
import { getStore } from '../../../src/kit/store';
import { request } from '../tiny-nets/session';
import { combine, model, tinyComparison, view, type Result, type TinyComparison } from './view';

// The overfitting counts are instant; the tiny-nets comparison follows that widget's store and
// comes from the shared tiny-nets computation (main thread for n ≤ 3, a worker for n = 4).
const tinyStore = () => getStore(tinyModel);
let lastTiny: TinyComparison | null = null;

function run(values: Params, { emit, signal }: RunOptions<Result>): Promise<void> {
  const tinyValues = tinyStore().values;
  let answered = false;
  const done = request(tinyValues, {
    signal,
    emit(r, progress) {
      answered = true;
      lastTiny = tinyComparison(r, tinyValues);
      emit(combine(values, lastTiny), progress);
    },
  });
  // While a worker counts, show the new overfitting numbers beside the previous comparison.
  if (!answered && lastTiny) emit(combine(values, lastTiny), 0.5);
  return done;
}

export const mount = (root: HTMLElement) => {
  const mounted = mountWidget(root, model, view, { run });
  // Redrawn a frame after the tiny-nets figure, which is drawing its own update in this one (both
  // in one frame made a task of over 50 ms).
  tinyStore().subscribe(() => {
    setFigureState(root, 'pending');
    requestAnimationFrame(mounted.refresh);
  });
  return mounted;
};

/** Inline numbers: parameters use the kit's inline slider; outputs follow both stores. */
export const bindInline = (el: HTMLElement) =>
  el.dataset.output
    ? bindInlineOutput(el, model, view, run, { follows: [tinyStore()], partial: true })
    : bindParam(el, model, view);
