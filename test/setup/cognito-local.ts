import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort } from '@inovasi/local';

export interface CognitoLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * cognito-local (an emulator of Cognito's user-pool API) on loopback, with its state in a
 * throwaway folder: the Cognito adapter runs against it with the real AWS SDK calls.
 */
export async function startCognitoLocal(): Promise<CognitoLocal> {
  const entry = join(
    dirname(createRequire(import.meta.url).resolve('cognito-local/package.json')),
    'lib/bin/start.js',
  );
  const folder = mkdtempSync(join(tmpdir(), 'inovasi-cognito-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: folder,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: 'ignore',
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`cognito-local exited with code ${child.exitCode}`);
    try {
      await fetch(`${endpoint}/health`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`cognito-local did not answer on ${endpoint}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    endpoint,
    stop: async () => {
      child.kill('SIGTERM');
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
