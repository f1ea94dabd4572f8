import { Logger } from '@aws-lambda-powertools/logger';
import { GetObjectTaggingCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { ScopedClientFactory, tenantScope } from '@inovasi/data';
import { solidPng, textPdf } from '@inovasi/local';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createEvidenceObjectHandler,
  type ObjectCreatedEvent,
} from '../../../functions/workers/src/evidence-object-created.ts';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { putBuffer, requestUpload } from './support.ts';

/**
 * The worker's handler in-process, against the same s3rver and DynamoDB Local as the API, fed the
 * object-created events S3 would send: the check runs without anyone calling `complete`.
 */
let env: TestEnvironment;
let admin: string;
let handler: ReturnType<typeof createEvidenceObjectHandler>;

beforeAll(async () => {
  env = await createTestEnvironment();
  admin = await env.login('admin.3522@demo.local');
  handler = createEvidenceObjectHandler({
    data: env.data,
    logger: new Logger({ serviceName: 'inovasi-worker-test', logLevel: 'SILENT' }),
  });
});

/** An S3 notification for one object, key URL-encoded as S3 sends it. */
const s3Event = (
  key: string,
  bucket = env.config.bucketName,
  eventName = 'ObjectCreated:Put',
): ObjectCreatedEvent => ({
  Records: [
    {
      eventName,
      s3: {
        bucket: { name: bucket },
        object: { key: encodeURIComponent(key).replace(/%2F/g, '/'), size: 1 },
      },
    },
  ],
});

/** The same notification as EventBridge delivers it (the deployed wiring). */
const eventBridgeEvent = (key: string): ObjectCreatedEvent => ({
  source: 'aws.s3',
  'detail-type': 'Object Created',
  detail: { bucket: { name: env.config.bucketName }, object: { key, size: 1 }, reason: 'PutObject' },
});

async function uploadOnly(bytes: Buffer, fileName: string, mediaType: string) {
  const asked = await requestUpload(env, admin, '35.22', bytes, { fileName, mediaType });
  expect(await putBuffer(asked.json.upload, bytes)).toBe(200);
  const id = asked.json.evidence.id as string;
  const key = decodeURIComponent(new URL(asked.json.upload.url).pathname).slice(
    `/${env.config.bucketName}/`.length,
  );
  return { id, key };
}

const objectsOf = async (id: string) => {
  const page = await (await env.data.forScope(tenantScope('35.22')).objects()).client.send(
    new ListObjectsV2Command({ Bucket: env.config.bucketName, Prefix: `tenants/35.22/evidence/${id}/` }),
  );
  return (page.Contents ?? []).map((object) => object.Key);
};

describe('evidence worker on object-created events', () => {
  it('checks an upload nobody completed, tags it checked, and leaves the completion call nothing to do', async () => {
    // Prepare
    const { id, key } = await uploadOnly(
      textPdf({ lines: ['Laporan monev'] }),
      'laporan monev.pdf',
      'application/pdf',
    );
    // Act
    const result = await handler(s3Event(key));
    // Assess
    expect(result.records).toEqual([
      { key, outcome: 'checked', tenantCode: '35.22', evidenceId: id, status: 'passed' },
    ]);
    const item = await env.request('GET', `/tenants/35.22/evidence/${id}`, { token: admin });
    expect(item.json.evidence).toMatchObject({
      status: 'passed',
      intake: { checkedBy: 'worker', textLayer: true },
    });
    const tags = await (await env.data.forScope(tenantScope('35.22')).objects()).client.send(
      new GetObjectTaggingCommand({ Bucket: env.config.bucketName, Key: key }),
    );
    expect(tags.TagSet).toEqual([{ Key: 'evidence-state', Value: 'checked' }]);
    // The client's completion arrives second and finds the item decided.
    const completed = await env.request('POST', `/tenants/35.22/evidence/${id}/complete`, { token: admin });
    expect(completed.status).toBe(200);
    expect(completed.json.intake.checkedBy).toBe('worker');
    // A repeated event (delivery is at least once) changes nothing.
    await handler(s3Event(key));
    expect(
      (await env.request('GET', `/tenants/35.22/evidence/${id}`, { token: admin })).json.evidence,
    ).toEqual(item.json.evidence);
  });

  it('rejects a failed upload and removes it; the API then reports the reason', async () => {
    const { id, key } = await uploadOnly(solidPng(), 'foto.pdf', 'application/pdf');
    const result = await handler(eventBridgeEvent(key));
    expect(result.records[0]).toMatchObject({ outcome: 'checked', status: 'rejected' });
    expect(await objectsOf(id)).toEqual([]);
    const completed = await env.request('POST', `/tenants/35.22/evidence/${id}/complete`, { token: admin });
    expect(completed.status).toBe(422);
    expect(completed.json.error.code).toBe('evidence_type_mismatch');
  });

  it('ignores what is not an evidence upload of the bucket', async () => {
    const stray = `tenants/35.22/evidence/01JSTRAY0000000000000000/x.pdf`;
    const { key: issued } = await uploadOnly(textPdf(), 'asli.pdf', 'application/pdf');
    const elsewhere = `${issued.slice(0, issued.lastIndexOf('/'))}/lain.pdf`;
    await (await env.data.forScope(tenantScope('35.22')).objects()).client.send(
      new PutObjectCommand({ Bucket: env.config.bucketName, Key: elsewhere, Body: textPdf() }),
    );
    const outcomes = await Promise.all([
      handler(s3Event(stray)),
      handler(s3Event(elsewhere)),
      handler(s3Event(issued, 'another-bucket')),
      handler(s3Event(issued, env.config.bucketName, 'ObjectRemoved:Delete')),
      handler(s3Event('catalog/search/index-1.bin')),
      handler(s3Event('tenants/3522/evidence/01JX/a.pdf')),
    ]);
    expect(outcomes.map((outcome) => outcome.records[0])).toEqual([
      { key: stray, outcome: 'ignored', reason: 'no evidence record' },
      { key: elsewhere, outcome: 'ignored', reason: 'not the item’s upload key' },
      { key: issued, outcome: 'ignored', reason: 'another bucket' },
      { key: issued, outcome: 'ignored', reason: 'not an object-created event' },
      { key: 'catalog/search/index-1.bin', outcome: 'ignored', reason: 'not an evidence object key' },
      { key: 'tenants/3522/evidence/01JX/a.pdf', outcome: 'ignored', reason: 'not an evidence object key' },
    ]);
  });

  it('throws when the check itself fails, so the event is retried and then dead-lettered', async () => {
    const { key } = await uploadOnly(textPdf(), 'a.pdf', 'application/pdf');
    const broken = createEvidenceObjectHandler({
      data: new ScopedClientFactory({ ...env.config, tableName: 'table-that-does-not-exist' }),
      logger: new Logger({ serviceName: 'inovasi-worker-test', logLevel: 'SILENT' }),
    });
    await expect(broken(s3Event(key))).rejects.toThrow();
  });
});
