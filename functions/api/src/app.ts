import { OpenAPIHono } from '@hono/zod-openapi';
import { memberDirectory } from '@inovasi/app/identity/member-directory';
import { RequestLogger } from '@inovasi/app/logging';
import { pickLanguage } from '@inovasi/core';
import { TenantGuardError } from '@inovasi/data';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId as serverRequestIds } from 'hono/request-id';
import { TrieRouter } from 'hono/router/trie-router';
import { mfaGate } from './auth/mfa-gate.ts';
import type { AppContext, AppEnv } from './context.ts';
import type { AppDeps } from './deps.ts';
import { httpErrorOf } from './error-map.ts';
import { ApiError, cursorDetails, errorBody, withLanguage } from './errors.ts';
import {
  cachedVerifier,
  DEPENDENCY_RETRY_AFTER_SECONDS,
  isDependencyUnavailable,
  isLoopbackRequest,
  originVerification,
  rateLimit,
  securityHeaders,
  withGlobalResponses,
} from './hardening.ts';
import { answerRoutes } from './routes/answers.ts';
import { areaRoutes } from './routes/areas.ts';
import { auditRoutes } from './routes/audit.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { registerCatalogPage } from './routes/catalog-page.ts';
import { contestRoutes } from './routes/contests/index.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { evidenceRoutes } from './routes/evidence.ts';
import { evidenceMultipartRoutes } from './routes/evidence-multipart.ts';
import { exportRoutes } from './routes/exports.ts';
import { gapRoutes } from './routes/gaps.ts';
import { importRoutes } from './routes/imports.ts';
import { innovationRoutes } from './routes/innovations.ts';
import { memberRoutes } from './routes/members.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { opdRoutes } from './routes/opds.ts';
import { oversightRoutes } from './routes/oversight.ts';
import { periodRoutes } from './routes/periods.ts';
import { platformRoutes } from './routes/platform.ts';
import { progressRoutes } from './routes/progress.ts';
import { publicFileRoutes } from './routes/public-files.ts';
import { publicationRoutes } from './routes/publication.ts';
import { reminderRoutes } from './routes/reminders.ts';
import { replicationRoutes } from './routes/replications.ts';
import { scoringRoutes } from './routes/scoring.ts';
import { devRoutes, sessionRoutes } from './routes/session.ts';
import { settingsRoutes } from './routes/settings.ts';
import { tenantRoutes } from './routes/tenants.ts';
import { unitRoutes } from './routes/units.ts';
import { workflowRoutes } from './routes/workflow.ts';
import { assertMayEnterTenant } from './tenancy.ts';

export const API_BASE = '/api/v1';
/** JSON bodies are small forms; evidence bytes never pass through the API. */
export const MAX_BODY_BYTES = 256 * 1024;

const CLIENT_REQUEST_ID = /^[\w-]{8,64}$/;

/** Hono's own refusals of a request, as the one failure type; every other layer throws it already. */
function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException && error.status === 400) return new ApiError('invalid_json', 'body');
  // The route validator refuses a body whose Content-Type is not the JSON it documents.
  if (error instanceof HTTPException && error.status === 415)
    return new ApiError('unsupported_media_type', 'Content-Type');
  return undefined;
}

function respondWithError(c: AppContext, error: unknown): Response {
  const language = c.get('language') ?? 'id';
  const requestId = c.get('requestId');
  const known = toApiError(error);
  if (known) {
    // The central map gives the status and the code the body names (error-map.ts).
    const { status, code } = httpErrorOf(known.code);
    const details = known.code === 'invalid_cursor' ? cursorDetails(language) : known.details;
    const body = errorBody(code, language, { field: known.field, details, requestId });
    const first = details?.[0];
    // People read `message`: say what is wrong, not only that something is. A rule's refusal (409)
    // already words each detail as a sentence naming its subject (an indicator by its name), so a
    // field path such as `answers.sid.17` would only get in the way; an input's field stays named.
    if (first)
      body.error.message =
        status === 409
          ? `${body.error.message} ${first.message}`
          : `${body.error.message} ${first.field}: ${first.message}`;
    return c.json(body, status);
  }
  if (error instanceof TenantGuardError) {
    // Authorisation let the request through but the data guard stopped it: a bug, or an attack.
    c.get('logger')?.error('tenant guard refused a request', { error });
    return c.json(errorBody('forbidden_tenant', language, { requestId }), 403);
  }
  if (isDependencyUnavailable(error)) {
    // Throttled, timing out, 5xx or unreachable even after the SDK's retries with backoff: the
    // client may retry later. Transactions leave no partial write behind (test/integration/faults).
    c.get('logger')?.warn('dependency unavailable', { error });
    c.header('Retry-After', String(DEPENDENCY_RETRY_AFTER_SECONDS));
    return c.json(errorBody('service_unavailable', language, { requestId }), 503);
  }
  c.get('logger')?.error('unhandled error', { error });
  return c.json(errorBody('internal_error', language, { requestId }), 500);
}

export function createApp(deps: AppDeps) {
  // Hono's default router first tries to compile every route into one RegExpRouter, which refuses
  // our route set (an UnsupportedPathError on the evidence routes), then falls back to this one:
  // naming it spares each cold start's first request that attempt (about 3 ms), same matching.
  const app = new OpenAPIHono<AppEnv>({ router: new TrieRouter() });
  // A token's signature is checked once, then remembered until shortly before it expires.
  const verifier = cachedVerifier(deps.verifier);
  const members = memberDirectory(deps, deps.memberCacheMs);
  const mfa = mfaGate(deps, deps.memberCacheMs);

  // The request id is always the server's own (no header name: hono's middleware never adopts the
  // client's): a client-chosen one could be reused across users' requests and audit entries.
  app.use('*', serverRequestIds({ headerName: '' }));
  app.use('*', async (c, next) => {
    // The client's id is kept beside the server's, labelled as the client's.
    const incoming = c.req.header('x-request-id');
    const clientRequestId = incoming && CLIENT_REQUEST_ID.test(incoming) ? incoming : undefined;
    const requestId = c.get('requestId');
    const language = pickLanguage(c.req.header('accept-language'));
    const logger = new RequestLogger(
      deps.logger,
      clientRequestId ? { requestId, clientRequestId } : { requestId },
    );
    c.set('deps', deps);
    c.set('clientRequestId', clientRequestId);
    c.set('language', language);
    c.set('logger', logger);
    c.set('actor', undefined);
    c.set('mfaPending', false);
    c.set('memberDirectory', members);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await withLanguage(language, next);
    logger.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
    });
  });

  for (const handler of securityHeaders(deps, `${API_BASE}/docs`)) app.use(`${API_BASE}/*`, handler);
  // Before anything else does work for it: a request that went around CloudFront's WAF.
  app.use(`${API_BASE}/*`, originVerification(deps));

  app.use(
    `${API_BASE}/*`,
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        // Refused before the body was read: close the connection rather than keep it alive, which
        // would oblige the server to read and discard the whole announced body first.
        c.header('Connection', 'close');
        return c.json(errorBody('payload_too_large', c.get('language'), { field: 'body' }), 413);
      },
    }),
  );

  app.use(`${API_BASE}/*`, async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      const identity = token ? await verifier.verify(token) : undefined;
      if (!identity) throw new ApiError('unauthenticated');
      // The token proves who the person is; what they may do comes from their member record.
      const resolution = await members.resolve(identity.email);
      if ('refusal' in resolution) throw new ApiError(resolution.refusal);
      const actor = resolution.identity.actor;
      c.get('logger').appendPersistentKeys({ tenant: actor.tenantCode, user: actor.userId });
      const satisfied = await mfa.satisfied(actor).catch((error: unknown) => {
        c.get('logger').warn('could not read the caller’s MFA settings', { error });
        c.header('Retry-After', String(DEPENDENCY_RETRY_AFTER_SECONDS));
        throw new ApiError('identity_provider_unavailable');
      });
      // An administrator without an authenticator app is treated as signed out, except that every
      // route needing a caller answers 403 mfa_required (the web app's cue to enrol); public
      // routes (sign-in settings, the catalogue) still answer.
      if (satisfied) c.set('actor', actor);
      else c.set('mfaPending', true);
    }
    await next();
  });

  app.use(`${API_BASE}/*`, rateLimit(deps));

  // Refuse a foreign tenant before anything else looks at the request (body validation included),
  // so an outsider learns nothing from how the request would have been judged.
  app.use(`${API_BASE}/tenants/:code/*`, async (c, next) => {
    assertMayEnterTenant(c, c.req.param('code'));
    await next();
  });
  app.use(`${API_BASE}/tenants/:code`, async (c, next) => {
    assertMayEnterTenant(c, c.req.param('code'));
    await next();
  });
  // Summaries are derived data kept current by the projector on the table's change stream
  // (docs/decisions/0018), never inside a user's request.

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });

  const routers = [
    sessionRoutes,
    areaRoutes,
    tenantRoutes,
    opdRoutes,
    unitRoutes,
    memberRoutes,
    innovationRoutes,
    answerRoutes,
    scoringRoutes,
    settingsRoutes,
    periodRoutes,
    workflowRoutes,
    auditRoutes,
    notificationRoutes,
    progressRoutes,
    reminderRoutes,
    catalogRoutes,
    publicFileRoutes,
    publicationRoutes,
    replicationRoutes,
    evidenceRoutes,
    evidenceMultipartRoutes,
    gapRoutes,
    dashboardRoutes,
    oversightRoutes,
    platformRoutes,
    exportRoutes,
    importRoutes,
    contestRoutes,
  ];
  if (deps.demoTokens) {
    // The demo directory answers only on a loopback address: a server reachable from elsewhere
    // (a region running the embedded default for real) must never offer a passwordless way in.
    app.use(`${API_BASE}/dev/*`, async (c, next) => {
      if (!isLoopbackRequest(c.req.url, c.req.header('host'))) throw new ApiError('not_found');
      await next();
    });
    routers.push(devRoutes);
  }
  for (const router of routers) app.route(API_BASE, router);

  const documentConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Inovasi Daerah API',
      version: '1.0.0',
      description: 'Regional innovation registries: tenants, departments, members and innovations.',
    },
    security: [{ bearer: [] }],
  };
  // The document as generated from the routes, plus the answers middleware may give on any route.
  // Generated on its first request, not at start: a cold start that serves a user skips it.
  let openApiDocument: ReturnType<typeof withGlobalResponses> | undefined;
  app.get(`${API_BASE}/openapi.json`, (c) => {
    openApiDocument ??= withGlobalResponses(app.getOpenAPI31Document(documentConfig));
    return c.json(openApiDocument);
  });
  // The reference page's module is loaded by its first visitor only (docs/decisions/0013).
  let apiReference: MiddlewareHandler<AppEnv> | undefined;
  app.get(`${API_BASE}/docs`, async (c, next) => {
    if (!apiReference) {
      const { Scalar } = await import('@scalar/hono-api-reference');
      apiReference = Scalar<AppEnv>({ url: `${API_BASE}/openapi.json`, pageTitle: 'Inovasi Daerah API' });
    }
    return apiReference(c, next);
  });

  // HTML, outside the OpenAPI document (routes/catalog-page.ts says why).
  registerCatalogPage(app, deps, API_BASE);

  app.notFound((c) => respondWithError(c, new ApiError('route_not_found')));
  app.onError((error, c) => respondWithError(c, error));
  return app;
}

export type App = ReturnType<typeof createApp>;
