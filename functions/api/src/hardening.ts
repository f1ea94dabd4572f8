import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './context.ts';
import type { AppDeps, TokenVerifier, VerifiedIdentity } from './deps.ts';
import { errorBody } from './errors.ts';
import { chargesFor, DEFAULT_RATE_LIMITS, RateLimiter } from './rate-limit.ts';

/**
 * The API's answers to abuse and to failing dependencies, kept apart from the app's wiring:
 * security headers and CORS, the per-user/per-tenant write limits, the 503 for a dependency that
 * stays unavailable after the SDK's retries, and the statuses every route can answer for these
 * reasons, added to the OpenAPI document so clients (and the fuzz suite) know them.
 */

/** How long a client should wait after a 503; the SDK already retried with backoff before this. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 2;

/** Error names of AWS services (DynamoDB, S3, STS) that mean "busy or down", not "wrong request". */
const UNAVAILABLE_ERRORS = new Set([
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'SlowDown',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'TransactionInProgressException',
]);
/** Socket-level failures: the dependency could not be reached at all. */
const NETWORK_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
]);
/** Transaction cancellations that are about load, not about the data (conditions are 409s elsewhere). */
const TRANSIENT_CANCELLATIONS = new Set([
  'ThrottlingError',
  'TransactionConflict',
  'ProvisionedThroughputExceeded',
]);

interface SdkLikeError {
  name?: string;
  code?: string;
  cause?: unknown;
  $fault?: 'client' | 'server';
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
  CancellationReasons?: { Code?: string }[];
}

/**
 * Whether a failure means a dependency is unavailable (throttled, timing out, 5xx, unreachable)
 * after the SDK's own retries, so the client should retry later: 503 with Retry-After, never 500.
 */
export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const sdk = error as SdkLikeError;
  if (UNAVAILABLE_ERRORS.has(sdk.name ?? '')) return true;
  if (NETWORK_ERRORS.has(sdk.code ?? '')) return true;
  if (sdk.$fault === 'server' || (sdk.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  if (sdk.$retryable) return true;
  if (sdk.name === 'TransactionCanceledException') {
    const reasons = (sdk.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
    const failed = reasons.filter((code) => code !== 'None');
    if (failed.length > 0 && failed.every((code) => TRANSIENT_CANCELLATIONS.has(code))) return true;
  }
  return isDependencyUnavailable(sdk.cause, depth + 1);
}

const DOCS_CSP = {
  defaultSrc: ["'none'"],
  // The interactive reference loads its bundle from a CDN (see ADR 0003: it does not render behind
  // CloudFront's stricter policy; the OpenAPI JSON does).
  scriptSrc: ["'unsafe-inline'", 'https://cdn.jsdelivr.net'],
  styleSrc: ["'unsafe-inline'", 'https://cdn.jsdelivr.net', 'https://fonts.scalar.com'],
  fontSrc: ['data:', 'https://cdn.jsdelivr.net', 'https://fonts.scalar.com'],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/** JSON answers never need to load anything, nor be framed. */
const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};

/** HSTS only where TLS is guaranteed (AWS); the local server speaks plain HTTP on loopback. */
const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Security headers on every API answer (CSP, frame-ancestors, nosniff, referrer policy, CORP, and
 * HSTS in AWS) and CORS for the configured web origins only. With no extra origin configured the
 * API is same-origin only: the web app reaches it through the same host (CloudFront or the local
 * server), so no browser elsewhere gets an Access-Control-Allow-Origin.
 */
export function securityHeaders(deps: AppDeps, docsPath: string): MiddlewareHandler<AppEnv>[] {
  const common = {
    strictTransportSecurity: deps.mode === 'aws' ? HSTS : false,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
  } as const;
  const api = secureHeaders({ ...common, contentSecurityPolicy: API_CSP });
  const docs = secureHeaders({ ...common, contentSecurityPolicy: DOCS_CSP });
  const handlers: MiddlewareHandler<AppEnv>[] = [
    (c, next) => (c.req.path === docsPath ? docs : api)(c, next),
  ];
  const origins = new Set(deps.webOrigins ?? []);
  if (origins.size > 0) {
    handlers.unshift(
      cors({
        origin: (origin) => (origins.has(origin) ? origin : null),
        allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
        allowHeaders: [
          'Authorization',
          'Content-Type',
          'If-Match',
          'Idempotency-Key',
          'Accept-Language',
          'X-Request-Id',
        ],
        exposeHeaders: ['ETag', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed', 'Location'],
        // Bearer tokens, not cookies: credentialed requests are never needed.
        credentials: false,
        maxAge: 600,
      }),
    );
  }
  return handlers;
}

/** The header CloudFront adds to every request it forwards to the API (infra/lib/web.ts). */
export const ORIGIN_VERIFY_HEADER = 'x-inovasi-origin-verify';

/**
 * Refuses a request that did not come through CloudFront (and so not through its WAF): its
 * secret header is missing or wrong. Compared in constant time, so the answer's timing says
 * nothing about how much of a guess was right.
 */
export function originVerification(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const secret = deps.originSecret;
  if (!secret) return (_c, next) => next();
  const expected = createHash('sha256').update(secret).digest();
  return async (c, next) => {
    const sent = createHash('sha256')
      .update(c.req.header(ORIGIN_VERIFY_HEADER) ?? '')
      .digest();
    if (!timingSafeEqual(sent, expected)) {
      c.get('logger').warn('request around CloudFront refused');
      return c.json(
        errorBody('direct_access_refused', c.get('language'), { requestId: c.get('requestId') }),
        403,
      );
    }
    await next();
  };
}

/**
 * The header the CloudFront distribution's viewer-request function sets to the viewer's address
 * (infra/lib/web.ts), overwriting whatever a client sent. Trusted in AWS only, where the API is
 * reached through CloudFront; locally the socket's address is the client's.
 */
export const VIEWER_ADDRESS_HEADER = 'x-inovasi-viewer-address';

interface RuntimeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
  requestContext?: { http?: { sourceIp?: string } };
}

/** The address an anonymous request is counted under. */
export function clientAddress(c: Context<AppEnv>, mode: AppDeps['mode']): string {
  const env = c.env as RuntimeBindings | undefined;
  if (mode === 'aws') {
    const viewer = c.req.header(VIEWER_ADDRESS_HEADER);
    if (viewer) return viewer;
    return env?.requestContext?.http?.sourceIp ?? 'unknown';
  }
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** See `AppDeps.rateLimitRefusalDelayMs`. */
export const LOCAL_REFUSAL_DELAY_MS = 500;

/**
 * Refuses a request beyond the caller's, its tenant's or (anonymous) its address's limit with 429
 * and Retry-After. Reads, writes and uploads each have their buckets; expensive reads take more
 * tokens. The in-process buckets decide first, so a flood held back there costs no store write;
 * what they allow is charged to the shared store when there is one (AWS), which holds the limit
 * across instances. A store that fails lets the request through (logged): the in-process limit,
 * the WAF's rate rule and the stage throttle still stand, and a limiter outage must not become an
 * outage of the product. Runs after authentication (it needs the caller) and before anything
 * reads the body.
 */
export function rateLimit(deps: AppDeps): MiddlewareHandler<AppEnv> {
  if (deps.rateLimits === false) return (_c, next) => next();
  const settings = deps.rateLimits ?? DEFAULT_RATE_LIMITS;
  const limiter = new RateLimiter(settings);
  const store = deps.rateLimitStore;
  const refusalDelayMs = deps.rateLimitRefusalDelayMs ?? (deps.mode === 'local' ? LOCAL_REFUSAL_DELAY_MS : 0);
  return async (c, next) => {
    const actor = c.get('actor');
    const caller = actor
      ? { tenantCode: actor.tenantCode, userId: actor.userId }
      : { clientAddress: clientAddress(c, deps.mode) };
    const charges = chargesFor(settings, caller, c.req.method, c.req.path);
    let decision = limiter.takeCharges(charges);
    if (decision.allowed && store) {
      try {
        decision = await store.take(charges);
      } catch (error) {
        c.get('logger').warn('shared rate limit unavailable; allowed by the in-process limit', { error });
      }
    }
    if (!decision.allowed) {
      c.get('logger').warn('rate limited', {
        buckets: charges.map((charge) => charge.key.split('#')[0]),
        retryAfterSeconds: decision.retryAfterSeconds,
      });
      if (refusalDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, refusalDelayMs));
      c.header('Retry-After', String(decision.retryAfterSeconds));
      return c.json(errorBody('rate_limited', c.get('language'), { requestId: c.get('requestId') }), 429);
    }
    await next();
  };
}

type OpenApiOperation = { requestBody?: unknown; responses?: Record<string, unknown>; security?: unknown[] };

/**
 * Adds the answers the middleware can give on any route to every operation of the document:
 * 401 (a bearer token that does not verify), 413 (a body over the limit), 415 (a body that is not
 * JSON), 429 (over a rate limit), 503 (a dependency unavailable after retries), and on routes
 * that need a caller 403 (an account disabled or removed, or in AWS an administrator without an
 * authenticator app, `mfa_required`: docs/decisions/0024). Routes keep their own descriptions.
 */
export function withGlobalResponses<T extends { paths?: unknown; components?: unknown }>(document: T): T {
  const schemas = (document.components as { schemas?: Record<string, unknown> } | undefined)?.schemas;
  const content = schemas?.Error
    ? { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
    : undefined;
  const paths = (document.paths ?? {}) as Record<string, Record<string, OpenApiOperation>>;
  for (const methods of Object.values(paths)) {
    for (const operation of Object.values(methods)) {
      if (!operation || typeof operation !== 'object' || !operation.responses) continue;
      addGlobalResponses(operation, operation.responses, content);
    }
  }
  return document;
}

function addGlobalResponses(
  operation: OpenApiOperation,
  responses: Record<string, unknown>,
  content: Record<string, unknown> | undefined,
): void {
  const add = (status: string, description: string) => {
    responses[status] ??= { description, ...(content ? { content } : {}) };
  };
  add('401', 'The bearer token sent is not valid');
  const needsCaller = !(Array.isArray(operation.security) && operation.security.length === 0);
  if (needsCaller) {
    add('403', 'The account may not act: disabled, removed, or an administrator without MFA (AWS)');
  }
  if (operation.requestBody) {
    add('413', 'Body too large');
    add('415', 'The body is not sent as application/json');
  }
  add('429', 'Too many requests by this user, region or address; see Retry-After');
  add('503', 'A data store is unavailable after retries; see Retry-After');
}

/**
 * Headers for the web app when the local server serves it (in AWS, CloudFront's response headers
 * policy in infra/lib/web.ts sets the same policy). Scripts only from our origin; inline styles
 * because Mantine writes style attributes at run time; the object store is allowed for presigned
 * uploads and previews, and as a frame source for the verifier's inline PDF preview (the app itself
 * still may not be framed). No HSTS: the local server speaks plain HTTP on loopback.
 */
export function webSecurityHeaders(deps: AppDeps): MiddlewareHandler {
  const store = deps.data.config.s3Endpoint ? [new URL(deps.data.config.s3Endpoint).origin] : [];
  return secureHeaders({
    strictTransportSecurity: false,
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', ...store],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'", ...store],
      frameSrc: ["'self'", ...store],
      formAction: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
    },
  });
}

/**
 * Remembers verified bearer tokens until shortly before they expire, so a signed-in user's
 * requests do not each pay a signature check (an asynchronous WebCrypto round trip for the local
 * issuer, RSA for Cognito). Keyed by the exact token string, whose signature was checked once; a
 * token that fails is never remembered, and the cache is bounded (least recently used first out).
 */
export function cachedVerifier(
  verifier: TokenVerifier,
  options: { maxEntries?: number; maxAgeMs?: number; now?: () => number } = {},
): TokenVerifier {
  const maxEntries = options.maxEntries ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { identity: VerifiedIdentity; until: number }>();
  return {
    async verify(token) {
      const hit = cache.get(token);
      if (hit) {
        cache.delete(token);
        if (hit.until > now()) {
          cache.set(token, hit);
          return hit.identity;
        }
      }
      const identity = await verifier.verify(token);
      if (!identity) return undefined;
      const expiresAt = tokenExpiry(token);
      const until = Math.min(now() + maxAgeMs, expiresAt === undefined ? now() : expiresAt - 5_000);
      if (until > now()) rememberVerified(cache, maxEntries, token, { identity, until });
      return identity;
    },
  };
}

/** Adds a verified token, first dropping the least recently used one when the cache is full. */
function rememberVerified<Entry>(cache: Map<string, Entry>, maxEntries: number, token: string, entry: Entry) {
  if (cache.size >= maxEntries) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(token, entry);
}

/** `exp` of a JWT in milliseconds, read without checking (the token was verified before it is cached). */
function tokenExpiry(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Whether both the URL and the `Host` header name this machine's loopback interface. */
export function isLoopbackRequest(url: string, hostHeader: string | undefined): boolean {
  const hostOf = (value: string) => {
    try {
      return new URL(`http://${value}`).hostname;
    } catch {
      return '';
    }
  };
  const urlHost = new URL(url).hostname;
  return LOOPBACK_HOSTS.has(urlHost) && (hostHeader === undefined || LOOPBACK_HOSTS.has(hostOf(hostHeader)));
}
