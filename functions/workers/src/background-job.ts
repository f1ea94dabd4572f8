import type { Logger } from '@aws-lambda-powertools/logger';
import {
  JOB_TYPES,
  type JobRef,
  type RunOutcome,
  resumeBackgroundJobs,
  runBackgroundJob,
} from '@inovasi/app/jobs/background';
import { isTenantCode } from '@inovasi/core';
import type { ScopedClientFactory } from '@inovasi/data';

/**
 * What invokes the jobs worker: the API's asynchronous invocation with one job's reference, an SQS
 * batch of references (if a queue is put in between), or the scheduled sweep (EventBridge).
 */
export type BackgroundJobEvent =
  | JobRef
  | { readonly Records: readonly { readonly body: string }[] }
  | { readonly source: 'aws.events'; readonly 'detail-type'?: string };

export interface BackgroundJobWorkerDeps {
  readonly data: ScopedClientFactory;
  readonly logger: Logger;
}

const ID = /^[0-9A-Za-z_-]{1,64}$/;

/** A reference from outside is checked before it names a tenant scope. */
function asJobRef(value: unknown): JobRef | undefined {
  const ref = value as Partial<JobRef> | undefined;
  if (!ref || !JOB_TYPES.includes(ref.type as JobRef['type'])) return undefined;
  if (typeof ref.tenantCode !== 'string' || !isTenantCode(ref.tenantCode)) return undefined;
  if (typeof ref.id !== 'string' || !ID.test(ref.id)) return undefined;
  return { type: ref.type as JobRef['type'], tenantCode: ref.tenantCode, id: ref.id };
}

/**
 * The jobs worker: the same `runBackgroundJob` the embedded default runs in process. It claims each
 * job before running it, so a repeated invocation (Lambda's async retries, an SQS redelivery, the
 * sweep finding a job the API also dispatched) never runs one twice at the same time.
 */
export function createBackgroundJobHandler(deps: BackgroundJobWorkerDeps) {
  return async function handler(
    event: BackgroundJobEvent,
  ): Promise<{ outcomes: RunOutcome[] } | { resumed: number }> {
    if ('source' in event && event.source === 'aws.events') {
      return { resumed: await resumeBackgroundJobs(deps) };
    }
    const candidates: unknown[] =
      'Records' in event ? event.Records.map((record) => JSON.parse(record.body) as unknown) : [event];
    const outcomes: RunOutcome[] = [];
    for (const candidate of candidates) {
      const ref = asJobRef(candidate);
      if (!ref) {
        deps.logger.warn('background job event ignored: not a job reference');
        continue;
      }
      outcomes.push(await runBackgroundJob(deps, ref));
    }
    return { outcomes };
  };
}
