import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The audit gate of `pnpm test` (scripts/audit.mjs), run against a stand-in `pnpm` that prints a
 * chosen `pnpm audit --json` answer: the gate's own decisions, whatever the network allows here.
 */
const AUDIT_SCRIPT = join(import.meta.dirname, '..', 'audit.mjs');
const bin = mkdtempSync(join(tmpdir(), 'inovasi-audit-'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function audit(
  answer: { stdout?: string; stderr?: string; status?: number },
  env: Record<string, string> = {},
) {
  const fakePnpm = join(bin, 'pnpm');
  writeFileSync(join(bin, 'stdout.txt'), answer.stdout ?? '');
  writeFileSync(join(bin, 'stderr.txt'), answer.stderr ?? '');
  writeFileSync(
    fakePnpm,
    `#!/bin/sh\ncat "${join(bin, 'stdout.txt')}"\ncat "${join(bin, 'stderr.txt')}" >&2\nexit ${answer.status ?? 0}\n`,
  );
  chmodSync(fakePnpm, 0o755);
  return spawnSync(process.execPath, [AUDIT_SCRIPT], {
    encoding: 'utf8',
    env: { PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, ...env },
  });
}

const report = (vulnerabilities: Record<string, number>, advisories: object[] = []) =>
  JSON.stringify({
    metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...vulnerabilities } },
    advisories: Object.fromEntries(advisories.map((advisory, index) => [index, advisory])),
  });

describe('the dependency audit gate', () => {
  it('fails on a high advisory and names the package', () => {
    const result = audit({
      stdout: report({ high: 1 }, [
        {
          severity: 'high',
          module_name: 'fast-xml-parser',
          vulnerable_versions: '<4.4.1',
          title: 'Prototype pollution',
          url: 'https://github.com/advisories/GHSA-x',
        },
      ]),
      status: 1,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('HIGH fast-xml-parser <4.4.1: Prototype pollution');
  });

  it('passes with low and moderate advisories only', () => {
    const result = audit({ stdout: report({ low: 2, moderate: 1 }), status: 1 });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no high or critical advisories (0 info, 2 low, 1 moderate');
  });

  it('says loudly that no audit ran when the advisory service is unreachable, and fails when one is required', () => {
    const unreachable = {
      stderr: 'ERR_PNPM_AUDIT_BAD_RESPONSE The audit endpoint responded with 405',
      status: 1,
    };
    const lenient = audit(unreachable);
    expect(lenient.status).toBe(0);
    expect(lenient.stderr).toContain('Dependency audit DID NOT RUN');
    expect(audit(unreachable, { INOVASI_AUDIT_REQUIRED: '1' }).status).toBe(1);
  });
});
