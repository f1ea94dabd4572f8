#!/usr/bin/env node
// Dependency audit for `pnpm test`: fails on any high or critical advisory; warns loudly (without
// failing) when the advisory service cannot be reached, e.g. a network that only proxies package
// downloads. Set INOVASI_AUDIT_REQUIRED=1 to make an unreachable audit fail as well.
import { spawnSync } from 'node:child_process';

const result = spawnSync('pnpm', ['audit', '--audit-level', 'high', '--json'], {
  encoding: 'utf8',
  timeout: 120_000,
  shell: process.platform === 'win32',
});
const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
const required = process.env.INOVASI_AUDIT_REQUIRED === '1';

let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  report = undefined;
}

const counts = report?.metadata?.vulnerabilities;
if (counts) {
  const high = (counts.high ?? 0) + (counts.critical ?? 0);
  const summary = Object.entries(counts)
    .map(([level, count]) => `${count} ${level}`)
    .join(', ');
  if (high > 0) {
    const advisories = Object.values(report.advisories ?? {})
      .filter((advisory) => ['high', 'critical'].includes(advisory.severity))
      .map(
        (advisory) =>
          `  ${advisory.severity.toUpperCase()} ${advisory.module_name} ${advisory.vulnerable_versions}: ${advisory.title} (${advisory.url})`,
      );
    console.error(
      `Dependency audit: ${summary}.\n${advisories.join('\n')}\nFix or override them (pnpm.overrides) before merging.`,
    );
    process.exit(1);
  }
  console.log(`Dependency audit: no high or critical advisories (${summary}).`);
  process.exit(0);
}

// No report: the audit could not run. Tell it loudly; fail only when an audit is required.
const reason =
  /ERR_PNPM_AUDIT_BAD_RESPONSE|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|responded with \d{3}|network/i.exec(
    output,
  )?.[0] ?? (result.error ? String(result.error.message) : `exit ${result.status}`);
const banner = '!'.repeat(78);
console.error(
  [
    banner,
    `Dependency audit DID NOT RUN: the advisory service could not be reached (${reason}).`,
    'No finding was checked. Run `pnpm audit --audit-level high` where the npm registry is reachable.',
    banner,
  ].join('\n'),
);
process.exit(required ? 1 : 0);
