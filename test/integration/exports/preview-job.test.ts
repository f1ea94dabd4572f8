import type { JobRef } from '@inovasi/app/jobs/background';
import { createBackgroundJobHandler } from '@inovasi/workers/background-job';
import { createScheduledHandler } from '@inovasi/workers/scheduled';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { issue19Bomb } from '../../support/xlsx-bomb.ts';

/**
 * The import preview in AWS's shape (docs/decisions/0032): the API, like the Lambda adapter, only
 * records the preview and hands its reference to the jobs worker; the worker's handler parses the
 * file with the archive checks and caps and stores the preview or its refusal. Nothing is parsed
 * on the request path.
 */
let env: TestEnvironment;
let admin: string;
const CODE = '35.22';
const dispatched: JobRef[] = [];

beforeAll(async () => {
  env = await createTestEnvironment({ jobs: { dispatch: (ref) => void dispatched.push(ref) } });
  admin = await env.login('admin.3522@demo.local');
});

const worker = () => createBackgroundJobHandler({ data: env.data, logger: env.deps.logger });

async function uploaded(fileName: string, bytes: Buffer): Promise<string> {
  const created = await env.request('POST', `/tenants/${CODE}/imports`, {
    token: admin,
    body: { fileName, size: bytes.length },
  });
  expect(created.status, created.text).toBe(201);
  const { upload } = created.json;
  expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes })).ok).toBe(true);
  return created.json.import.id;
}

const read = (id: string) => env.request('GET', `/tenants/${CODE}/imports/${id}`, { token: admin });

describe('an import preview through the jobs worker', () => {
  it('is recorded and handed over by the API, parsed and stored by the worker', async () => {
    const csv = Buffer.from('Nama Inovasi,Nama OPD,Tahapan\nPasar Digital,Dinas Kesehatan,Penerapan\n');
    const id = await uploaded('daftar.csv', csv);
    const asked = await env.request('POST', `/tenants/${CODE}/imports/${id}/preview`, {
      token: admin,
      body: { periodYear: 2026 },
    });
    expect(asked.status, asked.text).toBe(202);
    expect(asked.json.import).toMatchObject({ status: 'previewing', progress: 0 });
    expect(dispatched).toContainEqual({ type: 'preview', tenantCode: CODE, id });
    // Handed over, not run: until the worker takes it, there is nothing to show but the wait.
    const waiting = await read(id);
    expect(waiting.json.import.status).toBe('previewing');
    expect(waiting.json.rows).toBeUndefined();

    expect(await worker()({ type: 'preview', tenantCode: CODE, id })).toEqual({ outcomes: ['done'] });
    const done = await read(id);
    expect(done.json.import).toMatchObject({
      status: 'previewed',
      progress: 100,
      summary: { rows: 1, valid: 1 },
    });
    expect(done.json.rows.map((row: any) => row.name)).toEqual(['Pasar Digital']);
    // A repeated invocation (Lambda's retry, the sweep) finds nothing to claim.
    expect(await worker()({ type: 'preview', tenantCode: CODE, id })).toEqual({ outcomes: ['skipped'] });

    // And the previewed import is confirmed as before, against the version read.
    const confirmed = await env.request('POST', `/tenants/${CODE}/imports/${id}/confirm`, {
      token: admin,
      headers: { 'if-match': done.headers.get('etag') ?? '' },
      body: {},
    });
    expect(confirmed.status, confirmed.text).toBe(202);
    expect(dispatched).toContainEqual({ type: 'import', tenantCode: CODE, id });
  });

  it('refuses a bomb in the worker, from its archive, and says why on the import', async () => {
    const id = await uploaded('bom.xlsx', await issue19Bomb());
    const asked = await env.request('POST', `/tenants/${CODE}/imports/${id}/preview`, {
      token: admin,
      headers: { 'accept-language': 'en' },
      body: {},
    });
    expect(asked.status).toBe(202);
    const started = performance.now();
    expect(await worker()({ type: 'preview', tenantCode: CODE, id })).toEqual({ outcomes: ['failed'] });
    expect(performance.now() - started).toBeLessThan(3_000);
    const refused = await env.request('GET', `/tenants/${CODE}/imports/${id}`, {
      token: admin,
      headers: { 'accept-language': 'en' },
    });
    expect(refused.json.import.status).toBe('awaiting_upload');
    expect(refused.json.import.error).toMatchObject({ code: 'import_archive_rejected', field: 'file' });
    // Stored in Bahasa Indonesia, read in the caller's language.
    expect(refused.json.import.error.message).toContain('This Excel file is abnormal');
  });

  it('refuses a default OPD that does not exist on the request, before anything is queued', async () => {
    const id = await uploaded('opd.csv', Buffer.from('Nama Inovasi\nX\n'));
    const before = dispatched.length;
    const asked = await env.request('POST', `/tenants/${CODE}/imports/${id}/preview`, {
      token: admin,
      body: { defaultOpdId: 'opd-tidak-ada' },
    });
    expect(asked.status).toBe(400);
    expect(asked.json.error).toMatchObject({ code: 'opd_not_found', field: 'defaultOpdId' });
    expect(dispatched.length).toBe(before);
    expect((await read(id)).json.import.status).toBe('awaiting_upload');
  });

  it('is handed over again by the scheduled sweep when nobody ran it', async () => {
    const id = await uploaded('sapu.csv', Buffer.from('Nama Inovasi,Nama OPD\nSapu,Dinas Kesehatan\n'));
    expect(
      (await env.request('POST', `/tenants/${CODE}/imports/${id}/preview`, { token: admin, body: {} }))
        .status,
    ).toBe(202);
    const handedOver: JobRef[] = [];
    const sweep = createScheduledHandler({
      data: env.data,
      logger: env.deps.logger,
      jobs: { dispatch: (ref) => void handedOver.push(ref) },
    } as Parameters<typeof createScheduledHandler>[0]);
    await sweep({ job: 'jobs-sweep' });
    expect(handedOver).toContainEqual({ type: 'preview', tenantCode: CODE, id });
  });

  it('ignores an invocation whose reference names no kind of job', async () => {
    expect(await worker()({ type: 'parse', tenantCode: CODE, id: 'x' } as unknown as JobRef)).toEqual({
      outcomes: [],
    });
  });
});
