import { appendFileSync } from 'node:fs';
import type { Logger } from '@aws-lambda-powertools/logger';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type _Record, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DataConfig } from '@inovasi/data';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { StreamCheckpoint } from './checkpoint.ts';
import { sequenceOf, toLambdaImage, toLambdaRecord } from './lambda-records.ts';
import { StreamShards } from './shards.ts';

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  // Known once the stream is found (`begin`).
  let checkpoint: StreamCheckpoint | undefined;
  let shards: StreamShards | undefined;
  const deadLetters: DeadLetter[] = [];
  let deliveries = 0;

  // Passes are numbered; a waiter is satisfied by an empty pass that began after it asked.
  let passesStarted = 0;
  const waiters: { after: number; resolve: () => void }[] = [];
  let wake: (() => void) | undefined;

  /** Hands records to the handler; answers the failed ones with the reason, by sequence number. */
  async function handle(streamArn: string, records: _Record[]): Promise<Map<string, string>> {
    const failed = new Map<string, string>();
    deliveries++;
    try {
      const answer = await handler({ Records: records.map((record) => toLambdaRecord(record, streamArn)) });
      for (const failure of answer?.batchItemFailures ?? [])
        failed.set(failure.itemIdentifier, 'reported by the handler');
    } catch (error) {
      // A thrown handler fails the whole batch, as in Lambda.
      const reason = error instanceof Error ? error.message : String(error);
      for (const record of records) failed.set(record.dynamodb?.SequenceNumber ?? '', reason);
    }
    return failed;
  }

  function setAside(shardId: string, records: _Record[], failed: Map<string, string>): void {
    for (const record of records) {
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
  }

  /** Hands records to the handler, retrying from the earliest failure; answers what never passed. */
  async function deliverWithRetries(streamArn: string, records: _Record[]) {
    let pending = records;
    let failed = new Map<string, string>();
    for (let attempt = 1; attempt <= maxAttempts && !stopped; attempt++) {
      failed = await handle(streamArn, pending);
      if (failed.size === 0) break;
      const earliest = [...failed.keys()]
        .map((sequence) => BigInt(sequence || '0'))
        .sort((a, b) => (a < b ? -1 : 1))[0];
      if (earliest !== undefined) pending = pending.filter((record) => sequenceOf(record) >= earliest);
      if (attempt < maxAttempts) await sleep(retryDelayMs * 2 ** (attempt - 1));
    }
    return { pending, failed };
  }

  /** Delivers a shard's records, sets aside what never passes, and moves the checkpoint past them. */
  async function deliver(
    streamArn: string,
    shardId: string,
    records: _Record[],
    progress: StreamCheckpoint,
  ): Promise<void> {
    const { pending, failed } = await deliverWithRetries(streamArn, records);
    if (stopped) return;
    setAside(shardId, pending, failed);
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last) progress.handledUpTo(shardId, last);
    progress.save();
  }

  /** What one shard has now, and what keeps arriving within the batching window. */
  async function readBurst(reader: StreamShards, shardId: string): Promise<_Record[]> {
    let records = await reader.read(shardId);
    if (records.length === 0) return records;
    // Let a burst finish arriving, so it is recomputed once rather than once per write.
    const windowEnds = Date.now() + maxBatchingWindowMs;
    while (batchingWindowMs > 0 && records.length < batchSize && Date.now() < windowEnds) {
      await sleep(batchingWindowMs);
      if (!reader.isOpen(shardId)) break;
      const more = await reader.read(shardId);
      if (more.length === 0) break;
      records = [...records, ...more];
    }
    return records;
  }

  /**
   * One pass over every readable shard; answers how many records it delivered, or -1 when a shard
   * ended and its children are yet to be read (the pass was not the last word).
   */
  async function pass(streamArn: string, reader: StreamShards, progress: StreamCheckpoint): Promise<number> {
    await reader.refresh();
    let delivered = 0;
    for (const shardId of reader.readable()) {
      const records = await readBurst(reader, shardId);
      if (records.length === 0) continue;
      await deliver(streamArn, shardId, records, progress);
      delivered += records.length;
    }
    return delivered === 0 && reader.stale ? -1 : delivered;
  }

  async function streamArnOfTable(): Promise<string | undefined> {
    const described = await tables.send(new DescribeTableCommand({ TableName: config.tableName }));
    return described.Table?.LatestStreamArn;
  }

  async function begin(): Promise<string | undefined> {
    let streamArn: string | undefined;
    while (!stopped && !streamArn) {
      streamArn = await streamArnOfTable().catch(() => undefined);
      if (!streamArn) await sleep(idlePollMs);
    }
    if (!streamArn) return undefined;
    checkpoint = new StreamCheckpoint(options.checkpointFile, streamArn);
    shards = new StreamShards(streams, streamArn, checkpoint, logger, batchSize);
    if (!checkpoint.resumed && options.startAt === 'latest') await shards.beginAtLatest();
    return streamArn;
  }

  function releaseWaiters(passNumber: number): void {
    for (const waiter of waiters.filter((entry) => entry.after < passNumber)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  /** Waits for the idle interval, or less when someone asks to catch up. */
  async function idle(): Promise<void> {
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

  /** One pass and what follows it: at once again (records came, or a shard handed over), or idle. */
  async function step(streamArn: string, reader: StreamShards, progress: StreamCheckpoint): Promise<void> {
    const number = ++passesStarted;
    const delivered = await pass(streamArn, reader, progress).catch((error: unknown) => {
      if (!stopped) logger.warn('stream poll failed; retrying', { error });
      return Number.NaN;
    });
    if (stopped) return;
    if (delivered === 0) releaseWaiters(number);
    if (delivered > 0 || delivered === -1) return;
    await idle();
  }

  async function run(streamArn: string | undefined): Promise<void> {
    if (!streamArn || !shards || !checkpoint) return;
    while (!stopped) {
      if (paused) await sleep(idlePollMs);
      else await step(streamArn, shards, checkpoint);
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
        if (shards) shards.stale = true;
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
