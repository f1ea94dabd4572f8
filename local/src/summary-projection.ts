import { join } from 'node:path';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { DataConfig, ScopedClientFactory } from '@inovasi/data';
import { createSummaryProjector, type RegionProjected } from '@inovasi/workers/summary-projector';

export type { RegionProjected };

import { type StreamPoller, startStreamPoller } from './stream/poller.ts';

/** Beside the data: where the projector resumes after a restart, and what it set aside. */
export const PROJECTOR_CHECKPOINT_FILE = 'summary-projector-checkpoint.json';
export const PROJECTOR_DEAD_LETTER_FILE = 'summary-projector-dead-letters.jsonl';

export interface SummaryProjectionOptions {
  readonly config: DataConfig;
  readonly data: ScopedClientFactory;
  readonly logger: Logger;
  /** Persist the checkpoint and dead letters here; omitted: in memory (a throwaway table). */
  readonly dataDir?: string | undefined;
  readonly onRegionProjected?: ((projected: RegionProjected) => void) | undefined;
  /** Deliveries of a failing batch before its failing records are set aside (default 4). */
  readonly maxAttempts?: number | undefined;
  readonly retryDelayMs?: number | undefined;
  /** Without a checkpoint, project from the stream's oldest record (default) or from now on. */
  readonly startAt?: 'trim-horizon' | 'latest' | undefined;
}

/**
 * The embedded default's read-model projection (docs/decisions/0018): the summary projector that
 * Lambda runs in AWS, driven by the stream poller over DynamoDB Local.
 */
export function startSummaryProjection(options: SummaryProjectionOptions): StreamPoller {
  return startStreamPoller({
    config: options.config,
    logger: options.logger,
    handler: createSummaryProjector({
      data: options.data,
      logger: options.logger,
      onRegionProjected: options.onRegionProjected,
    }),
    checkpointFile: options.dataDir ? join(options.dataDir, PROJECTOR_CHECKPOINT_FILE) : undefined,
    deadLetterFile: options.dataDir ? join(options.dataDir, PROJECTOR_DEAD_LETTER_FILE) : undefined,
    maxAttempts: options.maxAttempts,
    retryDelayMs: options.retryDelayMs,
    startAt: options.startAt,
  });
}
