import { Bench } from 'tinybench';

/** The latency of one in-process function, in milliseconds. */
export interface Timing {
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  /** Every run's time, sorted. */
  readonly samples: readonly number[];
}

/**
 * Times `fn` in this process with tinybench (issue 23, docs/decisions/0047): exactly `runs` calls,
 * no time budget and no warm-up (a benchmark warms up itself where it wants to), errors thrown.
 */
export function timeSync(name: string, fn: () => unknown, runs: number): Timing {
  const bench = new Bench({ iterations: runs, time: 0, warmup: false, throws: true, retainSamples: true });
  bench.add(name, fn);
  const [task] = bench.runSync();
  const result = task?.result;
  if (result?.state !== 'completed') throw new Error(`${name}: the benchmark did not complete`);
  const { p50, p99, mean, samples } = result.latency;
  return { p50, p99, mean, samples: [...(samples ?? [])] };
}
