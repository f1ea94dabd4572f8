#!/usr/bin/env node
// Fails when a hand-written source file grows past the size a reader can hold in their head
// (CONTRIBUTING.md) without a recorded reason. Reasons live in docs/large-files.md, one line per file:
// "- `path` (N lines): why it is long, or which seam it will be split along". A listed file that
// shrank below the limit, or grew more than 10% past its recorded size, must have its line updated.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const LIMIT = 400;
const GENERATED_OR_DATA = [/\.d\.ts$/, /^packages\/core\/src\/rubrics\/iid-\d{4}(-\w+)?\.ts$/];
const files = execFileSync(
  'git',
  ['ls-files', '-co', '--exclude-standard', '*.ts', '*.tsx', '*.mjs', '*.cjs'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((path) => path && !GENERATED_OR_DATA.some((pattern) => pattern.test(path)));

const recorded = new Map(
  [...readFileSync('docs/large-files.md', 'utf8').matchAll(/^- `([^`]+)` \((\d+) lines\): \S/gm)].map(
    (match) => [match[1], Number(match[2])],
  ),
);

const problems = [];
for (const path of files) {
  let lines;
  try {
    lines = readFileSync(path, 'utf8').split('\n').length - 1;
  } catch {
    continue; // deleted in the work tree
  }
  const allowed = recorded.get(path);
  if (lines > LIMIT && allowed === undefined) {
    problems.push(`${path}: ${lines} lines (limit ${LIMIT}); split it, or record why in docs/large-files.md`);
  } else if (allowed !== undefined && lines > allowed * 1.1) {
    problems.push(
      `${path}: ${lines} lines, ${allowed} recorded in docs/large-files.md; split it or update the line`,
    );
  } else if (allowed !== undefined && lines <= LIMIT) {
    problems.push(`${path}: ${lines} lines, under the limit now; remove its line from docs/large-files.md`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`file sizes: ${files.length} files, ${recorded.size} long ones with a recorded reason`);
