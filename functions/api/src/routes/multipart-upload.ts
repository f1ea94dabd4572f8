import { createRoute, z } from '@hono/zod-openapi';
import type { Actor, Evidence } from '@inovasi/core';
import type { EvidenceAuthorize, EvidenceRepository } from '@inovasi/data';
import { ApiError } from '../errors.ts';
import { errorResponses, jsonContent } from '../schemas.ts';
import { rejected } from './evidence-intake.ts';
import { uploadSchema } from './evidence-shared.ts';

/**
 * One resumable upload (docs/decisions/0035), wherever its item is announced: the evidence library
 * (routes/evidence-multipart.ts) and a contest entry's files (routes/contests/files.ts,
 * docs/decisions/0054). Each mounts the same four routes below its item's own path, after its own
 * access checks, and both run the same steps on the evidence repository: the server's part layout,
 * each part's signed length, the parts checked before assembly, intake on the whole, and a cancel
 * that leaves nothing.
 */

/** S3 upload ids are opaque; AWS's are long URL-safe strings, s3rver's 32 hex digits. */
const uploadIdSchema = z
  .string()
  .regex(/^[0-9A-Za-z._~-]{1,1024}$/)
  .openapi({ example: '0123456789abcdef0123456789abcdef' });
const partNumberSchema = z.coerce.number().int().min(1).max(10_000).openapi({ example: 1 });

export const multipartSchema = z.object({
  uploadId: z.string(),
  /** Every part but the last holds exactly this many bytes; the last holds the rest. */
  partSize: z.number(),
  partCount: z.number(),
});

const storedPartsSchema = z.object({
  parts: z.array(z.object({ partNumber: z.number(), etag: z.string(), size: z.number() })),
});

/**
 * The routes of a started upload below `item` (a path ending in `{evidenceId}`, whose params are
 * `itemParams`); `completed` is what completion answers (the library's item, or the entry's file as
 * its entrant sees it).
 */
export function multipartRoutes<S extends z.ZodRawShape, C extends z.ZodType>(options: {
  readonly item: string;
  readonly tag: string;
  readonly itemParams: z.ZodObject<S>;
  readonly completed: C;
}) {
  const { item, tag } = options;
  const uploadParams = options.itemParams.extend({ uploadId: uploadIdSchema });
  const partParams = uploadParams.extend({ partNumber: partNumberSchema });
  const upload = `${item}/multipart/{uploadId}`;
  return {
    signPart: createRoute({
      method: 'get',
      path: `${upload}/parts/{partNumber}`,
      tags: [tag],
      summary: 'A presigned PUT for one part of a resumable upload (its exact length is signed)',
      request: { params: partParams },
      responses: {
        200: jsonContent(uploadSchema, 'The presigned part upload'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    listParts: createRoute({
      method: 'get',
      path: `${upload}/parts`,
      tags: [tag],
      summary: 'The parts the store holds so far: a resumed upload sends only the others',
      request: { params: uploadParams },
      responses: {
        200: jsonContent(storedPartsSchema, 'The stored parts'),
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    complete: createRoute({
      method: 'post',
      path: `${upload}/complete`,
      tags: [tag],
      summary:
        'Assemble the parts (all present, each of its length) and check the file as a single upload is checked',
      request: { params: uploadParams },
      responses: {
        200: jsonContent(options.completed, 'The file, passed intake (its findings are warnings)'),
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    abort: createRoute({
      method: 'delete',
      path: upload,
      tags: [tag],
      summary: 'Cancel a resumable upload: the stored parts and the pending item are removed',
      request: { params: uploadParams },
      responses: {
        204: { description: 'Cancelled' },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
  };
}

/** A started upload as the caller reached it: whose item, which upload, and who acts. */
export interface StartedUpload {
  readonly evidence: EvidenceRepository;
  readonly actor: Actor;
  readonly evidenceId: string;
  readonly uploadId: string;
  /** Checked against the item in the same read (the library's OPD rule); entry files check before. */
  readonly authorize?: EvidenceAuthorize | undefined;
}

type AbortOptions = NonNullable<Parameters<EvidenceRepository['abortUpload']>[3]>;

export const signPart = (upload: StartedUpload, partNumber: number) =>
  upload.evidence.signUploadPart(upload.evidenceId, upload.uploadId, partNumber, {
    authorize: upload.authorize,
  });

export const storedParts = async (upload: StartedUpload) => ({
  parts: await upload.evidence.listUploadParts(upload.evidenceId, upload.uploadId, {
    authorize: upload.authorize,
  }),
});

/** Assembles and checks; a deleted item or a rejected file is a refusal naming its field. */
export async function completeUpload(upload: StartedUpload): Promise<Evidence> {
  const evidence = await upload.evidence.completeMultipartUpload(upload.evidenceId, upload.uploadId, {
    actor: upload.actor,
    authorize: upload.authorize,
  });
  if (evidence.deleted) throw new ApiError('evidence_deleted');
  if (evidence.status === 'rejected') throw rejected(evidence);
  return evidence;
}

/** S3 drops the parts; the pending item goes with its audit entry and any `extra` item. */
export const abortUpload = (upload: StartedUpload, extra: AbortOptions['extra'] = []) =>
  upload.evidence.abortUpload(upload.evidenceId, upload.uploadId, upload.actor, {
    authorize: upload.authorize,
    extra,
  });
