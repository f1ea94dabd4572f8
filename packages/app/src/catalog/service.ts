import type { Logger } from '@aws-lambda-powertools/logger';
import {
  type CatalogChange,
  CatalogIndexWriter,
  CatalogReader,
  catalogIndexWriterScope,
  catalogReaderScope,
  type ScopedClientFactory,
} from '@inovasi/data';
import type { CatalogSearchIndex } from './search/index.ts';

/**
 * The search engine is loaded with the index it serves, by the first search of the instance; the
 * routes that never search (most of them) do not parse it at cold start (docs/decisions/0041).
 */
const searchEngine = () => import('./search/index.ts');

export interface CatalogServiceOptions {
  /**
   * How long an instance answers from its index before asking the log for changes. Changes made
   * through this instance reset it at once; other instances see them within this window.
   */
  readonly freshnessMs: number;
  /** Write a new snapshot once this many log steps piled up after the current one. */
  readonly snapshotEvery: number;
}

export const DEFAULT_CATALOG_OPTIONS: CatalogServiceOptions = { freshnessMs: 1000, snapshotEvery: 50 };

/** Log steps re-read after a rebuild from source, in case the index lagged behind the log. */
const REBUILD_OVERLAP = 200;
const CHANGES_PER_ROUND = 2000;
const MAX_SYNC_ROUNDS = 20;

/**
 * One API instance's view of the catalogue search index: loaded from the latest snapshot, kept
 * current by applying the ordered change log after it, and occasionally written back as a new
 * snapshot so a cold start never replays more than a few dozen steps.
 */
export class CatalogService {
  private index: CatalogSearchIndex | undefined;
  /** The snapshot sequence this instance loaded or wrote last (a reload step older than it is ignored). */
  private snapshotSequence = 0;
  private checkedAt = 0;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private readonly reader: CatalogReader;
  private readonly writer: CatalogIndexWriter;

  constructor(
    data: ScopedClientFactory,
    private readonly options: CatalogServiceOptions = DEFAULT_CATALOG_OPTIONS,
    private readonly logger?: Logger,
  ) {
    this.reader = new CatalogReader(data.forScope(catalogReaderScope));
    this.writer = new CatalogIndexWriter(data.forScope(catalogIndexWriterScope));
  }

  /** The entries' public read model, for detail pages (read straight from the table, never stale). */
  get entries(): CatalogReader {
    return this.reader;
  }

  /** The index, brought up to date with the log unless it was checked within the freshness window. */
  async current(): Promise<CatalogSearchIndex> {
    if (!this.index || Date.now() - this.checkedAt >= this.options.freshnessMs) await this.refresh();
    return this.index as CatalogSearchIndex;
  }

  /** This instance just changed the catalogue: its next search reads the log first. */
  invalidate(): void {
    this.checkedAt = 0;
  }

  /**
   * Concurrent requests share one refresh. A request arriving while one runs waits for a second
   * one, started after it arrived, so it always sees changes committed before it came in.
   */
  private refresh(): Promise<void> {
    if (!this.running) {
      this.running = this.sync().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.refresh();
      });
    return this.queued;
  }

  private async sync(): Promise<void> {
    const started = Date.now();
    if (!this.index) await this.load();
    for (let round = 0; round < MAX_SYNC_ROUNDS; round++) {
      const index = this.index as CatalogSearchIndex;
      const changes = await this.reader.changesSince(index.sequence, CHANGES_PER_ROUND);
      if (changes.length === 0) break;
      if ((changes[0] as CatalogChange).sequence !== index.sequence + 1) {
        // The steps right after our snapshot expired: rebuild from the entries themselves.
        this.logger?.warn('catalogue log has a gap after the loaded snapshot; rebuilding from source');
        await this.rebuildIndexFromSource();
        continue;
      }
      if (await this.apply(index, changes)) continue;
      if (changes.length < CHANGES_PER_ROUND) break;
    }
    this.checkedAt = started;
  }

  /** Applies steps in order; true when a reload replaced the index and the log must be read again. */
  private async apply(index: CatalogSearchIndex, changes: readonly CatalogChange[]): Promise<boolean> {
    for (const change of changes) {
      if (change.kind === 'upsert') index.upsert(change.entry);
      else if (change.kind === 'remove') index.remove(change.catalogId, change.version);
      else if (change.snapshotSequence > this.snapshotSequence) {
        await this.load();
        return true;
      }
      index.sequence = change.sequence;
    }
    return false;
  }

  /** Loads the current snapshot (or starts empty when none was written yet). */
  private async load(): Promise<void> {
    const { CatalogSearchIndex, SnapshotFormatError } = await searchEngine();
    for (let attempt = 0; attempt < 3; attempt++) {
      const meta = await this.reader.meta();
      if (!meta.snapshot) {
        this.index = new CatalogSearchIndex();
        this.snapshotSequence = 0;
        return;
      }
      try {
        const bytes = await this.reader.snapshot(meta.snapshot.key);
        this.index = CatalogSearchIndex.deserialize(bytes);
        this.snapshotSequence = meta.snapshot.sequence;
        return;
      } catch (error) {
        if (error instanceof SnapshotFormatError) {
          // Written by an older release (another format): the entries themselves are the truth.
          this.logger?.warn('catalogue snapshot of an unknown format; rebuilding from source');
          await this.rebuildIndexFromSource();
          this.snapshotSequence = meta.snapshot.sequence;
          return;
        }
        // A newer snapshot replaced (and deleted) this one between our two reads: read the pointer again.
        if (!(error instanceof Error) || error.name !== 'NoSuchKey') throw error;
      }
    }
    throw new Error('the catalogue snapshot kept changing while it was loaded');
  }

  /**
   * Builds the index from the published entries themselves (the sparse catalogue index), as of
   * the log's current sequence, then re-applies recent steps the index may not have shown yet.
   */
  private async rebuildIndexFromSource(): Promise<CatalogSearchIndex> {
    const { CatalogSearchIndex } = await searchEngine();
    const { sequence } = await this.reader.meta();
    const index = new CatalogSearchIndex();
    for await (const entries of this.reader.publishedEntries()) {
      for (const entry of entries) index.upsert(entry);
    }
    const recent = await this.reader.changesSince(
      Math.max(0, sequence - REBUILD_OVERLAP),
      REBUILD_OVERLAP * 2,
    );
    for (const change of recent) {
      if (change.sequence > sequence) break;
      if (change.kind === 'upsert') index.upsert(change.entry);
      else if (change.kind === 'remove') index.remove(change.catalogId, change.version);
    }
    index.sequence = sequence;
    this.index = index;
    return index;
  }

  /** After a publication through this instance: write a snapshot when enough steps piled up. */
  async snapshotIfDue(): Promise<boolean> {
    const meta = await this.reader.meta();
    const behind = meta.sequence - (meta.snapshot?.sequence ?? 0);
    if (meta.snapshot && behind < this.options.snapshotEvery) return false;
    if (behind === 0) return false;
    this.invalidate();
    const index = await this.current();
    const written = await this.writer.writeSnapshot(index.serialize(), index.sequence);
    if (written) this.snapshotSequence = index.sequence;
    return written;
  }

  /**
   * Rebuilds the snapshot from the published entries and tells every instance to load it: after
   * a bulk import, or to recover from a damaged snapshot. Returns the number of entries indexed.
   */
  async rebuildSnapshot(): Promise<number> {
    const index = await this.rebuildIndexFromSource();
    if (await this.writer.writeSnapshot(index.serialize(), index.sequence)) {
      this.snapshotSequence = index.sequence;
      await this.writer.announceReload(index.sequence);
    }
    this.invalidate();
    return index.size;
  }
}

const services = new WeakMap<ScopedClientFactory, CatalogService>();

/** One catalogue service per data configuration (per process in Lambda, per test environment locally). */
export function catalogServiceFor(data: ScopedClientFactory, logger?: Logger): CatalogService {
  let service = services.get(data);
  if (!service) {
    service = new CatalogService(data, DEFAULT_CATALOG_OPTIONS, logger);
    services.set(data, service);
  }
  return service;
}

/**
 * After this instance published or withdrew an entry: search sees it at once, and a snapshot is
 * written if one is due. The change already committed, so a failed snapshot is only logged.
 */
export async function refreshCatalogSearch(
  deps: { readonly data: ScopedClientFactory; readonly logger: Logger },
  requestLog: { warn(message: string, attributes: { error: unknown }): void },
): Promise<void> {
  const service = catalogServiceFor(deps.data, deps.logger);
  service.invalidate();
  try {
    await service.snapshotIfDue();
  } catch (error) {
    requestLog.warn('catalogue snapshot not written', { error });
  }
}
