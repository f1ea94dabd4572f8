import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Innovation, SummaryAnswer, SummaryContribution } from '@inovasi/core';
import { type TenantClients, tenantOf } from '../clients.ts';
import { isConditionFailure } from '../errors.ts';
import { summaryKeys } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import { toRecord } from './versioned.ts';

/**
 * The per-innovation contribution rows of a region's summaries (docs/decisions/0040), in the
 * region's summary partition beside its summaries: `CONTRIB#<year>#<innovation>`, and a header
 * `CONTRIB#<year>#` that says the rows of the year are complete (written by the first full
 * recompute after it and by the rebuild). Bound to `summaryWriterScope`.
 *
 * Every row carries the innovation's `version` and is written only over an older one, so stream
 * records applied twice or late cannot take a row back. A removed contribution (the innovation
 * archived, deleted or moved to another year) stays as a tombstone of its version for the same
 * reason.
 */

type PackedAnswer = [
  code: string,
  level: number,
  basis: string | null,
  review: 'accepted' | 'returned' | null,
];

/**
 * The stored body: tuples in one JSON string, because DynamoDB counts every attribute name of every
 * map, and thirty answers as maps would double the row (and the read units of each recompute).
 */
type PackedContribution = [
  id: string,
  opdId: string,
  status: SummaryContribution['status'],
  periodYear: number,
  name: string,
  stage: string | null,
  urusanMain: string | null,
  urusanOthers: string[] | null,
  answers: PackedAnswer[],
  eligible: Record<string, boolean>,
];

function pack(contribution: SummaryContribution): string {
  const { profile } = contribution;
  const packed: PackedContribution = [
    contribution.id,
    contribution.opdId,
    contribution.status,
    contribution.periodYear,
    profile.name,
    profile.stage ?? null,
    profile.urusanMain ?? null,
    profile.urusanOthers ?? null,
    Object.entries(contribution.answers).map(([code, answer]) => [
      code,
      answer.level,
      answer.basis ?? null,
      answer.review?.status ?? null,
    ]),
    contribution.eligible,
  ];
  return JSON.stringify(packed);
}

function unpack(body: string, version: number): SummaryContribution {
  const [id, opdId, status, periodYear, name, stage, urusanMain, urusanOthers, packedAnswers, eligible] =
    JSON.parse(body) as PackedContribution;
  const answers: Record<string, SummaryAnswer> = {};
  for (const [code, level, basis, review] of packedAnswers) {
    answers[code] = {
      level,
      ...(basis === null ? {} : { basis: basis as SummaryAnswer['basis'] }),
      ...(review === null ? {} : { review: { status: review } }),
    };
  }
  const profile = {
    name,
    ...(stage === null ? {} : { stage }),
    ...(urusanMain === null ? {} : { urusanMain }),
    ...(urusanOthers === null ? {} : { urusanOthers }),
  } as SummaryContribution['profile'];
  // Only live innovations have a row: an archived one is a tombstone.
  return { id, opdId, status, archived: false, periodYear, version, profile, answers, eligible };
}

/** What is stored for one year. */
export interface StoredContributions {
  /** The header is there: every innovation of the year has its row (or tombstone). */
  readonly complete: boolean;
  /** The live rows, by innovation id order. */
  readonly contributions: readonly SummaryContribution[];
  /** Every row's version, tombstones included (what the rebuild compares). */
  readonly versions: ReadonlyMap<string, { readonly version: number; readonly gone: boolean }>;
}

export class SummaryContributionStore {
  constructor(private readonly clients: TenantClients) {}

  private get tenantCode(): string {
    return tenantOf(this.clients);
  }

  private get tableName() {
    return this.clients.config.tableName;
  }

  /**
   * Strongly consistent: a projector that wrote a row reads it back, and so does any recompute that
   * started after another projector's write (the order `sourceAt` relies on).
   */
  async read(year: number): Promise<StoredContributions> {
    const prefix = summaryKeys.contributionSortPrefix(year);
    const items = await queryAll(this.clients.table, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': summaryKeys.contribution(this.tenantCode, year, '').pk,
        ':prefix': prefix,
      },
      ConsistentRead: true,
    });
    let complete = false;
    const contributions: SummaryContribution[] = [];
    const versions = new Map<string, { version: number; gone: boolean }>();
    for (const item of items) {
      const id = String(item.sk).slice(prefix.length);
      if (id === '') {
        complete = item.complete === true;
        continue;
      }
      const version = Number(item.version);
      const gone = item.gone === true || typeof item.body !== 'string';
      versions.set(id, { version, gone });
      if (!gone) contributions.push(unpack(item.body as string, version));
    }
    return { complete, contributions, versions };
  }

  /**
   * Writes a contribution unless the stored row is from a later version (or, for `repair`, a
   * different content of the same version is overwritten too). False when a later one is stored.
   */
  async put(
    contribution: SummaryContribution,
    options: { readonly repair?: boolean } = {},
  ): Promise<boolean> {
    return this.conditionalPut(
      summaryKeys.contribution(this.tenantCode, contribution.periodYear, contribution.id),
      { version: contribution.version, body: pack(contribution) },
      options.repair ? '<=' : '<',
    );
  }

  /**
   * Marks an innovation's row of one year removed as of `version`: it wins over the row of the
   * same version (the removal came after that state), and loses to any later one.
   */
  async remove(year: number, innovationId: string, version: number): Promise<boolean> {
    return this.conditionalPut(
      summaryKeys.contribution(this.tenantCode, year, innovationId),
      { version, gone: true },
      '<=',
    );
  }

  /** Says every innovation of the year has its row: only after those rows were written. */
  async markComplete(year: number): Promise<void> {
    await this.clients.table.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...summaryKeys.contribution(this.tenantCode, year, ''), complete: true },
      }),
    );
  }

  private async conditionalPut(
    key: ReturnType<typeof summaryKeys.contribution>,
    item: { version: number; body?: string; gone?: boolean },
    order: '<' | '<=',
  ): Promise<boolean> {
    try {
      await this.clients.table.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...item, ...key },
          ConditionExpression: `attribute_not_exists(pk) OR version ${order} :version`,
          ExpressionAttributeValues: { ':version': item.version },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The innovation a stream image holds (the table's item, as the stream marshals it), or undefined
 * when the image is not a whole innovation item (a stream without images, a partial test image):
 * the projector then reads the item itself. Checked for the fields a contribution reads, no more,
 * as the summary's reads from the table have never validated an item either.
 */
export function innovationOfImage(image: Record<string, unknown> | undefined): Innovation | undefined {
  if (!image) return undefined;
  let item: Record<string, unknown>;
  try {
    item = unmarshall(image as Record<string, AttributeValue>);
  } catch {
    return undefined;
  }
  return wholeInnovation(item);
}

/**
 * The item as an innovation when it has the fields a contribution reads, else undefined: an item
 * no code could have written, which the projector then treats as poison (as the recompute from the
 * item itself always has).
 */
export function wholeInnovation(item: Record<string, unknown>): Innovation | undefined {
  const whole =
    typeof item.id === 'string' &&
    typeof item.opdId === 'string' &&
    typeof item.status === 'string' &&
    typeof item.archived === 'boolean' &&
    typeof item.version === 'number' &&
    typeof item.periodYear === 'number' &&
    isObject(item.profile) &&
    typeof item.profile.name === 'string' &&
    (item.answers === undefined || isObject(item.answers));
  return whole ? toRecord<Innovation>(item) : undefined;
}
