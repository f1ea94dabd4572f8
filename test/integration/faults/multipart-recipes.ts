import type { TestEnvironment } from '../../support/environment.ts';

/** What the faults suite needs to build a call (its own `Call` shape, kept structurally equal). */
export interface MultipartRecipeContext {
  readonly env: () => TestEnvironment;
  readonly tenant: string;
  readonly token: () => Promise<string>;
  /** The body of `POST …/evidence/uploads/multipart` for a small real file, and the file's bytes. */
  readonly upload: () => Promise<Record<string, unknown>>;
  readonly bytes: Buffer;
}

interface MultipartCall {
  readonly path: string;
}

/** Where a multipart upload is started, and the path of a started one's routes from its answer. */
export interface MultipartStart {
  readonly path: string;
  readonly body: unknown;
  readonly uploadPath: (started: { evidenceId: string; uploadId: string }) => string;
  /** The item's id in the start's answer: the library's item, or an entry's file. */
  readonly evidenceIdOf: (answer: Record<string, { evidenceId?: string; id?: string }>) => string;
}

/**
 * A multipart upload started through the API with every part of the server's layout stored in
 * s3rver through its presigned part URLs, as the browser leaves it just before "complete" or
 * "cancel". Built without faults: the suite then sends the completion or the cancel under faults.
 * The library's uploads and contest entry files mount the same routes (docs/decisions/0054).
 */
export async function startedMultipart(
  env: TestEnvironment,
  token: string,
  start: MultipartStart,
  bytes: Buffer,
): Promise<string> {
  const started = await env.request('POST', start.path, { token, body: start.body });
  if (started.status !== 201)
    throw new Error(`could not start a multipart upload: ${started.text.slice(0, 160)}`);
  const upload = started.json.upload as { uploadId: string; partSize: number; partCount: number };
  const base = start.uploadPath({ evidenceId: start.evidenceIdOf(started.json), uploadId: upload.uploadId });
  for (let partNumber = 1; partNumber <= upload.partCount; partNumber++) {
    const signed = await env.request('GET', `${base}/parts/${partNumber}`, { token });
    if (signed.status !== 200)
      throw new Error(`could not sign part ${partNumber}: ${signed.text.slice(0, 160)}`);
    const part = bytes.subarray((partNumber - 1) * upload.partSize, partNumber * upload.partSize);
    const put = await fetch(signed.json.url, { method: 'PUT', headers: signed.json.headers, body: part });
    await put.arrayBuffer();
    if (!put.ok) throw new Error(`the store refused part ${partNumber}: ${put.status}`);
  }
  const listed = await env.request('GET', `${base}/parts`, { token });
  if (listed.status !== 200 || listed.json.parts.length !== upload.partCount)
    throw new Error(`the store does not list the parts: ${listed.text.slice(0, 160)}`);
  return base;
}

async function startedUpload(context: MultipartRecipeContext): Promise<string> {
  const tenant = context.tenant;
  return startedMultipart(
    context.env(),
    await context.token(),
    {
      path: `/tenants/${tenant}/evidence/uploads/multipart`,
      body: await context.upload(),
      uploadPath: ({ evidenceId, uploadId }) =>
        `/tenants/${tenant}/evidence/${evidenceId}/multipart/${encodeURIComponent(uploadId)}`,
      evidenceIdOf: (answer) => answer.evidence?.id ?? '',
    },
    context.bytes,
  );
}

/** Recipes for the multipart routes that end an upload (ADR 0035, ADR 0045), keyed like the suite's RECIPES. */
export function multipartRecipes(
  context: MultipartRecipeContext,
): Record<string, () => Promise<MultipartCall>> {
  return {
    'POST /tenants/{code}/evidence/{evidenceId}/multipart/{uploadId}/complete': async () => ({
      path: `${await startedUpload(context)}/complete`,
    }),
    'DELETE /tenants/{code}/evidence/{evidenceId}/multipart/{uploadId}': async () => ({
      path: await startedUpload(context),
    }),
  };
}
