import type { Logger } from '@aws-lambda-powertools/logger';
import type { Actor, EvidenceLimits } from '@inovasi/core';
import type { ScopedClientFactory } from '@inovasi/data';
import type { AreaDirectory } from './areas.ts';
import type { JobDispatcher } from './jobs/background.ts';
import type { RateLimitSettings } from './rate-limit.ts';

export type AppMode = 'local' | 'aws';

/** Turns a bearer token into the caller's identity, or undefined when it is not valid. */
export interface TokenVerifier {
  verify(token: string): Promise<Actor | undefined>;
}

/** Issues tokens for demo users; exists only in local mode. */
export interface TokenIssuer {
  issue(actor: Actor): Promise<string>;
}

export interface AppDeps {
  readonly mode: AppMode;
  readonly data: ScopedClientFactory;
  readonly verifier: TokenVerifier;
  readonly issuer?: TokenIssuer | undefined;
  readonly areas: AreaDirectory;
  readonly logger: Logger;
  /** Evidence intake limits (file sizes, video length, per-region quota); the defaults when absent. */
  readonly evidenceLimits?: EvidenceLimits | undefined;
  /**
   * Browser origins other than the API's own that may call it (CORS), e.g. the CloudFront URL
   * when the API is reached on its execute-api host, or a Vite dev server. Empty: same-origin only.
   */
  readonly webOrigins?: readonly string[] | undefined;
  /** Write and upload limits per user and per tenant; `false` turns them off (tests only). */
  readonly rateLimits?: RateLimitSettings | false | undefined;
  /**
   * Where export and import jobs go once queued: absent, they run in this process (the embedded
   * default, tests); in AWS a dispatcher that invokes the worker function (docs/decisions/0011).
   */
  readonly jobs?: JobDispatcher | undefined;
}
