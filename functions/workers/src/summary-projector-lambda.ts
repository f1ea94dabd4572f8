import { createLogger } from '@inovasi/api/logging';
import { ScopedClientFactory, ScopedCredentialVendor } from '@inovasi/data';
import { grantedDataRoleArns, required } from './aws-environment.ts';
import { createSummaryProjector } from './summary-projector.ts';

const region = required('AWS_REGION');
const bucketName = required('BUCKET_NAME');

/**
 * Like every function, the projector reaches data only through the scoped roles it was given
 * (ADR 0008): a read-only tenant scope for the region it recomputes, the summary writer's scope, and
 * the region's catalogue publisher scope for the entries that follow its published innovations.
 */
const credentials = new ScopedCredentialVendor({ roleArns: grantedDataRoleArns(), bucketName, region });

/** The AWS adapter of the summary projector: the table's stream through an event source mapping. */
export const handler = createSummaryProjector({
  data: new ScopedClientFactory({ tableName: required('TABLE_NAME'), bucketName, region }, { credentials }),
  logger: createLogger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'inovasi-summary-projector' }),
});
