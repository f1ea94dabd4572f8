import type { Logger } from '@aws-lambda-powertools/logger';
import { type DomainErrorCode, type EvidenceLimits, isDomainError, isTenantCode } from '@inovasi/core';
import {
  parseEvidenceObjectKey,
  repositoriesFor,
  type ScopedClientFactory,
  tenantScope,
} from '@inovasi/data';

/** The part of an S3 event notification the worker reads (`aws-lambda`'s `S3Event`, structurally). */
export interface S3NotificationEvent {
  readonly Records: readonly {
    readonly eventName: string;
    readonly s3: {
      readonly bucket: { readonly name: string };
      /** URL-encoded, `+` for a space. */
      readonly object: { readonly key: string; readonly size?: number | undefined };
    };
  }[];
}

/** The same notification as EventBridge delivers it (how the deployed bucket sends it, ADR 0007). */
export interface EventBridgeObjectEvent {
  readonly source: string;
  readonly 'detail-type': string;
  readonly detail: {
    readonly bucket: { readonly name: string };
    /** Not URL-encoded. */
    readonly object: { readonly key: string; readonly size?: number | undefined };
    readonly reason?: string | undefined;
  };
}

export type ObjectCreatedEvent = S3NotificationEvent | EventBridgeObjectEvent;

interface ObjectRecord {
  readonly created: boolean;
  readonly bucket: string;
  readonly key: string;
}

/** Both event shapes as one list of records, keys decoded. */
function recordsOf(event: ObjectCreatedEvent): ObjectRecord[] {
  if ('Records' in event) {
    return event.Records.map((record) => ({
      created: record.eventName.startsWith('ObjectCreated:'),
      bucket: record.s3.bucket.name,
      key: decodeKey(record.s3.object.key),
    }));
  }
  return [
    {
      created: event.source === 'aws.s3' && event['detail-type'] === 'Object Created',
      bucket: event.detail.bucket.name,
      key: event.detail.object.key,
    },
  ];
}

export interface EvidenceWorkerDeps {
  readonly data: ScopedClientFactory;
  readonly logger: Logger;
  readonly limits?: EvidenceLimits | undefined;
}

export type RecordOutcome =
  | { readonly key: string; readonly outcome: 'ignored'; readonly reason: string }
  | {
      readonly key: string;
      readonly outcome: 'checked';
      readonly tenantCode: string;
      readonly evidenceId: string;
      readonly status: string;
    };

/** S3 event keys are URL-encoded, with `+` for spaces. */
const decodeKey = (key: string): string => decodeURIComponent(key.replace(/\+/g, ' '));

/**
 * No record (a pending item that expired) or not its upload: the lifecycle rule removes the
 * object, since it stays tagged pending. Gone again already: nothing to check.
 */
const IGNORED_FAILURES: readonly (readonly [DomainErrorCode, string])[] = [
  ['not_found', 'no evidence record'],
  ['evidence_object_mismatch', 'not the item’s upload key'],
  ['evidence_not_uploaded', 'object no longer exists'],
];

/** Why a failed check is no failure of the worker, or undefined when it is one. */
const ignoredFailure = (error: unknown): string | undefined =>
  IGNORED_FAILURES.find(([code]) => isDomainError(error, code))?.[1];

/**
 * Runs evidence intake when an object lands in the bucket, so that an upload whose client never
 * calls `complete` is still checked (and a failed one removed) within seconds. It is the same check
 * as the API's: `EvidenceRepository.complete`, through a client scoped to the one tenant the key
 * names, so the tenant guard (and in AWS the tenant-tagged session) applies here too. The first of
 * the two to arrive decides; the second finds the item decided. Failures other than "nothing to
 * check" are thrown, so Lambda retries the event and finally parks it in the dead-letter queue.
 */
export function createEvidenceObjectHandler(deps: EvidenceWorkerDeps) {
  const bucket = deps.data.config.bucketName;

  async function handleRecord(record: ObjectRecord): Promise<RecordOutcome> {
    const { key } = record;
    const ignore = (reason: string): RecordOutcome => {
      deps.logger.info('evidence object ignored', { key, reason });
      return { key, outcome: 'ignored', reason };
    };
    if (!record.created) return ignore('not an object-created event');
    if (record.bucket !== bucket) return ignore('another bucket');
    const parsed = parseEvidenceObjectKey(key);
    if (!parsed || !isTenantCode(parsed.tenantCode)) return ignore('not an evidence object key');
    const { tenantCode, evidenceId } = parsed;
    const { evidence } = repositoriesFor(deps.data.forScope(tenantScope(tenantCode)), {
      evidenceLimits: deps.limits,
    });
    try {
      const checked = await evidence.complete(evidenceId, 'worker', { objectKey: key });
      deps.logger.info('evidence object checked', {
        tenant: tenantCode,
        evidenceId,
        status: checked.status,
        rejection: checked.intake?.rejection,
      });
      return { key, outcome: 'checked', tenantCode, evidenceId, status: checked.status };
    } catch (error) {
      const reason = ignoredFailure(error);
      if (reason !== undefined) return ignore(reason);
      throw error;
    }
  }

  return async function handler(event: ObjectCreatedEvent): Promise<{ records: RecordOutcome[] }> {
    const settled = await Promise.allSettled(recordsOf(event).map(handleRecord));
    const failures = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
    if (failures.length > 0) {
      deps.logger.error('evidence intake failed', { failures: failures.length, error: failures[0] });
      throw failures.length === 1 ? failures[0] : new AggregateError(failures, 'evidence intake failed');
    }
    return {
      records: settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
    };
  };
}
