import { officialAreas } from '@inovasi/app/areas';
import {
  commaSeparated,
  dataFunctionEnvironment,
  grantedDataRoleArns,
  optionalSetting,
  readEnvironment,
  scopedDataFrom,
  setting,
} from '@inovasi/app/environment';
import { cognitoIdentityAdminOnDemand } from '@inovasi/app/identity/cognito-admin-on-demand';
import { lambdaJobDispatcher } from '@inovasi/app/jobs/lambda-dispatch';
import { createLogger } from '@inovasi/app/logging';
import { evidenceLimitsFrom } from '@inovasi/core';
import { createRateLimitCounters, DATA_ROLE_NAMES, DATA_ROLES } from '@inovasi/data';
import { handle } from 'hono/aws-lambda';
import { z } from 'zod';
import { createApp } from './app.ts';
import { cognitoTokens } from './auth/cognito.ts';
import type { DetailShell } from './detail-shell.ts';
import { sharedRateLimitStore } from './rate-limit.ts';

/** The API's environment, as the CDK app sets it (infra/lib/api.ts). */
const apiEnvironment = dataFunctionEnvironment.extend({
  COGNITO_USER_POOL_ID: setting,
  COGNITO_CLIENT_ID: setting,
  COGNITO_DOMAIN_ORIGIN: z.url(),
  RATE_LIMIT_TABLE_NAME: setting,
  ORIGIN_VERIFY_SECRET: setting,
  FIRST_ADMIN_EMAIL: z.preprocess((value) => (value === '' ? undefined : value), z.email().optional()),
  JOBS_FUNCTION_NAME: optionalSetting,
  WEB_ORIGINS: commaSeparated,
  /** The web bucket: the catalogue detail's shell is read from it (docs/decisions/0044). */
  WEB_BUCKET_NAME: optionalSetting,
});

const env = readEnvironment(apiEnvironment);
const region = env.AWS_REGION;
const userPoolId = env.COGNITO_USER_POOL_ID;
const clientId = env.COGNITO_CLIENT_ID;

/** The API serves every kind of caller, so it is given every data role; a missing one stops it here. */
const granted = grantedDataRoleArns(env);
const missingRoles = DATA_ROLE_NAMES.filter((name) => !granted[name]).map((name) => DATA_ROLES[name].envVar);
if (missingRoles.length > 0) throw new Error(`environment variables ${missingRoles.join(', ')} are not set`);

/**
 * The catalogue detail's shell from the web bucket, through a module loaded by the first detail
 * page: a cold start that serves none does not load it (budget: docs/performance.md).
 */
function detailShellFrom(bucket: string): () => Promise<DetailShell | undefined> {
  let read: Promise<() => Promise<DetailShell | undefined>> | undefined;
  return async () => {
    read ??= import('./detail-shell-source.ts').then(({ webBucketDetailShell }) =>
      webBucketDetailShell(bucket, {
        region,
        // A hung read fails inside the function's timeout, and the next request tries again.
        requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000, throwOnRequestTimeout: true },
      }),
    );
    return (await read)();
  };
}

/** The AWS adapter: configuration from the environment, then the same app as locally. */
const app = createApp({
  mode: 'aws',
  data: scopedDataFrom(env, granted),
  verifier: cognitoTokens(userPoolId, clientId),
  // Managed login is the provider; its discovery document has no end_session_endpoint, so it is named.
  signIn: {
    provider: 'cognito',
    authority: `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`,
    clientId,
    // `aws.cognito.signin.user.admin` lets the web app enrol an authenticator app with its own
    // access token (AssociateSoftwareToken, VerifySoftwareToken, SetUserMFAPreference; ADR 0024).
    scope: 'openid email profile aws.cognito.signin.user.admin',
    endSessionEndpoint: `${env.COGNITO_DOMAIN_ORIGIN}/logout`,
  },
  firstPlatformAdminEmail: env.FIRST_ADMIN_EMAIL,
  // Cognito's SDK client is loaded by the first member administration or MFA check (docs/decisions/0041).
  identityAdmin: cognitoIdentityAdminOnDemand(region, userPoolId),
  areas: officialAreas(),
  logger: createLogger({ serviceName: env.POWERTOOLS_SERVICE_NAME ?? 'inovasi-api' }),
  evidenceLimits: evidenceLimitsFrom(process.env),
  // Export and import jobs run in the jobs worker; without it they would run in this function
  // after its answer, where Lambda freezes them (docs/decisions/0011).
  jobs: env.JOBS_FUNCTION_NAME ? lambdaJobDispatcher(env.JOBS_FUNCTION_NAME, region) : undefined,
  // Limits hold across instances: counters in their own table, charged after the in-process first
  // line (docs/decisions/0022).
  rateLimitStore: sharedRateLimitStore(
    createRateLimitCounters({ region, tableName: env.RATE_LIMIT_TABLE_NAME }),
  ),
  originSecret: env.ORIGIN_VERIFY_SECRET,
  webOrigins: env.WEB_ORIGINS,
  // CloudFront sends `/katalog/{id}` here: the detail arrives with its innovation (docs/decisions/0044).
  catalogDetailShell: env.WEB_BUCKET_NAME ? detailShellFrom(env.WEB_BUCKET_NAME) : undefined,
});

export const handler = handle(app);
