import { HeadObjectCommand, ListPartsCommand } from '@aws-sdk/client-s3';
import { tenantScope } from '@inovasi/data';
import { sha256Hex, textPdf } from '@inovasi/local';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestEnvironment } from '../../support/environment.ts';
import { CODE, contestFilesSetUp, filesCall } from './files-support.ts';

/**
 * Entry files in a resumable upload (issue 22, docs/decisions/0054): the evidence library's
 * multipart upload mounted on the entry, against DynamoDB Local and s3rver. The parts go straight
 * to the store, a resumed upload learns which it holds, completion checks the layout and runs
 * intake, a judge downloads the same bytes, and a cancel leaves nothing: no item, no record, no
 * parts, no object.
 */
const MIB = 1024 * 1024;
const CALL = filesCall('Lomba lampiran bersambung', false);
const JUDGE = 'juri.bersambung@contoh.ac.id';

interface Started {
  file: { evidenceId: string; fileName: string; status: string };
  upload: { uploadId: string; partSize: number; partCount: number };
}

describe('a contest entry file in a resumable upload', () => {
  let env: TestEnvironment;
  let admin: string;
  let opd1: string;
  let opd2: string;
  let otherRegion: string;
  let callId: string;
  let entryId: string;
  let otherEntryId: string;
  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
  const call = () => `/tenants/${CODE}/contests/${callId}`;
  const files = (entry = entryId) => `${call()}/entries/${entry}/files`;
  const uploadPath = (started: Started, entry = entryId) =>
    `${files(entry)}/${started.file.evidenceId}/multipart/${started.upload.uploadId}`;

  const announce = (bytes: Buffer, fileName: string, overrides: Record<string, unknown> = {}) => ({
    kind: 'laporan',
    title: 'Proposal inovasi bersambung',
    fileName,
    mediaType: 'application/pdf',
    size: bytes.length,
    sha256: sha256Hex(bytes),
    ...overrides,
  });
  async function start(bytes: Buffer, fileName: string): Promise<Started> {
    const started = await env.request('POST', `${files()}/multipart`, {
      token: opd1,
      body: announce(bytes, fileName),
    });
    expect(started.status).toBe(201);
    return started.json as Started;
  }
  /** Signs part n through the API and PUTs its bytes to the store, as the browser does. */
  async function sendPart(started: Started, bytes: Buffer, partNumber: number): Promise<number> {
    const signed = await env.request('GET', `${uploadPath(started)}/parts/${partNumber}`, { token: opd1 });
    expect(signed.status).toBe(200);
    const { partSize } = started.upload;
    const part = bytes.subarray((partNumber - 1) * partSize, partNumber * partSize);
    const put = await fetch(signed.json.url, { method: 'PUT', headers: signed.json.headers, body: part });
    await put.arrayBuffer();
    return put.status;
  }
  const storedParts = async (started: Started) =>
    (await env.request('GET', `${uploadPath(started)}/parts`, { token: opd1 })).json.parts.map(
      (part: { partNumber: number }) => part.partNumber,
    );

  beforeAll(async () => {
    ({ env, admin, opd1, opd2, otherRegion } = await contestFilesSetUp());
    callId = (await env.request('POST', `/tenants/${CODE}/contests`, { token: admin, body: CALL })).json.id;
    await env.request('POST', `${call()}/publish`, { token: admin, headers: ifMatch(1) });
    const judge = await env.request('POST', `${call()}/judges`, {
      token: admin,
      body: { email: JUDGE, name: 'Juri Bersambung', external: true },
    });
    expect(judge.status).toBe(201);
    const entry = await env.request('POST', `${call()}/entries`, {
      token: opd1,
      body: { categoryId: 'opd', profile: { name: 'Posyandu Bersambung' } },
    });
    const other = await env.request('POST', `${call()}/entries`, {
      token: opd2,
      body: { categoryId: 'opd', profile: { name: 'Karya OPD Dua Bersambung' } },
    });
    expect([entry.status, other.status]).toEqual([201, 201]);
    entryId = entry.json.id;
    otherEntryId = other.json.id;
  });

  it('refuses bad input by field, files over the cap, other entrants and other regions', async () => {
    const bytes = textPdf({ lines: ['Tidak dikirim'] });
    const start = `${files()}/multipart`;
    const noHash = await env.request('POST', start, {
      token: opd1,
      body: announce(bytes, 'a.pdf', { sha256: undefined }),
    });
    expect(noHash.status).toBe(400);
    expect(noHash.json.error.field).toBe('sha256');
    const wrongExtension = await env.request('POST', start, { token: opd1, body: announce(bytes, 'a.png') });
    expect(wrongExtension.status).toBe(400);
    expect(wrongExtension.json.error.field).toBe('fileName');
    const tooLarge = await env.request('POST', start, {
      token: opd1,
      body: announce(bytes, 'a.pdf', { size: 4 * 1024 ** 3 }),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error).toMatchObject({ code: 'evidence_too_large', field: 'size' });
    expect((await env.request('POST', start, { token: opd2, body: announce(bytes, 'a.pdf') })).status).toBe(
      404,
    );
    expect(
      (await env.request('POST', start, { token: otherRegion, body: announce(bytes, 'a.pdf') })).status,
    ).toBe(403);
    // Nothing of these refusals reached the entry.
    expect((await env.request('GET', files(), { token: opd1 })).json.items).toEqual([]);
  });

  it('uploads in parts, resumes from what the store holds, checks the whole, and a judge downloads it', async () => {
    // Prepare: three parts (5 MiB, 5 MiB and the rest).
    const bytes = textPdf({ lines: ['PROPOSAL INOVASI POSYANDU BERSAMBUNG'], padToBytes: 12 * MIB });
    const started = await start(bytes, 'proposal-bersambung.pdf');
    expect(started.file).toMatchObject({ fileName: 'proposal-bersambung.pdf', status: 'pending' });
    expect(started.upload.partCount).toBe(3);

    // The first part, then a "reload": the store says which parts it holds.
    expect(await sendPart(started, bytes, 1)).toBe(200);
    expect(await storedParts(started)).toEqual([1]);
    const early = await env.request('POST', `${uploadPath(started)}/complete`, { token: opd1 });
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({ code: 'evidence_parts_incomplete', field: 'parts' });

    // Nobody else reaches the upload: another entrant, another region, another entry's path.
    expect((await env.request('GET', `${uploadPath(started)}/parts/2`, { token: opd2 })).status).toBe(404);
    expect((await env.request('GET', `${uploadPath(started)}/parts/2`, { token: otherRegion })).status).toBe(
      403,
    );
    const crossEntry = await env.request('GET', `${uploadPath(started, otherEntryId)}/parts`, {
      token: opd2,
    });
    expect(crossEntry.json.error.code).toBe('contest_file_not_found');
    const outside = await env.request('GET', `${uploadPath(started)}/parts/4`, { token: opd1 });
    expect(outside.json.error).toMatchObject({ code: 'evidence_part_out_of_range', field: 'partNumber' });

    // The rest, and completion: the parts are assembled and intake checks the whole file.
    expect(await sendPart(started, bytes, 2)).toBe(200);
    expect(await sendPart(started, bytes, 3)).toBe(200);
    expect(await storedParts(started)).toEqual([1, 2, 3]);
    const completed = await env.request('POST', `${uploadPath(started)}/complete`, { token: opd1 });
    expect(completed.status).toBe(200);
    expect(completed.json).toMatchObject({
      evidenceId: started.file.evidenceId,
      fileName: 'proposal-bersambung.pdf',
      size: bytes.length,
      status: 'passed',
    });
    expect(
      (await env.request('GET', files(), { token: opd1 })).json.items.map(
        (file: { fileName: string; status: string }) => [file.fileName, file.status],
      ),
    ).toEqual([['proposal-bersambung.pdf', 'passed']]);
    // Done: the upload is over, a second completion finds nothing to assemble.
    const again = await env.request('POST', `${uploadPath(started)}/complete`, { token: opd1 });
    expect(again.json.error.code).toBe('evidence_upload_not_found');

    // Judging: screened, entries closed, moved to the desk stage with the one judge.
    await env.request('POST', `${call()}/entries/${entryId}/screening`, {
      token: admin,
      headers: ifMatch(1),
      body: { status: 'complete' },
    });
    const version = (await env.request('GET', call(), { token: admin })).json.version as number;
    await env.request('POST', `${call()}/close-entries`, { token: admin, headers: ifMatch(version) });
    const moved = await env.request('POST', `${call()}/entry-moves`, {
      token: admin,
      body: { from: 'screening', to: 'desk', entryIds: [entryId] },
    });
    expect(moved.status).toBe(200);
    const judge = await env.login(JUDGE);
    const link = await env.request('GET', `${files()}/${started.file.evidenceId}/download`, { token: judge });
    expect(link.status).toBe(200);
    expect(link.json.fileName).toBe('proposal-bersambung.pdf');
    const downloaded = await fetch(link.json.url);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('cancels, leaving nothing: no library item, no file record, no stored parts, no object', async () => {
    // Prepare
    const created = await env.request('POST', `/tenants/${CODE}/contests`, {
      token: admin,
      body: { ...CALL, title: 'Lomba lampiran dibatalkan' },
    });
    const own = `/tenants/${CODE}/contests/${created.json.id}`;
    await env.request('POST', `${own}/publish`, { token: admin, headers: ifMatch(1) });
    const entry = await env.request('POST', `${own}/entries`, {
      token: opd1,
      body: { categoryId: 'opd', profile: { name: 'Karya yang lampirannya dibatalkan' } },
    });
    const files = `${own}/entries/${entry.json.id}/files`;
    const bytes = textPdf({ lines: ['Dibatalkan'], padToBytes: 7 * MIB });
    const before = (await env.request('GET', `/tenants/${CODE}/evidence/usage`, { token: admin })).json;
    const started = await env.request('POST', `${files}/multipart`, {
      token: opd1,
      body: {
        kind: 'laporan',
        title: 'Proposal dibatalkan',
        fileName: 'proposal-batal.pdf',
        mediaType: 'application/pdf',
        size: bytes.length,
        sha256: sha256Hex(bytes),
      },
    });
    expect(started.status).toBe(201);
    const { file, upload } = started.json as Started;
    const path = `${files}/${file.evidenceId}/multipart/${upload.uploadId}`;
    const signed = await env.request('GET', `${path}/parts/1`, { token: opd1 });
    const put = await fetch(signed.json.url, { method: 'PUT', body: bytes.subarray(0, upload.partSize) });
    await put.arrayBuffer();
    expect(put.status).toBe(200);
    expect((await env.request('GET', files, { token: opd1 })).json.items).toHaveLength(1);

    // Act
    const cancelled = await env.request('DELETE', path, { token: opd1 });

    // Assess
    expect(cancelled.status).toBe(204);
    expect((await env.request('GET', files, { token: opd1 })).json.items).toEqual([]);
    expect((await env.request('GET', files, { token: admin })).json.items).toEqual([]);
    const item = await env.request('GET', `/tenants/${CODE}/evidence/${file.evidenceId}`, { token: admin });
    expect(item.status).toBe(404);
    const { client } = await env.data.forScope(tenantScope(CODE)).objects();
    const key = `tenants/${CODE}/evidence/${file.evidenceId}/proposal-batal.pdf`;
    await expect(
      client.send(
        new ListPartsCommand({ Bucket: env.config.bucketName, Key: key, UploadId: upload.uploadId }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchUpload' });
    await expect(
      client.send(new HeadObjectCommand({ Bucket: env.config.bucketName, Key: key })),
    ).rejects.toMatchObject({ name: 'NotFound' });
    const after = (await env.request('GET', `/tenants/${CODE}/evidence/usage`, { token: admin })).json;
    expect(after).toEqual(before);
    // The upload is gone for every later step, and a second cancel finds nothing.
    expect((await env.request('GET', `${path}/parts/1`, { token: opd1 })).status).toBe(404);
    expect((await env.request('DELETE', path, { token: opd1 })).status).toBe(404);
  });
});
