// simplicity-bias in the browser. The networks are sampled in a Web Worker
// (src/models/simplicity-bias-job.ts), which streams a summary a few times a second; the figure
// redraws from each one. A Run button starts (or restarts) sampling, a Stop button ends it and
// keeps what has been drawn so far, and changing a setting starts a new run that supersedes the
// old one.
//
// The default setting is what the page was built with: the server-rendered figure already shows
// exactly the result the worker would reach (same seeded sampler, same number of networks), so at
// the defaults nothing is sampled until the reader presses Run. That saves ~5 s of CPU on every
// page load. (The kit's controller starts a run on mount whenever a widget has its own `run`; the
// wrapper below answers that first call, and any later return to the defaults such as Reset, by
// showing the build-time figure again.)
import { schema, type Params } from '../../../src/models/simplicity-bias';
import { mountWidget, renderOutputs, setFigureState, type RunOptions } from '../../../src/kit/controller';
import { bindInline as bindParam } from '../../../src/kit/inline';
import { workerRunner } from '../../../src/kit/worker-client';
import { defaults, formatValue } from '../../../src/core/schema';
import { formatNumber, grouped } from '../../../src/core/format';
import type { Model } from '../../../src/core/schema';
import type { LiveResult } from '../../../src/models/simplicity-bias-job';
import { view } from './view';

/** The model as the page needs it: its id and schema. Sampling happens only in the worker (the
 * kit calls compute only when a widget has no `run` of its own, and bindInline below keeps output
 * numbers away from it), so the page never loads the sampler. */
const model: Model<typeof schema, LiveResult> = {
  id: 'simplicity-bias',
  schema,
  compute() {
    throw new Error('simplicity-bias samples in its worker');
  },
};

const runInWorker = workerRunner<Params, LiveResult>(
  () => new Worker(new URL('../../../src/workers/simplicity-bias.worker.ts', import.meta.url), { type: 'module' }),
);

const DEFAULTS = defaults(schema);
const atDefaults = (v: Params) =>
  Object.entries(schema).every(([name, p]) => formatValue(p, v[name as keyof Params]) === formatValue(p, DEFAULTS[name as keyof Params]));
const integer = (x: number) => grouped(Math.round(x));
/** Partial results are drawn at most this often. */
const PARTIAL_INTERVAL_MS = 600;

// ------------------------------------------------------------------ inline numbers

interface InlineOutput { el: HTMLElement; name: string; builtText: string; builtValue: string }
const inlineOutputs: InlineOutput[] = [];
/** The result on show, or null while the figure shows the build-time default. */
let shown: { result: LiveResult; values: Params } | null = null;

/** Whether the figure's numbers are final for its setting (null until the figure is mounted: an
 * inline number bound earlier keeps the state the page gave it). */
let shownFinal: boolean | null = null;

function renderInline(): void {
  const specs = shown ? view.outputs(shown.result, shown.values) : null;
  for (const o of inlineOutputs) {
    const spec = specs?.find((s) => s.name === o.name);
    o.el.textContent = spec ? spec.text : o.builtText;
    o.el.dataset.value = spec ? String(spec.value) : o.builtValue;
    if (shownFinal !== null) setFigureState(o.el, shownFinal ? 'ready' : 'pending');
  }
}

/** Inline numbers: a parameter is the kit's inline slider; an output follows the figure (the kit's
 * own output binding would sample 10^6 networks on the main thread at every change). */
export function bindInline(el: HTMLElement): void {
  if (el.dataset.param) {
    bindParam(el, model, view);
    return;
  }
  const name = el.dataset.output;
  if (!name) return;
  inlineOutputs.push({ el, name, builtText: el.textContent ?? '', builtValue: el.dataset.value ?? '' });
  renderInline();
}

// ------------------------------------------------------------------ the figure

type State = 'built' | 'running' | 'done' | 'stopped';

export function mount(root: HTMLElement) {
  const bar = root.querySelector<HTMLElement>('.sb-runbar');
  const runButton = bar?.querySelector<HTMLButtonElement>('[data-sb="run"]');
  const stopButton = bar?.querySelector<HTMLButtonElement>('[data-sb="stop"]');
  const status = bar?.querySelector<HTMLElement>('.sb-status');
  const announce = bar?.querySelector<HTMLElement>('.sb-announce');
  const progressBar = root.querySelector<HTMLProgressElement>('.widget-progress');
  const chartBox = root.querySelector<HTMLElement>('.widget-chart');
  const sentenceBox = root.querySelector<HTMLElement>('.widget-result');
  const summaryBox = root.querySelector<HTMLElement>('.widget-summary');

  // Run, Stop and the status sit right under the chart (with the progress bar), not below all the
  // settings; without JavaScript the bar stays hidden.
  if (bar && chartBox) {
    (sentenceBox ?? chartBox).after(bar);
    if (progressBar) bar.append(progressBar);
    bar.hidden = false;
  }

  // The inputs menu is rendered after the generated settings (a named slot); it belongs first.
  const nControl = root.querySelector<HTMLElement>('.sb-n');
  if (nControl) root.querySelector('.widget-controls legend')?.after(nControl);

  // The build-time figure, kept to show again whenever the setting returns to the defaults.
  const built = {
    chart: chartBox ? [...chartBox.childNodes].map((n) => n.cloneNode(true)) : [],
    sentence: sentenceBox?.textContent ?? '',
    summary: summaryBox?.textContent ?? '',
    outputs: [...root.querySelectorAll<HTMLOutputElement>('.widget-results output[name]')].map((o) => ({
      name: o.name, label: '', value: o.dataset.value ?? '', text: o.textContent ?? '',
    })),
  };

  let state: State = 'built';
  let stop: (() => void) | null = null;
  let forceRun = false;
  let startedAt = 0;
  let counted = 0;

  function setState(next: State, result?: LiveResult): void {
    state = next;
    root.dataset.sbState = next;
    if (stopButton) stopButton.disabled = next !== 'running';
    root.classList.toggle('sb-stale', (next === 'running' || next === 'stopped') && !result);
    if (!status) return;
    const values = mounted.store.values;
    const seconds = (performance.now() - startedAt) / 1000;
    const rate = result && seconds > 0 ? ` · ${formatNumber(Number((result.samples / seconds).toPrecision(2)))} per second` : '';
    let text = '';
    if (next === 'built') {
      text = `${integer(values.samples as number)} networks drawn when this page was built (seed ${values.seed}). Press Run to draw them again in your browser.`;
    } else if (next === 'running') {
      if (result) {
        showCount(result.samples, result.target);
        text = status.textContent ?? '';
      } else text = `Sampling: starting ${integer(values.samples as number)} networks…`;
    } else if (next === 'done' && result) {
      text = `Done: ${integer(result.samples)} networks in ${formatNumber(Number(seconds.toPrecision(2)))} s${rate}.`;
    } else if (next === 'stopped') {
      text = result
        ? `Stopped after ${integer(result.samples)} of ${integer(result.target)} networks; the figure shows those. Press Run to start again.`
        : 'Stopped before the first networks were summarised; the figure still shows the previous setting. Press Run to start again.';
    }
    status.textContent = text;
    if (result) {
      status.dataset.samples = String(result.samples);
      status.dataset.ms = String(Math.round(seconds * 1000));
      status.dataset.workerMs = String(Math.round(result.elapsedMs ?? 0));
      status.dataset.engine = result.engine ?? '';
    }
    // Screen readers hear the start and the end of a run, not every progress tick.
    if (announce && next !== 'running') announce.textContent = text;
    else if (announce && !result) announce.textContent = 'Sampling started.';
  }

  /** While sampling: how many networks so far (progress arrives between the redraws). */
  function showCount(count: number, target: number): void {
    if (!status || state !== 'running') return;
    // Progress reports run ahead of the summaries that are drawn: never count backwards.
    const done = (counted = Math.max(counted, count));
    const seconds = (performance.now() - startedAt) / 1000;
    const rate = seconds > 0 ? ` · ${formatNumber(Number((done / seconds).toPrecision(2)))} per second` : '';
    status.textContent = `Sampling: ${integer(done)} of ${integer(target)} networks${rate}`;
  }

  function showBuilt(): void {
    if (chartBox) chartBox.replaceChildren(...built.chart.map((n) => n.cloneNode(true)));
    if (sentenceBox) sentenceBox.textContent = built.sentence;
    if (summaryBox) summaryBox.textContent = built.summary;
    renderOutputs(root, built.outputs);
    shown = null;
    shownFinal = true;
    renderInline();
  }

  // The result `samples` and the parameter `samples` share a name, and the kit's controller syncs
  // parameters through `[name="samples"]`, which finds the <output> (it comes first) instead of
  // the text field. Each update syncs the controls just before calling `run`, so repair both here.
  const samplesField = root.querySelector<HTMLInputElement>('.widget-controls input[name="samples"]');
  const samplesOutput = root.querySelector<HTMLOutputElement>('.widget-results output[name="samples"]');
  function repairSamples(values: Params): void {
    if (samplesField && document.activeElement !== samplesField) samplesField.value = formatValue(schema.samples, values.samples);
    const spec = (shown ? view.outputs(shown.result, shown.values) : built.outputs).find((o) => o.name === 'samples');
    if (samplesOutput && spec) samplesOutput.textContent = spec.text;
  }

  async function run(values: Params, { emit, progress, signal }: RunOptions<LiveResult>): Promise<void> {
    repairSamples(values);
    const force = forceRun;
    forceRun = false;
    if (!force && atDefaults(values)) {
      // The build-time figure is this setting's exact result: show it, sample nothing.
      if (state !== 'built') showBuilt();
      else if (shownFinal === null) {
        // A link that names the defaults: the prose's numbers were marked pending at first paint
        // and are already this setting's, so say so.
        shownFinal = true;
        renderInline();
      }
      if (progressBar) progressBar.hidden = true;
      setFigureState(root, 'ready');
      setState('built');
      return;
    }
    const inner = new AbortController();
    signal.addEventListener('abort', () => inner.abort());
    startedAt = performance.now();
    counted = 0;
    setState('running');
    // Partial results are drawn at most every PARTIAL_INTERVAL_MS (each draw rebuilds the charts);
    // the final one at once.
    let last: LiveResult | undefined;
    let queued: [LiveResult, number] | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let drawnAt = 0;
    const show = (result: LiveResult, p: number) => {
      clearTimeout(timer);
      timer = undefined;
      queued = null;
      last = result;
      drawnAt = performance.now();
      emit(result, p);
      if (p >= 1) stop = null;
      setState(p >= 1 ? 'done' : 'running', result);
    };
    // Stop: end the worker's run and keep the newest summary it sent, as a finished result.
    stop = () => {
      if (inner.signal.aborted || signal.aborted) return;
      const keep = queued?.[0] ?? last;
      inner.abort();
      stop = null;
      if (keep) emit(keep, 1);
      else {
        if (progressBar) progressBar.hidden = true;
        setFigureState(root, 'stale');
      }
      setState('stopped', keep);
    };
    inner.signal.addEventListener('abort', () => clearTimeout(timer));
    await runInWorker(values, {
      signal: inner.signal,
      progress(p) {
        if (signal.aborted || inner.signal.aborted) return;
        progress?.(p);
        showCount(p * (values.samples as number), values.samples as number);
      },
      emit(result, p) {
        if (signal.aborted || inner.signal.aborted) return;
        if (p >= 1) {
          show(result, p);
          return;
        }
        queued = [result, p];
        timer ??= setTimeout(() => queued && show(...queued), Math.max(0, PARTIAL_INTERVAL_MS - (performance.now() - drawnAt)));
      },
    });
  }

  const mounted = mountWidget(root, model, view, {
    run,
    afterRender(result, values) {
      // The kit redraws its latest result when the figure is resized; at the defaults the figure
      // is the build-time one, so put that back.
      if (state === 'built') {
        showBuilt();
        return;
      }
      shown = { result, values };
      shownFinal = root.dataset.state === 'ready';
      renderInline();
    },
  });
  runButton?.addEventListener('click', () => {
    forceRun = true;
    mounted.refresh();
  });
  stopButton?.addEventListener('click', () => stop?.());
  return mounted;
}
