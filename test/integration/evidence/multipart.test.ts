import { ListPartsCommand } from '@aws-sdk/client-s3';
import { tenantScope } from '@inovasi/data';
import { sha256Hex, textPdf } from '@inovasi/local';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

const MIB = 1024 * 1024;
const TENANT = '35.22';

let env: TestEnvironment;
let operator: string;
let neighbour: string;

beforeAll(async () => {
  env = await createTestEnvironment({
    evidenceLimits: {
      maxDocumentBytes: 16 * MIB,
      maxVideoBytes: 16 * MIB,
      maxVideoSeconds: 300,
      tenantQuotaBytes: 64 * MIB,
      uploadUrlSeconds: 600,
      downloadUrlSeconds: 300,
    },
  });
  operator = await env.login('opd1.3522@demo.local');
  neighbour = await env.login('admin.3520@demo.local');
});

interface Started {
  evidence: { id: string };
  upload: { uploadId: string; partSize: number; partCount: number };
}

async function start(bytes: Buffer, announce: Record<string, unknown> = {}) {
  return env.request('POST', `/tenants/${TENANT}/evidence/uploads/multipart`, {
    token: operator,
    body: {
      kind: 'laporan',
      title: 'Laporan besar',
      fileName: 'laporan-besar.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256: sha256Hex(bytes),
      ...announce,
    },
  });
}

const base = (started: Started, tenant = TENANT) =>
  `/tenants/${tenant}/evidence/${started.evidence.id}/multipart/${started.upload.uploadId}`;

/** Signs part `n` through the API and PUTs those bytes to the store, as the browser does. */
async function sendPart(started: Started, bytes: Buffer, partNumber: number, body?: Buffer) {
  const signed = await env.request('GET', `${base(started)}/parts/${partNumber}`, { token: operator });
  expect(signed.status).toBe(200);
  const { partSize } = started.upload;
  const part = body ?? bytes.subarray((partNumber - 1) * partSize, partNumber * partSize);
  const response = await fetch(signed.json.url, { method: 'PUT', headers: signed.json.headers, body: part });
  await response.arrayBuffer();
  return response.status;
}

const listedParts = async (started: Started) =>
  (await env.request('GET', `${base(started)}/parts`, { token: operator })).json.parts.map(
    (part: { partNumber: number; size: number }) => [part.partNumber, part.size],
  );

describe('resumable (multipart) evidence uploads', () => {
  it('creates, signs, stores parts, lists them for a resume, completes, and runs intake on the whole file', async () => {
    // Prepare: 11 MiB, so three parts of the server's layout (5 + 5 + 1 MiB).
    const bytes = textPdf({ lines: ['Laporan pelaksanaan inovasi'], padToBytes: 11 * MIB });
    // Act
    const created = await start(bytes);
    // Assess
    expect(created.status).toBe(201);
    const started = created.json as Started;
    expect(started.upload).toMatchObject({ partSize: 5 * MIB, partCount: 3 });
    expect(created.json.evidence).toMatchObject({ status: 'pending', size: bytes.length });
    expect(created.json.evidence).not.toHaveProperty('uploadId');

    // Act: two parts go up, then the connection "drops"; the resume asks what the store holds.
    expect(await sendPart(started, bytes, 1)).toBe(200);
    expect(await sendPart(started, bytes, 2)).toBe(200);
    // Assess
    expect(await listedParts(started)).toEqual([
      [1, 5 * MIB],
      [2, 5 * MIB],
    ]);
    // Completing now is refused: part 3 is missing.
    const early = await env.request('POST', `${base(started)}/complete`, { token: operator });
    expect(early.status).toBe(409);
    expect(early.json).toMatchObject({ error: { code: 'evidence_parts_incomplete', field: 'parts' } });

    // Act: the rest, then completion.
    expect(await sendPart(started, bytes, 3)).toBe(200);
    const completed = await env.request('POST', `${base(started)}/complete`, { token: operator });
    // Assess: the same intake as a single PUT: the whole file's bytes, hash and type checked.
    expect(completed.status).toBe(200);
    expect(completed.json).toMatchObject({
      status: 'passed',
      intake: {
        checkedBy: 'api',
        size: bytes.length,
        sha256: sha256Hex(bytes),
        mediaType: 'application/pdf',
      },
    });
    // A completion whose answer was lost can be asked again; the upload is done, so it is "not found".
    const again = await env.request('POST', `${base(started)}/complete`, { token: operator });
    expect(again.status).toBe(404);
    expect(again.json).toMatchObject({ error: { code: 'evidence_upload_not_found' } });
  });

  it('signs each part’s exact length: a part of another size is refused by the store', async () => {
    // Prepare
    const bytes = textPdf({ lines: ['Dua bagian'], padToBytes: 6 * MIB });
    const started = (await start(bytes)).json as Started;
    // Act: part 1 must be 5 MiB; 5 MiB + 1 byte is not what was signed.
    const status = await sendPart(
      started,
      bytes,
      1,
      Buffer.concat([bytes.subarray(0, 5 * MIB), Buffer.from('x')]),
    );
    // Assess
    expect(status).toBe(403);
    expect(await listedParts(started)).toEqual([]);
    // A part number outside the layout is not signed at all.
    const outside = await env.request('GET', `${base(started)}/parts/3`, { token: operator });
    expect(outside.status).toBe(400);
    expect(outside.json).toMatchObject({
      error: { code: 'evidence_part_out_of_range', field: 'partNumber' },
    });
  });

  it('runs intake after assembly: bytes other than the announced hash are rejected', async () => {
    // Prepare
    const bytes = textPdf({ lines: ['Asli'], padToBytes: 2 * MIB });
    const other = Buffer.from(bytes);
    other[other.length - 10] = 0x20;
    const started = (await start(bytes)).json as Started;
    // Act
    expect(await sendPart(started, other, 1)).toBe(200);
    const completed = await env.request('POST', `${base(started)}/complete`, { token: operator });
    // Assess
    expect(completed.status).toBe(422);
    expect(completed.json).toMatchObject({ error: { code: 'evidence_hash_mismatch', field: 'sha256' } });
  });

  it('cancels: the store drops the parts and no pending item stays in the library', async () => {
    // Prepare
    const bytes = textPdf({ lines: ['Dibatalkan'], padToBytes: 7 * MIB });
    const started = (await start(bytes)).json as Started;
    expect(await sendPart(started, bytes, 1)).toBe(200);
    // Act
    const cancelled = await env.request('DELETE', base(started), { token: operator });
    // Assess
    expect(cancelled.status).toBe(204);
    const read = await env.request('GET', `/tenants/${TENANT}/evidence/${started.evidence.id}`, {
      token: operator,
    });
    expect(read.status).toBe(404);
    const library = await env.request('GET', `/tenants/${TENANT}/evidence?status=pending&limit=100`, {
      token: operator,
    });
    expect(library.json.items.map((item: { id: string }) => item.id)).not.toContain(started.evidence.id);
    const { client } = await env.data.forScope(tenantScope(TENANT)).objects();
    const key = `tenants/${TENANT}/evidence/${started.evidence.id}/laporan-besar.pdf`;
    await expect(
      client.send(
        new ListPartsCommand({ Bucket: env.config.bucketName, Key: key, UploadId: started.upload.uploadId }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchUpload' });
    // Signing after the cancel is refused.
    const late = await env.request('GET', `${base(started)}/parts/1`, { token: operator });
    expect(late.status).toBe(404);
  });

  it('refuses another region, another item’s upload id and files over the limit', async () => {
    // Prepare
    const bytes = textPdf({ lines: ['Milik Sidoarjo'], padToBytes: 1 * MIB });
    const started = (await start(bytes)).json as Started;
    const second = (await start(bytes)).json as Started;
    // Act + assess: another region's administrator, on this region's path and on their own.
    for (const [method, suffix] of [
      ['GET', '/parts/1'],
      ['GET', '/parts'],
      ['POST', '/complete'],
      ['DELETE', ''],
    ] as const) {
      const foreign = await env.request(method, `${base(started)}${suffix}`, { token: neighbour });
      expect(foreign.status, `${method} ${suffix}`).toBe(403);
      const ownPath = await env.request(method, `${base(started, '35.20')}${suffix}`, { token: neighbour });
      expect(ownPath.status, `${method} ${suffix} under 35.20`).toBe(404);
    }
    // One item's upload id does not open another item's upload.
    const crossed = await env.request(
      'GET',
      `/tenants/${TENANT}/evidence/${second.evidence.id}/multipart/${started.upload.uploadId}/parts/1`,
      { token: operator },
    );
    expect(crossed.status).toBe(404);
    expect(crossed.json).toMatchObject({ error: { code: 'evidence_upload_not_found', field: 'uploadId' } });
    // Over the document limit (16 MiB here): refused before anything is stored.
    const tooLarge = await start(bytes, { size: 17 * MIB });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json).toMatchObject({ error: { code: 'evidence_too_large', field: 'size' } });
    // A name that is not the announced type.
    const mismatched = await start(bytes, { fileName: 'laporan.png' });
    expect(mismatched.status).toBe(400);
    expect(mismatched.json).toMatchObject({ error: { field: 'fileName' } });
  });
});
