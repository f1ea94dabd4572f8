import type { Readable } from 'node:stream';
import type { GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportFormat, ImportJob } from '@inovasi/core';
import { DomainError } from '@inovasi/core';
import { type TenantClients, tenantOf } from '../../clients.ts';
import { JOB_OBJECT_IMPORT, jobObjectTagging } from '../../job-object-tags.ts';
import { jobKeys } from '../../keys.ts';
import type { PresignedPut } from './shared.ts';

const CONTENT_TYPES: Readonly<Record<ImportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

const isMissingObject = (error: unknown): boolean => {
  const name = (error as Error).name;
  // In AWS a missing key answers 403 under a prefix-limited ListBucket (docs/decisions/0008).
  return name === 'NoSuchKey' || name === 'NotFound' || name === 'AccessDenied';
};

/**
 * An import's files: the uploaded spreadsheet (inline beside the record, or an object uploaded
 * with a presigned PUT) and the JSON objects of its preview and report, all tagged so the bucket's
 * lifecycle expires them with the import.
 */
export class ImportFiles {
  constructor(private readonly clients: TenantClients) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  private get bucket() {
    return this.clients.config.bucketName;
  }

  private sourceKey(job: Pick<ImportJob, 'id' | 'format'>) {
    return jobKeys.importObject(
      this.tenantCode,
      job.id,
      job.format === 'xlsx' ? 'source.xlsx' : 'source.csv',
    );
  }

  /** The presigned PUT of a spreadsheet too large to travel in the request. */
  async presignSource(
    job: Pick<ImportJob, 'id' | 'format'>,
    size: number,
    uploadSeconds: number,
    now: Date,
  ): Promise<PresignedPut> {
    // The uploader must send the tag (it is signed), so the lifecycle rule expires the file with its import.
    const headers = {
      'content-type': CONTENT_TYPES[job.format],
      'x-amz-tagging': jobObjectTagging(JOB_OBJECT_IMPORT),
    };
    const { client, s3 } = await this.clients.objects();
    const url = await s3.getSignedUrl(
      client,
      new s3.PutObjectCommand({
        Bucket: this.bucket,
        Key: this.sourceKey(job),
        ContentType: headers['content-type'],
        ContentLength: size,
        Tagging: headers['x-amz-tagging'],
      }),
      {
        expiresIn: uploadSeconds,
        // Signed as a header, not hoisted into the query: S3 reads tags from headers.
        unhoistableHeaders: new Set(['x-amz-tagging']),
        signableHeaders: new Set(['content-type', 'content-length']),
      },
    );
    return {
      method: 'PUT',
      url,
      headers,
      expiresAt: new Date(now.getTime() + uploadSeconds * 1000).toISOString(),
    };
  }

  /** The uploaded file's bytes (a spreadsheet of at most `maxBytes`). */
  async readSource(job: ImportJob, maxBytes: number): Promise<Buffer> {
    const inline = await this.clients.table.send(
      new GetCommand({
        TableName: this.clients.config.tableName,
        Key: jobKeys.importSource(this.tenantCode, job.id),
        ConsistentRead: true,
      }),
    );
    if (inline.Item?.content) return Buffer.from(inline.Item.content as Uint8Array);
    const { client, s3 } = await this.clients.objects();
    let object: GetObjectCommandOutput;
    try {
      object = await client.send(new s3.GetObjectCommand({ Bucket: this.bucket, Key: this.sourceKey(job) }));
    } catch (error) {
      if (isMissingObject(error)) throw new DomainError('import_file_missing', 'file');
      throw error;
    }
    const body = object.Body as Readable;
    if ((object.ContentLength ?? 0) > maxBytes) {
      body.destroy();
      throw new DomainError('import_file_too_large', 'file');
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of body) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        body.destroy();
        throw new DomainError('import_file_too_large', 'file');
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  /** Whether the file is there to be previewed: stored with the record, or uploaded. */
  async sourceExists(job: Pick<ImportJob, 'id' | 'format'>): Promise<boolean> {
    const inline = await this.clients.table.send(
      new GetCommand({
        TableName: this.clients.config.tableName,
        Key: jobKeys.importSource(this.tenantCode, job.id),
        ProjectionExpression: 'pk',
        ConsistentRead: true,
      }),
    );
    if (inline.Item) return true;
    const { client, s3 } = await this.clients.objects();
    try {
      await client.send(new s3.HeadObjectCommand({ Bucket: this.bucket, Key: this.sourceKey(job) }));
      return true;
    } catch (error) {
      if (isMissingObject(error) || (error as Error).name === 'Forbidden') return false;
      throw error;
    }
  }

  async putJson(objectKey: string, value: unknown): Promise<void> {
    const { client, s3 } = await this.clients.objects();
    await client.send(
      new s3.PutObjectCommand({
        Bucket: this.bucket,
        Key: objectKey,
        Body: JSON.stringify(value),
        ContentType: 'application/json',
        Tagging: jobObjectTagging(JOB_OBJECT_IMPORT),
      }),
    );
  }

  async getJson<T>(objectKey: string): Promise<T | undefined> {
    const { client, s3 } = await this.clients.objects();
    try {
      const object = await client.send(new s3.GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      return JSON.parse(
        await (object.Body as { transformToString(): Promise<string> }).transformToString(),
      ) as T;
    } catch (error) {
      if (isMissingObject(error)) return undefined;
      throw error;
    }
  }
}
