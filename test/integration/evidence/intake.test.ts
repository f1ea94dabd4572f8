import { HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { repositoriesFor, TenantGuardError, tenantScope } from '@inovasi/data';
import { imageOnlyPdf, mp4, sha256Hex, solidPng, textPdf } from '@inovasi/local';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { chunksOf, putBuffer, putStream, requestUpload, uploadAndComplete } from './support.ts';

const MIB = 1024 * 1024;
const TENANT = '35.22';

let env: TestEnvironment;
let admin: string;
let operator: string;

beforeAll(async () => {
  // Smaller limits than the defaults, so the limit tests move megabytes, not hundreds of them.
  env = await createTestEnvironment({
    evidenceLimits: {
      maxDocumentBytes: 4 * MIB,
      maxVideoBytes: 8 * MIB,
      maxVideoSeconds: 300,
      tenantQuotaBytes: 6 * MIB,
      uploadUrlSeconds: 600,
      downloadUrlSeconds: 300,
    },
  });
  admin = await env.login('admin.3522@demo.local');
  operator = await env.login('opd1.3522@demo.local');
});

const objects = async (tenant = TENANT) => (await env.data.forScope(tenantScope(tenant)).objects()).client;
const objectKeysOf = async (tenant: string, evidenceId: string) => {
  const page = await (await objects(tenant)).send(
    new ListObjectsV2Command({
      Bucket: env.config.bucketName,
      Prefix: `tenants/${tenant}/evidence/${evidenceId}/`,
    }),
  );
  return (page.Contents ?? []).map((object) => object.Key);
};

describe('presigned upload and intake', () => {
  it('presigns one key, size, type and checksum; a PUT of the bytes passes intake once completed', async () => {
    // Prepare
    const bytes = textPdf({ lines: ['SK Kepala Daerah', 'Penetapan Inovasi'] });
    // Act
    const asked = await requestUpload(env, operator, TENANT, bytes, {
      fileName: 'sk inovasi (final).pdf',
      mediaType: 'application/pdf',
      kind: 'sk',
      documentDate: '2026-01-20',
    });
    // Assess: a pending item and a PUT scoped to one object under the region's prefix.
    expect(asked.status).toBe(201);
    const { evidence, upload } = asked.json;
    expect(evidence).toMatchObject({
      status: 'pending',
      opdId: 'opd-dinkes',
      public: false,
      size: bytes.length,
    });
    const url = new URL(upload.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(decodeURIComponent(url.pathname)).toBe(
      `/${env.config.bucketName}/tenants/${TENANT}/evidence/${evidence.id}/sk-inovasi-final-.pdf`,
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'if-none-match', 'x-amz-checksum-sha256']),
    );
    expect(upload.headers).toEqual({
      'content-type': 'application/pdf',
      'if-none-match': '*',
      'x-amz-checksum-sha256': Buffer.from(sha256Hex(bytes), 'hex').toString('base64'),
      'x-amz-tagging': 'evidence-state=pending',
    });

    // Act: the bytes go straight to S3, then the API checks them.
    expect(await putBuffer(upload, bytes)).toBe(200);
    const completed = await env.request('POST', `/tenants/${TENANT}/evidence/${evidence.id}/complete`, {
      token: operator,
    });
    // Assess
    expect(completed.status).toBe(200);
    expect(completed.json).toMatchObject({
      status: 'passed',
      fileKind: 'pdf',
      intake: {
        checkedBy: 'api',
        mediaType: 'application/pdf',
        size: bytes.length,
        sha256: sha256Hex(bytes),
        textLayer: true,
        findings: [],
      },
    });
    // Completing again changes nothing.
    const again = await env.request('POST', `/tenants/${TENANT}/evidence/${evidence.id}/complete`, {
      token: operator,
    });
    expect(again.json).toEqual(completed.json);
  });

  it('streams a 3 MB upload in 64 KiB chunks; the presigned GET gives back the same bytes', async () => {
    // Prepare
    const bytes = textPdf({ lines: ['Laporan panjang'], padToBytes: 3 * MIB });
    const asked = await requestUpload(env, admin, TENANT, bytes, {
      fileName: 'laporan.pdf',
      mediaType: 'application/pdf',
    });
    // Act
    expect(await putStream(asked.json.upload, chunksOf(bytes, 64 * 1024), bytes.length)).toBe(200);
    const completed = await env.request(
      'POST',
      `/tenants/${TENANT}/evidence/${asked.json.evidence.id}/complete`,
      {
        token: admin,
      },
    );
    const download = await env.request(
      'GET',
      `/tenants/${TENANT}/evidence/${asked.json.evidence.id}/download`,
      {
        token: admin,
      },
    );
    const fetched = Buffer.from(await (await fetch(download.json.url)).arrayBuffer());
    // Assess
    expect(completed.json.status).toBe('passed');
    expect(completed.json.intake.sha256).toBe(sha256Hex(bytes));
    expect(fetched.equals(bytes)).toBe(true);
  });

  it('flags a PDF without a text layer as needing a readable copy, and still accepts it', async () => {
    const { completed } = await uploadAndComplete(env, admin, TENANT, imageOnlyPdf(), {
      fileName: 'pindaian.pdf',
      mediaType: 'application/pdf',
    });
    expect(completed.status).toBe(200);
    expect(completed.json.intake.textLayer).toBe(false);
    expect(completed.json.intake.findings).toContainEqual({ code: 'needs_readable_copy' });
  });

  it('finds the text layer of a compressed content stream', async () => {
    const { completed } = await uploadAndComplete(env, admin, TENANT, textPdf({ compress: true }), {
      fileName: 'terkompresi.pdf',
      mediaType: 'application/pdf',
    });
    expect(completed.json.intake.textLayer).toBe(true);
  });

  it('refuses a .pdf that is not a PDF with a clear reason, and removes the object', async () => {
    // Act: a PNG announced as a PDF.
    const { completed, id } = await uploadAndComplete(env, operator, TENANT, solidPng(), {
      fileName: 'bukan-pdf.pdf',
      mediaType: 'application/pdf',
    });
    // Assess
    expect(completed.status).toBe(422);
    expect(completed.json.error).toMatchObject({ code: 'evidence_type_mismatch', field: 'mediaType' });
    expect(completed.json.error.message).toContain('image/png');
    const stored = await env.request('GET', `/tenants/${TENANT}/evidence/${id}`, { token: operator });
    expect(stored.json.evidence).toMatchObject({
      status: 'rejected',
      intake: { rejection: 'type_mismatch' },
    });
    expect(await objectKeysOf(TENANT, id)).toEqual([]);
  });

  it('refuses a file type the rubric does not accept (a GIF announced as a PNG)', async () => {
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64, 1)]);
    const { completed, id } = await uploadAndComplete(env, admin, TENANT, gif, {
      fileName: 'animasi.png',
      mediaType: 'image/png',
    });
    expect(completed.json.error).toMatchObject({ code: 'evidence_type_not_accepted', field: 'mediaType' });
    expect(await objectKeysOf(TENANT, id)).toEqual([]);
  });

  it('refuses bytes whose SHA-256 is not the announced one', async () => {
    const bytes = textPdf({ lines: ['versi 2'] });
    const { completed, id } = await uploadAndComplete(env, admin, TENANT, bytes, {
      fileName: 'sk.pdf',
      mediaType: 'application/pdf',
      sha256: sha256Hex(textPdf({ lines: ['versi 1'] })),
    });
    expect(completed.status).toBe(422);
    expect(completed.json.error).toMatchObject({ code: 'evidence_hash_mismatch', field: 'sha256' });
    expect(await objectKeysOf(TENANT, id)).toEqual([]);
  });

  it('refuses an object of another size than announced, and one over the size limit', async () => {
    /**
     * The presigned PUT signs the announced length: the store refuses another body, as S3 does.
     * Should an object of another size get there anyway (written around the URL), intake refuses it.
     */
    const announceAndPlace = async (
      bytes: Buffer,
      announce: { fileName: string; size: number; sha256?: string },
    ) => {
      const asked = await requestUpload(env, admin, TENANT, bytes, {
        mediaType: 'application/pdf',
        ...announce,
      });
      expect(asked.status).toBe(201);
      expect(await putBuffer(asked.json.upload, bytes)).toBe(403);
      const key = decodeURIComponent(new URL(asked.json.upload.url).pathname).replace(
        `/${env.config.bucketName}/`,
        '',
      );
      await (await objects()).send(
        new PutObjectCommand({
          Bucket: env.config.bucketName,
          Key: key,
          Body: bytes,
          ContentType: 'application/pdf',
        }),
      );
      const id = asked.json.evidence.id as string;
      const completed = await env.request('POST', `/tenants/${TENANT}/evidence/${id}/complete`, {
        token: admin,
      });
      return { id, completed };
    };
    const bytes = textPdf();
    const small = await announceAndPlace(bytes, { fileName: 'a.pdf', size: bytes.length - 10 });
    expect(small.completed.json.error).toMatchObject({ code: 'evidence_size_mismatch', field: 'size' });

    const large = textPdf({ padToBytes: 5 * MIB });
    const oversized = await announceAndPlace(large, {
      fileName: 'besar.pdf',
      size: 1024,
      sha256: sha256Hex(bytes),
    });
    expect(oversized.completed.json.error).toMatchObject({ code: 'evidence_too_large', field: 'size' });
    expect(await objectKeysOf(TENANT, oversized.id)).toEqual([]);
  });

  it('answers 409 while nothing was uploaded yet, and 422 with the reason after a rejection', async () => {
    const asked = await requestUpload(env, admin, TENANT, textPdf(), {
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
    });
    const early = await env.request(
      'POST',
      `/tenants/${TENANT}/evidence/${asked.json.evidence.id}/complete`,
      {
        token: admin,
      },
    );
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({ code: 'evidence_not_uploaded', field: 'file' });
  });

  it('checks what is asked for before presigning anything', async () => {
    const bytes = textPdf();
    const ask = (announce: Record<string, unknown>) =>
      requestUpload(env, admin, TENANT, bytes, {
        fileName: 'a.pdf',
        mediaType: 'application/pdf',
        ...announce,
      });
    expect((await ask({ fileName: 'laporan.png' })).json.error).toMatchObject({ field: 'fileName' });
    expect((await ask({ mediaType: 'image/gif', fileName: 'a.gif' })).json.error).toMatchObject({
      field: 'mediaType',
    });
    expect((await ask({ sha256: 'abc' })).json.error).toMatchObject({ field: 'sha256' });
    const tooLarge = await ask({ size: 4 * MIB + 1 });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error).toMatchObject({ code: 'evidence_too_large', field: 'size' });
  });
});

describe('videos', () => {
  it('reads an MP4’s length from its header: 200 s passes, 400 s is refused', async () => {
    const short = await uploadAndComplete(
      env,
      admin,
      TENANT,
      mp4({ durationSeconds: 200, moovFirst: false }),
      {
        fileName: 'profil.mp4',
        mediaType: 'video/mp4',
        kind: 'video',
      },
    );
    expect(short.completed.json).toMatchObject({
      status: 'passed',
      fileKind: 'mp4',
      intake: { durationSeconds: 200 },
    });
    const long = await uploadAndComplete(env, admin, TENANT, mp4({ durationSeconds: 400 }), {
      fileName: 'panjang.mp4',
      mediaType: 'video/mp4',
      kind: 'video',
    });
    expect(long.completed.json.error).toMatchObject({
      code: 'evidence_video_too_long',
      field: 'durationSeconds',
    });
  });

  it('refuses an MP4 whose movie header is empty or missing, once and for good, instead of failing on every retry', async () => {
    // An MP4 is a list of boxes: [size][type][payload]. These keep the file type (ftyp) and break the header.
    const box = (type: string, payload: Buffer = Buffer.alloc(0)) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(payload.length + 8, 0);
      head.write(type, 4, 'latin1');
      return Buffer.concat([head, payload]);
    };
    const ftyp = box('ftyp', Buffer.from('isom\0\0\u0002\0isomiso2mp41', 'latin1'));
    const media = box('mdat', Buffer.alloc(2048, 7));
    const broken = {
      'empty mvhd': Buffer.concat([ftyp, box('moov', box('mvhd')), media]),
      'no moov': Buffer.concat([ftyp, media]),
    };
    for (const [label, bytes] of Object.entries(broken)) {
      const first = await uploadAndComplete(env, admin, TENANT, bytes, {
        fileName: `${label}.mp4`,
        mediaType: 'video/mp4',
        kind: 'video',
      });
      expect(first.completed.status, label).toBe(422);
      expect(first.completed.json.error, label).toMatchObject({
        code: 'evidence_video_unreadable',
        field: 'durationSeconds',
      });
      expect(first.completed.json.error.message, label).toMatch(/header film MP4/);
      // Decided: a retry gets the same answer, and the item is rejected, not left pending.
      const retry = await env.request('POST', `/tenants/${TENANT}/evidence/${first.id}/complete`, {
        token: admin,
      });
      expect(retry.status, label).toBe(422);
      expect(retry.json.error.code, label).toBe('evidence_video_unreadable');
      const item = await env.request('GET', `/tenants/${TENANT}/evidence?limit=100&includeDeleted=true`, {
        token: admin,
      });
      const stored = item.json.items.find((candidate: { id: string }) => candidate.id === first.id);
      expect(stored, label).toMatchObject({ status: 'rejected', intake: { rejection: 'video_unreadable' } });
    }
  });

  it('checks a video link for host and id, and the length the uploader recorded', async () => {
    const add = (body: Record<string, unknown>) =>
      env.request('POST', `/tenants/${TENANT}/evidence/urls`, {
        token: operator,
        body: { kind: 'video', title: 'Video inovasi', ...body },
      });
    const youtube = await add({ url: 'https://youtu.be/aqz-KE-bpKQ?t=3', durationSeconds: 240 });
    expect(youtube.status).toBe(201);
    expect(youtube.json.evidence).toMatchObject({
      status: 'passed',
      fileKind: 'video_link',
      url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
      video: { host: 'youtube', id: 'aqz-KE-bpKQ' },
      durationSeconds: 240,
    });
    const drive = await add({
      url: 'https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view?usp=sharing',
      durationSeconds: 90,
    });
    expect(drive.json.evidence.video).toEqual({ host: 'google_drive', id: '1AbCdEfGhIjKlMnOp' });
    // The same video again is accepted and marked as a duplicate of the first.
    const again = await add({ url: 'https://www.youtube.com/shorts/aqz-KE-bpKQ', durationSeconds: 240 });
    expect(again.json.duplicates.map((item: { id: string }) => item.id)).toContain(youtube.json.evidence.id);
    expect(again.json.evidence.intake.findings).toEqual([
      { code: 'duplicate', refs: [youtube.json.evidence.id] },
    ]);

    expect(
      (await add({ url: 'https://youtu.be/dQw4w9WgXcQ', durationSeconds: 360 })).json.error,
    ).toMatchObject({
      code: 'evidence_video_too_long',
      field: 'durationSeconds',
    });
    for (const url of [
      'https://vimeo.com/123456',
      'http://youtu.be/dQw4w9WgXcQ',
      'https://youtube.com/watch?v=x',
    ]) {
      expect((await add({ url, durationSeconds: 60 })).json.error, url).toMatchObject({
        code: 'evidence_link_invalid',
        field: 'url',
      });
    }
    expect((await add({ url: 'https://youtu.be/dQw4w9WgXcQ' })).json.error).toMatchObject({
      field: 'durationSeconds',
    });
    const page = await add({ kind: 'tautan', url: 'https://inovasi.bojonegorokab.go.id/pedoman#bab-2' });
    expect(page.json.evidence).toMatchObject({
      fileKind: 'web_link',
      url: 'https://inovasi.bojonegorokab.go.id/pedoman',
    });
  });
});

describe('duplicates and quota', () => {
  it('points at the item with the same bytes when asked for an upload, and flags it at intake', async () => {
    const bytes = textPdf({ lines: ['RKPD 2026 (ekstrak)'] });
    const first = await uploadAndComplete(env, admin, TENANT, bytes, {
      fileName: 'rkpd.pdf',
      mediaType: 'application/pdf',
    });
    const second = await uploadAndComplete(env, operator, TENANT, bytes, {
      fileName: 'rkpd-salinan.pdf',
      mediaType: 'application/pdf',
    });
    expect(second.asked.json.duplicates).toEqual([
      expect.objectContaining({ id: first.id, status: 'passed' }),
    ]);
    expect(second.completed.json.intake.findings).toEqual([{ code: 'duplicate', refs: [first.id] }]);
  });

  it('counts passed bytes against the region’s quota, at request and at completion', async () => {
    // Prepare: Magetan has only the small demo files; the quota of this environment is 6 MiB.
    const magetan = await env.login('admin.3520@demo.local');
    const before = (await env.request('GET', '/tenants/35.20/evidence/usage', { token: magetan })).json;
    const a = textPdf({ padToBytes: 3.5 * MIB });
    const b = textPdf({ lines: ['lain'], padToBytes: 3.5 * MIB });
    // Act: both announced while nothing is used yet, so both may upload.
    const first = await requestUpload(env, magetan, '35.20', a, {
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
    });
    const second = await requestUpload(env, magetan, '35.20', b, {
      fileName: 'b.pdf',
      mediaType: 'application/pdf',
    });
    await putBuffer(first.json.upload, a);
    await putBuffer(second.json.upload, b);
    const passed = await env.request('POST', `/tenants/35.20/evidence/${first.json.evidence.id}/complete`, {
      token: magetan,
    });
    const refused = await env.request('POST', `/tenants/35.20/evidence/${second.json.evidence.id}/complete`, {
      token: magetan,
    });
    const third = await requestUpload(env, magetan, '35.20', b, {
      fileName: 'c.pdf',
      mediaType: 'application/pdf',
    });
    const after = (await env.request('GET', '/tenants/35.20/evidence/usage', { token: magetan })).json;
    // Assess
    expect(passed.json.status).toBe('passed');
    expect(refused.json.error).toMatchObject({ code: 'evidence_quota_exceeded', field: 'size' });
    expect(third.status).toBe(409);
    expect(third.json.error.code).toBe('evidence_quota_exceeded');
    expect(after).toMatchObject({
      usedBytes: before.usedBytes + a.length,
      files: before.files + 1,
      quotaBytes: 6 * MIB,
    });
    expect(await objectKeysOf('35.20', second.json.evidence.id)).toEqual([]);
  });
});

describe('tenant isolation of evidence', () => {
  it('refuses another region’s evidence through its path and never finds it through one’s own', async () => {
    const { id } = await uploadAndComplete(env, admin, TENANT, textPdf(), {
      fileName: 'rahasia.pdf',
      mediaType: 'application/pdf',
    });
    const neighbour = await env.login('admin.3520@demo.local');
    for (const [method, path] of [
      ['GET', `/tenants/${TENANT}/evidence/${id}`],
      ['GET', `/tenants/${TENANT}/evidence/${id}/download`],
      ['POST', `/tenants/${TENANT}/evidence/${id}/complete`],
    ] as const) {
      expect((await env.request(method, path, { token: neighbour })).status, path).toBe(403);
    }
    const ask = await requestUpload(env, neighbour, TENANT, textPdf(), {
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
    });
    expect(ask.status).toBe(403);
    for (const [method, path] of [
      ['GET', `/tenants/35.20/evidence/${id}`],
      ['GET', `/tenants/35.20/evidence/${id}/download`],
      ['POST', `/tenants/35.20/evidence/${id}/complete`],
    ] as const) {
      expect((await env.request(method, path, { token: neighbour })).status, path).toBe(404);
    }
  });

  it('has the data guard refuse presigning or writing under another region’s prefix', async () => {
    // A repository takes its region from its clients (docs/decisions/0048); clients forged to claim
    // 35.22 while their guard is scoped to 35.20 are refused before any key is built or presigned.
    const misbound = repositoriesFor({
      ...env.data.forScope(tenantScope('35.20')),
      tenantCode: TENANT,
    }).evidence;
    const bytes = textPdf();
    await expect(
      misbound.requestUpload(
        {
          kind: 'sk',
          title: 'Salah alamat',
          fileName: 'a.pdf',
          mediaType: 'application/pdf',
          size: bytes.length,
          sha256: sha256Hex(bytes),
        },
        { userId: 'u', email: 'e', tenantCode: '35.20', roles: ['tenant_admin'] },
      ),
    ).rejects.toThrow(TenantGuardError);
  });

  it('checks only the key it issued: bytes PUT elsewhere do not complete the upload', async () => {
    // s3rver does not verify signatures (S3 would refuse the tampered URL outright); the check must
    // still read only the object key it stored for the item, never one derived from the request.
    const neighbour = await env.login('admin.3520@demo.local');
    const bytes = textPdf();
    const asked = await requestUpload(env, neighbour, '35.20', bytes, {
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
    });
    const tampered = asked.json.upload.url.replace('/tenants/35.20/', `/tenants/${TENANT}/`);
    await putBuffer({ url: tampered, headers: asked.json.upload.headers }, bytes);
    const completed = await env.request(
      'POST',
      `/tenants/35.20/evidence/${asked.json.evidence.id}/complete`,
      {
        token: neighbour,
      },
    );
    expect(completed.json.error.code).toBe('evidence_not_uploaded');
  });
});

describe('downloads', () => {
  let pdfId: string;
  beforeAll(async () => {
    pdfId = (
      await uploadAndComplete(env, admin, TENANT, textPdf(), {
        fileName: 'surat tugas.pdf',
        mediaType: 'application/pdf',
      })
    ).id;
  });

  it.each([
    ['the operator of an OPD', 'opd2.3522'],
    ['the verifier', 'verifikator.3522'],
  ])('gives %s a short-lived link that previews a PDF inline', async (_label, user) => {
    const token = await env.login(`${user}@demo.local`);
    const link = await env.request('GET', `/tenants/${TENANT}/evidence/${pdfId}/download?inline=true`, {
      token,
    });
    expect(link.status).toBe(200);
    expect(link.json.inline).toBe(true);
    expect(new URL(link.json.url).searchParams.get('X-Amz-Expires')).toBe('300');
    const file = await fetch(link.json.url);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''surat%20tugas.pdf");
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it.each([
    ['a neighbouring regency', 'admin.3520'],
    // Oversight reads the province's read model, which holds no evidence files (access policy).
    ['the province overseeing the regency', 'admin.35'],
    ['a regency of another province', 'admin.6303'],
    ['a city of another province', 'admin.1771'],
  ])('refuses %s', async (_label, user) => {
    const token = await env.login(`${user}@demo.local`);
    expect(
      (await env.request('GET', `/tenants/${TENANT}/evidence/${pdfId}/download`, { token })).status,
    ).toBe(403);
  });

  it('offers no link to a pending upload', async () => {
    const asked = await requestUpload(env, admin, TENANT, textPdf(), {
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
    });
    const link = await env.request('GET', `/tenants/${TENANT}/evidence/${asked.json.evidence.id}/download`, {
      token: admin,
    });
    expect(link.status).toBe(409);
  });
});

describe('browser uploads to the local object store', () => {
  const preflight = (origin: string) =>
    fetch(`${env.config.s3Endpoint}/${env.config.bucketName}/tenants/${TENANT}/evidence/x/a.pdf`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'content-type,if-none-match,x-amz-checksum-sha256,x-amz-tagging',
      },
    });

  it('allows a presigned PUT from the web app’s loopback origin', async () => {
    const response = await preflight('http://127.0.0.1:8787');
    expect(response.status).toBe(200);
    // s3rver answers a matched preflight with `*`; S3 echoes the origin. Either way only listed origins pass.
    expect(['*', 'http://127.0.0.1:8787']).toContain(response.headers.get('access-control-allow-origin'));
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT');
  });

  it('refuses other origins', async () => {
    expect((await preflight('https://evil.example')).status).toBe(403);
  });
});

describe('deletion', () => {
  it('is soft: the record keeps who, when and why, stops counting, and the object is removed', async () => {
    const bytes = textPdf({ lines: ['akan dihapus'] });
    const { id } = await uploadAndComplete(env, admin, TENANT, bytes, {
      fileName: 'hapus.pdf',
      mediaType: 'application/pdf',
    });
    const before = (await env.request('GET', `/tenants/${TENANT}/evidence/usage`, { token: admin })).json;
    const read = await env.request('GET', `/tenants/${TENANT}/evidence/${id}`, { token: admin });
    // Act
    const deleted = await env.request('POST', `/tenants/${TENANT}/evidence/${id}/delete`, {
      token: admin,
      headers: { 'if-match': read.headers.get('etag')! },
      body: { reason: 'Salah unggah, diganti versi bertanda tangan' },
    });
    // Assess
    expect(deleted.status).toBe(200);
    expect(deleted.json.deleted).toEqual({
      by: 'u-3522-admin',
      at: expect.any(String),
      reason: 'Salah unggah, diganti versi bertanda tangan',
    });
    const after = (await env.request('GET', `/tenants/${TENANT}/evidence/usage`, { token: admin })).json;
    expect(after.usedBytes).toBe(before.usedBytes - bytes.length);
    const listed = await env.request('GET', `/tenants/${TENANT}/evidence?limit=100`, { token: admin });
    expect(listed.json.items.map((item: { id: string }) => item.id)).not.toContain(id);
    const withDeleted = await env.request(
      'GET',
      `/tenants/${TENANT}/evidence?limit=100&includeDeleted=true`,
      {
        token: admin,
      },
    );
    expect(withDeleted.json.items.map((item: { id: string }) => item.id)).toContain(id);
    await expect(
      (await objects()).send(
        new HeadObjectCommand({
          Bucket: env.config.bucketName,
          Key: `tenants/${TENANT}/evidence/${id}/hapus.pdf`,
        }),
      ),
    ).rejects.toThrow();
    expect(
      (await env.request('GET', `/tenants/${TENANT}/evidence/${id}/download`, { token: admin })).status,
    ).toBe(409);
    // Deleting twice is a conflict, not a second deletion.
    const twice = await env.request('POST', `/tenants/${TENANT}/evidence/${id}/delete`, {
      token: admin,
      headers: { 'if-match': `"${deleted.json.version}"` },
      body: { reason: 'lagi' },
    });
    expect(twice.status).toBe(409);
  });

  it('lets an operator delete only its own OPD’s items', async () => {
    const { id } = await uploadAndComplete(env, admin, TENANT, textPdf({ lines: ['perda'] }), {
      fileName: 'perda.pdf',
      mediaType: 'application/pdf',
      kind: 'perda',
    });
    const refused = await env.request('POST', `/tenants/${TENANT}/evidence/${id}/delete`, {
      token: operator,
      headers: { 'if-match': '"1"' },
      body: { reason: 'bukan milik saya' },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden_opd');
  });
});
