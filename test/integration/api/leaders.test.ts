import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { fillPath, type Operation, operationsOf, sampleOf } from '../../support/openapi.ts';

/**
 * The region's leaders (`pimpinan`, ADR 0030): invited like any member, they read where the region
 * stands (summary, projection, progress board) and change nothing, in their own region only.
 */
describe('the pimpinan role: the region’s standing, read-only', () => {
  let env: TestEnvironment;
  let admin: string;
  let leader: string;
  let operations: Operation[];
  const YEAR = 2026;

  beforeAll(async () => {
    env = await createTestEnvironment();
    admin = await env.login('admin.3522@demo.local');
    leader = await env.login('pimpinan.3522@demo.local');
    operations = operationsOf((await env.request('GET', '/openapi.json')).json);
  });

  it('is a role a tenant admin may give to a person it invites', async () => {
    // Act
    const invited = await env.request('POST', '/tenants/35.22/members', {
      token: admin,
      body: { email: 'bupati@bojonegorokab.go.id', name: 'Bupati Bojonegoro', roles: ['pimpinan'] },
    });
    // Assess
    expect(invited.status).toBe(201);
    expect(invited.json).toMatchObject({ roles: ['pimpinan'], status: 'invited' });
  });

  it('reads the summary, projection, progress board, OPDs and periods of its own region', async () => {
    // Prepare
    await env.projected();
    // Act
    const reads = await Promise.all(
      [
        '/me',
        '/tenants/35.22',
        '/tenants/35.22/opds',
        '/tenants/35.22/periods',
        `/tenants/35.22/periods/${YEAR}/summary`,
        `/tenants/35.22/periods/${YEAR}/progress`,
        `/tenants/35.22/periods/${YEAR}/projection`,
      ].map(async (path) => ({ path, response: await env.request('GET', path, { token: leader }) })),
    );
    // Assess
    expect(reads.filter(({ response }) => response.status !== 200).map(({ path }) => path)).toEqual([]);
    const byPath = new Map(reads.map(({ path, response }) => [path, response.json]));
    expect(byPath.get('/me').user.roles).toEqual(['pimpinan']);
    // What the command centre shows comes from the summary alone.
    const dashboard = byPath.get(`/tenants/35.22/periods/${YEAR}/summary`);
    expect(dashboard.summary.claimed.predicate).toEqual(expect.any(String));
    expect(dashboard.summary.verified.index).toEqual(expect.any(Number));
    expect(dashboard.daysToNationalDeadline).not.toBeUndefined();
    expect(dashboard.summary.opds.rows.length).toBeGreaterThan(0);
    expect(dashboard.summary.basicServices.missing).toEqual(expect.any(Array));
    expect(dashboard.summary.innovations.byStatus.submitted).toEqual(expect.any(Number));
    const board = byPath.get(`/tenants/35.22/periods/${YEAR}/progress`);
    expect(board.opds.map((row: { opdId: string }) => row.opdId).sort()).toEqual(
      dashboard.summary.opds.rows.map((row: { opdId: string }) => row.opdId).sort(),
    );
  });

  it('is refused the records behind the figures: innovations, evidence, members, SPD answers, audit', async () => {
    // Act
    const statuses = await Promise.all(
      [
        '/tenants/35.22/innovations',
        '/tenants/35.22/evidence',
        '/tenants/35.22/members',
        `/tenants/35.22/periods/${YEAR}/spd`,
        '/tenants/35.22/audit',
        '/tenants/35.22/settings',
      ].map(async (path) => [path, (await env.request('GET', path, { token: leader })).status] as const),
    );
    // Assess
    expect(statuses.filter(([, status]) => status !== 403)).toEqual([]);
  });

  it('is refused another region’s summary', async () => {
    const response = await env.request('GET', `/tenants/35.20/periods/${YEAR}/summary`, { token: leader });
    expect(response.status).toBe(403);
    expect(response.json.error.message).toEqual(expect.any(String));
  });

  it('is refused every write route of its own region, and nothing changes', async () => {
    // Prepare: real ids of the region, so a refusal cannot come from a missing record.
    const innovations = await env.request('GET', '/tenants/35.22/innovations?limit=5', { token: admin });
    const members = await env.request('GET', '/tenants/35.22/members', { token: admin });
    const first = innovations.json.items[0];
    const ids: Record<string, string> = {
      code: '35.22',
      year: String(YEAR),
      id: first.id,
      innovationId: first.id,
      opdId: first.opdId,
      userId: members.json.items[0].id,
      row: 'spd.01',
      regency: '35.20',
    };
    const snapshot = async () =>
      (
        await Promise.all(
          ['innovations?limit=100', 'opds', 'members', 'periods', 'settings'].map((path) =>
            env.request('GET', `/tenants/35.22/${path}`, { token: admin }).then((r) => r.text),
          ),
        )
      ).join('\n');
    // Bodies the generic sample misses (cross-field rules), so each call passes validation and
    // meets the access check: a 400 would prove nothing about the role.
    const upload = {
      kind: 'perkada',
      title: 'Perbup Inovasi',
      fileName: 'perbup.pdf',
      mediaType: 'application/pdf',
      size: 1024,
      sha256: 'a'.repeat(64),
    };
    const entryFile = {
      title: 'Proposal',
      fileName: 'proposal.pdf',
      mediaType: 'application/pdf',
      size: 1024,
      sha256: 'a'.repeat(64),
    };
    const bodies: Record<string, unknown> = {
      'PATCH /tenants/{code}/innovations/{id}': { opdId: first.opdId },
      'PUT /tenants/{code}/periods/{year}/spd/{row}': { level: 1 },
      'POST /tenants/{code}/evidence/uploads': upload,
      'POST /tenants/{code}/evidence/uploads/multipart': upload,
      'POST /tenants/{code}/contests/{callId}/entries': { categoryId: 'asn', innovationId: first.id },
      'POST /tenants/{code}/contests/{callId}/entries/{entryId}/files': entryFile,
      'POST /tenants/{code}/contests/{callId}/entries/{entryId}/files/multipart': entryFile,
      'PATCH /tenants/{code}/evidence/{evidenceId}': { title: 'Judul baru' },
      'POST /tenants/{code}/evidence/{evidenceId}/links': {
        type: 'innovation',
        innovationId: first.id,
        indicator: 'sid.01',
      },
      'POST /tenants/{code}/evidence/{evidenceId}/unlink': {
        type: 'innovation',
        innovationId: first.id,
        indicator: 'sid.01',
      },
      'PUT /tenants/{code}/oversight/{year}/regencies/{regency}/note': { note: 'Catatan pimpinan' },
    };
    const before = await snapshot();
    const writes = operations.filter(
      (operation) =>
        operation.method !== 'GET' &&
        operation.pathParams.includes('code') &&
        // Marking one's own notification read is the reader's own state, not the region's.
        !operation.path.startsWith('/tenants/{code}/notifications/'),
    );
    // Act
    const failures: string[] = [];
    for (const operation of writes) {
      const response = await env.request(operation.method, fillPath(operation, ids), {
        token: leader,
        headers: { 'if-match': '"1"', 'idempotency-key': `pimpinan-${operation.method}-${operation.path}` },
        ...(operation.bodySchema
          ? { body: bodies[`${operation.method} ${operation.path}`] ?? sampleOf(operation.bodySchema) }
          : {}),
      });
      if (response.status !== 403)
        failures.push(
          `${operation.method} ${operation.path} → ${response.status} ${response.text.slice(0, 300)}`,
        );
      else if (typeof response.json?.error?.message !== 'string')
        failures.push(`${operation.method} ${operation.path}: no message`);
    }
    // Assess
    expect(writes.length).toBeGreaterThan(30);
    expect(failures).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});
