import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createApp } from '@inovasi/api';
import { DETAIL_SHELL_KEY, webBucketDetailShell } from '@inovasi/api/detail-shell-source';
import { createObjectClient } from '@inovasi/data/object-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, fileDataConfig, type TestEnvironment } from '../../support/environment.ts';
import { dataBlock, detailShell, draftOfAnotherRegion, publishedInnovation } from './detail-page-support.ts';

/**
 * The catalogue detail in AWS (docs/decisions/0044): CloudFront sends `/katalog/{id}` to the API as
 * `/api/v1/katalog/{id}`, and the API fills the shell it reads from the web bucket (here an s3rver
 * bucket, read through the same loader as the Lambda's) with the published innovation.
 */
let env: TestEnvironment;
let app: ReturnType<typeof createApp>;
const ORIGIN_SECRET = 'rahasia-cloudfront';
const FROM_CLOUDFRONT = { 'x-inovasi-origin-verify': ORIGIN_SECRET };

/** The shell as the web build uploads it to the web bucket. */
const SHELL = detailShell();

const s3Settings = (config: TestEnvironment['config']) => ({
  region: config.region,
  endpoint: config.s3Endpoint,
  forcePathStyle: true,
  ...(config.credentials ? { credentials: config.credentials } : {}),
});

beforeAll(async () => {
  // The isolated bucket stands for the web bucket.
  env = await createTestEnvironment({ isolatedBucket: true });
  const objects = createObjectClient(env.config);
  await objects.send(
    new PutObjectCommand({
      Bucket: env.config.bucketName,
      Key: DETAIL_SHELL_KEY,
      Body: SHELL,
      ContentType: 'text/html',
    }),
  );
  objects.destroy();
  app = createApp({
    ...env.deps,
    mode: 'aws',
    originSecret: ORIGIN_SECRET,
    catalogDetailShell: webBucketDetailShell(env.config.bucketName, s3Settings(env.config)),
  });
});
afterAll(async () => {
  await env?.stop();
});

const errorCode = async (answer: Response) =>
  ((await answer.json()) as { error: { code: string } }).error.code;

describe('GET /api/v1/katalog/{id} (the detail page CloudFront serves)', () => {
  it('answers the published innovation as the filled page, revalidated by ETag, and the not-found page once withdrawn', async () => {
    // Prepare: a published innovation whose name is markup.
    const { admin, path, catalogId } = await publishedInnovation(env, {
      name: 'Posyandu <b>Keliling</b>',
      stage: 'penerapan',
    });

    // Act
    const answer = await app.request(`/api/v1/katalog/${catalogId}`, { headers: FROM_CLOUDFRONT });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(answer.headers.get('cache-control')).toBe('public, no-cache');
    const html = await answer.text();
    expect(html).toContain('Posyandu &lt;b&gt;Keliling&lt;/b&gt;');
    expect(html).toContain(`<title>Posyandu &lt;b&gt;Keliling&lt;/b&gt; · Inovasi Daerah</title>`);
    expect(html).not.toContain('Memuat…');
    expect(html).not.toContain('inovasi-detail-labels');
    const api = await env.request('GET', `/catalog/innovations/${catalogId}`);
    expect(JSON.parse(dataBlock(html) ?? '')).toEqual(api.json);

    const again = await app.request(`/api/v1/katalog/${catalogId}/`, {
      headers: { ...FROM_CLOUDFRONT, 'if-none-match': answer.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);

    expect((await env.request('DELETE', `${path}/publication`, { token: admin })).status).toBe(200);
    const withdrawn = await app.request(`/api/v1/katalog/${catalogId}`, { headers: FROM_CLOUDFRONT });
    expect(withdrawn.status).toBe(404);
    const gone = await withdrawn.text();
    expect(gone).toContain('Inovasi tidak ditemukan di katalog');
    expect(gone).not.toContain('Keliling');
    expect(dataBlock(gone)).toBe('null');
  });

  it("answers another region's draft, under any code, and malformed or unknown addresses with the not-found page", async () => {
    // Prepare
    const draftId = await draftOfAnotherRegion(env, { stage: 'uji_coba' });

    for (const catalogId of [
      `35.22~${draftId}`,
      `35.20~${draftId}`,
      '35.20~',
      'bukan-id',
      '%E0%A4%A',
      'a/b',
      '35.20~01JDEMO00000000000000000000',
    ]) {
      // Act
      const answer = await app.request(`/api/v1/katalog/${catalogId}`, { headers: FROM_CLOUDFRONT });

      // Assess
      expect(answer.status, catalogId).toBe(404);
      const html = await answer.text();
      expect(html).toContain('Inovasi tidak ditemukan di katalog');
      expect(html).not.toContain('Rahasia Draf');
      expect(dataBlock(html)).toBe('null');
    }
  });

  it('refuses a request that went around CloudFront, as every API route does', async () => {
    const answer = await app.request('/api/v1/katalog/35.20~01JDEMO00000000000000000000');
    expect(answer.status).toBe(403);
    expect(await errorCode(answer)).toBe('direct_access_refused');
  });

  it('answers 503, not a broken page, when the web bucket holds no shell', async () => {
    // Prepare: the shared test bucket, which has no web build in it.
    const config = await fileDataConfig();
    const bare = createApp({
      ...env.deps,
      catalogDetailShell: webBucketDetailShell(config.bucketName, s3Settings(env.config)),
    });
    // Act
    const answer = await bare.request('/api/v1/katalog/35.20~01JDEMO00000000000000000000');
    // Assess
    expect(answer.status).toBe(503);
    expect(await errorCode(answer)).toBe('service_unavailable');
  });

  it('stays out of the OpenAPI document, whose walkers expect JSON answers', async () => {
    const document = await app.request('/api/v1/openapi.json', { headers: FROM_CLOUDFRONT });
    const paths = Object.keys(((await document.json()) as { paths: Record<string, unknown> }).paths);
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((path) => path.includes('katalog'))).toEqual([]);
  });

  it('does not exist where the deployment gives the app no shell (the local server fills it itself)', async () => {
    const answer = await env.app.request('/api/v1/katalog/35.20~01JDEMO00000000000000000000');
    expect(answer.status).toBe(404);
    expect(await errorCode(answer)).toBe('route_not_found');
  });
});
