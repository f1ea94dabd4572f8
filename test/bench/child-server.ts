import { type ChildProcess, spawn } from 'node:child_process';

/** A server child outlives no benchmark: it is killed after this long whatever happens. */
const CHILD_TIME_LIMIT_MS = 5 * 60_000;

/**
 * Runs `script --server` in a child Node process with `env` added, and resolves once it prints
 * `READY <url>`: the benchmark's server then has its own event loop and memory, measured apart.
 */
export async function startBenchServer(
  script: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...process.execArgv, script, '--server'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIME_LIMIT_MS);
  killer.unref();
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready?.[1]) resolve(ready[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, url };
}
