import { createHash } from 'node:crypto';
import {
  DomainError,
  type EvidenceLimits,
  type EvidenceMediaType,
  type EvidenceRejection,
  isEvidenceMediaType,
  maxBytesFor,
} from '@inovasi/core';
import type { ObjectAccess } from '../clients.ts';
import { Mp4DurationReader } from './mp4-duration.ts';
import { PdfTextLayerScanner } from './pdf-text.ts';

/** What the uploader announced when it asked for the upload; the stored bytes must match it. */
export interface UploadExpectation {
  readonly mediaType: EvidenceMediaType;
  readonly size: number;
  /** Lower-case hex. */
  readonly sha256: string;
}

/** What intake measured on the stored object. */
export interface IntakeMeasurement {
  readonly size: number;
  readonly mediaType?: string | undefined;
  readonly sha256?: string | undefined;
  readonly textLayer?: boolean | undefined;
  readonly durationSeconds?: number | undefined;
}

export type IntakeOutcome =
  | { readonly passed: true; readonly measured: IntakeMeasurement }
  | { readonly passed: false; readonly rejection: EvidenceRejection; readonly measured: IntakeMeasurement };

/** Enough for every magic number `file-type` knows for the accepted kinds. */
const MAGIC_BYTES = 4100;

const isMissing = (error: unknown): boolean => {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const name = (error as Error).name;
  // With a prefix-limited ListBucket, S3 answers a missing key with 403 instead of 404 (ADR 0003).
  return name === 'NotFound' || name === 'NoSuchKey' || status === 404 || status === 403;
};

async function* bodyChunks(body: unknown): AsyncGenerator<Uint8Array> {
  if (!body) return;
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  }
}

/**
 * Checks a stored upload against what was announced, streaming: the size from a HEAD (an oversized
 * object is refused before a byte is read), the real type from the magic bytes of a ranged GET (a
 * renamed file is refused before the rest is read), then one pass over the body that hashes it and
 * feeds the PDF text-layer scanner or the MP4 header reader. Memory does not grow with the file.
 */
export async function inspectEvidenceObject(
  access: ObjectAccess,
  bucket: string,
  key: string,
  expected: UploadExpectation,
  limits: EvidenceLimits,
): Promise<IntakeOutcome> {
  const size = await storedSize(access, bucket, key);
  if (size > maxBytesFor(expected.mediaType, limits)) {
    return { passed: false, rejection: 'too_large', measured: { size } };
  }
  if (size !== expected.size) return { passed: false, rejection: 'size_mismatch', measured: { size } };

  const mediaType = await detectedMediaType(access, bucket, key);
  if (!mediaType || !isEvidenceMediaType(mediaType)) {
    return { passed: false, rejection: 'type_not_accepted', measured: { size, mediaType } };
  }
  if (mediaType !== expected.mediaType) {
    return { passed: false, rejection: 'type_mismatch', measured: { size, mediaType } };
  }

  const measured = await measuredBody(access, bucket, key, mediaType);
  return bodyVerdict(measured, expected, limits, mediaType === 'video/mp4');
}

/** The object's size from a HEAD; a missing object is the uploader's (it never arrived). */
async function storedSize({ client, s3 }: ObjectAccess, bucket: string, key: string): Promise<number> {
  try {
    const head = await client.send(new s3.HeadObjectCommand({ Bucket: bucket, Key: key }));
    return Number(head.ContentLength ?? 0);
  } catch (error) {
    if (isMissing(error)) throw new DomainError('evidence_not_uploaded', 'file');
    throw error;
  }
}

/** The real type, from the magic bytes of a ranged GET. */
async function detectedMediaType(
  { client, s3 }: ObjectAccess,
  bucket: string,
  key: string,
): Promise<string | undefined> {
  const range = await client.send(
    new s3.GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${MAGIC_BYTES - 1}` }),
  );
  const head: Uint8Array[] = [];
  for await (const chunk of bodyChunks(range.Body)) head.push(chunk);
  // Loaded by the first completion, not at start: the API's cold start need not parse it (ADR 0013).
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(Buffer.concat(head));
  return detected?.mime;
}

/** One pass over the body: its hash, and the PDF text layer or the MP4 duration. */
async function measuredBody(
  { client, s3 }: ObjectAccess,
  bucket: string,
  key: string,
  mediaType: EvidenceMediaType,
): Promise<IntakeMeasurement> {
  const hash = createHash('sha256');
  const pdf = mediaType === 'application/pdf' ? new PdfTextLayerScanner() : undefined;
  const mp4 = mediaType === 'video/mp4' ? new Mp4DurationReader() : undefined;
  let read = 0;
  const body = await client.send(new s3.GetObjectCommand({ Bucket: bucket, Key: key }));
  for await (const chunk of bodyChunks(body.Body)) {
    read += chunk.byteLength;
    hash.update(chunk);
    pdf?.push(chunk);
    mp4?.push(chunk);
  }
  return {
    size: read,
    mediaType,
    sha256: hash.digest('hex'),
    ...(pdf ? { textLayer: pdf.hasTextLayer } : {}),
    ...(mp4?.durationSeconds !== undefined
      ? { durationSeconds: Math.round(mp4.durationSeconds * 10) / 10 }
      : {}),
  };
}

function bodyVerdict(
  measured: IntakeMeasurement,
  expected: UploadExpectation,
  limits: EvidenceLimits,
  isVideo: boolean,
): IntakeOutcome {
  // The object changed between the HEAD and the read (it cannot be overwritten, but be sure).
  if (measured.size !== expected.size) return { passed: false, rejection: 'size_mismatch', measured };
  if (measured.sha256 !== expected.sha256.toLowerCase())
    return { passed: false, rejection: 'hash_mismatch', measured };
  // Without a readable movie header the rubric's length limit cannot be checked: refuse the file
  // now, with its reason, rather than let it pass unmeasured.
  if (isVideo && measured.durationSeconds === undefined) {
    return { passed: false, rejection: 'video_unreadable', measured };
  }
  if (measured.durationSeconds !== undefined && measured.durationSeconds > limits.maxVideoSeconds) {
    return { passed: false, rejection: 'video_too_long', measured };
  }
  return { passed: true, measured };
}
