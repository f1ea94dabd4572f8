import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { JobDispatcher, JobRef } from './background.ts';

/**
 * The AWS dispatcher: an asynchronous invocation of the jobs worker with the job's reference
 * (`functions/workers/src/background-job.ts`). Lambda retries a failed asynchronous invocation
 * twice; the scheduled sweep takes up whatever is still queued after that, and the worker claims
 * the job before it runs, so a repeated invocation is harmless.
 */
export function lambdaJobDispatcher(functionName: string, region: string): JobDispatcher {
  const client = new LambdaClient({ region });
  return {
    async dispatch(ref: JobRef) {
      await client.send(
        new InvokeCommand({
          FunctionName: functionName,
          InvocationType: 'Event',
          Payload: new TextEncoder().encode(JSON.stringify(ref)),
        }),
      );
    },
  };
}
