// basins in the browser. The simulation runs in a Web Worker and streams partial results; the
// forecasts (a few milliseconds) are drawn at once on the main thread. The landscape panel becomes
// a canvas on which the first runs move as dots, replayed on the main thread: each run's trajectory
// depends only on the seed, its index and the parameters, so these are exactly the first runs the
// worker simulates, and the replay ends where the figure's final state is.
import { createSimulation, type Params, type Simulation } from '../../../src/models/basins';
import { mountWidget, setFigureState, showOutput, type RunOptions } from '../../../src/kit/controller';
import { bindInline as bindParam } from '../../../src/kit/inline';
import { workerRunner } from '../../../src/kit/worker-client';
import { formatNumber, formatPercent } from '../../../src/core/format';
import { SAMPLE_RUNS, analytic, type BasinsResult } from '../../../src/models/basins-job';
import { jitter, lossAt, model, shareX, view } from './view';

const runInWorker = workerRunner<Params, BasinsResult>(
  () => new Worker(new URL('../../../src/workers/basins.worker.ts', import.meta.url), { type: 'module' }),
);

/** Partial results are drawn at most this often (each draw re-renders the share chart). */
const PARTIAL_INTERVAL_MS = 150;
/** How long one pass of the animation takes, by speed. */
const DURATIONS: Record<string, number> = { slow: 20_000, normal: 8_000, fast: 3_000 };
/** At most this many Langevin steps (runs × steps) per animation frame (about a millisecond): when
 * the page is busy the replay slows down rather than stalling a frame to catch up. */
const MAX_FRAME_EVALUATIONS = 30_000;

const keyOf = (v: Params) => JSON.stringify(v);

/** The simulation as a streaming run: the forecasts at once, the worker's partial results at most
 * every PARTIAL_INTERVAL_MS, the final one when done. Until then the headline share keeps showing
 * the last finished value (marked as pending), so it never sweeps through intermediate steps that
 * its label ("after N steps") does not describe; the share chart shows the progress instead. */
function makeRun(initialShare: number) {
  let shown = initialShare;
  return function run(values: Params, { emit, progress, signal }: RunOptions<BasinsResult>): Promise<void> {
    const pending = (r: BasinsResult): BasinsResult => ({ ...r, simHonest: shown, live: true });
    emit(pending(analytic(values)), 0);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let queued: [BasinsResult, number] | null = null;
    let last = performance.now();
    const flush = () => {
      timer = undefined;
      if (!queued || signal.aborted) return;
      last = performance.now();
      emit(...queued);
      queued = null;
    };
    signal.addEventListener('abort', () => clearTimeout(timer));
    return runInWorker(values, {
      signal,
      progress,
      emit(result, fraction) {
        if (fraction >= 1) {
          clearTimeout(timer);
          queued = null;
          shown = result.simHonest;
          emit({ ...result, live: true }, 1);
          return;
        }
        queued = [pending(result), fraction];
        timer ??= setTimeout(flush, Math.max(0, PARTIAL_INTERVAL_MS - (performance.now() - last)));
      },
    });
  };
}

// ------------------------------------------------------------------ the animated landscape

interface Colours { fg: string; muted: string; honest: string; schemer: string }

class Landscape {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private colours: Colours | null = null;
  private result: BasinsResult | null = null;
  private values: Params | null = null;
  private key = '';
  private sim: Simulation | null = null;
  /** Playing the animation now; the reader paused it; it has reached the end of training. */
  private playing = false;
  private userPaused = false;
  private atEnd = false;
  private visible = false;
  private frame = 0;
  private lastTime = 0;
  private carry = 0;
  private cssWidth = 0;
  private boxWidth = 0;
  private cssHeight = 0;
  duration = DURATIONS.normal;
  onState: () => void = () => {};

  constructor(private readonly root: HTMLElement, private readonly reduced: MediaQueryList) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'basins-canvas';
    this.canvas.setAttribute('role', 'img');
    this.ctx = this.canvas.getContext('2d')!;
    new IntersectionObserver((entries) => {
      this.visible = entries.some((e) => e.isIntersecting);
      if (this.visible) this.loop();
    }).observe(root);
    const recolour = () => {
      this.colours = null;
      this.draw();
    };
    window.addEventListener('themechange', recolour);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', recolour);
    reduced.addEventListener('change', () => {
      if (reduced.matches) this.pause(false);
    });
  }

  get isPlaying(): boolean {
    return this.playing;
  }

  /** The share of drawn runs in the honest basin, and the step they are at. */
  get state(): { step: number; steps: number; share: number; runs: number } {
    const xs = this.positions();
    let honest = 0;
    for (let i = 0; i < xs.length; i++) if (xs[i] <= 0) honest++;
    return { step: this.step(), steps: (this.values?.steps as number) ?? 0, share: xs.length ? honest / xs.length : 0, runs: xs.length };
  }

  /** A new (partial or final) result. A new setting restarts the replay. */
  update(result: BasinsResult, values: Params): void {
    this.result = result;
    this.values = values;
    const key = keyOf(values);
    if (key !== this.key) {
      this.key = key;
      this.sim = createSimulation({ ...values, runs: Math.min(values.runs as number, SAMPLE_RUNS) });
      this.carry = 0;
      if (!this.reduced.matches && !this.userPaused) this.play(false);
      else {
        this.playing = false;
        this.atEnd = true;
      }
    }
    this.resize();
    // While the replay plays, its next frame draws anyway: drawing here too cost a second canvas
    // draw in the frame that handles the reader's input.
    if (!this.frame) this.draw();
    this.describe();
    this.loop(); // resumes after hold()
  }

  /** The reader changed a setting: skip the replay's pending frame, which would step and draw runs
   * that the update is about to replace, in the frame that must also compute and draw the update.
   * The next update() resumes it. */
  hold(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  toggle(): void {
    if (this.playing) this.pause(true);
    else this.play(true);
  }

  private play(byReader: boolean): void {
    if (byReader) this.userPaused = false;
    if (!this.sim || !this.values) return;
    if (this.atEnd || this.sim.time >= (this.values.steps as number)) {
      this.sim = createSimulation({ ...this.values, runs: Math.min(this.values.runs as number, SAMPLE_RUNS) });
      this.carry = 0;
    }
    this.atEnd = false;
    this.playing = true;
    this.lastTime = 0;
    this.onState();
    this.loop();
  }

  private pause(byReader: boolean): void {
    if (byReader) this.userPaused = true;
    this.playing = false;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.onState();
    this.draw();
    this.describe();
  }

  private loop(): void {
    if (!this.playing || !this.visible || this.frame) return;
    this.frame = requestAnimationFrame((now) => this.tick(now));
  }

  private tick(now: number): void {
    this.frame = 0;
    if (!this.playing || !this.visible || !this.sim || !this.values) return;
    const steps = this.values.steps as number;
    const dt = this.lastTime ? Math.min(100, now - this.lastTime) : 16;
    this.lastTime = now;
    const runs = this.sim.positions.length;
    this.carry = Math.min(this.carry + (dt / this.duration) * steps, Math.max(1, MAX_FRAME_EVALUATIONS / runs));
    const n = Math.min(Math.floor(this.carry), steps - this.sim.time);
    this.carry -= n;
    if (n > 0) this.sim.step(n);
    if (this.sim.time >= steps) {
      this.playing = false;
      this.atEnd = true;
      this.onState();
      this.describe();
    }
    this.draw();
    this.loop();
  }

  /** The final state is shown (at the end of a replay, or instead of one) and known: the worker's
   * sample once it is done. Until then the replay's own positions, at the step they are at. */
  private showsFinal(): boolean {
    return this.atEnd && !!this.result?.done && this.result.sample.length > 0;
  }

  private step(): number {
    if (!this.values) return 0;
    return this.showsFinal() ? (this.values.steps as number) : (this.sim?.time ?? 0);
  }

  private positions(): ArrayLike<number> {
    if (this.showsFinal()) return this.result!.sample;
    return this.sim?.positions ?? [];
  }

  /** The canvas moves into each redrawn chart, so it sizes itself from the figure's chart box,
   * whose width mount()'s ResizeObserver reports: reading layout at every redraw forced a reflow. */
  setBoxWidth(width: number): void {
    this.boxWidth = width;
    this.resize();
  }

  private resize(): void {
    if (!this.boxWidth) return; // until the observer's first report (it comes before the first paint)
    const width = Math.round(this.boxWidth);
    const height = Math.round(Math.min(260, Math.max(160, width * 0.36)));
    if (width === this.cssWidth && height === this.cssHeight) return;
    this.cssWidth = width;
    this.cssHeight = height;
    const dpr = window.devicePixelRatio || 1;
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.draw();
  }

  private readColours(): Colours {
    const cs = getComputedStyle(this.root);
    const v = (name: string, fallback: string) => cs.getPropertyValue(name).trim() || fallback;
    return { fg: v('--fg', '#1f2328'), muted: v('--muted', '#59636e'), honest: v('--series-1', '#0072b2'), schemer: v('--series-2', '#d55e00') };
  }

  draw(): void {
    const r = this.result;
    const p = this.values;
    if (!r || !p || !this.cssWidth) return;
    const c = (this.colours ??= this.readColours());
    const ctx = this.ctx;
    const dpr = this.canvas.width / this.cssWidth;
    const W = this.cssWidth;
    const H = this.cssHeight;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    const B = p.barrier as number;
    const [ml, mr, mt, mb] = [40, 12, 24, 30];
    const sx = (x: number) => ml + ((x - r.lo) / (r.hi - r.lo)) * (W - ml - mr);
    const sy = (y: number) => H - mb - (y / (1.2 * B)) * (H - mt - mb);
    ctx.font = '11px system-ui, sans-serif';

    // The honest basin, the curve, the floor.
    ctx.globalAlpha = 0.08;
    ctx.fillStyle = c.honest;
    ctx.fillRect(sx(r.lo), sy(1.2 * B), sx(0) - sx(r.lo), sy(0) - sy(1.2 * B));
    ctx.globalAlpha = 1;
    ctx.strokeStyle = c.fg;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    r.landscapeX.forEach((x, i) => (i ? ctx.lineTo(sx(x), sy(r.landscapeLoss[i])) : ctx.moveTo(sx(x), sy(r.landscapeLoss[i]))));
    ctx.stroke();
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(ml, sy(0) + 0.5);
    ctx.lineTo(W - mr, sy(0) + 0.5);
    ctx.stroke();

    // Labels.
    const M = p.schemers as number;
    const as = p['schemer-width'] as number;
    ctx.fillStyle = c.muted;
    ctx.textAlign = 'center';
    ctx.fillText('honest', sx(-(p['honest-width'] as number)), sy(1.1 * B));
    if (M <= 8) for (let j = 0; j < M; j++) ctx.fillText(M === 1 ? 'schemer' : `S${j + 1}`, sx((2 * j + 1) * as), sy(1.1 * B));
    else ctx.fillText(`${M} schemer wells`, sx(M * as), sy(1.1 * B));
    ctx.textAlign = 'right';
    ctx.fillText('Parameter θ →', W - mr, H - 8);
    ctx.textAlign = 'left';
    ctx.fillText('↑ Loss', 4, 12);

    // The runs.
    const xs = this.positions();
    ctx.globalAlpha = 0.6;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i];
      ctx.fillStyle = x <= 0 ? c.honest : c.schemer;
      ctx.beginPath();
      ctx.arc(sx(x), sy(lossAt(r, x) + jitter(i) * B), 2.6, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.globalAlpha = 1;

    // Where the replay is (also announced on the canvas, for tests that follow the replay).
    const s = this.state;
    this.canvas.dataset.step = String(s.step);
    ctx.fillStyle = c.fg;
    ctx.textAlign = 'right';
    const waiting = this.atEnd && !this.showsFinal() ? ' (computing the end)' : '';
    const status = W < 560
      ? `step ${formatNumber(s.step)}/${formatNumber(s.steps)} · ${formatPercent(s.share)} honest${waiting ? ' (computing)' : ''}`
      : `step ${formatNumber(s.step)} of ${formatNumber(s.steps)} · ${formatPercent(s.share)} of these ${s.runs} runs honest${waiting}`;
    ctx.fillText(status, W - mr, 12);
  }

  describe(): void {
    const s = this.state;
    this.canvas.setAttribute('aria-label',
      `Animated loss landscape: the first ${s.runs} runs as dots, at step ${formatNumber(s.step)} of ${formatNumber(s.steps)}; ` +
      `${formatPercent(s.share)} of them are in the honest well.`);
  }
}

// ------------------------------------------------------------------ mounting

type Inline = { el: HTMLElement; name: string };
const inlineOutputs: Inline[] = [];
let latest: { result: BasinsResult; values: Params } | null = null;

function renderInline(): void {
  if (!latest) return;
  const specs = view.outputs(latest.result, latest.values);
  for (const { el, name } of inlineOutputs) {
    const spec = specs.find((o) => o.name === name);
    if (spec) showOutput(el, spec);
    setFigureState(el, latest.result.done ? 'ready' : 'pending');
  }
}

export function mount(root: HTMLElement) {
  const reduced = matchMedia('(prefers-reduced-motion: reduce)');
  const landscape = new Landscape(root, reduced);
  const player = root.querySelector<HTMLElement>('.basins-player');
  const button = player?.querySelector<HTMLButtonElement>('.basins-play');
  const speed = player?.querySelector<HTMLSelectElement>('.basins-speed');
  const cursor = document.createElement('div');
  cursor.className = 'basins-cursor';
  cursor.setAttribute('aria-hidden', 'true');

  // The player sits right under the chart, not below all the settings.
  const chartBox = root.querySelector<HTMLElement>('.widget-chart');
  if (player && chartBox) {
    chartBox.after(player);
    player.hidden = false;
  }
  const syncButton = () => {
    button?.setAttribute('aria-pressed', String(landscape.isPlaying));
    placeCursor();
  };
  landscape.onState = syncButton;
  button?.addEventListener('click', () => landscape.toggle());
  speed?.addEventListener('change', () => {
    landscape.duration = DURATIONS[speed.value] ?? DURATIONS.normal;
  });

  // A thin line on the share chart at the replay's step. The chart is drawn at a width in pixels
  // and shrinks to fit its box (max-width: 100%); the box's width is kept by a ResizeObserver (which
  // also sizes the landscape canvas), so placing the line never reads layout.
  let toPixels: ((step: number) => number) | null = null;
  let boxWidth = chartBox?.clientWidth ?? 0;
  let steps = 0;
  function measureShare(share: HTMLElement | null): void {
    const drawnWidth = Number(share?.querySelector('svg')?.getAttribute('width'));
    if (!(drawnWidth > 0) || !(steps > 0)) {
      toPixels = null;
      return;
    }
    const scale = shareX(steps, drawnWidth);
    const ratio = boxWidth > 0 ? Math.min(1, boxWidth / drawnWidth) : 1;
    toPixels = (step) => scale(step) * ratio;
  }
  let currentShare: HTMLElement | null = null;
  if (chartBox) {
    new ResizeObserver(([entry]) => {
      boxWidth = entry.contentRect.width;
      landscape.setBoxWidth(boxWidth);
      measureShare(currentShare);
      placeCursor();
    }).observe(chartBox);
  }
  function placeCursor(): void {
    const s = landscape.state;
    if (!toPixels || !s.steps) {
      cursor.hidden = true;
      return;
    }
    cursor.hidden = s.step >= s.steps;
    cursor.style.transform = `translateX(${toPixels(s.step).toFixed(1)}px)`;
  }
  const follow = () => {
    placeCursor();
    if (landscape.isPlaying) requestAnimationFrame(follow);
  };
  const startFollow = landscape.onState;
  landscape.onState = () => {
    startFollow();
    if (landscape.isPlaying) requestAnimationFrame(follow);
  };

  const initialShare = Number(root.querySelector<HTMLOutputElement>('output[name="sim-honest"]')?.dataset.value);
  const mounted = mountWidget(root, model, view, {
    run: makeRun(Number.isFinite(initialShare) ? initialShare : 0),
    afterRender(result, values, el) {
      el.classList.toggle('basins-pending', !result.done);
      el.querySelector('.basins-landscape')?.append(landscape.canvas);
      const share = el.querySelector<HTMLElement>('.basins-share');
      share?.append(cursor);
      currentShare = share;
      steps = values.steps as number;
      measureShare(share);
      landscape.update(result, values);
      placeCursor();
      latest = { result, values };
      renderInline();
    },
  });
  mounted.store.subscribe(() => landscape.hold());
  return mounted;
}

export function bindInline(el: HTMLElement): void {
  if (el.dataset.param) {
    bindParam(el, model, view);
    return;
  }
  // Outputs follow the figure's results (the kit's inline binding would run the whole simulation
  // on the main thread at every change).
  if (el.dataset.output) {
    inlineOutputs.push({ el, name: el.dataset.output });
    renderInline();
  }
}
