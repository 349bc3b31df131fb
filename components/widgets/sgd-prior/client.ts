// sgd-prior in the browser. The experiment runs in Web Workers (src/models/sgd-prior-job.ts): two
// side by side where the device has two cores or more, each on every other prior block and training
// run, else one on all. They stream progress and, while training runs, partial tallies; the page
// merges them (mergeTallies: exactly one worker's tallies) and the figure redraws from the summary.
//
// At the defaults nothing runs: the build wrote its result into the figure (same seeded streams,
// same numbers), and the figure is redrawn from it at the reader's width, so a reader who only
// reads costs no CPU.
import { mergeTallies, schema, setup, summarize, type Params, type Tallies } from '../../../src/models/sgd-prior';
import { mountWidget, setFigureState, type RunOptions } from '../../../src/kit/controller';
import { bindInline as bindParam } from '../../../src/kit/inline';
import { workerRunner } from '../../../src/kit/worker-client';
import { defaults, formatValue, type Model } from '../../../src/core/schema';
import type { PartJob } from '../../../src/models/sgd-prior-job';
import { view, type LiveResult } from './view';

/** The model as the page needs it: the experiment itself runs only in the worker. */
const model: Model<typeof schema, LiveResult> = {
  id: 'sgd-prior',
  schema,
  compute() {
    throw new Error('sgd-prior runs in its worker');
  },
};

/** One runner per worker, each started on first use: a second core gets the second. */
const runners = [0, 1].map(() => workerRunner<PartJob, Tallies>(
  () => new Worker(new URL('../../../src/workers/sgd-prior.worker.ts', import.meta.url), { type: 'module' }),
));

/** Run a setting in `parts` workers at once and show the merged tallies: partial ones once every
 * part has sent some (each does so only when its prior draws are done), the final once all are in. */
async function runInWorkers(values: Params, { emit, progress, signal }: RunOptions<LiveResult>): Promise<void> {
  const parts = navigator.hardwareConcurrency >= 2 ? 2 : 1;
  const s = setup(values);
  const latest: (Tallies | undefined)[] = Array(parts).fill(undefined);
  const done = Array<number>(parts).fill(0);
  const overall = () => done.reduce((a, b) => a + b, 0) / parts;
  const merged = (final: boolean): LiveResult => ({ ...summarize(s, mergeTallies(s, latest as Tallies[])), done: final });
  // A part that fails stops the others.
  const local = new AbortController();
  const stop = () => local.abort();
  signal.addEventListener('abort', stop);
  try {
    await Promise.all(runners.slice(0, parts).map((run, part) => run({ values, part, parts }, {
      signal: local.signal,
      progress(fraction) {
        done[part] = fraction;
        progress?.(overall());
      },
      emit(tallies, fraction) {
        latest[part] = tallies;
        done[part] = fraction;
        if (fraction < 1 && latest.every(Boolean)) emit(merged(false), overall());
      },
    }).catch((e: unknown) => {
      stop();
      throw e;
    })));
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (!signal.aborted) emit(merged(true), 1);
}

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
    else await runInWorkers(values, { emit, progress, signal });
  }

  return mountWidget(root, model, view, {
    run,
    afterRender(result, values) {
      shown = { result, values, final: root.dataset.state === 'ready' };
      renderInline();
    },
  });
}
