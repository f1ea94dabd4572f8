import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3rverContext, S3rverMiddleware } from 's3rver';

/**
 * What s3rver lacks of S3's multipart API, for the resumable evidence uploads (docs/decisions/0035):
 * it stores parts and assembles them, but answers ListParts and AbortMultipartUpload with
 * "method not allowed", and takes a part or a completion for any upload id under any key. This
 * middleware runs after the signature check and before s3rver's routes, on s3rver's own files
 * (`<bucket>/._S3rver_uploads/<uploadId>/{key,metadata,<n>,<n>.md5}`):
 *
 * - an upload id that does not exist, or that belongs to another key, is `NoSuchUpload` (404), as
 *   on S3, for every request that names one;
 * - `GET ?uploadId` lists the parts stored so far (a part counts once its MD5 is written, i.e.
 *   once s3rver answered its PUT);
 * - `DELETE ?uploadId` removes the upload and its parts (204).
 */
export function multipartCompletion(directory: string): S3rverMiddleware {
  return async (context, next) => {
    const target = parseTarget(context.req.url ?? '');
    if (!target || target.uploadId === undefined || context.method === 'OPTIONS') return next();
    const uploadDir = join(directory, target.bucket, '._S3rver_uploads', target.uploadId);
    const storedKey = /^[0-9a-f]{32}$/.test(target.uploadId)
      ? await readFile(join(uploadDir, 'key'), 'utf8').catch(() => undefined)
      : undefined;
    if (storedKey === undefined || storedKey !== target.key) {
      return answerError(context, 404, 'NoSuchUpload', 'The specified upload does not exist.');
    }
    if (context.method === 'GET') {
      context.status = 200;
      context.type = 'application/xml';
      context.body = listPartsXml(target.bucket, target.key, target.uploadId, await storedParts(uploadDir));
      return undefined;
    }
    if (context.method === 'DELETE') {
      await rm(uploadDir, { recursive: true, force: true });
      context.status = 204;
      context.body = '';
      return undefined;
    }
    return next();
  };
}

interface Target {
  readonly bucket: string;
  readonly key: string;
  readonly uploadId: string | undefined;
}

function parseTarget(url: string): Target | undefined {
  const parsed = new URL(url, 'http://local');
  const [, bucket, ...keyParts] = parsed.pathname.split('/');
  if (!bucket || keyParts.length === 0) return undefined;
  try {
    return {
      bucket: decodeURIComponent(bucket),
      key: decodeURIComponent(keyParts.join('/')),
      uploadId: parsed.searchParams.get('uploadId') ?? undefined,
    };
  } catch {
    return undefined;
  }
}

interface StoredPart {
  readonly number: number;
  readonly etag: string;
  readonly size: number;
  readonly lastModified: Date;
}

async function storedParts(uploadDir: string): Promise<StoredPart[]> {
  const names = await readdir(uploadDir).catch(() => [] as string[]);
  const parts: StoredPart[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name) || !names.includes(`${name}.md5`)) continue;
    const [etag, info] = await Promise.all([
      readFile(join(uploadDir, `${name}.md5`), 'utf8'),
      stat(join(uploadDir, name)),
    ]);
    parts.push({ number: Number(name), etag: etag.trim(), size: info.size, lastModified: info.mtime });
  }
  return parts.sort((a, b) => a.number - b.number);
}

const xmlText = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function listPartsXml(bucket: string, key: string, uploadId: string, parts: readonly StoredPart[]): string {
  const partsXml = parts
    .map(
      (part) =>
        `<Part><PartNumber>${part.number}</PartNumber><LastModified>${part.lastModified.toISOString()}</LastModified>` +
        `<ETag>"${part.etag}"</ETag><Size>${part.size}</Size></Part>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    `<Bucket>${xmlText(bucket)}</Bucket><Key>${xmlText(key)}</Key><UploadId>${uploadId}</UploadId>` +
    '<PartNumberMarker>0</PartNumberMarker>' +
    `<NextPartNumberMarker>${parts.at(-1)?.number ?? 0}</NextPartNumberMarker>` +
    '<MaxParts>10000</MaxParts><IsTruncated>false</IsTruncated>' +
    partsXml +
    '</ListPartsResult>'
  );
}

function answerError(context: S3rverContext, status: number, code: string, message: string): undefined {
  context.status = status;
  context.type = 'application/xml';
  context.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlText(message)}</Message></Error>`;
  return undefined;
}
