import { describe, expect, it } from 'vitest';
import { ROUTE_GROUPS, type RouteGroupName, routesOf } from '../src/routes/groups.ts';
import { ROUTE_MANIFEST } from '../src/routes/manifest.ts';

describe('route manifest', () => {
  it('lists every route of every group in registration order (else run: pnpm --filter @inovasi/api gen:routes)', async () => {
    const routes = await routesOf(Object.keys(ROUTE_GROUPS) as RouteGroupName[]);
    expect(routes.length).toBeGreaterThan(50);
    expect(ROUTE_MANIFEST).toEqual(routes);
  });

  it('names each method and path once, so the shell registers no route twice', () => {
    const keys = ROUTE_MANIFEST.map(({ method, path }) => `${method} ${path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
