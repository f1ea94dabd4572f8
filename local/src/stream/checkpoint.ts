import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

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

function readCheckpoint(file: string | undefined): Checkpoint | undefined {
  if (!file || !existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
  } catch {
    // A torn file cannot happen (written by rename), but a hand-edited one can: start over.
    return undefined;
  }
}

/**
 * Where the poller is in each shard of one stream, kept in a file (written by rename, so never
 * torn) after each batch, so a restart resumes where it stopped; in memory when no file is given.
 */
export class StreamCheckpoint {
  private readonly checkpoint: Checkpoint;
  /** Whether this stream's progress came from the file (false: a first start, or a new stream). */
  readonly resumed: boolean;

  constructor(
    private readonly file: string | undefined,
    streamArn: string,
  ) {
    const saved = readCheckpoint(file);
    // A checkpoint of another stream (the table was recreated) means nothing here.
    this.resumed = saved?.streamArn === streamArn;
    this.checkpoint = saved && this.resumed ? saved : { streamArn, shards: {} };
  }

  lastSequenceOf(shardId: string): string | undefined {
    return this.checkpoint.shards[shardId]?.sequenceNumber;
  }

  isFinished(shardId: string): boolean {
    return this.checkpoint.shards[shardId]?.finished === true;
  }

  handledUpTo(shardId: string, sequenceNumber: string | undefined): void {
    const progress = this.progressOf(shardId);
    if (sequenceNumber === undefined) delete progress.sequenceNumber;
    else progress.sequenceNumber = sequenceNumber;
  }

  finish(shardId: string): void {
    this.progressOf(shardId).finished = true;
  }

  save(): void {
    if (!this.file) return;
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.checkpoint));
    renameSync(temporary, this.file);
  }

  private progressOf(shardId: string): ShardProgress {
    this.checkpoint.shards[shardId] ??= {};
    return this.checkpoint.shards[shardId];
  }
}
