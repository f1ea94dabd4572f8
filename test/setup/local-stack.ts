import type { DataConfig } from '@inovasi/data';
import { startLocalStack } from '@inovasi/local';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    dataConfig: DataConfig;
  }
}

/** One DynamoDB Local and one s3rver for the whole run, with throwaway state. */
export default async function setup(project: TestProject) {
  const stack = await startLocalStack();
  const { credentials, ...rest } = stack.config;
  project.provide('dataConfig', {
    ...rest,
    credentials: credentials && {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
    },
  });
  return async () => {
    await stack.stop();
  };
}
