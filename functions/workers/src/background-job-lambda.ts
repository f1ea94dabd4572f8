import { createLogger } from '@inovasi/api/logging';
import { ScopedClientFactory, ScopedCredentialVendor } from '@inovasi/data';
import { grantedDataRoleArns, required } from './aws-environment.ts';
import { type BackgroundJobEvent, createBackgroundJobHandler } from './background-job.ts';
import { isRuntimeSelfCheck, type RuntimeSelfCheckEvent, runtimeSelfCheck } from './runtime-self-check.ts';

const region = required('AWS_REGION');
const bucketName = required('BUCKET_NAME');

/**
 * The AWS adapter of the jobs worker (exports and imports, docs/decisions/0011). Like the API it
 * holds no data access of its own: it assumes the data roles the deployment granted it (the
 * tenant role for the job's tenant, the platform registry for the sweep), ADR 0008.
 */
const credentials = new ScopedCredentialVendor({ roleArns: grantedDataRoleArns(), bucketName, region });

const jobs = createBackgroundJobHandler({
  data: new ScopedClientFactory({ tableName: required('TABLE_NAME'), bucketName, region }, { credentials }),
  logger: createLogger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'inovasi-jobs-worker' }),
});

export const handler = async (event: BackgroundJobEvent | RuntimeSelfCheckEvent) =>
  isRuntimeSelfCheck(event) ? runtimeSelfCheck() : jobs(event as BackgroundJobEvent);
