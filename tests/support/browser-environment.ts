// The browser tests' environment: Node's, plus closing the worker's browsers when the worker stops.
// Test files share their worker's browsers (tests/support/browser.ts), so no file may close them;
// this teardown runs once, after the worker's last file.
import { builtinEnvironments, type Environment } from 'vitest/runtime';

/** Where tests/support/browser.ts leaves the function that closes the worker's browsers. */
export const CLOSE_BROWSERS = Symbol.for('counting-schemers.close-browsers');

export default {
  name: 'browsers',
  viteEnvironment: 'ssr',
  async setup(global, options) {
    const node = await builtinEnvironments.node.setup(global, options);
    return {
      async teardown(g) {
        await (globalThis as { [CLOSE_BROWSERS]?: () => Promise<void> })[CLOSE_BROWSERS]?.();
        await node.teardown(g);
      },
    };
  },
} satisfies Environment;
