import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { findFirefox } from './tests/support/driver.ts';

// One run, three projects: pure models in Node; checks over one real build (site + browser) in
// Chromium; and the same browser checks in Firefox (the Gecko pass), whenever a Firefox is found
// (GECKO=0 leaves it out for a quicker local run). The two browser projects share a single build
// and static server (tests/support/global-setup.ts).
const firefoxPath = process.env.GECKO === '0' ? null : findFirefox();
const browserTests = ['tests/browser/**/*.test.ts'];
const builtSite = {
  // Files run one after another in each worker, sharing its browsers (tests/support/browser.ts):
  // not isolated, so the browser launched for one file serves the next; the environment closes
  // them when the worker stops.
  isolate: false,
  environment: './tests/support/browser-environment.ts',
  globalSetup: ['tests/support/global-setup.ts'],
  // Guards against a hang, not budgets (npm run bench measures speed): a page checked light and
  // dark with axe took 60 s here while other processes kept 18 runnable on two cores.
  testTimeout: 180_000,
  hookTimeout: 240_000,
  // expect.poll waits on a state the page announces; its default limit of 1 s is shorter than
  // a busy machine can take, so only the test's own timeout bounds it.
  expect: { poll: { timeout: 150_000 } },
};

if (!firefoxPath && !process.env.VITEST_WORKER_ID) {
  console.log(process.env.GECKO === '0'
    ? 'Gecko pass off (GECKO=0): the browser tests run in Chromium only'
    : 'Firefox not found: the Gecko pass is skipped (apt-get install firefox-esr, or set FIREFOX_PATH)');
}

/** The longest files, longest first (each browser file takes half a minute to a minute and a half
 * per engine on a clean run; the cited links, 25 s of the models' 45). Each project starts them
 * first, so that the two lanes end together on short files rather than one lane waiting out a long
 * file alone: a fresh clone has no timings of its own for vitest to sort by, and sorted by size
 * these came last. Projects keep vitest's order (each worker then keeps one browser for a run of
 * files). */
const LONGEST = ['browser/hardening', 'browser/chart-labels', 'browser/pages', 'browser/widget-layout', 'browser/result-sentence', 'browser/basins', 'models/cited-links'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const projects = [...new Set(sorted.map((spec) => spec.project.name))];
    const rank = (spec: TestSpecification) => {
      const i = LONGEST.findIndex((name) => spec.moduleId.endsWith(`/tests/${name}.test.ts`));
      return projects.indexOf(spec.project.name) * (LONGEST.length + 1) + (i < 0 ? LONGEST.length : i);
    };
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    // Two lanes on two cores: two files of a project side by side, each in its worker's own browser
    // (tests/support/browser.ts), so they cannot meet.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'models',
          include: ['tests/models/**/*.test.ts', 'tests/lib/**/*.test.ts'],
          environment: 'node',
          // A guard against a hang, not a budget (npm run bench measures speed): exhaustive and
          // property tests take seconds, several times longer on a busy machine.
          testTimeout: 60_000,
        },
      },
      {
        test: { name: 'dist', include: ['tests/site/**/*.test.ts', ...browserTests], ...builtSite, provide: { engine: 'chromium' } },
      },
      ...(firefoxPath
        ? [{
          test: {
            name: 'gecko', include: browserTests, ...builtSite, setupFiles: ['tests/support/gecko-setup.ts'],
            // A test asking for dark mode, reduced motion or scripts off launches a Firefox for it.
            testTimeout: 240_000,
            provide: { engine: 'firefox' as const, firefoxPath },
          },
        }]
        : []),
    ],
  },
});
