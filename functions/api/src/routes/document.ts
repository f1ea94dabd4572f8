import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../context.ts';
import { withGlobalResponses } from '../hardening.ts';
import { ROUTE_GROUPS, type RouteGroupName } from './groups.ts';

const DOCUMENT_CONFIG: Parameters<OpenAPIHono['getOpenAPI31Document']>[0] = {
  openapi: '3.1.0',
  info: {
    title: 'Inovasi Daerah API',
    version: '1.0.0',
    description: 'Regional innovation registries: tenants, departments, members and innovations.',
  },
  security: [{ bearer: [] }],
};

/**
 * The OpenAPI document of the given route groups as generated from their routes, plus the answers
 * middleware may give on any route. It loads every group, so it is built on its first request only.
 */
export async function buildOpenApiDocument(base: string, groups: readonly RouteGroupName[]) {
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  for (const group of groups) app.route(base, await ROUTE_GROUPS[group]());
  return withGlobalResponses(app.getOpenAPI31Document(DOCUMENT_CONFIG));
}
