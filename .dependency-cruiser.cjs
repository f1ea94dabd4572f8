/**
 * The layering the code keeps (docs/decisions/0039, CONTRIBUTING.md). Run by `pnpm lint:layers`,
 * which the README's test command runs.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'packages-stay-below-deployables',
      comment: 'Libraries under packages/ never reach up into the deployables that compose them.',
      severity: 'error',
      from: { path: '^packages/[^/]+/src/' },
      to: { path: '^(functions|local|infra|web|test)/' },
    },
    {
      name: 'core-is-pure',
      comment: 'The domain package depends on nothing of ours (and only on zod outside).',
      severity: 'error',
      from: { path: '^packages/core/src/' },
      to: { path: '^packages/(?!core/)' },
    },
    {
      name: 'data-stays-below-app',
      comment: 'The repositories serve the application layer; they never call back into it.',
      severity: 'error',
      from: { path: '^packages/data/' },
      to: { path: '^packages/app/' },
    },
    {
      name: 'repositories-only-through-the-data-entry',
      comment:
        'A repository is built by repositoriesFor inside @inovasi/data (docs/decisions/0048); nothing else imports the repository modules by path, where their classes are values.',
      severity: 'error',
      from: { pathNot: '^packages/data/' },
      to: { path: '^packages/data/src/repositories/' },
    },
    {
      name: 'app-stays-below-deployables',
      comment:
        'The application layer (docs/decisions/0046) is called by the HTTP app, the workers and the local runner; it imports none of them, nor the CDK app or the web app.',
      severity: 'error',
      from: { path: '^packages/app/' },
      to: { path: '^(functions|local|web|infra)/' },
    },
    {
      name: 'workers-do-not-import-the-http-app',
      comment: 'A worker calls the services in @inovasi/app, never the HTTP package (docs/decisions/0046).',
      severity: 'error',
      from: { path: '^functions/workers/' },
      to: { path: '^functions/api/' },
    },
    {
      name: 'only-local-imports-the-http-app',
      comment:
        'The HTTP app is a deployable, not a library: nothing under packages/, infra/lib or web/ imports it (infra bundles it by path).',
      severity: 'error',
      from: { path: '^(packages|infra|web)/' },
      to: { path: '^functions/api/' },
    },
    {
      name: 'local-takes-only-the-http-server',
      comment:
        'The local runner composes the embedded runtime: it starts the HTTP app through @inovasi/api/server and takes every service from @inovasi/app.',
      severity: 'error',
      from: { path: '^local/' },
      to: { path: '^functions/api/', pathNot: '^functions/api/src/server\\.ts$' },
    },
    {
      name: 'functions-do-not-import-composition-roots',
      comment:
        'Lambda code (tests aside, which share test/support) never imports the local runtime, the CDK app, the web app or the tests.',
      severity: 'error',
      from: { path: '^functions/[^/]+/src/' },
      to: { path: '^(local|infra|web|test)/' },
    },
    {
      name: 'web-takes-only-core-browser',
      comment: 'The web app reaches the domain only through @inovasi/core/browser; the rest is HTTP.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^(packages|functions|local|infra|test)/', pathNot: '^packages/core/src/browser\\.ts$' },
    },
    {
      name: 'no-undeclared-or-missing-imports',
      comment: 'An import must resolve through a declared dependency (a workspace package included).',
      severity: 'error',
      from: { path: '^(packages|functions|local|web)/[^/]+/?.*' },
      to: { couldNotResolve: true },
    },
    {
      name: 'no-import-loops',
      comment: 'A loop makes a module impossible to understand or load on its own.',
      severity: 'error',
      from: { path: '^(packages|functions|local)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|cdk\\.out)/|\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
