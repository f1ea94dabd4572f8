import type { ServiceDeps } from '../deps.ts';
import type { JobDispatcher } from './job-ref.ts';

type DispatcherDeps = Pick<ServiceDeps, 'jobs' | 'data' | 'logger'>;
type InProcessRunner = ReturnType<typeof import('./background.ts').inProcessJobs>;

const inProcess = new WeakMap<DispatcherDeps, Promise<InProcessRunner>>();

/**
 * The in-process runner, with the job code it runs, is loaded by the first job: in AWS the jobs
 * worker runs them and the API never needs it (docs/decisions/0041).
 */
function inProcessRunner(deps: DispatcherDeps): Promise<InProcessRunner> {
  let runner = inProcess.get(deps);
  if (!runner) {
    runner = import('./background.ts').then(({ inProcessJobs }) =>
      inProcessJobs({ data: deps.data, logger: deps.logger }),
    );
    // A failed load is not kept: the next job tries again.
    runner.catch(() => inProcess.delete(deps));
    inProcess.set(deps, runner);
  }
  return runner;
}

/** The app's dispatcher: the configured one, or one in-process runner per app (local mode, tests). */
export function jobDispatcher(deps: DispatcherDeps): JobDispatcher {
  if (deps.jobs) return deps.jobs;
  return {
    async dispatch(ref) {
      (await inProcessRunner(deps)).dispatch(ref);
    },
  };
}

/** Resolves once the app's in-process runner has nothing left to do (tests, a clean shutdown). */
export async function jobsIdle(deps: DispatcherDeps): Promise<void> {
  const runner = await inProcess.get(deps)?.catch(() => undefined);
  await runner?.idle();
}
