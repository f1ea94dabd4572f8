import type { DemoTokens, ServiceDeps, TokenVerifier } from '@inovasi/app/deps';
import type { DetailShell } from './detail-shell.ts';
import type { RateLimitSettings, SharedRateLimitStore } from './rate-limit.ts';

export type {
  AppMode,
  DemoTokens,
  MemberIdentity,
  ServiceDeps,
  TokenVerifier,
  VerifiedIdentity,
} from '@inovasi/app/deps';

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

/** The HTTP app's composition: the services' dependencies and the settings only HTTP has. */
export interface AppDeps extends ServiceDeps {
  readonly verifier: TokenVerifier;
  /** Demo mode: passwordless sign-in as any member, for the tour and for scripts (loopback only). */
  readonly demoTokens?: DemoTokens | undefined;
  /** Where the web app signs in; absent, the app has no sign-in to offer (tests that only call the API). */
  readonly signIn?: WebSignInSettings | undefined;
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
   * The prerendered catalogue detail shell (docs/decisions/0044), read and cached by the adapter: in
   * AWS from the web bucket. Present, the app answers `GET /api/v1/katalog/{id}` with the filled page
   * (CloudFront maps `/katalog/{id}` there); absent, that route does not exist (the local server
   * fills the shell itself from its web build).
   */
  readonly catalogDetailShell?: (() => Promise<DetailShell | undefined>) | undefined;
}
