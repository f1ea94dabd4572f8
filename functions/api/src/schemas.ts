import { z } from '@hono/zod-openapi';
import { TENANT_CODE_PATTERN } from '@inovasi/core';

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      field: z.string().optional(),
      details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      requestId: z.string().optional(),
    }),
  })
  .openapi('Error');

const ERROR_DESCRIPTIONS = {
  400: 'Invalid input; `error.field` names the field',
  401: 'Not signed in',
  403: 'Not allowed for this caller',
  404: 'Not found',
  409: 'Conflict: stale version or duplicate',
  413: 'Body too large',
  422: 'Idempotency key reused with a different body',
  428: 'If-Match header required',
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** The documented error answers of a route; the isolation and fuzz suites read these. */
export const errorResponses = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: errorSchema } } },
    ]),
  ) as Record<
    ErrorStatus,
    { description: string; content: { 'application/json': { schema: typeof errorSchema } } }
  >;

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const tenantCodeSchema = z
  .string()
  .regex(TENANT_CODE_PATTERN)
  .openapi({ description: 'Kemendagri area code, e.g. 35.22', example: '35.22' });

export const idSchema = z
  .string()
  .regex(/^[0-9A-Za-z_-]{1,64}$/)
  .openapi({ example: '01JDEMO00000000000000000000' });

export const tenantParams = z.object({ code: tenantCodeSchema });

export const ifMatchHeader = z.object({
  'if-match': z.string().optional().openapi({ description: 'The version you read, e.g. "3"' }),
});
