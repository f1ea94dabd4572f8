import type { DataConfig } from '@inovasi/data';
import { startLocalStack } from '@inovasi/local';
import type { TestProject } from 'vitest/node';
import { startCognitoLocal } from './cognito-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dataConfig: DataConfig;
    /** cognito-local's endpoint, for the Cognito adapter's tests. */
    cognitoEndpoint: string;
  }
}

/** One DynamoDB Local, one s3rver and one cognito-local for the whole run, with throwaway state. */
export default async function setup(project: TestProject) {
  const [stack, cognito] = await Promise.all([startLocalStack(), startCognitoLocal()]);
  project.provide('cognitoEndpoint', cognito.endpoint);
  const { credentials, ...rest } = stack.config;
  project.provide('dataConfig', {
    ...rest,
    credentials: credentials && {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
    },
  });
  return async () => {
    await Promise.all([stack.stop(), cognito.stop()]);
  };
}
