import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMapOf, rewriteBarrelImports, workspaceBarrels } from '../lib/barrel-imports.ts';
import { REPO_ROOT } from '../lib/paths.ts';

/**
 * The bundle rewrites imports from the workspace packages' index files into imports from the
 * modules that define the names (docs/decisions/0041). A wrong entry in the export map would bind
 * a name to the wrong module, so the map is checked against the packages as Node loads them.
 */
const barrels = workspaceBarrels(REPO_ROOT);
const coreIndex = join(REPO_ROOT, 'packages/core/src/index.ts');
const dataIndex = join(REPO_ROOT, 'packages/data/src/index.ts');

describe('barrel imports', () => {
  it('finds the index files the packages export', () => {
    expect(barrels.get('@inovasi/core')).toBe(coreIndex);
    expect(barrels.get('@inovasi/core/scoring')).toBe(join(REPO_ROOT, 'packages/core/src/scoring/index.ts'));
    expect(barrels.get('@inovasi/data')).toBe(dataIndex);
  });

  it.each([
    ['@inovasi/core', coreIndex],
    ['@inovasi/data', dataIndex],
  ] as const)(
    'places every value %s exports in a module that exports that very value',
    async (_name, index) => {
      // By path: the infra package depends on neither package's index.
      const loaded = (await import(index)) as Record<string, unknown>;
      const map = exportMapOf(index);
      const values = Object.keys(loaded);
      expect(values.length).toBeGreaterThan(50);
      for (const name of values) {
        const definer = map.get(name);
        expect(definer, name).toBeDefined();
        // The defining module, imported on its own, exports the same binding the index does.
        const module = (await import(definer as string)) as Record<string, unknown>;
        expect(module[name], `${name} from ${definer}`).toBe(loaded[name]);
      }
    },
  );

  it('rewrites named imports and re-exports, drops type-only names and keeps the line count', () => {
    const file = join(REPO_ROOT, 'functions/api/src/example.ts');
    const source = [
      "import { z } from 'zod';",
      'import {',
      '  UNIT_KINDS,',
      '  type Member,',
      '  readUnitList as readUnits,',
      "} from '@inovasi/core';",
      "import type { Actor } from '@inovasi/core';",
      "import * as everything from '@inovasi/core';",
      "export { getRubric, validateRubric } from '@inovasi/core/scoring';",
      'const kept = 1;',
    ].join('\n');
    const rewritten = rewriteBarrelImports(file, source, (specifier) => barrels.get(specifier), new Map());
    const at = (path: string) => JSON.stringify(join(REPO_ROOT, 'packages/core/src', path));
    expect(rewritten?.split('\n')).toEqual([
      "import { z } from 'zod';",
      `import { UNIT_KINDS } from ${at('units/units.ts')}; import { readUnitList as readUnits } from ${at('units/import.ts')};`,
      '',
      '',
      '',
      '',
      '',
      // A namespace import needs the index itself.
      "import * as everything from '@inovasi/core';",
      // getRubric is declared in the rubrics index itself, validateRubric re-exported by it.
      `export { getRubric } from ${at('rubrics/index.ts')}; export { validateRubric } from ${at('rubrics/validate.ts')};`,
      'const kept = 1;',
    ]);
  });

  it('leaves a file without barrel imports alone, and refuses a name the index does not export', () => {
    const file = join(REPO_ROOT, 'functions/api/src/example.ts');
    const finder = (specifier: string) => barrels.get(specifier);
    expect(rewriteBarrelImports(file, "import { z } from 'zod';\n", finder, new Map())).toBeUndefined();
    expect(() =>
      rewriteBarrelImports(file, "import { noSuchThing } from '@inovasi/core';\n", finder, new Map()),
    ).toThrow('noSuchThing is not exported by');
  });
});
