// The throttled part of `npm run bench`: each page loaded as on a mid-range phone, with Chromium's
// CPU really slowed four times (DevTools' Emulation.setCPUThrottlingRate, not Lighthouse's
// simulation) at 390×844, no network throttling (the loopback server), so the numbers are the main
// thread's alone. Per page, the median of five loads of:
//   - total blocking time: the part beyond 50 ms of each long task from navigation to 2.5 s after
//     the load event (PerformanceObserver 'longtask', installed before the page's first script);
//   - the longest task; first contentful paint; the HTML's gzipped size.
// Then one more load under a Chromium trace (Tracing.start/end over CDP) says where the main
// thread's time went: self time by kind of work (navigation commit, parse, style, layout, system
// font lookups, paint, script per bundle, garbage collection), and each widget's hydration from the
// kit's own user-timing measures.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser, CDPSession } from 'playwright-core';

export const THROTTLE = { cpuRate: 4, viewport: { width: 390, height: 844 }, runs: 5, afterLoadMs: 2500 } as const;

export interface ThrottledRow {
  page: string;
  tbtMs: number; tbtRange: [number, number];
  longestTaskMs: number; longTasks: number;
  fcpMs: number; htmlKB: number;
  /** The same two from each task's thread (CPU) time, from a light trace, which the throttling
   * stretches (measured: four times as long at rate 4 as at rate 1) but other programs competing
   * for the machine's cores do not: what the page itself costs, however busy the machine. */
  cpuTbtMs: number; cpuLongestTaskMs: number;
}

export interface TraceBreakdown {
  page: string;
  /** Main-thread time from navigation to 2.5 s after load, ms (under tracing, so a little slower). */
  mainThreadMs: number;
  /** Self time by kind of work, ms, largest first (at most 12; the rest summed as "other"). */
  work: [string, number][];
  /** The long tasks, longest first: duration and their largest kinds of work. */
  longTasks: { ms: number; top: [string, number][] }[];
  /** Per widget: mount (synchronous part of hydration), first compute and first render, ms. */
  widgets: Record<string, { mount?: number; compute?: number; render?: number }>;
  /** Web fonts fetched: file, and when it finished relative to first contentful paint, ms. */
  fonts: { file: string; afterFcpMs: number }[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x);

async function throttledPage(browser: Browser) {
  const context = await browser.newContext({ viewport: THROTTLE.viewport, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpuRate });
  await page.addInitScript(() => {
    const w = window as unknown as { __long: { start: number; duration: number }[] };
    w.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  });
  return { context, page, cdp };
}

/** Loads `url` and waits until 2.5 s after its load event. The wait is on this side (nothing polls in
 * the page, which would add its own tasks); the page's clock runs at real speed under throttling. */
async function load(page: import('playwright-core').Page, url: string) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(THROTTLE.afterLoadMs + 300);
  return page.evaluate((after) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const end = nav.loadEventEnd + after;
    const long = (window as unknown as { __long: { start: number; duration: number }[] }).__long.filter((t) => t.start < end);
    return {
      tbt: long.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
      longest: Math.max(0, ...long.map((t) => t.duration)),
      longTasks: long.length,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
    };
  }, THROTTLE.afterLoadMs);
}

/** Top-level tasks of the page's main thread (the outermost scheduler tasks of the renderer's main
 * thread that did the most work): wall-clock and thread (CPU) durations, ms. */
function mainThreadTasks(events: TraceEvent[]): { ms: number; cpuMs: number }[] {
  const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasksOf = (pid: number, tid: number) => {
    const all = events.filter((e) => e.pid === pid && e.tid === tid && TASK.has(e.name) && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    let end = -Infinity;
    return all.filter((e) => (e.ts >= end ? ((end = e.ts + e.dur!), true) : false));
  };
  const busy = (pid: number, tid: number) => tasksOf(pid, tid).reduce((s, e) => s + e.dur!, 0);
  const main = mains.map((m) => ({ ...m, busy: busy(m.pid, m.tid) })).sort((a, b) => b.busy - a.busy)[0];
  return main ? tasksOf(main.pid, main.tid).map((e) => ({ ms: e.dur! / 1000, cpuMs: (e.tdur ?? 0) / 1000 })) : [];
}

export async function measureThrottled(browser: Browser, siteUrl: string, routes: string[], htmlFile: (route: string) => string): Promise<ThrottledRow[]> {
  const rows: ThrottledRow[] = [];
  for (const route of routes) {
    const runs: (Awaited<ReturnType<typeof load>> & { cpuTbt: number; cpuLongest: number })[] = [];
    for (let i = 0; i < THROTTLE.runs; i++) {
      const { context, page, cdp } = await throttledPage(browser);
      let loaded!: Awaited<ReturnType<typeof load>>;
      const tasks = mainThreadTasks(await trace(cdp, async () => { loaded = await load(page, siteUrl + route); }, 'toplevel,__metadata'));
      const cpu = tasks.map((t) => t.cpuMs);
      runs.push({ ...loaded, cpuTbt: cpu.reduce((s, d) => s + Math.max(0, d - 50), 0), cpuLongest: Math.max(0, ...cpu) });
      await context.close();
    }
    const tbts = runs.map((r) => r.tbt);
    rows.push({
      page: '/' + route,
      tbtMs: round(median(tbts)), tbtRange: [round(Math.min(...tbts)), round(Math.max(...tbts))],
      longestTaskMs: round(median(runs.map((r) => r.longest))), longTasks: median(runs.map((r) => r.longTasks)),
      fcpMs: round(median(runs.map((r) => r.fcp))),
      htmlKB: Math.round((gzipSync(readFileSync(htmlFile(route))).length / 1024) * 10) / 10,
      cpuTbtMs: round(median(runs.map((r) => r.cpuTbt))), cpuLongestTaskMs: round(median(runs.map((r) => r.cpuLongest))),
    });
  }
  return rows;
}

// ---- Where the time goes: one traced load per page --------------------------------------------

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: { name?: string; data?: Record<string, unknown> } }

const SCRIPT_EVAL = new Set(['EvaluateScript', 'v8.evaluateModule', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'CompileScript', 'CompileModule', 'v8.produceModuleCache', 'v8.produceCache']);
const SCRIPT_RUN = new Set(['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'FireIdleCallback', 'EventDispatch', 'RunMicrotasks', 'v8.callFunction', 'V8.Execute', 'ResizeObserver', 'IntersectionObserverController::computeIntersections']);
const KIND: Record<string, string> = {
  ParseHTML: 'parse HTML', ParseAuthorStyleSheet: 'parse CSS',
  UpdateLayoutTree: 'style', RecalculateStyles: 'style', 'Document::updateStyleAndLayoutTree': 'style',
  Layout: 'layout', UpdateLayerTree: 'layout', 'LocalFrameView::UpdateIntersectionObservationStateForScrolling': 'layout',
  Paint: 'paint', PrePaint: 'paint', Layerize: 'paint', CompositeLayers: 'paint', Commit: 'paint', PaintImage: 'paint', 'Decode Image': 'paint',
  // Committing the navigation: the new document and its script contexts (a fixed cost per page).
  'RenderFrameImpl::CommitNavigation': 'navigation commit',
  // The system's fonts matched and opened at first layout: each family in the CSS's stacks that is
  // missing costs a lookup, per style, and each font size another.
  'FontCache::GetFontPlatformData': 'font lookup',
  MinorGC: 'garbage collection', MajorGC: 'garbage collection', 'V8.GC_SCAVENGER': 'garbage collection', BlinkGC: 'garbage collection', 'V8.GCIncrementalMarking': 'garbage collection', 'V8.GCFinalizeMC': 'garbage collection',
};

const file = (url: unknown) => (typeof url === 'string' && url ? (new URL(url, 'http://x').pathname.split('/').pop() || 'the page (inline)') : 'inline');

/** The kind of work an event is, or undefined to inherit its parent's. */
function kindOf(e: TraceEvent): string | undefined {
  // A module's evaluation carries no address in the trace: the page's widget code, by elimination.
  if (e.name === 'v8.evaluateModule') return 'script eval (modules)';
  if (SCRIPT_EVAL.has(e.name)) return `script eval ${file(e.args?.data?.url ?? (e.args as Record<string, unknown> | undefined)?.fileName)}`;
  if (SCRIPT_RUN.has(e.name)) {
    const url = e.args?.data?.url ?? (e.args?.data?.stackTrace as { url: string }[] | undefined)?.[0]?.url;
    return url ? `script run ${file(url)}` : undefined;
  }
  return KIND[e.name];
}

export function summarizeTrace(events: TraceEvent[], page: string, measures: { name: string; duration: number }[], fonts: { file: string; afterFcpMs: number }[]): TraceBreakdown {
  // The page's renderer main thread: the CrRendererMain thread that did the most top-level work.
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const busy = (pid: number, tid: number) => events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'RunTask').reduce((s, e) => s + (e.dur ?? 0), 0);
  const main = mains.map((m) => ({ pid: m.pid, tid: m.tid, busy: busy(m.pid, m.tid) })).sort((a, b) => b.busy - a.busy)[0];
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Self time per event (its duration less its children's), labelled by the nearest labelled ancestor.
  const totals = new Map<string, number>();
  const tasks: { ms: number; kinds: Map<string, number> }[] = [];
  const stack: { e: TraceEvent; end: number; kind: string; childTime: number; task?: Map<string, number> }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1].end <= upTo) {
      const s = stack.pop()!;
      const self = Math.max(0, s.e.dur! - s.childTime) / 1000;
      totals.set(s.kind, (totals.get(s.kind) ?? 0) + self);
      const task = stack.find((x) => x.task)?.task ?? s.task;
      task?.set(s.kind, (task.get(s.kind) ?? 0) + self);
      if (stack.length) stack[stack.length - 1].childTime += s.e.dur!;
      if (s.task) tasks.push({ ms: s.e.dur! / 1000, kinds: s.task });
    }
  };
  for (const e of onMain) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    const kind = kindOf(e) ?? parent?.kind ?? 'other';
    const top = !parent && e.name === 'RunTask';
    stack.push({ e, end: e.ts + e.dur!, kind, childTime: 0, task: top ? new Map() : undefined });
  }
  close(Infinity);
  const sorted = [...totals].sort((a, b) => b[1] - a[1]);
  const work: [string, number][] = sorted.slice(0, 12).map(([k, v]) => [k, round(v)]);
  const rest = sorted.slice(12).reduce((s, [, v]) => s + v, 0);
  if (rest >= 1) work.push(['other', round(rest)]);
  const widgets: TraceBreakdown['widgets'] = {};
  for (const m of measures) {
    const [what, id] = m.name.split(' ');
    const key = ({ 'widget-mount': 'mount', 'widget-compute': 'compute', 'widget-render': 'render' } as const)[what];
    if (!key || !id) continue;
    const w = (widgets[id] ??= {});
    w[key] ??= Math.round(m.duration * 10) / 10; // the first of each: the load's, not a later redraw's
  }
  return {
    page,
    mainThreadMs: round(sorted.reduce((s, [, v]) => s + v, 0)),
    work,
    longTasks: tasks.filter((t) => t.ms > 50).sort((a, b) => b.ms - a.ms).slice(0, 5).map((t) => ({
      ms: round(t.ms), top: [...t.kinds].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => [k, round(v)] as [string, number]),
    })),
    widgets,
    fonts,
  };
}

const CATEGORIES = [
  'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', 'loading', 'navigation', 'fonts', '__metadata',
].join(',');

async function trace(cdp: CDPSession, during: () => Promise<unknown>, categories = CATEGORIES): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const done = new Promise<void>((res) => cdp.once('Tracing.tracingComplete', () => res()));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  await during();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

export async function traceBreakdowns(browser: Browser, siteUrl: string, routes: string[]): Promise<TraceBreakdown[]> {
  const out: TraceBreakdown[] = [];
  for (const route of routes) {
    const { context, page, cdp } = await throttledPage(browser);
    const events = await trace(cdp, () => load(page, siteUrl + route));
    const { measures, fonts } = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      return {
        measures: performance.getEntriesByType('measure').map((m) => ({ name: m.name, duration: m.duration })),
        fonts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((r) => /\.(woff2?|ttf)$/.test(new URL(r.name).pathname))
          .map((r) => ({ file: new URL(r.name).pathname.split('/').pop()!, afterFcpMs: Math.round(r.responseEnd - fcp) })),
      };
    });
    out.push(summarizeTrace(events, '/' + route, measures, fonts));
    await context.close();
  }
  return out;
}
