import { Metrics } from '@aws-lambda-powertools/metrics';
import {
  dataFunctionEnvironment,
  optionalSetting,
  readEnvironment,
  scopedDataFrom,
  setting,
} from '@inovasi/app/environment';
import { lambdaJobDispatcher } from '@inovasi/app/jobs/lambda-dispatch';
import { sesMailSink } from '@inovasi/app/jobs/ses-mail';
import { createLogger } from '@inovasi/app/logging';
import { createScheduledHandler } from './scheduled.ts';
import { SCHEDULED_WORKER_SERVICE } from './scheduled-jobs.ts';

const env = readEnvironment(
  dataFunctionEnvironment
    .extend({
      POWERTOOLS_METRICS_NAMESPACE: setting,
      JOBS_FUNCTION_NAME: setting,
      /** Unset when the deployment has no SES sender: it then creates no outbox schedule either. */
      MAIL_FROM: optionalSetting,
      SES_REGION: optionalSetting,
    })
    .refine((env) => !env.MAIL_FROM || env.SES_REGION, {
      path: ['SES_REGION'],
      message: 'SES_REGION is needed with MAIL_FROM',
    }),
);
const serviceName = env.POWERTOOLS_SERVICE_NAME ?? SCHEDULED_WORKER_SERVICE;

/**
 * The AWS adapter of the scheduled worker: EventBridge schedules with `{ "job": … }` as input. Like
 * every function, it reaches data only through the tenant-scoped roles it was given (ADR 0008).
 */
export const handler = createScheduledHandler({
  data: scopedDataFrom(env),
  logger: createLogger({ serviceName }),
  mail: env.MAIL_FROM
    ? sesMailSink(env.MAIL_FROM, env.SES_REGION as string)
    : {
        send: () => Promise.reject(new Error('no SES sender is configured (inovasi:sesSender)')),
      },
  metrics: new Metrics({ serviceName, namespace: env.POWERTOOLS_METRICS_NAMESPACE }),
  jobs: lambdaJobDispatcher(env.JOBS_FUNCTION_NAME, env.AWS_REGION),
});
