import { spawnSync } from 'node:child_process';

export class JavaMissingError extends Error {
  override readonly name = 'JavaMissingError';
}

/** DynamoDB Local is the official Java jar; say exactly how to get Java when it is missing. */
export function assertJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const major = Number(/version "(\d+)/.exec(output)?.[1] ?? 0);
  if (result.error || major < 17) {
    throw new JavaMissingError(
      [
        'DynamoDB Local needs Java 17 or newer, and none was found on PATH.',
        'Install it, for example on Debian/Ubuntu:  apt-get install -y openjdk-17-jre-headless',
        'then run the command again.',
      ].join('\n'),
    );
  }
}
