// The floors of the house and the imports that must never cross them (README, "Folders").
// One rule per forbidden arrow; `npm test` runs them (npm run deps). Type-only imports count too:
// a model that needs a kit type has the type on the wrong floor.
//
//   src/core/     pure helpers: import nothing outside core
//   src/models/   pure models and their jobs: import core (and other models) only
//   src/kit/      the browser kit: imports core; never a widget, a model or build-time code
//   src/workers/  one line per heavy widget: a model's job + the kit's worker host
//   src/site/     build-time code (Node): never shipped to a browser
//   components/   Astro components and the widgets' views and clients
const npm = '^node_modules/';

module.exports = {
  forbidden: [
    {
      name: 'core-imports-only-core',
      comment: 'src/core is the ground floor: pure helpers that every other floor may use, so it imports nothing outside itself (no node: builtins either).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', npm] },
    },
    {
      name: 'models-not-kit',
      comment: 'A model runs in Node, in a page and in a worker alike: it never imports the browser kit (src/kit).',
      severity: 'error',
      from: { path: '^src/models/' },
      to: { path: '^src/kit/' },
    },
    {
      name: 'models-not-components',
      comment: 'A model never imports a view, a client or any other component: the view imports the model.',
      severity: 'error',
      from: { path: '^src/models/' },
      to: { path: '^components/' },
    },
    {
      name: 'models-not-site',
      comment: 'A model never imports build-time site code (src/site).',
      severity: 'error',
      from: { path: '^src/models/' },
      to: { path: '^src/site/' },
    },
    {
      name: 'models-import-only-core',
      comment: 'Besides other models, a model imports only src/core (not workers, pages, content, or node: builtins).',
      severity: 'error',
      from: { path: '^src/models/' },
      to: { pathNot: ['^src/(core|models|kit|site)/', '^components/', npm] },
    },
    {
      name: 'kit-not-components',
      comment: 'The kit names no widget: the page hands hydrateWidgets the registry (components/widgets/registry.ts).',
      severity: 'error',
      from: { path: '^src/kit/' },
      to: { path: '^components/' },
    },
    {
      name: 'kit-not-models',
      comment: 'The kit runs any model it is given and imports none by name.',
      severity: 'error',
      from: { path: '^src/kit/' },
      to: { path: '^src/models/' },
    },
    {
      name: 'kit-not-node',
      comment: 'The kit runs in readers\' browsers: no node: builtins and no jsdom (build-time rendering is src/site/ssr.ts).',
      severity: 'error',
      from: { path: '^src/kit/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'kit-not-jsdom',
      comment: 'The kit runs in readers\' browsers: jsdom is for build-time rendering (src/site/ssr.ts).',
      severity: 'error',
      from: { path: '^src/kit/' },
      to: { path: '^node_modules/jsdom/' },
    },
    {
      name: 'browser-not-site',
      comment: 'Code that runs in the browser (the kit, the workers, a widget\'s view and client) never imports build-time site code (src/site): it would ship Node-only code and build data to readers.',
      severity: 'error',
      from: { path: ['^src/kit/', '^src/workers/', '^components/widgets/[^/]+/[^/]+[.]ts$', '^components/widgets/registry[.]ts$'] },
      to: { path: '^src/site/' },
    },
    {
      name: 'src-not-components',
      comment: 'Below src/, only the pages (src/pages) import components; the workers and site code do not (the kit and the models have their own rules).',
      severity: 'error',
      from: { path: '^src/(workers|site)/' },
      to: { path: '^components/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to no file would hide an arrow from the rules above.',
      severity: 'error',
      from: {},
      // astro:content and the like are Astro's virtual modules.
      to: { couldNotResolve: true, pathNot: '^astro([:/]|$)' },
    },
  ],
  options: {
    doNotFollow: { path: npm },
    exclude: { path: ['^node_modules/', '^dist', '[.]astro/'] },
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.mjs', '.js', '.json'],
      conditionNames: ['import', 'module', 'default', 'types'],
    },
  },
};
