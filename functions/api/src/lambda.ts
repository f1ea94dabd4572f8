import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { evidenceLimitsFrom } from '@inovasi/core';
import {
  createRateLimitCounters,
  DATA_ROLE_NAMES,
  DATA_ROLES,
  ScopedClientFactory,
  ScopedCredentialVendor,
} from '@inovasi/data';
import { handle } from 'hono/aws-lambda';
import { createApp } from './app.ts';
import { officialAreas } from './areas.ts';
import { cognitoTokens } from './auth/cognito.ts';
import { cognitoIdentityAdmin } from './auth/cognito-admin.ts';
import { lambdaJobDispatcher } from './jobs/lambda-dispatch.ts';
import { createLogger } from './logging.ts';
import { sharedRateLimitStore } from './rate-limit.ts';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
};

const region = required('AWS_REGION');
const bucketName = required('BUCKET_NAME');
const userPoolId = required('COGNITO_USER_POOL_ID');
const clientId = required('COGNITO_CLIENT_ID');

/**
 * The function's own role has no table or bucket access: every scope's clients sign with a session
 * of one data role, assumed with the tenant as a session tag and cached per tenant (ADR 0008).
 */
const credentials = new ScopedCredentialVendor({
  roleArns: Object.fromEntries(DATA_ROLE_NAMES.map((name) => [name, required(DATA_ROLES[name].envVar)])),
  bucketName,
  region,
});

/** The AWS adapter: configuration from the environment, then the same app as locally. */
const app = createApp({
  mode: 'aws',
  data: new ScopedClientFactory({ tableName: required('TABLE_NAME'), bucketName, region }, { credentials }),
  verifier: cognitoTokens(userPoolId, clientId),
  // Managed login is the provider; its discovery document has no end_session_endpoint, so it is named.
  signIn: {
    provider: 'cognito',
    authority: `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`,
    clientId,
    // `aws.cognito.signin.user.admin` lets the web app enrol an authenticator app with its own
    // access token (AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference; ADR 0024).
    scope: 'openid email profile aws.cognito.signin.user.admin',
    endSessionEndpoint: `${required('COGNITO_DOMAIN_ORIGIN')}/logout`,
  },
  firstPlatformAdminEmail: process.env.FIRST_ADMIN_EMAIL || undefined,
  identityAdmin: cognitoIdentityAdmin(new CognitoIdentityProviderClient({ region }), userPoolId),
  areas: officialAreas(),
  logger: createLogger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'inovasi-api' }),
  evidenceLimits: evidenceLimitsFrom(process.env),
  // Export and import jobs run in the jobs worker; without it they would run in this function
  // after its answer, where Lambda freezes them (docs/decisions/0011).
  jobs: process.env.JOBS_FUNCTION_NAME
    ? lambdaJobDispatcher(process.env.JOBS_FUNCTION_NAME, region)
    : undefined,
  // Limits hold across instances: counters in their own table, charged after the in-process first
  // line (docs/decisions/0022).
  rateLimitStore: sharedRateLimitStore(
    createRateLimitCounters({ region, tableName: required('RATE_LIMIT_TABLE_NAME') }),
  ),
  originSecret: required('ORIGIN_VERIFY_SECRET'),
  webOrigins: (process.env.WEB_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean),
});

export const handler = handle(app);
