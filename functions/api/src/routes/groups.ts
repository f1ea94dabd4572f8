import type { createRouter } from '../router.ts';

type Router = ReturnType<typeof createRouter>;

/**
 * The API's route groups, each loaded on its first request (docs/decisions/0013). A group's module
 * brings its schemas, zod and the part of the domain it needs, so a cold start loads none of them
 * and a request loads only its own group. The order is the routes' registration order.
 */
export const ROUTE_GROUPS = {
  session: () => import('./session.ts').then((module) => module.sessionRoutes),
  areas: () => import('./areas.ts').then((module) => module.areaRoutes),
  tenants: () => import('./tenants.ts').then((module) => module.tenantRoutes),
  opds: () => import('./opds.ts').then((module) => module.opdRoutes),
  members: () => import('./members.ts').then((module) => module.memberRoutes),
  innovations: () => import('./innovations.ts').then((module) => module.innovationRoutes),
  answers: () => import('./answers.ts').then((module) => module.answerRoutes),
  scoring: () => import('./scoring.ts').then((module) => module.scoringRoutes),
  settings: () => import('./settings.ts').then((module) => module.settingsRoutes),
  periods: () => import('./periods.ts').then((module) => module.periodRoutes),
  workflow: () => import('./workflow.ts').then((module) => module.workflowRoutes),
  audit: () => import('./audit.ts').then((module) => module.auditRoutes),
  notifications: () => import('./notifications.ts').then((module) => module.notificationRoutes),
  progress: () => import('./progress.ts').then((module) => module.progressRoutes),
  catalog: () => import('./catalog.ts').then((module) => module.catalogRoutes),
  publication: () => import('./publication.ts').then((module) => module.publicationRoutes),
  replications: () => import('./replications.ts').then((module) => module.replicationRoutes),
  evidence: () => import('./evidence.ts').then((module) => module.evidenceRoutes),
  dashboard: () => import('./dashboard.ts').then((module) => module.dashboardRoutes),
  oversight: () => import('./oversight.ts').then((module) => module.oversightRoutes),
  platform: () => import('./platform.ts').then((module) => module.platformRoutes),
  exports: () => import('./exports.ts').then((module) => module.exportRoutes),
  imports: () => import('./imports.ts').then((module) => module.importRoutes),
  /** Sign-in without Cognito: served in local mode only. */
  dev: () => import('./session.ts').then((module) => module.devRoutes),
} satisfies Record<string, () => Promise<Router>>;

export type RouteGroupName = keyof typeof ROUTE_GROUPS;

/** One route as the shell registers it before its group is loaded. */
export interface RouteEntry {
  readonly group: RouteGroupName;
  /** Upper case, as Hono keeps it. */
  readonly method: string;
  /** Hono's form, below the API base: `/tenants/:code/innovations/:id`. */
  readonly path: string;
}

/** The routes of the given groups, in registration order, read from the loaded routers. */
export async function routesOf(groups: readonly RouteGroupName[]): Promise<RouteEntry[]> {
  const entries: RouteEntry[] = [];
  const seen = new Set<string>();
  for (const group of groups) {
    for (const { method, path } of (await ROUTE_GROUPS[group]()).routes) {
      const key = `${group} ${method} ${path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ group, method, path });
    }
  }
  return entries;
}
