import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as data from '../src/index.ts';

/**
 * Code outside this package reaches a tenant's repositories through `repositoriesFor` (and the
 * platform registry through `platformRepositoryFor`), never by constructing one
 * (docs/decisions/0048). The package exports the repositories' classes as types only, so
 * `new OpdRepository(clients)` elsewhere does not compile; these tests keep it that way: no class
 * the bundle builds is a value of the package under any name, and no file reaches past the
 * package's entry into its repositories by path.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const SKIPPED = new Set(['node_modules', 'dist', 'cdk.out', '.data', '.git', 'coverage']);
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every source file of the repository outside packages/data, by its path from the root. */
const outside = sourceFiles(ROOT)
  .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }))
  .filter(({ path }) => !path.startsWith('packages/data/'));

describe('repositories are built inside packages/data only', () => {
  it('exports no class that the repositories bundle builds as a value, under any name', () => {
    // Construction touches neither the clients nor the network, so any object will do here.
    const bundle = data.repositoriesFor({} as data.TenantClients);
    const built = new Map<unknown, string>(
      Object.entries(bundle).map(([name, repository]): [unknown, string] => [repository.constructor, name]),
    );
    built.set(data.platformRepositoryFor({} as data.ScopedClients).constructor, 'platform');
    expect(built.size).toBe(Object.keys(bundle).length + 1);
    const exported = Object.entries(data)
      .filter(([, value]) => built.has(value))
      .map(([name, value]) => `${name} (the bundle's ${built.get(value)})`);
    expect(exported).toEqual([]);
    const repositoryClasses = Object.entries(data)
      .filter(([name, value]) => typeof value === 'function' && /Repository$/.test(name))
      .map(([name]) => name);
    expect(repositoryClasses).toEqual([]);
  });

  it('has no file outside the package import its repositories or sources past its entry', () => {
    expect(outside.length).toBeGreaterThan(100);
    const specifier = /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g;
    const reaching = outside.flatMap(({ path, text }) =>
      [...text.matchAll(specifier)]
        .map((match) => match[1] ?? '')
        .filter((target) => /(^|\/)packages\/data\/src\/|^@inovasi\/data\/src\//.test(target))
        .map((target) => `${path}: ${target}`),
    );
    expect(reaching).toEqual([]);
  });

  it('has no `new …Repository(` outside the package', () => {
    const constructing = outside.flatMap(({ path, text }) =>
      text
        .split('\n')
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => /\bnew\s+[\w$.]*Repository\s*[(<]/.test(line))
        .map(({ line, index }) => `${path}:${index + 1}: ${line.trim()}`),
    );
    expect(constructing).toEqual([]);
  });
});
