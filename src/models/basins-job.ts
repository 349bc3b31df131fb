// The basins simulation as a streaming job: the same runs as the model's compute(), stepped
// checkpoint by checkpoint in small chunks (createSimulation is deterministic however it is
// chunked), yielding partial results so the figure fills in while the page stays responsive.
// Runs in a Web Worker (src/workers/basins.worker.ts); `analytic` also runs on the main thread.
import {
  checkpoints, compute, createSimulation, densityHistogram, normalize, type Params, type Result,
} from './basins';
import type { Step } from '../core/job';

/** Runs drawn as dots: the first SAMPLE_RUNS runs of the simulation (a run's trajectory depends only
 * on the seed, its index and the parameters, so these are the same runs the full simulation has). */
export const SAMPLE_RUNS = 300;

export interface BasinsResult extends Result {
  /** Positions of the first runs (≤ SAMPLE_RUNS) after `simulatedSteps` steps. */
  sample: number[];
  /** Steps simulated so far, and whether the whole run is done (false while a worker streams). */
  simulatedSteps: number;
  done: boolean;
  /** Set in the browser: the landscape panel is a canvas drawn by the client, not an SVG. */
  live?: boolean;
}

/** About this many Langevin steps (runs × steps) per chunk: a few milliseconds. */
const CHUNK_EVALUATIONS = 60_000;
const HISTOGRAM_BINS = 100;

/** Everything that needs no simulation: the forecasts and the landscape to draw (from a tiny run
 * of compute(), whose analytic fields do not depend on the number of runs or steps), with the
 * simulated fields set to the start of training. A few milliseconds. */
export function analytic(values: Params): BasinsResult {
  const p = normalize(values).values;
  const shape = compute({ ...p, runs: 100, steps: 10 });
  return {
    ...shape,
    simHonest: shape.pathHonest,
    pathHonestEmpirical: shape.pathHonest,
    simStandardError: Math.sqrt((shape.gibbsHonest * (1 - shape.gibbsHonest)) / (p.runs as number)),
    seriesSteps: [0],
    seriesHonest: [shape.pathHonest],
    simDensity: shape.simDensity.map(() => 0),
    sample: [],
    simulatedSteps: 0,
    done: false,
  };
}

export function* job(values: Params): Generator<Step<BasinsResult>, BasinsResult, void> {
  const p = normalize(values).values;
  const base = analytic(p);
  const sim = createSimulation(p);
  const N = sim.positions.length;
  const K = Math.min(N, SAMPLE_RUNS);
  let startHonest = 0;
  for (let i = 0; i < N; i++) if (sim.starts[i] <= 0) startHonest++;
  const steps = p.steps as number;
  const marks = checkpoints(steps);
  const seriesSteps: number[] = [];
  const seriesHonest: number[] = [];
  const chunk = Math.max(1, Math.floor(CHUNK_EVALUATIONS / N));

  const snapshot = (done: boolean): BasinsResult => {
    const hist = densityHistogram(sim.positions, base.lo, base.hi, HISTOGRAM_BINS);
    return {
      ...base,
      simHonest: sim.honestShare(),
      pathHonestEmpirical: startHonest / N,
      seriesSteps: seriesSteps.slice(),
      seriesHonest: seriesHonest.slice(),
      histogramEdges: hist.edges,
      simDensity: hist.density,
      sample: Array.from(sim.positions.subarray(0, K)),
      simulatedSteps: sim.time,
      done,
    };
  };

  for (const mark of marks) {
    while (sim.time < mark) {
      sim.step(Math.min(chunk, mark - sim.time));
      if (sim.time < mark) yield { progress: sim.time / steps, result: snapshot(false) };
    }
    seriesSteps.push(mark);
    seriesHonest.push(sim.honestShare());
    yield { progress: steps > 0 ? sim.time / steps : 1, result: snapshot(false) };
  }
  return snapshot(true);
}
