import type { Logger } from '@aws-lambda-powertools/logger';
import type { Actor, EvidenceLimits, Member } from '@inovasi/core';
import type { ScopedClientFactory } from '@inovasi/data';
import type { AreaDirectory } from './areas.ts';
import type { IdentityAdmin } from './auth/identity-admin.ts';
import type { JobDispatcher } from './jobs/job-ref.ts';
import type { RateLimitSettings, SharedRateLimitStore } from './rate-limit.ts';

export type AppMode = 'local' | 'aws';

/** Who a valid bearer token says the person is. It grants nothing: access comes from the member record. */
export interface VerifiedIdentity {
  readonly subject: string;
  /** Lower-cased; the key of the platform-wide login directory. */
  readonly email: string;
}

/** Turns a bearer token into the person it was issued to, or undefined when it is not valid. */
export interface TokenVerifier {
  verify(token: string): Promise<VerifiedIdentity | undefined>;
}

/** The member a signed-in address belongs to, and the caller that member makes. */
export interface MemberIdentity {
  readonly actor: Actor;
  readonly member: Member;
}

/** Issues tokens for demo users; present only in demo mode, and then `/dev/*` exists. */
export interface DemoTokens {
  issue(identity: VerifiedIdentity): Promise<string>;
}

/** What the web app needs to start the OpenID Connect sign-in (served at `GET /auth/config`). */
export interface WebSignInSettings {
  readonly provider: 'local' | 'cognito';
  /** The OpenID provider's issuer; its discovery document is at `/.well-known/openid-configuration`. */
  readonly authority: string;
  readonly clientId: string;
  readonly scope: string;
  /** Cognito's managed login has no `end_session_endpoint` in its discovery document: named here. */
  readonly endSessionEndpoint?: string | undefined;
}

export interface AppDeps {
  readonly mode: AppMode;
  readonly data: ScopedClientFactory;
  readonly verifier: TokenVerifier;
  /** Demo mode: passwordless sign-in as any member, for the tour and for scripts (loopback only). */
  readonly demoTokens?: DemoTokens | undefined;
  /** Where the web app signs in; absent, the app has no sign-in to offer (tests that only call the API). */
  readonly signIn?: WebSignInSettings | undefined;
  /** The identity provider's side of invitations, disabling and removal: Cognito in AWS, the local provider. */
  readonly identityAdmin?: IdentityAdmin | undefined;
  /**
   * Reads the member behind a signed-in address; the login directory and member records by
   * default. A unit test of HTTP behaviour passes a table of its own.
   */
  readonly findMember?: ((email: string) => Promise<MemberIdentity | undefined>) | undefined;
  /**
   * AWS: the address the deploy created in Cognito as the first platform administrator. Its first
   * sign-in makes it the platform's administrator member while the platform has none.
   */
  readonly firstPlatformAdminEmail?: string | undefined;
  /** How long a member record is trusted before it is read again; at most 60 s (the default). */
  readonly memberCacheMs?: number | undefined;
  readonly areas: AreaDirectory;
  readonly logger: Logger;
  /** Evidence intake limits (file sizes, video length, per-region quota); the defaults when absent. */
  readonly evidenceLimits?: EvidenceLimits | undefined;
  /**
   * Browser origins other than the API's own that may call it (CORS), e.g. the CloudFront URL
   * when the API is reached on its execute-api host, or a Vite dev server. Empty: same-origin only.
   */
  readonly webOrigins?: readonly string[] | undefined;
  /**
   * Read, write and upload limits per user, per tenant and per anonymous address (the defaults when
   * absent); `false` turns them off (tests only).
   */
  readonly rateLimits?: RateLimitSettings | false | undefined;
  /**
   * The limit every instance shares (DynamoDB counters in AWS). Absent, the in-process buckets are
   * the whole limit: right for the embedded default, which is one process.
   */
  readonly rateLimitStore?: SharedRateLimitStore | undefined;
  /**
   * How long a refused request waits before its 429 goes out. A script flooding in a loop then
   * sends a handful of requests a second instead of hundreds of cheap refusals, which in one
   * process (the embedded default) still take the event loop from everyone else. Default 500 ms
   * locally, 0 in AWS (a waiting Lambda is billed; the WAF's rate rule slows floods there).
   */
  readonly rateLimitRefusalDelayMs?: number | undefined;
  /**
   * In AWS, the value CloudFront sends in `X-Inovasi-Origin-Verify` on every request it forwards:
   * a request without it reached the API around CloudFront and its WAF, and is refused (403).
   * The HTTP API's own endpoint must stay on (it is CloudFront's origin), so this is what closes
   * the way around (docs/decisions/0022). Absent: no check (locally, tests).
   */
  readonly originSecret?: string | undefined;
  /**
   * Where export and import jobs go once queued: absent, they run in this process (the embedded
   * default, tests); in AWS a dispatcher that invokes the worker function (docs/decisions/0011).
   */
  readonly jobs?: JobDispatcher | undefined;
}
