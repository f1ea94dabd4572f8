import type { AppContext } from '../context.ts';
import type { AppDeps } from '../deps.ts';
import { inProcessJobs, type JobDispatcher, type JobRef } from './background.ts';

const inProcess = new WeakMap<AppDeps, ReturnType<typeof inProcessJobs>>();

/** The app's dispatcher: the configured one, or one in-process runner per app (local mode, tests). */
export function jobDispatcher(deps: AppDeps): JobDispatcher {
  if (deps.jobs) return deps.jobs;
  let runner = inProcess.get(deps);
  if (!runner) {
    runner = inProcessJobs({ data: deps.data, logger: deps.logger });
    inProcess.set(deps, runner);
  }
  return runner;
}

/** Resolves once the app's in-process runner has nothing left to do (tests, a clean shutdown). */
export async function jobsIdle(deps: AppDeps): Promise<void> {
  await inProcess.get(deps)?.idle();
}

/**
 * Hands a queued job over. The job is already recorded: if handing it over fails (the worker could
 * not be invoked), the request still succeeds and the scheduled sweep runs the job a little later.
 */
export async function dispatch(c: AppContext, ref: JobRef): Promise<void> {
  try {
    await jobDispatcher(c.get('deps')).dispatch(ref);
  } catch (error) {
    c.get('logger').warn('job dispatch failed; the scheduled sweep will run it', { ...ref, error });
  }
}
