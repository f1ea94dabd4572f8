import { Metrics } from '@aws-lambda-powertools/metrics';
import { lambdaJobDispatcher } from '@inovasi/api/jobs/lambda-dispatch';
import { sesMailSink } from '@inovasi/api/jobs/ses-mail';
import { createLogger } from '@inovasi/api/logging';
import { ScopedClientFactory, ScopedCredentialVendor } from '@inovasi/data';
import { grantedDataRoleArns, required } from './aws-environment.ts';
import { createScheduledHandler } from './scheduled.ts';
import { SCHEDULED_WORKER_SERVICE } from './scheduled-jobs.ts';

const region = required('AWS_REGION');
const bucketName = required('BUCKET_NAME');
const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? SCHEDULED_WORKER_SERVICE;
/** Unset when the deployment has no SES sender: it then creates no outbox schedule either. */
const mailFrom = process.env.MAIL_FROM;

/** Like every function, it reaches data only through the tenant-scoped roles it was given (ADR 0008). */
const credentials = new ScopedCredentialVendor({ roleArns: grantedDataRoleArns(), bucketName, region });

/** The AWS adapter of the scheduled worker: EventBridge schedules with `{ "job": … }` as input. */
export const handler = createScheduledHandler({
  data: new ScopedClientFactory({ tableName: required('TABLE_NAME'), bucketName, region }, { credentials }),
  logger: createLogger({ serviceName }),
  mail: mailFrom
    ? sesMailSink(mailFrom, required('SES_REGION'))
    : {
        send: () => Promise.reject(new Error('no SES sender is configured (inovasi:sesSender)')),
      },
  metrics: new Metrics({ serviceName, namespace: required('POWERTOOLS_METRICS_NAMESPACE') }),
  jobs: lambdaJobDispatcher(required('JOBS_FUNCTION_NAME'), region),
});
