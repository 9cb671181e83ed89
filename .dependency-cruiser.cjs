/**
 * Module boundary rules (see docs/ARCHITECTURE.md): kernel ← modules ← flows ← apps, and a module is entered only
 * through its index.ts. Run with `npx depcruise src --config .dependency-cruiser.cjs` (part of `npm run lint`).
 *
 * TypeScript 7 has no JS compiler API that dependency-cruiser can load, so sources are parsed with swc (@swc/core).
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-deep-import-into-module',
      severity: 'error',
      comment: 'Import another module only through its index.ts (src/modules/<name>/index.ts), never its inner files.',
      from: { path: '^src/modules/([^/]+)/' },
      // $1 is the importing module: its own files are fine, other modules only via their index.ts.
      to: { path: '^src/modules/', pathNot: '^src/modules/($1/|[^/]+/index\\.ts$)' },
    },
    {
      name: 'kernel-stays-below-modules',
      severity: 'error',
      comment: 'src/kernel holds mechanisms only: it must not import src/modules, src/flows or src/apps.',
      from: { path: '^src/kernel/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(modules|flows|apps)/' },
    },
    {
      name: 'kernel-tests-use-only-the-test-kit',
      severity: 'error',
      comment: 'Kernel tests may drive the whole app through src/apps/test-kit.ts (route tests), nothing else above the kernel.',
      from: { path: '^src/kernel/.+\\.test\\.ts$' },
      to: { path: '^src/(modules|flows|apps)/', pathNot: '^src/apps/test-kit\\.ts$' },
    },
    {
      name: 'modules-stay-below-flows-and-apps',
      severity: 'error',
      comment: 'src/modules must not import src/flows or src/apps (cross-module processes belong in flows).',
      from: { path: '^src/modules/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/(flows|apps)/' },
    },
    {
      name: 'module-tests-use-only-the-test-kit',
      severity: 'error',
      comment: 'Module tests may import src/apps/test-kit.ts, nothing else from src/apps or src/flows.',
      from: { path: '^src/modules/.+\\.test\\.ts$' },
      to: { path: '^src/(flows|apps)/', pathNot: '^src/apps/test-kit\\.ts$' },
    },
    {
      name: 'no-circular-between-modules',
      severity: 'error',
      comment: 'Module dependencies must be acyclic: this cycle runs through more than one module.',
      from: { path: '^src/modules/([^/]+)/' },
      to: { circular: true, via: { pathNot: '^src/modules/$1/' } },
    },
    {
      name: 'no-circular',
      severity: 'warn',
      comment: 'A cycle inside one module or the kernel: usually a sign a file should be split.',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|web/dist)/' },
    // Type-only imports count: a module's types are part of its surface too.
    tsPreCompilationDeps: true,
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
