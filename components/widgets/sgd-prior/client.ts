// sgd-prior in the browser. The experiment runs in a Web Worker (src/models/sgd-prior-job.ts),
// which streams progress and, while training runs, partial results; the figure redraws from them.
//
// At the defaults nothing runs: the build wrote its result into the figure (same seeded streams,
// same numbers), and the figure is redrawn from it at the reader's width, so a reader who only
// reads costs no CPU.
import { schema, type Params } from '../../../src/models/sgd-prior';
import { mountWidget, setFigureState, type RunOptions } from '../../../src/kit/controller';
import { bindInline as bindParam } from '../../../src/kit/inline';
import { workerRunner } from '../../../src/kit/worker-client';
import { defaults, formatValue, type Model } from '../../../src/core/schema';
import type { LiveResult } from '../../../src/models/sgd-prior-job';
import { view } from './view';

/** The model as the page needs it: the experiment itself runs only in the worker. */
const model: Model<typeof schema, LiveResult> = {
  id: 'sgd-prior',
  schema,
  compute() {
    throw new Error('sgd-prior runs in its worker');
  },
};

const runInWorker = workerRunner<Params, LiveResult>(
  () => new Worker(new URL('../../../src/workers/sgd-prior.worker.ts', import.meta.url), { type: 'module' }),
);

const DEFAULTS = defaults(schema);
const atDefaults = (v: Params) =>
  Object.entries(schema).every(([name, p]) => formatValue(p, v[name as keyof Params]) === formatValue(p, DEFAULTS[name as keyof Params]));

// ------------------------------------------------------------------ inline numbers in the prose

interface InlineOutput { el: HTMLElement; name: string; builtText: string; builtValue: string }
const inlineOutputs: InlineOutput[] = [];
/** The result on show (null until the figure has drawn one) and whether it is final. */
let shown: { result: LiveResult; values: Params; final: boolean } | null = null;

function renderInline(): void {
  const specs = shown ? view.outputs(shown.result, shown.values) : null;
  for (const o of inlineOutputs) {
    const spec = specs?.find((s) => s.name === o.name);
    o.el.textContent = spec ? spec.text : o.builtText;
    o.el.dataset.value = spec ? String(spec.value) : o.builtValue;
    setFigureState(o.el, !shown || shown.final ? 'ready' : 'pending');
  }
}

/** An inline parameter is the kit's inline control; an inline output follows the figure (the kit's
 * own binding would run the experiment on the main thread). */
export function bindInline(el: HTMLElement): void {
  if (el.dataset.param) {
    bindParam(el, model, view);
    return;
  }
  const name = el.dataset.output;
  if (!name) return;
  inlineOutputs.push({ el, name, builtText: el.textContent ?? '', builtValue: el.dataset.value ?? '' });
}

// ------------------------------------------------------------------ the figure

/** The build's result at the defaults, which SgdPrior.astro writes into the figure. */
function builtResult(root: HTMLElement): LiveResult | null {
  const json = root.querySelector<HTMLElement>('[data-sgd-default]')?.dataset.sgdDefault;
  if (!json) return null;
  try {
    return JSON.parse(json) as LiveResult;
  } catch {
    return null;
  }
}

export function mount(root: HTMLElement) {
  const built = builtResult(root);

  async function run(values: Params, { emit, progress, signal }: RunOptions<LiveResult>): Promise<void> {
    if (shown) {
      shown.final = false;
      renderInline();
    }
    // At the defaults the build's result is this setting's exact result: draw it at this width.
    if (built && atDefaults(values)) emit(built, 1);
    else await runInWorker(values, { emit, progress, signal });
  }

  return mountWidget(root, model, view, {
    run,
    afterRender(result, values) {
      shown = { result, values, final: root.dataset.state === 'ready' };
      renderInline();
    },
  });
}
