import type { ServiceDeps } from '../deps.ts';
import { inProcessJobs, type JobDispatcher } from './background.ts';

type DispatcherDeps = Pick<ServiceDeps, 'jobs' | 'data' | 'logger'>;

const inProcess = new WeakMap<DispatcherDeps, ReturnType<typeof inProcessJobs>>();

/** The app's dispatcher: the configured one, or one in-process runner per app (local mode, tests). */
export function jobDispatcher(deps: DispatcherDeps): JobDispatcher {
  if (deps.jobs) return deps.jobs;
  let runner = inProcess.get(deps);
  if (!runner) {
    runner = inProcessJobs({ data: deps.data, logger: deps.logger });
    inProcess.set(deps, runner);
  }
  return runner;
}

/** Resolves once the app's in-process runner has nothing left to do (tests, a clean shutdown). */
export async function jobsIdle(deps: DispatcherDeps): Promise<void> {
  await inProcess.get(deps)?.idle();
}
