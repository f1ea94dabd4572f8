import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { type BuildOptions, type BuildResult, build, type Plugin } from 'esbuild';
import { barrelImports } from './barrel-imports.ts';
import { API_BUNDLE_SCRIPT, API_ENTRY, APP_PACKAGE_JSON, REPO_ROOT } from './paths.ts';
import { zodUnusedApis } from './zod-unused-apis.ts';

/**
 * ESM output needs a real `require` for the CommonJS dependencies esbuild leaves as `require()`
 * calls (Node built-ins inside bundled CJS packages). The alias avoids clashing with bundle names.
 * With code splitting esbuild puts the banner at the top of every chunk, so each has its own.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __inovasiCreateRequire } from 'node:module'; const require = __inovasiCreateRequire(import.meta.url);";

/**
 * Files of packages that must stay outside the bundle. `idn-area-data` reads its CSV files at run
 * time from `../data/` relative to its own module file, so inlining it would point that path
 * outside the asset. It is marked external and copied, with its one dependency, into the asset's
 * `node_modules`. Only the two CSV files the product uses (provinces, regencies) are shipped.
 */
export const EXTERNAL_RUNTIME_FILES = {
  'idn-area-data': [
    'package.json',
    'LICENSE',
    'lib/index.js',
    'data/provinces.csv',
    'data/regencies.csv',
    // The area data's own licence travels with the data.
    'data/LICENSE.md',
  ],
  papaparse: ['package.json', 'LICENSE', 'papaparse.js'],
} as const;

/** The languages of the API's validation messages (functions/api/src/errors.ts). */
export const SHIPPED_ZOD_LOCALES = ['id', 'en'] as const;

/**
 * zod's namespace re-exports its 40-odd locales (264 kB minified). `@hono/zod-openapi` hands the
 * whole `z` namespace to `extendZodWithOpenApi`, so esbuild must keep every member of it and cannot
 * drop the unused languages by itself. This swaps the locales module, where zod's classic and core
 * namespaces import it, for one that re-exports only the languages the API speaks. Tests run the
 * unbundled zod, with the same two locales the bundle keeps; the bundling test checks the messages.
 */
export const zodShippedLocales: Plugin = {
  name: 'zod-shipped-locales',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](?:classic|core)[\\/]/.test(args.importer)
        ? { path: args.importer, namespace: 'zod-shipped-locales' }
        : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'zod-shipped-locales' }, (args) => ({
      contents: SHIPPED_ZOD_LOCALES.map(
        (language) => `export { default as ${language} } from '../locales/${language}.js';`,
      ).join('\n'),
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * How the API function is built (docs/decisions/0013). ESM with code splitting: what the API
 * imports with `import()` (the PDF and spreadsheet builders, the Lambda client, the API reference
 * page) becomes chunks of their own under `chunks/`, which Node reads only when a request first
 * needs them, so a cold start parses and evaluates `index.mjs` and its static imports alone.
 * NodejsFunction cannot build this: it always passes `--outfile`, which esbuild refuses together
 * with `--splitting`; nor could it run the plugin. The benchmark (test/bench/bundle-budget.ts) builds with these same options.
 */
export const API_BUNDLE_OPTIONS = {
  entryPoints: { index: API_ENTRY },
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_BANNER },
  minify: true,
  sourcemap: 'external',
  sourcesContent: false,
  // Everything else, the AWS SDK included, is bundled: the versions we test are the versions we run.
  external: Object.keys(EXTERNAL_RUNTIME_FILES),
  absWorkingDir: REPO_ROOT,
  metafile: true,
  logLevel: 'warning',
  // docs/decisions/0041: the workspace packages' index files and two zod modules the API never runs.
  plugins: [zodShippedLocales, zodUnusedApis, barrelImports(REPO_ROOT)],
} as const satisfies BuildOptions;

/** Resolves where pnpm installed a package, as seen from a package.json. */
const packageDir = (fromPackageJson: string, name: string): string => {
  try {
    return dirname(realpathSync(createRequire(fromPackageJson).resolve(`${name}/package.json`)));
  } catch (error) {
    throw new Error(`Cannot find ${name} from ${fromPackageJson}; run pnpm install at the repository root`, {
      cause: error,
    });
  }
};

/** Copies the external runtime files into the bundle's `node_modules`. */
export const copyExternalRuntimeFiles = (outputDir: string): void => {
  const idnAreaData = packageDir(APP_PACKAGE_JSON, 'idn-area-data');
  const sources: Record<keyof typeof EXTERNAL_RUNTIME_FILES, string> = {
    'idn-area-data': idnAreaData,
    papaparse: packageDir(join(idnAreaData, 'package.json'), 'papaparse'),
  };
  for (const [name, files] of Object.entries(EXTERNAL_RUNTIME_FILES)) {
    for (const file of files) {
      const to = join(outputDir, 'node_modules', name, file);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(sources[name as keyof typeof sources], file), to);
    }
  }
};

/** Builds the API into `outdir` (entry `index.mjs`, lazily loaded chunks, runtime files). */
export const buildApiBundle = async (outdir: string): Promise<BuildResult<typeof API_BUNDLE_OPTIONS>> => {
  const result = await build({ ...API_BUNDLE_OPTIONS, outdir });
  copyExternalRuntimeFiles(outdir);
  return result;
};

/**
 * The API's code asset, bundled on this machine at synth time. The hash is the output's, as
 * NodejsFunction does, so a change that does not alter the bundle does not redeploy the function.
 */
export const apiCode = (): Code =>
  Code.fromAsset(REPO_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Only used if local bundling declined, which it never does: it builds or throws.
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      local: {
        // CDK bundles synchronously, and esbuild runs plugins only in its asynchronous build: the
        // build runs in a child Node process (the repository's tsx loads the TypeScript).
        tryBundle(outputDir) {
          execFileSync(process.execPath, ['--import', 'tsx', API_BUNDLE_SCRIPT, outputDir], {
            cwd: REPO_ROOT,
            stdio: 'inherit',
          });
          return true;
        },
      },
    },
  });
