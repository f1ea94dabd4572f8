import { Logger } from '@aws-lambda-powertools/logger';
import { ScopedClientFactory } from '@inovasi/data';
import { handle } from 'hono/aws-lambda';
import { createApp } from './app.ts';
import { officialAreas } from './areas.ts';
import { cognitoTokens } from './auth/cognito.ts';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
};

/** The AWS adapter: configuration from the environment, then the same app as locally. */
const app = createApp({
  mode: 'aws',
  data: new ScopedClientFactory({
    tableName: required('TABLE_NAME'),
    bucketName: required('BUCKET_NAME'),
    region: required('AWS_REGION'),
  }),
  verifier: cognitoTokens(required('COGNITO_USER_POOL_ID'), required('COGNITO_CLIENT_ID')),
  areas: officialAreas(),
  logger: new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'inovasi-api' }),
});

export const handler = handle(app);
