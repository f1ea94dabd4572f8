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

/**
 * A multipart upload started through the API with every part of the server's layout stored in
 * s3rver through its presigned part URLs, as the browser leaves it just before "complete" or
 * "cancel". Built without faults: the suite then sends the completion or the cancel under faults.
 */
async function startedUpload(context: MultipartRecipeContext): Promise<string> {
  const env = context.env();
  const token = await context.token();
  const started = await env.request('POST', `/tenants/${context.tenant}/evidence/uploads/multipart`, {
    token,
    body: await context.upload(),
  });
  if (started.status !== 201)
    throw new Error(`could not start a multipart upload: ${started.text.slice(0, 160)}`);
  const { evidence, upload } = started.json as {
    evidence: { id: string };
    upload: { uploadId: string; partSize: number; partCount: number };
  };
  const base = `/tenants/${context.tenant}/evidence/${evidence.id}/multipart/${encodeURIComponent(upload.uploadId)}`;
  for (let partNumber = 1; partNumber <= upload.partCount; partNumber++) {
    const signed = await env.request('GET', `${base}/parts/${partNumber}`, { token });
    if (signed.status !== 200)
      throw new Error(`could not sign part ${partNumber}: ${signed.text.slice(0, 160)}`);
    const part = context.bytes.subarray((partNumber - 1) * upload.partSize, partNumber * upload.partSize);
    const put = await fetch(signed.json.url, { method: 'PUT', headers: signed.json.headers, body: part });
    await put.arrayBuffer();
    if (!put.ok) throw new Error(`the store refused part ${partNumber}: ${put.status}`);
  }
  const listed = await env.request('GET', `${base}/parts`, { token });
  if (listed.status !== 200 || listed.json.parts.length !== upload.partCount)
    throw new Error(`the store does not list the parts: ${listed.text.slice(0, 160)}`);
  return base;
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
