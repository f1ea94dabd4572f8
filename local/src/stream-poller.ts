import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Logger } from '@aws-lambda-powertools/logger';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type AttributeValue as SdkAttributeValue,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { DataConfig } from '@inovasi/data';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/**
 * The embedded default's driver of stream handlers (docs/decisions/0018): it reads the table's
 * change stream from DynamoDB Local's Streams API and hands batches to a handler in exactly the
 * shape Lambda's event source mapping does (`DynamoDBStreamEvent` in, `{ batchItemFailures }` out),
 * so the summary projector has one code path in both runtimes.
 *
 * What it keeps from Lambda's behaviour: records of one shard in order, a shard's children only
 * after the shard is finished, a failed batch retried from the earliest failed record (bounded),
 * and records still failing after that set aside in a dead-letter file and reported, so a poison
 * record never stops the stream. Progress is checkpointed to a file after each batch, so a restart
 * resumes where it stopped (at-least-once: a batch cut off by a crash is delivered again).
 */

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

export interface StreamPollerOptions {
  readonly config: DataConfig;
  readonly handler: StreamHandler;
  readonly logger: Logger;
  /** Where progress survives a restart; omitted: in memory (throwaway test tables). */
  readonly checkpointFile?: string | undefined;
  /** One JSON line per record set aside; omitted: kept in memory only (`deadLetters`). */
  readonly deadLetterFile?: string | undefined;
  /**
   * Where to begin when there is no checkpoint: the oldest record the stream keeps (the product,
   * whose first start must project everything), or changes made from now on (a test table whose
   * seed already wrote its read models).
   */
  readonly startAt?: 'trim-horizon' | 'latest' | undefined;
  /** Pause between passes that found nothing new. */
  readonly idlePollMs?: number | undefined;
  /**
   * After a pass finds records, wait this long and read again, for as long as more keep coming
   * (up to `maxBatchingWindowMs`), so a burst of writes becomes one batch and one recompute. A
   * single write waits only this long. Lambda's batching window is fixed; this one ends early when
   * the writes stop, to keep the lag of a lone change low.
   */
  readonly batchingWindowMs?: number | undefined;
  readonly maxBatchingWindowMs?: number | undefined;
  /** Records per GetRecords call (DynamoDB's maximum is 1,000). */
  readonly batchSize?: number | undefined;
  /** Deliveries of a failing batch before its failing records are set aside. */
  readonly maxAttempts?: number | undefined;
  /** Pause before retrying a failed batch; doubled each attempt. */
  readonly retryDelayMs?: number | undefined;
}

/** A record the handler failed on every attempt, with what it said last. */
export interface DeadLetter {
  readonly at: string;
  readonly shardId: string;
  readonly sequenceNumber: string | undefined;
  readonly keys: Record<string, AttributeValue> | undefined;
  readonly reason: string;
}

export interface StreamPoller {
  /** Resolves once the poller has found the stream and knows where to begin. */
  readonly ready: Promise<void>;
  /**
   * Resolves once every change committed before the call has been delivered and handled: a pass
   * that began after the call found nothing new. For tests and benchmarks that read a read model
   * after a write, instead of sleeping.
   */
  caughtUp(timeoutMs?: number): Promise<void>;
  /**
   * Stops delivering until `resume()`, keeping its place: a projector that is not running, for
   * tests that prove it catches up.
   */
  pause(): void;
  resume(): void;
  /** Records set aside since start (also in the dead-letter file, when one is set). */
  readonly deadLetters: readonly DeadLetter[];
  /** Batches delivered to the handler, retries included. */
  readonly deliveries: number;
  stop(): Promise<void>;
}

interface ShardProgress {
  /** The last record handled (or set aside) in this shard. */
  sequenceNumber?: string | undefined;
  /** Every record of the shard was handled and the shard has ended: its children may start. */
  finished?: boolean | undefined;
}

interface Checkpoint {
  streamArn: string;
  shards: Record<string, ShardProgress>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const errorName = (error: unknown) => (error instanceof Error ? error.name : '');

/** Binary values arrive as bytes from the SDK and as base64 in a Lambda event. */
export function toLambdaAttribute(value: SdkAttributeValue): AttributeValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BS !== undefined) return { BS: value.BS.map((bytes) => Buffer.from(bytes).toString('base64')) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaAttribute) };
  if (value.M !== undefined) return { M: toLambdaImage(value.M) ?? {} };
  // A type newer than this SDK: carried as NULL rather than guessed at.
  return { NULL: true };
}

function toLambdaImage(
  image: Record<string, SdkAttributeValue> | undefined,
): Record<string, AttributeValue> | undefined {
  if (image === undefined) return undefined;
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaAttribute(value)]));
}

/** One record as Lambda's event source mapping would hand it over. */
export function toLambdaRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const change = record.dynamodb;
  const approximate = change?.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: record.eventSource ?? 'aws:dynamodb',
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      // Lambda gives whole seconds since the epoch.
      ApproximateCreationDateTime:
        approximate === undefined ? undefined : Math.floor(new Date(approximate).getTime() / 1000),
      Keys: toLambdaImage(change?.Keys),
      NewImage: toLambdaImage(change?.NewImage),
      OldImage: toLambdaImage(change?.OldImage),
      SequenceNumber: change?.SequenceNumber,
      SizeBytes: change?.SizeBytes,
      StreamViewType: change?.StreamViewType,
    },
  };
}

const sequenceOf = (record: _Record) => BigInt(record.dynamodb?.SequenceNumber ?? '0');

function readCheckpoint(file: string | undefined): Checkpoint | undefined {
  if (!file || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
  } catch {
    // A torn file cannot happen (written by rename), but a hand-edited one can: start over.
    return undefined;
  }
}

/** Starts polling at once; the table must exist (its stream is looked up, waiting for it if needed). */
export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const { config, handler, logger } = options;
  const idlePollMs = options.idlePollMs ?? 250;
  const batchingWindowMs = options.batchingWindowMs ?? 150;
  const maxBatchingWindowMs = options.maxBatchingWindowMs ?? 2_000;
  const batchSize = options.batchSize ?? 1000;
  const maxAttempts = options.maxAttempts ?? 4;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const clientConfig = {
    endpoint: config.dynamoEndpoint,
    region: config.region,
    ...(config.credentials ? { credentials: config.credentials } : {}),
  };
  const streams = new DynamoDBStreamsClient(clientConfig);
  const tables = new DynamoDBClient(clientConfig);

  let stopped = false;
  let paused = false;
  let checkpoint: Checkpoint | undefined;
  const iterators = new Map<string, string>();
  let shards: Shard[] = [];
  let shardsRefreshedAt = 0;
  let refreshShards = true;
  const deadLetters: DeadLetter[] = [];
  let deliveries = 0;

  // Passes are numbered; a waiter is satisfied by an empty pass that began after it asked.
  let passesStarted = 0;
  const waiters: { after: number; resolve: () => void }[] = [];
  let wake: (() => void) | undefined;

  const saveCheckpoint = () => {
    if (!options.checkpointFile || !checkpoint) return;
    const temporary = `${options.checkpointFile}.tmp`;
    writeFileSync(temporary, JSON.stringify(checkpoint));
    renameSync(temporary, options.checkpointFile);
  };

  const progressOf = (shardId: string): ShardProgress => {
    if (!checkpoint) throw new Error('no stream yet');
    checkpoint.shards[shardId] ??= {};
    return checkpoint.shards[shardId];
  };

  async function streamArnOfTable(): Promise<string | undefined> {
    const described = await tables.send(new DescribeTableCommand({ TableName: config.tableName }));
    return described.Table?.LatestStreamArn;
  }

  async function describeShards(streamArn: string): Promise<Shard[]> {
    const found: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      );
      found.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return found;
  }

  /** Shards to read now: not finished, and their parent finished or gone from the stream. */
  function readableShards(): Shard[] {
    const known = new Set(shards.map((shard) => shard.ShardId));
    return shards.filter((shard) => {
      if (!shard.ShardId || checkpoint?.shards[shard.ShardId]?.finished) return false;
      const parent = shard.ParentShardId;
      return !parent || !known.has(parent) || checkpoint?.shards[parent]?.finished === true;
    });
  }

  async function iteratorFor(streamArn: string, shardId: string): Promise<string | undefined> {
    const cached = iterators.get(shardId);
    if (cached) return cached;
    const after = checkpoint?.shards[shardId]?.sequenceNumber;
    try {
      const answer = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
          SequenceNumber: after,
        }),
      );
      return answer.ShardIterator;
    } catch (error) {
      if (errorName(error) !== 'TrimmedDataAccessException') throw error;
      // Stopped longer than the stream keeps records (24 hours): what was trimmed is lost to the
      // projector, and only the rebuild can catch up on it.
      logger.warn('stream records were trimmed while the poller was stopped; run the summary rebuild', {
        shardId,
      });
      delete progressOf(shardId).sequenceNumber;
      const answer = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      return answer.ShardIterator;
    }
  }

  /** Reads what one shard has now; ends the shard when the stream says it is closed and drained. */
  async function readShard(streamArn: string, shardId: string): Promise<_Record[]> {
    let iterator = await iteratorFor(streamArn, shardId);
    if (!iterator) return [];
    try {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: batchSize }));
      iterator = page.NextShardIterator;
      if (iterator) iterators.set(shardId, iterator);
      else {
        iterators.delete(shardId);
        const records = page.Records ?? [];
        // A closed shard: after these records, its children take over.
        if (records.length === 0) {
          progressOf(shardId).finished = true;
          refreshShards = true;
          saveCheckpoint();
        }
        return records;
      }
      return page.Records ?? [];
    } catch (error) {
      if (errorName(error) === 'ExpiredIteratorException') {
        iterators.delete(shardId);
        return [];
      }
      throw error;
    }
  }

  /** Hands records to the handler, retrying from the earliest failure; sets aside what never passes. */
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
  async function deliver(streamArn: string, shardId: string, records: _Record[]): Promise<void> {
    let pending = records;
    let failed = new Map<string, string>();
    for (let attempt = 1; attempt <= maxAttempts && !stopped; attempt++) {
      const event: DynamoDBStreamEvent = {
        Records: pending.map((record) => toLambdaRecord(record, streamArn)),
      };
      deliveries++;
      failed = new Map();
      try {
        const answer = await handler(event);
        for (const failure of answer?.batchItemFailures ?? [])
          failed.set(failure.itemIdentifier, 'reported by the handler');
      } catch (error) {
        // A thrown handler fails the whole batch, as in Lambda.
        const reason = error instanceof Error ? error.message : String(error);
        for (const record of pending) failed.set(record.dynamodb?.SequenceNumber ?? '', reason);
      }
      if (failed.size === 0) break;
      const earliest = [...failed.keys()]
        .map((sequence) => BigInt(sequence || '0'))
        .sort((a, b) => (a < b ? -1 : 1))[0];
      if (earliest !== undefined) pending = pending.filter((record) => sequenceOf(record) >= earliest);
      if (attempt < maxAttempts) await sleep(retryDelayMs * 2 ** (attempt - 1));
    }
    if (stopped) return;
    for (const record of pending) {
      const sequenceNumber = record.dynamodb?.SequenceNumber;
      const reason = failed.get(sequenceNumber ?? '');
      if (reason === undefined) continue;
      const letter: DeadLetter = {
        at: new Date().toISOString(),
        shardId,
        sequenceNumber,
        keys: toLambdaImage(record.dynamodb?.Keys),
        reason,
      };
      deadLetters.push(letter);
      if (options.deadLetterFile) appendFileSync(options.deadLetterFile, `${JSON.stringify(letter)}\n`);
      logger.error('stream record set aside after repeated failures', { ...letter });
    }
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last) progressOf(shardId).sequenceNumber = last;
    saveCheckpoint();
  }

  /**
   * One pass over every readable shard; answers how many records it delivered, or -1 when a shard
   * ended and its children are yet to be read (the pass was not the last word).
   */
  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
  async function pass(streamArn: string): Promise<number> {
    if (refreshShards || Date.now() - shardsRefreshedAt > 5_000) {
      shards = await describeShards(streamArn);
      shardsRefreshedAt = Date.now();
      refreshShards = false;
    }
    let delivered = 0;
    for (const shard of readableShards()) {
      const shardId = shard.ShardId as string;
      let records = await readShard(streamArn, shardId);
      if (records.length === 0) continue;
      // Let a burst finish arriving, so it is recomputed once rather than once per write.
      const windowEnds = Date.now() + maxBatchingWindowMs;
      while (batchingWindowMs > 0 && records.length < batchSize && Date.now() < windowEnds) {
        await sleep(batchingWindowMs);
        if (!iterators.has(shardId)) break;
        const more = await readShard(streamArn, shardId);
        if (more.length === 0) break;
        records = [...records, ...more];
      }
      await deliver(streamArn, shardId, records);
      delivered += records.length;
    }
    return delivered === 0 && refreshShards ? -1 : delivered;
  }

  /** Iterators at the end of every open shard, taken now, so nothing written after this is missed. */
  async function beginAtLatest(streamArn: string): Promise<void> {
    shards = await describeShards(streamArn);
    shardsRefreshedAt = Date.now();
    refreshShards = false;
    for (const shard of shards) {
      const shardId = shard.ShardId as string;
      if (shard.SequenceNumberRange?.EndingSequenceNumber) {
        progressOf(shardId).finished = true;
        continue;
      }
      const answer = await streams.send(
        new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'LATEST' }),
      );
      if (answer.ShardIterator) iterators.set(shardId, answer.ShardIterator);
    }
  }

  async function begin(): Promise<string | undefined> {
    let streamArn: string | undefined;
    while (!stopped && !streamArn) {
      streamArn = await streamArnOfTable().catch(() => undefined);
      if (!streamArn) await sleep(idlePollMs);
    }
    if (!streamArn) return undefined;
    const saved = readCheckpoint(options.checkpointFile);
    // A checkpoint of another stream (the table was recreated) means nothing here.
    if (saved?.streamArn === streamArn) checkpoint = saved;
    else {
      checkpoint = { streamArn, shards: {} };
      if (options.startAt === 'latest') await beginAtLatest(streamArn);
    }
    return streamArn;
  }

  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
  async function run(streamArn: string | undefined): Promise<void> {
    if (!streamArn) return;
    while (!stopped) {
      if (paused) {
        await sleep(idlePollMs);
        continue;
      }
      const number = ++passesStarted;
      let delivered: number;
      try {
        delivered = await pass(streamArn);
      } catch (error) {
        if (stopped) return;
        logger.warn('stream poll failed; retrying', { error });
        delivered = Number.NaN;
      }
      if (delivered === 0) {
        for (const waiter of waiters.filter((entry) => entry.after < number)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
      // Records came (or a shard handed over to its children): look again at once.
      if (delivered > 0 || delivered === -1) continue;
      await new Promise<void>((resolve) => {
        // Idle polling alone keeps no process alive (a test worker, a CLI that is done).
        const timer = setTimeout(resolve, idlePollMs).unref();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  const ready = begin().catch((error) => {
    logger.error('stream poller could not start', { error });
    return undefined;
  });
  const running = ready.then(run).catch((error) => logger.error('stream poller stopped', { error }));

  return {
    ready: ready.then(() => undefined),
    caughtUp(timeoutMs = 30_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          const index = waiters.indexOf(waiter);
          if (index >= 0) waiters.splice(index, 1);
          reject(new Error(`the stream poller did not catch up within ${timeoutMs} ms`));
        }, timeoutMs);
        const waiter = {
          after: passesStarted,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        waiters.push(waiter);
        // New shards may hold the newest records: look again before the next pass.
        refreshShards = true;
        wake?.();
      });
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
    },
    get deadLetters() {
      return deadLetters;
    },
    get deliveries() {
      return deliveries;
    },
    async stop() {
      stopped = true;
      wake?.();
      await running;
      streams.destroy();
      tables.destroy();
    },
  };
}
