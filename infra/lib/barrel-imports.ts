import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import ts from 'typescript';

/**
 * Why this exists (docs/decisions/0041): with code splitting, esbuild puts a module in the chunks of
 * every entry point that reaches it through import statements, as soon as any chunk uses it. The
 * workspace packages are imported through their index files (`@inovasi/core`, `@inovasi/data`,
 * which re-export every module), so the API's entry reached every module of the domain and the data
 * layer, and each module a lazily loaded chunk used (the import mapping of the spreadsheet intake,
 * the rubric tables of the exports…) was parsed at every cold start. The sources keep their one
 * import per package; this plugin rewrites, in the bundle only, each named import from such an index
 * into imports from the modules that define the names. The modules, their code and what each
 * import binds are unchanged; what changes is which modules the entry reaches (and so evaluates at
 * cold start): the ones its code uses, not every module of the package.
 */

/** A module's exported names, each with the file that defines it. */
type ExportMap = ReadonlyMap<string, string>;

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);

const bindingNames = (name: ts.BindingName): string[] =>
  ts.isIdentifier(name)
    ? [name.text]
    : name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));

const parse = (file: string, text = readFileSync(file, 'utf8')) =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

/** The barrels of the workspace packages: the files their package.json `exports` point at, by specifier. */
export function workspaceBarrels(root: string): Map<string, string> {
  const barrels = new Map<string, string>();
  const packagesDir = join(root, 'packages');
  for (const folder of readdirSync(packagesDir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    let manifest: { name?: string; exports?: Record<string, unknown> };
    try {
      manifest = JSON.parse(readFileSync(join(packagesDir, folder.name, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (typeof target !== 'string' || !target.endsWith('/index.ts') || !manifest.name) continue;
      const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, '')}`;
      barrels.set(specifier, resolve(packagesDir, folder.name, target));
    }
  }
  return barrels;
}

/** The names an exported declaration (`export const a`, `export function b`, …) binds. */
function declaredNames(statement: ts.Statement): string[] {
  if (!isExported(statement)) return [];
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
  }
  const named =
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isModuleDeclaration(statement);
  return named && statement.name && ts.isIdentifier(statement.name) ? [statement.name.text] : [];
}

/** The names an `export … from` or `export { … }` statement adds to a module's exports. */
function reExportedNames(
  statement: ts.ExportDeclaration,
  file: string,
  cache: Map<string, ExportMap>,
): [string, string][] {
  const clause = statement.exportClause;
  const from = statement.moduleSpecifier;
  // Local bindings, or a package's names re-exported here: they stay imported from here.
  if (!from || !ts.isStringLiteral(from) || !from.text.startsWith('.')) {
    return clause && ts.isNamedExports(clause)
      ? clause.elements.map((element) => [element.name.text, file])
      : [];
  }
  const target = resolve(dirname(file), from.text);
  // `export * as name from`: the namespace is the target module itself.
  if (clause && !ts.isNamedExports(clause)) return [[clause.name.text, target]];
  const targetMap = exportMapOf(target, cache);
  if (!clause) return [...targetMap].filter(([name]) => name !== 'default');
  return clause.elements.map((element) => [
    element.name.text,
    targetMap.get((element.propertyName ?? element.name).text) ?? target,
  ]);
}

/** The names one top-level statement adds to its module's exports, each with its defining file. */
function exportedBy(
  statement: ts.Statement,
  file: string,
  cache: Map<string, ExportMap>,
): [string, string][] {
  if (ts.isExportDeclaration(statement)) return reExportedNames(statement, file, cache);
  if (ts.isExportAssignment(statement)) return [['default', file]];
  return declaredNames(statement).map((name) => [name, file]);
}

/** Follows a module's exports to the files that define them (a name it cannot place stays with it). */
export function exportMapOf(file: string, cache = new Map<string, ExportMap>()): ExportMap {
  const known = cache.get(file);
  if (known) return known;
  const map = new Map<string, string>();
  // Guards a cycle of re-exports; the map fills in place.
  cache.set(file, map);
  for (const statement of parse(file).statements) {
    // An explicit export wins over a star export of the same name, as in ECMAScript.
    const explicit = !ts.isExportDeclaration(statement) || statement.exportClause !== undefined;
    for (const [name, definer] of exportedBy(statement, file, cache)) {
      if (explicit || !map.has(name)) map.set(name, definer);
    }
  }
  return map;
}

/** Finds the barrel a module specifier names, seen from the importing file. */
type BarrelFinder = (specifier: string, importer: string) => string | undefined;

/** `{ a, b as c }` of a barrel, grouped by the module that defines each name (type-only names dropped). */
function byDefiner(
  file: string,
  barrel: string,
  elements: readonly (ts.ImportSpecifier | ts.ExportSpecifier)[],
  cache: Map<string, ExportMap>,
): [string, string[]][] {
  const exports = exportMapOf(barrel, cache);
  const groups = new Map<string, string[]>();
  for (const element of elements) {
    if (element.isTypeOnly) continue;
    const imported = (element.propertyName ?? element.name).text;
    const definer = exports.get(imported);
    if (!definer)
      throw new Error(`${file}: ${imported} is not exported by ${barrel} (barrel-imports plugin)`);
    const binding = imported === element.name.text ? imported : `${imported} as ${element.name.text}`;
    groups.set(definer, [...(groups.get(definer) ?? []), binding]);
  }
  return [...groups];
}

/** What replaces an import from a barrel: imports from the defining modules. */
function importReplacement(
  statement: ts.ImportDeclaration,
  file: string,
  barrel: string,
  cache: Map<string, ExportMap>,
): string[] | undefined {
  const clause = statement.importClause;
  const bindings = clause?.namedBindings;
  // A side-effect, default or namespace import needs the barrel itself.
  if (!clause || clause.name || (bindings && !ts.isNamedImports(bindings))) return undefined;
  if (clause.isTypeOnly || !bindings) return [];
  return byDefiner(file, barrel, bindings.elements, cache).map(
    ([definer, names]) => `import { ${names.join(', ')} } from ${JSON.stringify(definer)};`,
  );
}

/** What replaces a named re-export from a barrel: re-exports from the defining modules. */
function exportReplacement(
  statement: ts.ExportDeclaration,
  file: string,
  barrel: string,
  cache: Map<string, ExportMap>,
): string[] | undefined {
  const clause = statement.exportClause;
  if (!clause || !ts.isNamedExports(clause)) return undefined;
  if (statement.isTypeOnly) return [];
  return byDefiner(file, barrel, clause.elements, cache).map(
    ([definer, names]) => `export { ${names.join(', ')} } from ${JSON.stringify(definer)};`,
  );
}

/** What replaces one statement, if it imports or re-exports named bindings from a barrel. */
function replacementOf(
  statement: ts.Statement,
  file: string,
  barrelFor: BarrelFinder,
  cache: Map<string, ExportMap>,
): string[] | undefined {
  if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) return undefined;
  const from = statement.moduleSpecifier;
  const barrel = from && ts.isStringLiteral(from) ? barrelFor(from.text, file) : undefined;
  if (!barrel) return undefined;
  return ts.isImportDeclaration(statement)
    ? importReplacement(statement, file, barrel, cache)
    : exportReplacement(statement, file, barrel, cache);
}

/**
 * The source with each named import (and named re-export) from a barrel replaced by imports from
 * the defining modules, or undefined when it has none. Each replacement keeps the line count of
 * the statement it replaces, so source maps still point at the right lines.
 */
export function rewriteBarrelImports(
  file: string,
  text: string,
  barrelFor: BarrelFinder,
  cache: Map<string, ExportMap>,
): string | undefined {
  const source = parse(file, text);
  let rewritten = '';
  let copied = 0;
  for (const statement of source.statements) {
    const replacement = replacementOf(statement, file, barrelFor, cache);
    if (replacement === undefined) continue;
    const start = statement.getStart(source);
    const lineBreaks = text.slice(start, statement.end).split('\n').length - 1;
    rewritten += text.slice(copied, start) + replacement.join(' ') + '\n'.repeat(lineBreaks);
    copied = statement.end;
  }
  return copied === 0 ? undefined : rewritten + text.slice(copied);
}

/**
 * The esbuild plugin: every TypeScript module of the workspace (not node_modules) that imports
 * from a package barrel (`@inovasi/core`, a package's index by a relative path) is loaded with
 * those imports pointing at the defining modules.
 */
export function barrelImports(root: string): Plugin {
  return {
    name: 'barrel-imports',
    setup(builder) {
      const barrels = workspaceBarrels(root);
      const barrelFiles = new Set(barrels.values());
      const cache = new Map<string, ExportMap>();
      const barrelFor = (specifier: string, importer: string) => {
        const named = barrels.get(specifier);
        if (named) return named;
        if (!specifier.startsWith('.')) return undefined;
        const target = resolve(dirname(importer), specifier);
        return barrelFiles.has(target) ? target : undefined;
      };
      builder.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(root) || args.path.includes('/node_modules/')) return undefined;
        const text = readFileSync(args.path, 'utf8');
        const rewritten = rewriteBarrelImports(args.path, text, barrelFor, cache);
        return rewritten === undefined
          ? undefined
          : { contents: rewritten, loader: 'ts', resolveDir: dirname(args.path) };
      });
    },
  };
}
