import { createLogger } from '@inovasi/api/logging';
import { DATA_ROLE_NAMES, DATA_ROLES, ScopedClientFactory, ScopedCredentialVendor } from '@inovasi/data';
import { createBackgroundJobHandler } from './background-job.ts';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
};

const region = required('AWS_REGION');
const bucketName = required('BUCKET_NAME');

/**
 * The AWS adapter of the jobs worker (exports and imports, docs/decisions/0011). Like the API it
 * holds no data access of its own: the tenant data role for the job's tenant, and the roles the
 * summary refresh after an import writes through (ADR 0008).
 */
const credentials = new ScopedCredentialVendor({
  roleArns: Object.fromEntries(DATA_ROLE_NAMES.map((name) => [name, required(DATA_ROLES[name].envVar)])),
  bucketName,
  region,
});

export const handler = createBackgroundJobHandler({
  data: new ScopedClientFactory({ tableName: required('TABLE_NAME'), bucketName, region }, { credentials }),
  logger: createLogger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'inovasi-jobs-worker' }),
});
