import { dataFunctionEnvironment, readEnvironment, scopedDataFrom } from '@inovasi/app/environment';
import { createLogger } from '@inovasi/app/logging';
import { type BackgroundJobEvent, createBackgroundJobHandler } from './background-job.ts';
import { isRuntimeSelfCheck, type RuntimeSelfCheckEvent, runtimeSelfCheck } from './runtime-self-check.ts';

const env = readEnvironment(dataFunctionEnvironment);

/**
 * The AWS adapter of the jobs worker (exports and imports, docs/decisions/0011). Like the API it
 * holds no data access of its own: it assumes the data roles the deployment granted it (the
 * tenant role for the job's tenant, the platform registry for the sweep), ADR 0008.
 */
const jobs = createBackgroundJobHandler({
  data: scopedDataFrom(env),
  logger: createLogger({ serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'inovasi-jobs-worker' }),
});

export const handler = async (event: BackgroundJobEvent | RuntimeSelfCheckEvent) =>
  isRuntimeSelfCheck(event) ? runtimeSelfCheck() : jobs(event as BackgroundJobEvent);
