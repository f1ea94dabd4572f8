import { DEMO_INNOVATIONS } from '@inovasi/local';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../support/environment.ts';
import { fillPath, type Operation, operationsOf, sampleOf } from '../support/openapi.ts';

/**
 * Every route in the OpenAPI document, called by every role of one region with another region's
 * code and ids. Every call must be refused and nothing of the other region may appear in any
 * answer. New routes are covered because the list comes from the document itself.
 */
let env: TestEnvironment;
let operations: Operation[];

/** Platform routes without a tenant in the path that only the platform admin may use. */
const PLATFORM_ONLY = new Set(['GET /tenants', 'POST /tenants']);
/** Local-mode sign-in helpers: absent in AWS (tested), open by design for the demo sign-in page. */
const LOCAL_ONLY = new Set(['POST /dev/login', 'GET /dev/users']);

interface Victim {
  readonly code: string;
  readonly ids: Record<string, string>;
  readonly secrets: string[];
  snapshot(): Promise<string>;
}

async function victim(code: string): Promise<Victim> {
  const compact = code.replace('.', '');
  const admin = await env.login(`admin.${compact}@demo.local`);
  const innovations = await env.request('GET', `/tenants/${code}/innovations?limit=100`, { token: admin });
  const members = await env.request('GET', `/tenants/${code}/members`, { token: admin });
  const first = innovations.json.items[0];
  const names = DEMO_INNOVATIONS[code as keyof typeof DEMO_INNOVATIONS].map((entry) => entry.profile.name);
  return {
    code,
    ids: { code, id: first.id, opdId: first.opdId, userId: members.json.items[0].id },
    secrets: [
      ...names,
      ...innovations.json.items.map((item: { id: string }) => item.id),
      ...members.json.items.map((member: { email: string }) => member.email),
    ],
    snapshot: async () => {
      const parts = await Promise.all(
        ['innovations?limit=100', 'innovations?limit=100&archived=true', 'opds', 'members'].map((path) =>
          env.request('GET', `/tenants/${code}/${path}`, { token: admin }).then((r) => r.text),
        ),
      );
      return parts.join('\n');
    },
  };
}

beforeAll(async () => {
  env = await createTestEnvironment();
  const doc = await env.request('GET', '/openapi.json');
  operations = operationsOf(doc.json);
});

const ATTACKS = [
  {
    attackers: ['admin.3522', 'verifikator.3522', 'opd1.3522', 'opd2.3522'],
    target: '35.20',
    label: 'a regency against its neighbour',
  },
  {
    attackers: ['admin.35', 'verifikator.35', 'opd1.35'],
    target: '63.03',
    label: 'a province against another province’s regency',
  },
  { attackers: ['admin.6303', 'opd1.6303'], target: '35.22', label: 'a regency of another province' },
  { attackers: ['admin.3520'], target: '35', label: 'a regency against its own province' },
];

describe('tenant isolation over every documented route', () => {
  it('finds the routes to attack in the OpenAPI document', () => {
    const scoped = operations.filter((operation) => operation.pathParams.includes('code'));
    expect(scoped.length).toBeGreaterThanOrEqual(12);
  });

  it.each(ATTACKS)('refuses $label', async ({ attackers, target }) => {
    const victimRegion = await victim(target);
    const before = await victimRegion.snapshot();
    const failures: string[] = [];
    for (const attacker of attackers) {
      const token = await env.login(`${attacker}@demo.local`);
      for (const operation of operations) {
        const route = `${operation.method} ${operation.path}`;
        if (LOCAL_ONLY.has(route)) continue;
        const query = operation.queryParams.length > 0 ? '?limit=5' : '';
        const response = await env.request(operation.method, fillPath(operation, victimRegion.ids) + query, {
          token,
          headers: { 'if-match': '"1"', 'idempotency-key': `attack-${attacker}-${route}`.slice(0, 120) },
          ...(operation.bodySchema ? { body: sampleOf(operation.bodySchema) } : {}),
        });
        // Routes without a tenant in the path carry no tenant data (or only the caller's own):
        // they need not refuse, but they are checked for leaks like every other route.
        const mustRefuse = operation.pathParams.includes('code') || PLATFORM_ONLY.has(route);
        const refused = [401, 403, 404].includes(response.status);
        if (mustRefuse && !refused) failures.push(`${attacker} ${route} → ${response.status}`);
        const leaked = victimRegion.secrets.filter((secret) => response.text.includes(secret));
        if (leaked.length > 0) failures.push(`${attacker} ${route} leaked ${leaked.slice(0, 3).join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await victimRegion.snapshot()).toBe(before);
  });
});
