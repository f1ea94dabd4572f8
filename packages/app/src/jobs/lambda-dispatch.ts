import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { JobDispatcher, JobRef } from './background.ts';

type LambdaSdk = typeof import('@aws-sdk/client-lambda');

/**
 * The AWS dispatcher: an asynchronous invocation of the jobs worker with the job's reference
 * (`functions/workers/src/background-job.ts`). Lambda retries a failed asynchronous invocation
 * twice; the scheduled sweep takes up whatever is still queued after that, and the worker claims
 * the job before it runs, so a repeated invocation is harmless.
 */
export function lambdaJobDispatcher(functionName: string, region: string): JobDispatcher {
  // The SDK client is loaded on the first dispatch: few invocations queue a job, and parsing it at
  // every cold start would cost them all (docs/decisions/0013).
  let connection: Promise<{ client: LambdaClient; sdk: LambdaSdk }> | undefined;
  const connect = () => {
    connection ??= import('@aws-sdk/client-lambda').then((sdk) => ({
      client: new sdk.LambdaClient({ region }),
      sdk,
    }));
    return connection;
  };
  return {
    async dispatch(ref: JobRef) {
      const { client, sdk } = await connect();
      await client.send(
        new sdk.InvokeCommand({
          FunctionName: functionName,
          InvocationType: 'Event',
          Payload: new TextEncoder().encode(JSON.stringify(ref)),
        }),
      );
    },
  };
}
