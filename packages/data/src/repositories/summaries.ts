import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type {
  InnovationBrief,
  ProvinceRow,
  RegionDetail,
  RegionSummary,
  SummarySnapshot,
} from '@inovasi/core';
import { type ScopedClients, type TenantClients, tenantOf } from '../clients.ts';
import { isConditionFailure } from '../errors.ts';
import { summaryKeys, type TableKey } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { toRecord } from './versioned.ts';

/**
 * When a derived item was computed and from which moment of its sources: `sourceAt` is taken just
 * before the computation started reading, so among two computations the one with the later
 * `sourceAt` saw every write the other saw. Writes are conditional on it (docs/decisions/0010).
 */
export interface DerivedMeta {
  readonly computedAt: string;
  readonly sourceAt: string;
  /**
   * When the newest change the summary projector applied to this region was written (the stream's
   * clock, docs/decisions/0018): what a dashboard says its figures include. Absent until the
   * projector has applied a change of the region.
   */
  readonly changesThrough?: string | undefined;
}

export type StoredSummary = RegionSummary & DerivedMeta;
export type StoredProvinceRow = ProvinceRow & DerivedMeta;
export type StoredRegionDetail = RegionDetail & DerivedMeta;
export type StoredSnapshot = SummarySnapshot & DerivedMeta;

/** Everything derived from one region's period, written together. */
export interface SummaryBundle {
  readonly summary: RegionSummary;
  readonly snapshot: SummarySnapshot;
  /** Absent for a province: it oversees, it is not overseen. */
  readonly provinceRow?: ProvinceRow | undefined;
  readonly detail?: RegionDetail | undefined;
  readonly nationalRow: ProvinceRow;
}

export type BundlePart = 'summary' | 'snapshot' | 'provinceRow' | 'detail' | 'nationalRow';

export interface StoredBundle {
  readonly summary?: StoredSummary | undefined;
  readonly snapshot?: StoredSnapshot | undefined;
  readonly provinceRow?: StoredProvinceRow | undefined;
  readonly detail?: StoredRegionDetail | undefined;
  readonly nationalRow?: StoredProvinceRow | undefined;
}

export interface WriteOutcome {
  /** Parts a computation from later sources had already written: left as they were. */
  readonly superseded: readonly BundlePart[];
}

const META = ['computedAt', 'sourceAt', 'changesThrough'] as const;

/** The record without storage attributes; `meta` keeps computedAt/sourceAt. */
function fromItem<T>(item: Record<string, unknown> | undefined): T | undefined {
  return item ? toRecord<T>(item) : undefined;
}

/**
 * The drill-down's innovation list is stored as tuples with the OPD names beside them: DynamoDB
 * counts every attribute name of every map, so objects would double the item (and its write units).
 */
type PackedBrief = [
  id: string,
  name: string,
  opdId: string,
  status: InnovationBrief['status'],
  stage: InnovationBrief['stage'],
  urusan: string[],
  eligible: boolean,
  kematanganClaimed: number,
  kematanganVerified: number,
  /** total, answered, evidenced, verified; absent in items written before it existed. */
  progress?: [number, number, number, number] | null,
];

interface PackedDetail extends Omit<RegionDetail, 'innovations'> {
  readonly packed: PackedBrief[];
  readonly opdNames: Record<string, string>;
}

function packDetail(detail: RegionDetail): PackedDetail {
  const { innovations, ...rest } = detail;
  const opdNames: Record<string, string> = {};
  for (const brief of innovations) opdNames[brief.opdId] = brief.opdName;
  return {
    ...rest,
    opdNames,
    packed: innovations.map((brief) => [
      brief.id,
      brief.name,
      brief.opdId,
      brief.status,
      brief.stage,
      brief.urusan,
      brief.eligible,
      brief.kematanganClaimed,
      brief.kematanganVerified,
      brief.progress && [
        brief.progress.total,
        brief.progress.answered,
        brief.progress.evidenced,
        brief.progress.verified,
      ],
    ]),
  };
}

/**
 * The drill-down item as stored: the packed detail as brotli-compressed JSON in one string
 * attribute (docs/decisions/0031). A hundred innovations' briefs and the summary are about 15 KB
 * as DynamoDB counts them (14 write units, written by every projector recompute of the region)
 * and 2–4 KB compressed. Base64 rather than a binary attribute: the tenant transfer writes items
 * as JSON lines, and a string survives that unchanged.
 */
interface StoredDetailItem {
  readonly body: string;
}

function compressDetail(detail: RegionDetail): StoredDetailItem {
  const json = JSON.stringify(packDetail(detail));
  const compressed = brotliCompressSync(json, {
    params: {
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      [zlib.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(json),
    },
  });
  return { body: compressed.toString('base64') };
}

/** Reads both shapes: the compressed body, and the plain packed item written before 0031. */
function unpackDetail(
  stored: ((PackedDetail | StoredDetailItem) & DerivedMeta) | undefined,
): StoredRegionDetail | undefined {
  if (!stored) return undefined;
  if ('body' in stored && typeof stored.body === 'string') {
    const { body, ...meta } = stored;
    const packed = JSON.parse(
      brotliDecompressSync(Buffer.from(body, 'base64')).toString('utf8'),
    ) as PackedDetail;
    return unpackPlainDetail({ ...packed, ...meta });
  }
  return unpackPlainDetail(stored as PackedDetail & DerivedMeta);
}

function unpackPlainDetail(stored: PackedDetail & DerivedMeta): StoredRegionDetail {
  const { packed, opdNames, ...rest } = stored;
  return {
    ...rest,
    innovations: packed.map(
      ([
        id,
        name,
        opdId,
        status,
        stage,
        urusan,
        eligible,
        kematanganClaimed,
        kematanganVerified,
        progress,
      ]) => ({
        id,
        name,
        opdId,
        opdName: opdNames[opdId] ?? opdId,
        status,
        stage,
        urusan,
        eligible,
        kematanganClaimed,
        kematanganVerified,
        progress: progress
          ? { total: progress[0], answered: progress[1], evidenced: progress[2], verified: progress[3] }
          : null,
      }),
    ),
  };
}

const provinceOf = (tenantCode: string) => tenantCode.slice(0, 2);
const isRegency = (tenantCode: string) => tenantCode.includes('.');

/** A region's own summaries and trend, read through its tenant scope (read-only suffices). */
export class SummaryRepository {
  constructor(private readonly clients: TenantClients) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  /** Strongly consistent: a region sees its own change in its dashboard at once. */
  async get(year: number): Promise<StoredSummary | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.tableName,
        Key: summaryKeys.current(this.tenantCode, year),
        ConsistentRead: true,
      }),
    );
    return fromItem<StoredSummary>(result.Item);
  }

  /** The years this region has a summary for. */
  async years(): Promise<number[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': summaryKeys.current(this.tenantCode, 0).pk,
        ':prefix': summaryKeys.currentSortPrefix,
      },
      ProjectionExpression: '#year',
      ExpressionAttributeNames: { '#year': 'year' },
    });
    return items.map((item) => Number(item.year)).sort((a, b) => a - b);
  }

  /** The season's daily snapshots, oldest first (at most one per day: a year is ≤ 366 small items). */
  async trend(year: number): Promise<StoredSnapshot[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': summaryKeys.current(this.tenantCode, year).pk,
        ':prefix': summaryKeys.snapshotSortPrefix(year),
      },
    });
    return items.map((item) => toRecord<StoredSnapshot>(item));
  }
}

/**
 * Writes one region's derived items: its summary and today's snapshot in its own summary partition,
 * its row and drill-down item in its province's read model, its row in the national one. Bound to
 * `summaryWriterScope`, which reaches exactly those items.
 */
export class SummaryWriter {
  constructor(private readonly clients: TenantClients) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  private keysOf(year: number, date: string): Record<BundlePart, TableKey | undefined> {
    const province = provinceOf(this.tenantCode);
    const regency = isRegency(this.tenantCode);
    return {
      summary: summaryKeys.current(this.tenantCode, year),
      snapshot: summaryKeys.snapshot(this.tenantCode, year, date),
      provinceRow: regency ? summaryKeys.provinceRow(province, year, this.tenantCode) : undefined,
      detail: regency ? summaryKeys.provinceDetail(province, year, this.tenantCode) : undefined,
      nationalRow: summaryKeys.nationalRow(year, this.tenantCode),
    };
  }

  /**
   * Puts every part, each only if what is stored was computed from earlier sources: of two
   * concurrent recomputes the later-started one wins, whichever finishes last. Parts are written
   * independently (not as one transaction: half the cost, and each converges on its own).
   */
  async write(
    bundle: SummaryBundle,
    meta: DerivedMeta,
    only?: readonly BundlePart[] | undefined,
    options: {
      /**
       * A stored `sourceAt` later than this cannot be real (a clock far ahead, a bug): the rebuild
       * overwrites it instead of deferring to it forever.
       */
      readonly distrustAfter?: string | undefined;
    } = {},
  ): Promise<WriteOutcome> {
    const keys = this.keysOf(bundle.summary.year, bundle.snapshot.date);
    const parts: [BundlePart, object | undefined][] = [
      ['summary', bundle.summary],
      ['snapshot', bundle.snapshot],
      ['provinceRow', bundle.provinceRow],
      ['detail', bundle.detail && compressDetail(bundle.detail)],
      ['nationalRow', bundle.nationalRow],
    ];
    const superseded: BundlePart[] = [];
    await Promise.all(
      parts.map(async ([part, record]) => {
        const key = keys[part];
        if (!key || !record || (only && !only.includes(part))) return;
        try {
          await this.clients.table.send(
            new PutCommand({
              TableName: this.tableName,
              Item: { ...record, ...meta, ...key },
              ConditionExpression: options.distrustAfter
                ? 'attribute_not_exists(pk) OR sourceAt < :sourceAt OR sourceAt > :distrustAfter'
                : 'attribute_not_exists(pk) OR sourceAt < :sourceAt',
              ExpressionAttributeValues: {
                ':sourceAt': meta.sourceAt,
                ...(options.distrustAfter ? { ':distrustAfter': options.distrustAfter } : {}),
              },
            }),
          );
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
          superseded.push(part);
        }
      }),
    );
    return { superseded: superseded.sort() };
  }

  /** What is stored for one year (strongly consistent), to compare with a fresh computation. */
  async read(year: number, date: string): Promise<StoredBundle> {
    const keys = this.keysOf(year, date);
    const read = async <T>(key: TableKey | undefined): Promise<T | undefined> => {
      if (!key) return undefined;
      const result = await this.clients.table.send(
        new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
      );
      return fromItem<T>(result.Item);
    };
    const [summary, snapshot, provinceRow, detail, nationalRow] = await Promise.all([
      read<StoredSummary>(keys.summary),
      read<StoredSnapshot>(keys.snapshot),
      read<StoredProvinceRow>(keys.provinceRow),
      read<(PackedDetail | StoredDetailItem) & DerivedMeta>(keys.detail).then(unpackDetail),
      read<StoredProvinceRow>(keys.nationalRow),
    ]);
    return { summary, snapshot, provinceRow, detail, nationalRow };
  }
}

/** Drops computedAt/sourceAt/changesThrough, for comparing a stored part with a fresh one. */
export function withoutMeta<T extends object>(stored: T & Partial<DerivedMeta>): T {
  const rest = { ...stored } as Record<string, unknown>;
  for (const field of META) delete rest[field];
  return rest as T;
}

/** A province's cockpit: its read-model partition, one query; bound to `provinceReaderScope`. */
export class ProvinceReadModel {
  constructor(private readonly clients: TenantClients) {}

  /**
   * Every regency row of one year. One partition of a few dozen rows of under 1 KB, so one page
   * (eventually consistent: half the read units; the rows are derived data anyway).
   */
  async rows(year: number): Promise<StoredProvinceRow[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.clients.config.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': summaryKeys.provinceRows(tenantOf(this.clients), year) },
    });
    return items.map((item) => toRecord<StoredProvinceRow>(item));
  }

  async detail(year: number, regencyCode: string): Promise<StoredRegionDetail | undefined> {
    const result = await this.clients.table.send(
      new GetCommand({
        TableName: this.clients.config.tableName,
        Key: summaryKeys.provinceDetail(tenantOf(this.clients), year, regencyCode),
      }),
    );
    return unpackDetail(fromItem<(PackedDetail | StoredDetailItem) & DerivedMeta>(result.Item));
  }
}

/** The platform administrator's national view; bound to `nationalReaderScope`. */
export class NationalReadModel {
  constructor(private readonly clients: ScopedClients) {}

  /** Every tenant's row of one year: about 550 rows of under 1 KB, one or two pages. */
  async rows(year: number): Promise<StoredProvinceRow[]> {
    const items = await queryAll(this.clients.table, {
      TableName: this.clients.config.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': summaryKeys.nationalRows(year) },
    });
    return items.map((item) => toRecord<StoredProvinceRow>(item));
  }
}
