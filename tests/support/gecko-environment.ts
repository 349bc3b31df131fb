// The Gecko pass's test environment: Node's, and at the end of each worker, its Firefoxes closed.
// The pass runs its files without isolation (vitest.config.ts): launching Firefox costs about 5 s
// (Chromium: 0.3 s), once per file and preference set that was some 300 s of a 20-minute suite.
// A worker runs its files one after another, so the Firefoxes it launched (tests/support/gecko.ts)
// serve them all, and are closed here, when vitest stops the worker: the stop it sends ends with
// SIGTERM and, half a second later, SIGKILL, which would leave them running.
import { builtinEnvironments, type Environment } from 'vitest/runtime';

/** Where tests/support/gecko.ts leaves its "close every Firefox" for this teardown (the environment
 * is loaded apart from the tests' modules, so it cannot import their state). */
export const QUIT_FIREFOX = Symbol.for('counting-schemers.quit-firefox');

export default {
  name: 'gecko-node',
  viteEnvironment: 'ssr',
  async setup(global, options) {
    const node = await builtinEnvironments.node.setup(global, options);
    return {
      async teardown(g) {
        await (g as { [QUIT_FIREFOX]?: () => Promise<void> })[QUIT_FIREFOX]?.();
        await node.teardown(g);
      },
    };
  },
} satisfies Environment;
