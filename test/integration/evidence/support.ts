import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { sha256Hex } from '@inovasi/local';
import type { TestEnvironment } from '../../support/environment.ts';

export interface UploadRequest {
  readonly kind?: string;
  readonly title?: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
  readonly documentDate?: string;
  readonly opdId?: string;
}

/** Asks the API for a presigned upload of `bytes` (or of what `announce` says instead). */
export async function requestUpload(
  env: TestEnvironment,
  token: string,
  tenant: string,
  bytes: Buffer,
  announce: Partial<UploadRequest> & Pick<UploadRequest, 'fileName' | 'mediaType'>,
) {
  return env.request('POST', `/tenants/${tenant}/evidence/uploads`, {
    token,
    body: {
      kind: 'laporan',
      title: `Bukti ${announce.fileName}`,
      size: bytes.length,
      sha256: sha256Hex(bytes),
      ...announce,
    },
  });
}

/** PUTs a buffer to a presigned URL with the headers the API asked for (what `fetch` in a browser does). */
export async function putBuffer(upload: { url: string; headers: Record<string, string> }, bytes: Buffer) {
  const response = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
  await response.arrayBuffer();
  return response.status;
}

/** PUTs a stream to a presigned URL in chunks, never holding the whole file (a large upload). */
export function putStream(
  upload: { url: string; headers: Record<string, string> },
  chunks: Iterable<Buffer>,
  size: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      upload.url,
      { method: 'PUT', headers: { ...upload.headers, 'content-length': String(size) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    Readable.from(chunks).pipe(request);
  });
}

/** Upload request, PUT and completion in one go; returns the completion's answer. */
export async function uploadAndComplete(
  env: TestEnvironment,
  token: string,
  tenant: string,
  bytes: Buffer,
  announce: Partial<UploadRequest> & Pick<UploadRequest, 'fileName' | 'mediaType'>,
) {
  const asked = await requestUpload(env, token, tenant, bytes, announce);
  if (asked.status !== 201) throw new Error(`upload request failed: ${asked.status} ${asked.text}`);
  const put = await putBuffer(asked.json.upload, bytes);
  if (put !== 200) throw new Error(`PUT failed: ${put}`);
  const completed = await env.request(
    'POST',
    `/tenants/${tenant}/evidence/${asked.json.evidence.id}/complete`,
    {
      token,
    },
  );
  return { asked, completed, id: asked.json.evidence.id as string };
}

export function* chunksOf(bytes: Buffer, size: number): Generator<Buffer> {
  for (let offset = 0; offset < bytes.length; offset += size) yield bytes.subarray(offset, offset + size);
}
