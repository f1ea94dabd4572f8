import { Logger } from '@aws-lambda-powertools/logger';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceObjectHandler } from '../../../functions/workers/src/evidence-object-created.ts';
import type { TestEnvironment } from '../../support/environment.ts';
import { CODE, contestFilesSetUp, filesCall, PNG, pngFileBody } from './files-support.ts';

/**
 * Issue 22, what the entry-file routes of ADR 0042 left: an entrant removes a file while the entry
 * may change, the bucket's object-created event checks an entry file nobody completed, one
 * innovation is entered once per call, and the picker searches the OPD's innovations on the server.
 */
const CALL = filesCall('Lomba pemilih dan lampiran', false);

describe('entry files removed and checked by the bucket event; the innovation picker', () => {
  let env: TestEnvironment;
  let admin: string;
  let opd1: string;
  let opd2: string;
  let otherRegion: string;
  let opd1Id: string;
  let callId: string;
  let entryId: string;
  const base = () => `/tenants/${CODE}/contests/${callId}`;
  const files = () => `${base()}/entries/${entryId}/files`;
  const fileBody = (title: string) =>
    pngFileBody({ title, fileName: `${title.toLowerCase().replaceAll(' ', '-')}.png` });
  /** Asks for an upload and PUTs the bytes; the check is left to the caller. */
  const uploadOnly = async (title: string) => {
    const asked = await env.request('POST', files(), { token: opd1, body: fileBody(title) });
    expect(asked.status).toBe(201);
    const put = await fetch(asked.json.upload.url, {
      method: 'PUT',
      headers: asked.json.upload.headers,
      body: PNG,
    });
    expect(put.ok).toBe(true);
    const key = decodeURIComponent(new URL(asked.json.upload.url).pathname).slice(
      `/${env.config.bucketName}/`.length,
    );
    return { evidenceId: asked.json.file.evidenceId as string, key };
  };
  const listed = async (token: string) =>
    (await env.request('GET', files(), { token })).json.items.map(
      (file: { fileName: string; status: string }) => `${file.fileName}:${file.status}`,
    );

  beforeAll(async () => {
    ({ env, admin, opd1, opd2, otherRegion } = await contestFilesSetUp());
    opd1Id = (await env.request('GET', '/me', { token: opd1 })).json.user.opdId;
  }, 600_000);

  it('searches the OPD’s innovations on the server, pages them, and enters each once', async () => {
    const created = await env.request('POST', `/tenants/${CODE}/contests`, { token: admin, body: CALL });
    callId = created.json.id;
    const published = await env.request('POST', `${base()}/publish`, {
      token: admin,
      headers: { 'if-match': '"1"' },
    });
    expect(published.status).toBe(200);
    const all = await env.request('GET', `${base()}/enterable?limit=50`, { token: opd1 });
    expect(all.status).toBe(200);
    expect(all.json.items.length).toBeGreaterThan(1);
    const target = all.json.items[1] as { id: string; profile: { name: string } };
    // Paging: one at a time, the second page starts where the first ended.
    const first = await env.request('GET', `${base()}/enterable?limit=1`, { token: opd1 });
    expect(first.json.items).toHaveLength(1);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await env.request(
      'GET',
      `${base()}/enterable?limit=1&cursor=${encodeURIComponent(first.json.nextCursor)}`,
      { token: opd1 },
    );
    expect(second.json.items[0].id).toBe(all.json.items[1].id);
    // Search by part of the name, any case, accents aside.
    const word = target.profile.name.split(' ').find((part) => part.length >= 4) ?? target.profile.name;
    const searched = await env.request(
      'GET',
      `${base()}/enterable?q=${encodeURIComponent(word.toUpperCase())}`,
      { token: opd1 },
    );
    expect(searched.json.items.map((item: { id: string }) => item.id)).toContain(target.id);
    for (const item of searched.json.items as { profile: { name: string } }[])
      expect(item.profile.name.toLowerCase()).toContain(word.toLowerCase());
    const none = await env.request('GET', `${base()}/enterable?q=zzzz-tidak-ada`, { token: opd1 });
    expect(none.json.items).toEqual([]);
    // Another OPD's list is not an operator's to read; Bappeda names the OPD.
    const foreign = await env.request('GET', `${base()}/enterable?opdId=${opd1Id}`, { token: opd2 });
    expect(foreign.status).toBe(403);
    const unnamed = await env.request('GET', `${base()}/enterable`, { token: admin });
    expect(unnamed.status).toBe(400);
    expect(unnamed.json.error.field).toBe('opdId');
    expect((await env.request('GET', `${base()}/enterable?opdId=${opd1Id}`, { token: admin })).status).toBe(
      200,
    );

    // Entered once: the second entry of the same innovation, even sent at the same time, is refused.
    const body = { categoryId: 'opd', innovationId: target.id };
    const both = await Promise.all([
      env.request('POST', `${base()}/entries`, { token: opd1, body }),
      env.request('POST', `${base()}/entries`, { token: opd1, body }),
    ]);
    expect(both.map((response) => response.status).sort()).toEqual([201, 409]);
    const refused = both.find((response) => response.status === 409);
    expect(refused?.json.error).toMatchObject({
      code: 'contest_innovation_already_entered',
      field: 'innovationId',
    });
    expect(refused?.json.error.message).toMatch(/sudah didaftarkan/);
    const entries = await env.request('GET', `${base()}/entries`, { token: admin });
    expect(
      entries.json.items.filter((entry: { innovationId?: string }) => entry.innovationId === target.id),
    ).toHaveLength(1);
    const marked = await env.request('GET', `${base()}/enterable?limit=50`, { token: opd1 });
    const entered = marked.json.items.find((item: { id: string }) => item.id === target.id);
    expect(entered.enteredEntryId).toBe(both.find((response) => response.status === 201)?.json.id);
    expect(marked.json.items.filter((item: { enteredEntryId?: string }) => item.enteredEntryId)).toHaveLength(
      1,
    );
  }, 300_000);

  it('checks an entry file on the bucket’s event, with nobody asking for its check', async () => {
    const entry = await env.request('POST', `${base()}/entries`, {
      token: opd1,
      body: { categoryId: 'opd', profile: { name: 'Karya dengan lampiran' } },
    });
    entryId = entry.json.id;
    const { evidenceId, key } = await uploadOnly('Foto alat');
    expect(await listed(opd1)).toEqual(['foto-alat.png:pending']);
    const handler = createEvidenceObjectHandler({
      data: env.data,
      logger: new Logger({ serviceName: 'inovasi-contest-files-test', logLevel: 'SILENT' }),
    });
    await handler({
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          s3: { bucket: { name: env.config.bucketName }, object: { key, size: PNG.length } },
        },
      ],
    });
    expect(await listed(opd1)).toEqual(['foto-alat.png:passed']);
    // The entrant's own check afterwards finds it decided and answers the same.
    const late = await env.request('POST', `${files()}/${evidenceId}/complete`, { token: opd1 });
    expect(late.status).toBe(200);
    expect(late.json).toMatchObject({ evidenceId, status: 'passed', fileName: 'foto-alat.png' });
  }, 300_000);

  it('lets the entrant remove a file while entries are open, and nobody else, and not after', async () => {
    const usage = async () =>
      (await env.request('GET', `/tenants/${CODE}/evidence/usage`, { token: admin })).json;
    const before = await usage();
    const { evidenceId } = await uploadOnly('Foto kedua');
    expect((await env.request('POST', `${files()}/${evidenceId}/complete`, { token: opd1 })).status).toBe(
      200,
    );
    expect(await listed(opd1)).toEqual(['foto-alat.png:passed', 'foto-kedua.png:passed']);

    const one = `${files()}/${evidenceId}`;
    expect((await env.request('DELETE', one, { token: opd2 })).status).toBe(404);
    expect((await env.request('DELETE', one, { token: otherRegion })).status).toBe(403);
    const removed = await env.request('DELETE', one, { token: opd1 });
    expect(removed.status).toBe(200);
    expect(removed.json).toEqual({ evidenceId, removed: true });
    expect(await listed(opd1)).toEqual(['foto-alat.png:passed']);
    // The library's item is deleted with its audit trail, and its bytes no longer count.
    const item = await env.request('GET', `/tenants/${CODE}/evidence/${evidenceId}`, { token: admin });
    expect(item.json.evidence.deleted).toMatchObject({ reason: expect.any(String) });
    expect((await usage()).usedBytes).toBe(before.usedBytes);
    const again = await env.request('DELETE', one, { token: opd1 });
    expect(again.json.error).toMatchObject({ code: 'contest_file_not_found', field: 'evidenceId' });

    // Entries closed: the file stays.
    const version = (await env.request('GET', base(), { token: admin })).json.version as number;
    await env.request('POST', `${base()}/close-entries`, {
      token: admin,
      headers: { 'if-match': `"${version}"` },
    });
    const kept = (await env.request('GET', files(), { token: opd1 })).json.items[0].evidenceId as string;
    const closed = await env.request('DELETE', `${files()}/${kept}`, { token: opd1 });
    expect(closed.status).toBe(409);
    expect(closed.json.error.code).toBe('contest_wrong_status');
    expect(await listed(opd1)).toEqual(['foto-alat.png:passed']);
  }, 300_000);
});
