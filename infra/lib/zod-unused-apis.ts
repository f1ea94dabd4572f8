import type { Plugin } from 'esbuild';

/**
 * zod modules the API never runs, each with the stand-in the bundle gets instead. Like the locales
 * (`zodShippedLocales`), they stay in the bundle only because `@hono/zod-openapi` hands the whole
 * `z` namespace to `extendZodWithOpenApi`, so esbuild must keep every member of it
 * (docs/decisions/0041):
 *
 * - `classic/from-json-schema.js` (12 kB minified): `z.fromJSONSchema`, which builds zod schemas
 *   from JSON Schema documents. The API's schemas are written in TypeScript.
 * - `core/compile.js` (29 kB): `z.compile` and `z.withParser`, the opt-in ahead-of-time parser
 *   compiler (installed globally only by `import "zod/compile"`, which nothing here does). The
 *   error classes and the `INVALID` sentinel keep their identity, so an `instanceof` still works.
 *
 * A call to a removed function throws and names this file, rather than misbehave. Tests run the
 * unbundled zod; the bundling test (infra/test/bundling.test.ts) runs the built bundle's validation.
 */
export const ZOD_UNUSED_MODULES: Readonly<
  Record<string, { readonly importer: RegExp; readonly stub: string }>
> = {
  './from-json-schema.js': {
    importer: /[\\/]zod[\\/]v4[\\/]classic[\\/]external\.js$/,
    stub: `export function fromJSONSchema() {
  throw new Error('z.fromJSONSchema is not in the API bundle (infra/lib/zod-unused-apis.ts)');
}`,
  },
  './compile.js': {
    importer: /[\\/]zod[\\/]v4[\\/]core[\\/]index\.js$/,
    stub: `const notInBundle = (name) => () => {
  throw new Error('z.' + name + ' is not in the API bundle (infra/lib/zod-unused-apis.ts)');
};
export const INVALID = Symbol.for('zod.compile.invalid');
export class ZodCompileAsyncError extends Error {
  constructor(message = 'z.compile does not support async refinements, transforms, or checks') {
    super(message);
    this.name = 'ZodCompileAsyncError';
  }
}
export class ZodCompileUnsupportedError extends Error {
  constructor(feature, islandable = true) {
    super('z.compile does not support ' + feature + '; this schema must use the runtime parser');
    this.name = 'ZodCompileUnsupportedError';
    this.islandable = islandable;
  }
}
export const compile = notInBundle('compile');
export const withParser = notInBundle('withParser');
export const compileFn = notInBundle('compileFn');`,
  },
};

/** Resolves the modules above, where zod's own index files import them, to their stand-ins. */
export const zodUnusedApis: Plugin = {
  name: 'zod-unused-apis',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/(?:from-json-schema|compile)\.js$/ }, (args) => {
      const unused = ZOD_UNUSED_MODULES[args.path];
      return unused?.importer.test(args.importer)
        ? { path: `${args.importer}#${args.path}`, namespace: 'zod-unused-apis' }
        : undefined;
    });
    builder.onLoad({ filter: /.*/, namespace: 'zod-unused-apis' }, (args) => {
      const module = args.path.slice(args.path.lastIndexOf('#') + 1);
      return { contents: ZOD_UNUSED_MODULES[module]?.stub ?? '', loader: 'js' };
    });
  },
};
