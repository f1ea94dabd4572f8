import type { Logger } from '@aws-lambda-powertools/logger';
import {
  type _Record,
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { StreamCheckpoint } from './checkpoint.ts';

const errorName = (error: unknown) => (error instanceof Error ? error.name : '');

/** How often the list of shards is read again when nothing asked for it sooner. */
const SHARD_LIST_MAX_AGE_MS = 5_000;

/**
 * The shards of one stream and a reader for each: which shards may be read now (a child only
 * after its parent is finished, as Lambda does), an iterator per shard that resumes after the
 * checkpoint, and a shard marked finished once the stream says it is closed and drained.
 */
export class StreamShards {
  private readonly iterators = new Map<string, string>();
  private shards: Shard[] = [];
  private listedAt = 0;
  /** The list must be read again before the next pass (a shard ended, or someone is waiting). */
  stale = true;

  constructor(
    private readonly streams: DynamoDBStreamsClient,
    private readonly streamArn: string,
    private readonly checkpoint: StreamCheckpoint,
    private readonly logger: Logger,
    private readonly batchSize: number,
  ) {}

  /** Reads the list of shards again when it is stale or old. */
  async refresh(): Promise<void> {
    if (!this.stale && Date.now() - this.listedAt <= SHARD_LIST_MAX_AGE_MS) return;
    await this.list();
  }

  /** Shards to read now: not finished, and their parent finished or gone from the stream. */
  readable(): string[] {
    const known = new Set(this.shards.map((shard) => shard.ShardId));
    return this.shards
      .filter((shard) => {
        if (!shard.ShardId || this.checkpoint.isFinished(shard.ShardId)) return false;
        const parent = shard.ParentShardId;
        return !parent || !known.has(parent) || this.checkpoint.isFinished(parent);
      })
      .map((shard) => shard.ShardId as string);
  }

  /** Whether the shard can be read again at once (false once it has closed). */
  isOpen(shardId: string): boolean {
    return this.iterators.has(shardId);
  }

  /** Reads what one shard has now; ends the shard when the stream says it is closed and drained. */
  async read(shardId: string): Promise<_Record[]> {
    const iterator = await this.iteratorFor(shardId);
    if (!iterator) return [];
    try {
      const page = await this.streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: this.batchSize }),
      );
      const records = page.Records ?? [];
      if (page.NextShardIterator) {
        this.iterators.set(shardId, page.NextShardIterator);
        return records;
      }
      this.iterators.delete(shardId);
      // A closed shard: after these records, its children take over.
      if (records.length === 0) {
        this.checkpoint.finish(shardId);
        this.stale = true;
        this.checkpoint.save();
      }
      return records;
    } catch (error) {
      if (errorName(error) !== 'ExpiredIteratorException') throw error;
      this.iterators.delete(shardId);
      return [];
    }
  }

  /** Iterators at the end of every open shard, taken now, so nothing written after this is missed. */
  async beginAtLatest(): Promise<void> {
    await this.list();
    for (const shard of this.shards) {
      const shardId = shard.ShardId as string;
      if (shard.SequenceNumberRange?.EndingSequenceNumber) {
        this.checkpoint.finish(shardId);
        continue;
      }
      const answer = await this.streams.send(
        new GetShardIteratorCommand({
          StreamArn: this.streamArn,
          ShardId: shardId,
          ShardIteratorType: 'LATEST',
        }),
      );
      if (answer.ShardIterator) this.iterators.set(shardId, answer.ShardIterator);
    }
  }

  private async list(): Promise<void> {
    const found: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await this.streams.send(
        new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: start }),
      );
      found.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    this.shards = found;
    this.listedAt = Date.now();
    this.stale = false;
  }

  private async iteratorFor(shardId: string): Promise<string | undefined> {
    const cached = this.iterators.get(shardId);
    if (cached) return cached;
    const after = this.checkpoint.lastSequenceOf(shardId);
    try {
      return await this.iteratorAt(shardId, after);
    } catch (error) {
      if (errorName(error) !== 'TrimmedDataAccessException') throw error;
      // Stopped longer than the stream keeps records (24 hours): what was trimmed is lost to the
      // projector, and only the rebuild can catch up on it.
      this.logger.warn('stream records were trimmed while the poller was stopped; run the summary rebuild', {
        shardId,
      });
      this.checkpoint.handledUpTo(shardId, undefined);
      return this.iteratorAt(shardId, undefined);
    }
  }

  private async iteratorAt(shardId: string, after: string | undefined): Promise<string | undefined> {
    const answer = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: shardId,
        ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
        SequenceNumber: after,
      }),
    );
    return answer.ShardIterator;
  }
}
