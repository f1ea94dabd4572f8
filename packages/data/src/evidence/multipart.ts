import type { S3Client } from '@aws-sdk/client-s3';
import type * as ObjectModule from '../object-client.ts';
import { EVIDENCE_STATE_PENDING, EVIDENCE_STATE_TAG } from './object-tags.ts';

/**
 * S3 multipart uploads for evidence (docs/decisions/0035): the server fixes the part layout, so
 * each presigned part signs its exact `Content-Length` and the parts together are exactly the
 * announced size; before assembling, the parts S3 holds are listed and checked against that layout.
 */

/** S3's smallest part (all but the last). Small parts lose little when a connection drops. */
export const MIN_PART_BYTES = 5 * 1024 * 1024;
/** S3's largest number of parts in one upload. */
export const MAX_PARTS = 10_000;

export interface PartLayout {
  readonly partSize: number;
  readonly partCount: number;
}

export function partLayoutFor(size: number): PartLayout {
  const partSize = Math.max(MIN_PART_BYTES, Math.ceil(size / MAX_PARTS));
  return { partSize, partCount: Math.max(1, Math.ceil(size / partSize)) };
}

/** The bytes part `partNumber` (1-based) must hold: full parts, then the remainder. */
export function partLength(size: number, layout: PartLayout, partNumber: number): number {
  if (partNumber < layout.partCount) return layout.partSize;
  return size - layout.partSize * (layout.partCount - 1);
}

export interface StoredPart {
  readonly partNumber: number;
  readonly etag: string;
  readonly size: number;
}

export interface ObjectAccess {
  readonly client: S3Client;
  readonly s3: typeof ObjectModule;
  readonly bucket: string;
}

/** `NoSuchUpload`: the upload was completed or aborted (or never existed). */
export const isNoSuchUpload = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'NoSuchUpload' || error.name === 'NotFound');

export async function createMultipart(
  { client, s3, bucket }: ObjectAccess,
  objectKey: string,
  mediaType: string,
): Promise<string> {
  const created = await client.send(
    new s3.CreateMultipartUploadCommand({
      Bucket: bucket,
      Key: objectKey,
      ContentType: mediaType,
      // The assembled object carries the same tag as a single PUT: the lifecycle expires it unless
      // intake retags it.
      Tagging: `${EVIDENCE_STATE_TAG}=${EVIDENCE_STATE_PENDING}`,
    }),
  );
  if (!created.UploadId) throw new Error(`no upload id for ${objectKey}`);
  return created.UploadId;
}

/** A presigned part PUT; the browser sends the part's bytes, exactly `contentLength` of them. */
export async function presignPart(
  { client, s3, bucket }: ObjectAccess,
  objectKey: string,
  uploadId: string,
  partNumber: number,
  contentLength: number,
  expiresIn: number,
): Promise<string> {
  return s3.getSignedUrl(
    client,
    new s3.UploadPartCommand({
      Bucket: bucket,
      Key: objectKey,
      UploadId: uploadId,
      PartNumber: partNumber,
      ContentLength: contentLength,
    }),
    { expiresIn, signableHeaders: new Set(['content-length']) },
  );
}

export async function listParts(
  { client, s3, bucket }: ObjectAccess,
  objectKey: string,
  uploadId: string,
): Promise<StoredPart[]> {
  const parts: StoredPart[] = [];
  let marker: string | undefined;
  for (let page = 0; page < MAX_PARTS / 1000; page++) {
    const listed = await client.send(
      new s3.ListPartsCommand({
        Bucket: bucket,
        Key: objectKey,
        UploadId: uploadId,
        ...(marker ? { PartNumberMarker: marker } : {}),
      }),
    );
    for (const part of listed.Parts ?? []) {
      if (part.PartNumber !== undefined && part.ETag !== undefined) {
        parts.push({ partNumber: part.PartNumber, etag: part.ETag, size: part.Size ?? 0 });
      }
    }
    if (!listed.IsTruncated || !listed.NextPartNumberMarker) break;
    marker = listed.NextPartNumberMarker;
  }
  return parts.sort((a, b) => a.partNumber - b.partNumber);
}

/** The part numbers that are missing or hold other than their share of the announced size. */
export function partsOutOfLayout(size: number, layout: PartLayout, parts: readonly StoredPart[]): number[] {
  const byNumber = new Map(parts.map((part) => [part.partNumber, part]));
  const wrong: number[] = [];
  for (let number = 1; number <= layout.partCount; number++) {
    if (byNumber.get(number)?.size !== partLength(size, layout, number)) wrong.push(number);
  }
  for (const part of parts) if (part.partNumber > layout.partCount) wrong.push(part.partNumber);
  return wrong;
}

export async function completeMultipart(
  { client, s3, bucket }: ObjectAccess,
  objectKey: string,
  uploadId: string,
  parts: readonly StoredPart[],
): Promise<void> {
  await client.send(
    new s3.CompleteMultipartUploadCommand({
      Bucket: bucket,
      Key: objectKey,
      UploadId: uploadId,
      MultipartUpload: { Parts: parts.map((part) => ({ PartNumber: part.partNumber, ETag: part.etag })) },
      // The key is written once, as with the single presigned PUT.
      IfNoneMatch: '*',
    }),
  );
}

/** Aborts the upload; one already gone (completed, aborted, expired) is no error. */
export async function abortMultipart(
  { client, s3, bucket }: ObjectAccess,
  objectKey: string,
  uploadId: string,
): Promise<void> {
  try {
    await client.send(
      new s3.AbortMultipartUploadCommand({ Bucket: bucket, Key: objectKey, UploadId: uploadId }),
    );
  } catch (error) {
    if (!isNoSuchUpload(error)) throw error;
  }
}
