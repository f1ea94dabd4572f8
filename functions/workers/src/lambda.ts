import {
  dataFunctionEnvironment,
  grantedDataRoleArns,
  readEnvironment,
  scopedDataFrom,
} from '@inovasi/app/environment';
import { createLogger } from '@inovasi/app/logging';
import { evidenceLimitsFrom } from '@inovasi/core';
import { DATA_ROLES } from '@inovasi/data';
import { createEvidenceObjectHandler } from './evidence-object-created.ts';

const env = readEnvironment(dataFunctionEnvironment);

/**
 * The worker's own role holds no table or bucket access: like the API, it assumes the tenant data
 * role with the tenant (from the object key) as the session tag, and only that role (ADR 0008).
 */
const tenantRoleArn = grantedDataRoleArns(env).tenant;
if (!tenantRoleArn) throw new Error(`environment variable ${DATA_ROLES.tenant.envVar} is not set`);

/** The AWS adapter of the evidence worker: the bucket's object-created events. */
export const handler = createEvidenceObjectHandler({
  data: scopedDataFrom(env, { tenant: tenantRoleArn }),
  logger: createLogger({ serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'inovasi-evidence-worker' }),
  limits: evidenceLimitsFrom(process.env),
});
