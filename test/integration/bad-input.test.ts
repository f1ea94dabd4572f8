import { connect } from 'node:net';
import { startServer } from '@inovasi/api/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../support/environment.ts';
import { fillPath, type JsonSchema, type Operation, operationsOf, sampleOf } from '../support/openapi.ts';

/**
 * For every documented route with a JSON body: malformed JSON, wrong types, missing fields,
 * oversized strings and huge bodies. Each must be a 4xx that names the field, never a 500, and
 * must leave the stored data exactly as it was.
 */
let env: TestEnvironment;
let withBody: Operation[];
let ids: Record<string, string>;

const TENANT = '35.22';

async function tokenFor(path: string): Promise<string | undefined> {
  if (path === '/dev/login') return undefined;
  if (path === '/tenants') return env.login('platform@demo.local');
  return env.login('admin.3522@demo.local');
}

async function snapshot(): Promise<string> {
  const admin = await env.login('admin.3522@demo.local');
  const platform = await env.login('platform@demo.local');
  const parts = await Promise.all([
    env.request('GET', `/tenants/${TENANT}/innovations?limit=100`, { token: admin }),
    env.request('GET', `/tenants/${TENANT}/innovations?limit=100&archived=true`, { token: admin }),
    env.request('GET', `/tenants/${TENANT}/opds`, { token: admin }),
    env.request('GET', `/tenants/${TENANT}/members`, { token: admin }),
    env.request('GET', '/tenants', { token: platform }),
  ]);
  return parts.map((part) => part.text).join('\n');
}

/** A value of the wrong JSON type for a schema. */
function wrongTypeFor(schema: JsonSchema): unknown {
  if (schema.enum) return 'bukan-pilihan-yang-sah';
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  return type === 'string' ? 12345 : 'teks-salah';
}

/** Every property path of a body schema (one level into nested objects), with its schema. */
function propertiesOf(
  schema: JsonSchema,
  prefix = '',
): { path: string; schema: JsonSchema; required: boolean }[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const own = { path, schema: property, required: Boolean(schema.required?.includes(name)) };
    return property.type === 'object' && !prefix ? [own, ...propertiesOf(property, path)] : [own];
  });
}

function withValue(body: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const segments = path.split('.');
  let cursor = copy;
  for (const segment of segments.slice(0, -1)) {
    cursor[segment] ??= {};
    cursor = cursor[segment] as Record<string, unknown>;
  }
  cursor[segments.at(-1)!] = value;
  return copy;
}

/**
 * The minimal sample, plus the optional object a nested field belongs to (e.g. onboarding's
 * `firstAdmin`) filled in, so a bad value of that field is judged beside valid siblings.
 */
function withParentOf(schema: JsonSchema, sample: unknown, path: string): unknown {
  const parent = path.includes('.') ? (path.split('.')[0] ?? '') : '';
  const parentSchema = parent ? schema.properties?.[parent] : undefined;
  if (!parentSchema || typeof sample !== 'object' || sample === null) return sample;
  const present = sample as Record<string, unknown>;
  return parent in present ? sample : { ...present, [parent]: sampleOf(parentSchema) };
}

beforeAll(async () => {
  env = await createTestEnvironment();
  const doc = await env.request('GET', '/openapi.json');
  withBody = operationsOf(doc.json).filter((operation) => operation.bodySchema);
  const admin = await env.login('admin.3522@demo.local');
  const innovations = await env.request('GET', `/tenants/${TENANT}/innovations?limit=1`, { token: admin });
  ids = { code: TENANT, id: innovations.json.items[0].id, opdId: 'opd-dinkes', userId: 'u-3522-opd2' };
});

describe('bad input on every route with a body', () => {
  it('finds the routes with bodies in the OpenAPI document', () => {
    expect(withBody.length).toBeGreaterThanOrEqual(7);
  });

  it('answers every kind of bad body with a 4xx naming the field, and writes nothing', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    let checks = 0;
    for (const operation of withBody) {
      const token = await tokenFor(operation.path);
      const path = fillPath(operation, ids);
      const call = (init: { body?: unknown; rawBody?: string; headers?: Record<string, string> }) =>
        env.request(operation.method, path, {
          token,
          ...init,
          headers: { 'if-match': '"1"', 'content-type': 'application/json', ...init.headers },
        });
      const route = `${operation.method} ${operation.path}`;
      const expectError = (
        label: string,
        response: Awaited<ReturnType<typeof call>>,
        status: number,
        field?: string,
      ) => {
        checks++;
        if (response.status !== status)
          failures.push(`${route} ${label}: status ${response.status} ${response.text.slice(0, 200)}`);
        else if (field !== undefined && response.json?.error?.field !== field) {
          failures.push(`${route} ${label}: field ${response.json?.error?.field} instead of ${field}`);
        } else if (!response.json?.error?.message) failures.push(`${route} ${label}: no message`);
      };

      expectError('malformed JSON', await call({ rawBody: '{"name": "tanpa penutup"' }), 400, 'body');
      expectError('JSON array', await call({ body: [1, 2, 3] }), 400);
      expectError(
        'huge body',
        await call({ rawBody: JSON.stringify({ name: 'x'.repeat(400_000) }) }),
        413,
        'body',
      );

      const schema = operation.bodySchema!;
      const minimal = sampleOf(schema);
      for (const property of propertiesOf(schema)) {
        const valid = withParentOf(schema, minimal, property.path);
        if (property.required && !property.path.includes('.')) {
          const missing = structuredClone(valid) as Record<string, unknown>;
          delete missing[property.path];
          expectError(`missing ${property.path}`, await call({ body: missing }), 400, property.path);
        }
        expectError(
          `wrong type for ${property.path}`,
          await call({ body: withValue(valid, property.path, wrongTypeFor(property.schema)) }),
          400,
          property.path,
        );
        if (property.schema.type === 'string' && property.schema.maxLength && !property.schema.enum) {
          const oversized = 'x'.repeat(property.schema.maxLength + 1);
          expectError(
            `oversized ${property.path}`,
            await call({ body: withValue(valid, property.path, oversized) }),
            400,
            property.path,
          );
        }
      }
    }
    expect(failures).toEqual([]);
    // Every route was exercised on each of its fields, not skipped.
    expect(checks).toBeGreaterThan(60);
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=101', 'limit'],
    ['stage=selesai', 'stage'],
    ['status=hilang', 'status'],
    ['archived=mungkin', 'archived'],
  ])('rejects the query %s naming %s', async (query, field) => {
    const admin = await env.login('admin.3522@demo.local');
    const response = await env.request('GET', `/tenants/${TENANT}/innovations?${query}`, { token: admin });
    expect(response.status).toBe(400);
    expect(response.json.error.field).toBe(field);
  });

  it.each([
    ['/tenants/3522/innovations', 'code'],
    ['/tenants/35.22/innovations/bad%20id', 'id'],
  ])('rejects the malformed path %s naming %s', async (path, field) => {
    const platform = await env.login('platform@demo.local');
    const response = await env.request('GET', path, { token: platform });
    expect(response.status).toBe(400);
    expect(response.json.error.field).toBe(field);
  });

  it('rejects a malformed If-Match naming the header', async () => {
    const admin = await env.login('admin.3522@demo.local');
    const response = await env.request('PATCH', `/tenants/${TENANT}/innovations/${ids.id}`, {
      token: admin,
      headers: { 'if-match': 'versi-terbaru' },
      body: { profile: { name: 'Nama Baru' } },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.field).toBe('If-Match');
  });
});

/**
 * A body announced over the limit is refused before it is read. The server must then close the
 * connection: keeping it alive would mean reading (and discarding) the whole announced body before
 * the next request, so a client could hold a socket with a large Content-Length and a slow body.
 */
describe('an oversized body over a real connection', () => {
  it('is answered 413 with `Connection: close`, and the socket closes without the body being sent', async () => {
    const server = await startServer(env.deps, { port: 0 });
    try {
      const { hostname, port } = new URL(server.url);
      const token = await env.login('admin.3522@demo.local');
      const socket = connect({ host: hostname, port: Number(port) });
      const answer = await new Promise<{ text: string; closed: boolean }>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => resolve({ text, closed: false }), 3_000);
        socket.on('data', (chunk) => {
          text += chunk.toString('latin1');
        });
        socket.on('close', () => {
          clearTimeout(timer);
          resolve({ text, closed: true });
        });
        socket.on('error', reject);
        socket.write(
          [
            `POST /api/v1/tenants/${TENANT}/opds HTTP/1.1`,
            `Host: ${hostname}:${port}`,
            `Authorization: Bearer ${token}`,
            'Content-Type: application/json',
            `Content-Length: ${50 * 1024 * 1024}`,
            'Connection: keep-alive',
            '',
            '{"name":"',
          ].join('\r\n'),
        );
      });
      socket.destroy();
      const [head = ''] = answer.text.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 413 /);
      expect(head.toLowerCase()).toContain('connection: close');
      expect(answer.text).toContain('"payload_too_large"');
      expect(answer.closed, 'the server closed the connection').toBe(true);
    } finally {
      await server.stop();
    }
  });
});
