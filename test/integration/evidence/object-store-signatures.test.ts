import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { tenantScope } from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * The local object store checks what S3 checks (issue 19, point 4): every request carries a valid
 * Signature Version 4 of the local key, in its header or as an unexpired presigned URL, and a
 * presigned URL holds only for what it signed (method, key, and headers such as length and type).
 * Before, s3rver served unsigned reads, lists and deletes of any region's files.
 */
let env: TestEnvironment;
let client: S3Client;
const KEY = 'tenants/35.22/evidence/SIGCHECK/bukti.pdf';
const BODY = Buffer.from('%PDF-1.4 bukti yang ditandatangani');

beforeAll(async () => {
  env = await createTestEnvironment({ seed: false });
  client = (await env.data.forScope(tenantScope('35.22')).objects()).client;
  await client.send(
    new PutObjectCommand({
      Bucket: env.config.bucketName,
      Key: KEY,
      Body: BODY,
      ContentType: 'application/pdf',
    }),
  );
});

const storeUrl = (path: string) => `${env.config.s3Endpoint}/${env.config.bucketName}${path}`;

describe('the local object store', () => {
  it('refuses unsigned reads, lists and deletes, and keeps the object', async () => {
    for (const [method, path] of [
      ['GET', `/${KEY}`],
      ['HEAD', `/${KEY}`],
      ['GET', '?list-type=2&prefix=tenants/'],
      ['DELETE', `/${KEY}`],
      ['PUT', '/tenants/35.22/evidence/SIGCHECK/lain.pdf'],
    ] as const) {
      const response = await fetch(storeUrl(path), { method, ...(method === 'PUT' ? { body: 'x' } : {}) });
      await response.arrayBuffer();
      expect(response.status, `${method} ${path}`).toBe(403);
    }
    const still = await client.send(new GetObjectCommand({ Bucket: env.config.bucketName, Key: KEY }));
    expect(Buffer.from(await still.Body!.transformToByteArray())).toEqual(BODY);
  });

  it('refuses a request signed with another secret', async () => {
    const forged = new S3Client({
      region: env.config.region,
      endpoint: env.config.s3Endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'tebakan' },
    });
    await expect(
      forged.send(new GetObjectCommand({ Bucket: env.config.bucketName, Key: KEY })),
    ).rejects.toThrow();
    forged.destroy();
  });

  it('holds a presigned URL to its key, headers and expiry', async () => {
    const get = new GetObjectCommand({ Bucket: env.config.bucketName, Key: KEY });
    const valid = await getSignedUrl(client, get, { expiresIn: 60 });
    expect((await fetch(valid)).status).toBe(200);
    // Another key with the same signature.
    expect((await fetch(valid.replace('bukti.pdf', 'lain.pdf'))).status).toBe(403);
    // Signed a minute ago for ten seconds: expired.
    const expired = await getSignedUrl(client, get, {
      expiresIn: 10,
      signingDate: new Date(Date.now() - 60_000),
    });
    expect((await fetch(expired)).status).toBe(403);

    const put = new PutObjectCommand({
      Bucket: env.config.bucketName,
      Key: 'tenants/35.22/evidence/SIGCHECK/unggah.pdf',
      ContentType: 'application/pdf',
      ContentLength: BODY.length,
    });
    const upload = await getSignedUrl(client, put, {
      expiresIn: 60,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    const putWith = (headers: Record<string, string>, body: Buffer) =>
      fetch(upload, { method: 'PUT', headers, body }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      });
    expect(await putWith({ 'content-type': 'text/html' }, BODY)).toBe(403);
    expect(await putWith({ 'content-type': 'application/pdf' }, Buffer.concat([BODY, BODY]))).toBe(403);
    expect(await putWith({ 'content-type': 'application/pdf' }, BODY)).toBe(200);
  });
});
