import type { AwsCredentialIdentityProvider } from '@smithy/types';

/** Where the data lives. In AWS only the names are set; locally the endpoints point at loopback. */
export interface DataConfig {
  readonly tableName: string;
  readonly bucketName: string;
  readonly region: string;
  readonly dynamoEndpoint?: string | undefined;
  readonly s3Endpoint?: string | undefined;
  /** Fake credentials for the local stack; in AWS the default provider chain is used. */
  readonly credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
}

/**
 * A hung connection must fail fast enough to be retried (and answered with 503) well inside the
 * function's timeout, instead of holding the request until Lambda kills it. DynamoDB answers in
 * milliseconds; these limits only catch a dependency that stopped answering. Without
 * `throwOnRequestTimeout` the SDK only logs a warning when the limit passes and keeps waiting.
 * DynamoDB Local on a busy machine can pause for seconds, so the local limit is wider: slowness
 * there must not turn into 503s, a dead server still does (connections are refused or reset).
 */
export const requestTimeouts = (local: boolean, awsRequestTimeout: number) =>
  ({
    connectionTimeout: 2_000,
    requestTimeout: local ? 30_000 : awsRequestTimeout,
    throwOnRequestTimeout: true,
  }) as const;

/** A client's credentials: the config's (fake, locally) or a provider (a scope's vended session). */
export type ClientCredentials = DataConfig['credentials'] | AwsCredentialIdentityProvider;
