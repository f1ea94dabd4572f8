import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The application layer knows no HTTP (docs/decisions/0046). An import of a package that is not
 * declared fails `pnpm lint:layers` (no-undeclared-or-missing-imports), so keeping Hono out of the
 * declared dependencies keeps it out of the code.
 */
describe('@inovasi/app', () => {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    exports: Record<string, string>;
  };

  it('declares no HTTP framework among its dependencies', () => {
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
    expect(declared.filter((name) => /^(hono$|@hono\/|@scalar\/hono)/.test(name))).toEqual([]);
    expect(declared).not.toContain('@inovasi/api');
  });

  it('exports only modules that exist', () => {
    for (const target of Object.values(manifest.exports)) {
      expect(() => readFileSync(join(import.meta.dirname, '..', target))).not.toThrow();
    }
  });
});
