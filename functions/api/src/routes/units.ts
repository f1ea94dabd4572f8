import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { JobInputError } from '@inovasi/app/exports/job-errors';
import {
  type NewUnitInput,
  UNIT_KINDS,
  type UnitImportRow,
  type UnitKind,
  unitPlacementProblem,
  unitSchema,
} from '@inovasi/core';
import { expectedVersion } from '../context.ts';
import { ApiError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, idSchema, ifMatchHeader, jsonBody, jsonContent, tenantParams } from '../schemas.ts';
import { type TenantAccess, tenantAccess } from '../tenancy.ts';

const unitInput = z.object({
  opdId: idSchema,
  kind: z.enum(UNIT_KINDS),
  name: z.string().trim().min(2).max(150),
  /** The kecamatan unit of a kelurahan or desa; any other kind has none. */
  parentUnitId: idSchema.optional(),
});
const unitChange = z.object({
  name: z.string().trim().min(2).max(150).optional(),
  parentUnitId: idSchema.optional(),
});
const unitParams = tenantParams.extend({ unitId: idSchema });

/** A unit list travels inside the JSON body, as a small innovation import does: at most 180 KiB. */
const MAX_LIST_BYTES = 180 * 1024;
const importInput = z.object({
  /** Ends in `.xlsx` or `.csv`. */
  fileName: z.string().trim().min(5).max(200),
  /** The file, base64; its alphabet is checked with the file's other problems, after the body's types. */
  contentBase64: z.string().max(Math.ceil(MAX_LIST_BYTES / 3) * 4),
  /** Only read and check the list; write nothing. */
  dryRun: z.boolean().default(false),
});
const importRowView = z.object({
  row: z.number().int(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS).optional(),
  opdId: z.string().optional(),
  parentUnitId: z.string().optional(),
  status: z.enum(['new', 'exists', 'invalid']),
  errors: z.array(z.string()),
  unitId: z.string().optional(),
});

const listRoute = createRoute({
  method: 'get',
  path: '/tenants/{code}/units',
  tags: ['OPD'],
  summary: 'List the units below the region’s OPDs (puskesmas, schools, RSUD, kecamatan, kelurahan/desa)',
  request: { params: tenantParams },
  responses: {
    200: jsonContent(z.object({ items: z.array(unitSchema) }), 'Units'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const createUnitRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/units',
  tags: ['OPD'],
  summary: 'Create a unit below an OPD (tenant admin)',
  request: { params: tenantParams, body: jsonBody(unitInput) },
  responses: { 201: jsonContent(unitSchema, 'The new unit'), ...errorResponses(400, 401, 403, 404) },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/tenants/{code}/units/{unitId}',
  tags: ['OPD'],
  summary: 'Rename a unit or move a kelurahan/desa to another kecamatan of its OPD (tenant admin)',
  request: { params: unitParams, headers: ifMatchHeader, body: jsonBody(unitChange) },
  responses: {
    200: jsonContent(unitSchema, 'The unit'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const archiveRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/units/{unitId}/archive',
  tags: ['OPD'],
  summary: 'Archive a unit; a kecamatan only once no live kelurahan/desa is under it (tenant admin)',
  request: { params: unitParams, headers: ifMatchHeader },
  responses: {
    200: jsonContent(unitSchema, 'The unit'),
    ...errorResponses(400, 401, 403, 404, 409, 428),
  },
});

const importRoute = createRoute({
  method: 'post',
  path: '/tenants/{code}/units/import',
  tags: ['OPD'],
  summary:
    'Import a unit list (xlsx or csv: Nama Unit, Jenis, OPD, Kecamatan): all rows or none; units already there are kept (tenant admin)',
  request: { params: tenantParams, body: jsonBody(importInput) },
  responses: {
    200: jsonContent(
      z.object({ rows: z.array(importRowView), created: z.number().int(), existing: z.number().int() }),
      'Every row with its status; `created` is 0 on a dry run',
    ),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

/** A unit's id from what it is, so that importing the same list again finds it instead of copying it. */
const importedUnitId = (tenantCode: string, unit: NewUnitInput) =>
  `u${createHash('sha256')
    .update(
      JSON.stringify([tenantCode, unit.opdId, unit.kind, unit.name.toLowerCase(), unit.parentUnitId ?? '']),
    )
    .digest('hex')
    .slice(0, 25)}`;

async function assertPlacement(access: TenantAccess, kind: UnitKind, opdId: string, parentUnitId?: string) {
  const parent = parentUnitId ? await access.units.get(parentUnitId) : undefined;
  if (parentUnitId && (!parent || parent.opdId !== opdId))
    throw new ApiError('unit_not_found', 'parentUnitId');
  const problem = unitPlacementProblem(kind, parent);
  if (problem) throw new ApiError(`unit_${problem}`, 'parentUnitId');
}

async function loadUnit(access: TenantAccess, unitId: string) {
  const unit = await access.units.get(unitId);
  if (!unit) throw new ApiError('not_found');
  return unit;
}

/** exceljs is loaded by the first import, not when the function starts (docs/decisions/0013). */
const loadSpreadsheet = () => import('@inovasi/app/exports/spreadsheet');
/** So is the unit list reader, with the import mapping it shares with the innovation import (0041). */
const loadUnitList = () => import('../on-demand/unit-list.ts');

async function readList(fileName: string, content: Buffer) {
  const { readSpreadsheet } = await loadSpreadsheet();
  const extension = fileName.toLowerCase().split('.').at(-1);
  if (extension !== 'xlsx' && extension !== 'csv') throw new ApiError('import_file_type', 'fileName');
  const format = extension;
  return readSpreadsheet(content, format).catch((error: unknown) => {
    if (error instanceof JobInputError && error.code === 'import_archive_rejected')
      throw new ApiError('import_archive_rejected', 'contentBase64');
    if (error instanceof JobInputError && error.code === 'import_sheet_too_large')
      throw new ApiError('import_sheet_too_large', 'contentBase64');
    throw new ApiError('import_file_unreadable', 'contentBase64');
  });
}

const rowView = (row: UnitImportRow) => ({ ...row, errors: [...row.errors] });

export const unitRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'opd.read');
    return c.json({ items: await access.units.list() }, 200);
  })
  .openapi(createUnitRoute, async (c) => {
    const access = await tenantAccess(c, c.req.valid('param').code, 'opd.manage');
    const input = c.req.valid('json');
    const opd = await access.opds.get(input.opdId);
    if (!opd || opd.archived) throw new ApiError('opd_not_found', 'opdId');
    await assertPlacement(access, input.kind, input.opdId, input.parentUnitId);
    return c.json(await access.units.create(input), 201);
  })
  .openapi(updateRoute, async (c) => {
    const { code, unitId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'opd.manage');
    const version = expectedVersion(c);
    const input = c.req.valid('json');
    const current = await loadUnit(access, unitId);
    if (input.parentUnitId !== undefined) {
      await assertPlacement(access, current.kind, current.opdId, input.parentUnitId);
    }
    return c.json(await access.units.update(unitId, version, input), 200);
  })
  .openapi(archiveRoute, async (c) => {
    const { code, unitId } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'opd.manage');
    const version = expectedVersion(c);
    const current = await loadUnit(access, unitId);
    if (current.kind === 'kecamatan') {
      const units = await access.units.list();
      if (units.some((unit) => unit.parentUnitId === unitId && !unit.archived))
        throw new ApiError('unit_has_children', 'unitId');
    }
    return c.json(await access.units.archive(unitId, version), 200);
  })
  .openapi(importRoute, async (c) => {
    const { code } = c.req.valid('param');
    const access = await tenantAccess(c, code, 'opd.manage');
    const input = c.req.valid('json');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64))
      throw new ApiError('validation_failed', 'contentBase64');
    const sheets = await readList(input.fileName, Buffer.from(input.contentBase64, 'base64'));
    const [opds, units, { readUnitList }] = await Promise.all([
      access.opds.list(),
      access.units.list(),
      loadUnitList(),
    ]);
    const { rows, headerFound } = readUnitList(sheets, { opds, units }, (unit) => importedUnitId(code, unit));
    if (!headerFound) throw new ApiError('import_no_header', 'contentBase64');
    const fresh = rows.filter((row) => row.status === 'new');
    const existing = rows.filter((row) => row.status === 'exists').length;
    const view = rows.map(rowView);
    if (rows.some((row) => row.status === 'invalid')) {
      if (input.dryRun) return c.json({ rows: view, created: 0, existing }, 200);
      throw new ApiError('unit_import_invalid', 'contentBase64');
    }
    if (!input.dryRun && fresh.length > 0) {
      await access.units.createMany(
        fresh.map((row) => ({
          id: row.unitId as string,
          opdId: row.opdId as string,
          kind: row.kind as UnitKind,
          name: row.name,
          ...(row.parentUnitId ? { parentUnitId: row.parentUnitId } : {}),
        })),
      );
    }
    return c.json({ rows: view, created: input.dryRun ? 0 : fresh.length, existing }, 200);
  });
