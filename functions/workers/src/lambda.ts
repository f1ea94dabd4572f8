import { createLogger } from '@inovasi/api/logging';
import { evidenceLimitsFrom } from '@inovasi/core';
import { DATA_ROLES, ScopedClientFactory, ScopedCredentialVendor } from '@inovasi/data';
import { createEvidenceObjectHandler } from './evidence-object-created.ts';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
};

const region = required('AWS_REGION');
const bucketName = required('BUCKET_NAME');

/**
 * The worker's own role holds no table or bucket access: like the API, it assumes the tenant data
 * role with the tenant (from the object key) as the session tag, and only that role (ADR 0008).
 */
const credentials = new ScopedCredentialVendor({
  roleArns: { tenant: required(DATA_ROLES.tenant.envVar) },
  bucketName,
  region,
});

/** The AWS adapter of the evidence worker: the bucket's object-created events. */
export const handler = createEvidenceObjectHandler({
  data: new ScopedClientFactory({ tableName: required('TABLE_NAME'), bucketName, region }, { credentials }),
  logger: createLogger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'inovasi-evidence-worker' }),
  limits: evidenceLimitsFrom(process.env),
});
