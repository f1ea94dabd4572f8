import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { type ClientCredentials, type DataConfig, requestTimeouts } from './client-config.ts';

/**
 * Everything of the S3 SDK the data layer uses, in one module loaded on first use (clients.ts,
 * `ScopedClients.objects`): most requests of the API never touch the bucket, and the S3 client's
 * operation schemas and middleware are the largest part of a cold start (docs/decisions/0013).
 * Import it statically only where cold start does not matter (local stack, tests, tools).
 */
export {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
export { Upload } from '@aws-sdk/lib-storage';
export { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** `credentials` overrides the config's: a scope's vended credentials in AWS. */
export function createObjectClient(
  config: DataConfig,
  credentials: ClientCredentials = config.credentials,
): S3Client {
  const local = Boolean(config.s3Endpoint);
  return new S3Client({
    region: config.region,
    ...(credentials ? { credentials } : {}),
    requestHandler: requestTimeouts(local, 10_000),
    ...(local
      ? {
          endpoint: config.s3Endpoint,
          forcePathStyle: true,
          // s3rver stores streamed uploads corrupted under the SDK's default checksum mode.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {}),
  });
}

/** Creates the bucket if missing (the embedded default and the tests; in AWS the CDK stack owns it). */
export async function provisionBucket(client: S3Client, bucketName: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucketName }));
  } catch {
    await client.send(new CreateBucketCommand({ Bucket: bucketName }));
  }
}
