// CPU cost of the sgd-prior experiment in Node, prior draws and training runs timed apart (CPU time,
// so a loaded machine reads about the same). Bundled first, since the models import without
// file extensions:
//   npx esbuild bench/sgd-prior.ts --bundle --platform=node --format=esm --outfile=/tmp/sgd-bench.mjs \
//     && ./node_modules/node/bin/node /tmp/sgd-bench.mjs '{"width":64}'
// The optional argument overrides parameters (JSON); the default is the widget's default setting.
import { emptyTallies, priorBlocks, recordRun, sampleBlock, schema, setup, summarize, trainRun } from '../src/models/sgd-prior';
import { defaults } from '../src/lib/schema';

const values = { ...defaults(schema), ...JSON.parse(process.argv[2] ?? '{}') };
const s = setup(values);
const t = emptyTallies(s);
const cpu = () => process.cpuUsage().user / 1e6;
let start = cpu();
for (let b = 0; b < priorBlocks(s); b++) t.priorDrawn += sampleBlock(s, b, t.priorCounts);
const priorSeconds = cpu() - start;
start = cpu();
for (let r = 0; r < s.runs; r++) recordRun(t, trainRun(s, r));
const trainSeconds = cpu() - start;
const r = summarize(s, t);
console.log(JSON.stringify({
  setting: values,
  priorSeconds: Number(priorSeconds.toFixed(2)),
  drawsPerSecond: Math.round(s.samples / priorSeconds),
  trainSeconds: Number(trainSeconds.toFixed(2)),
  runsPerSecond: Math.round(s.runs / trainSeconds),
  medianSteps: r.medianSteps,
  totalSeconds: Number((priorSeconds + trainSeconds).toFixed(2)),
}));
