import { buildCatalogEntryContent } from '@inovasi/core';
import {
  CatalogPublisher,
  catalogPublisherScope,
  repositoriesFor,
  type ScopedClientFactory,
  tenantScope,
} from '@inovasi/data';

/**
 * The catalogue projection (docs/decisions/0018, update): a published innovation's public entry
 * follows the innovation. It runs in the summary projector's handler on the same stream records,
 * so an edit reaches the catalogue within the projector's seconds and costs the edit nothing.
 *
 * Idempotent: the entry is rebuilt from the innovation as it is now (a strongly consistent read)
 * and written only when its public content differs, so the same batch delivered twice, or an old
 * one after a newer, writes nothing the second time. An owner's publication or withdrawal made
 * meanwhile wins (the write is conditioned on the entry's version the projection read).
 */

export interface CatalogueProjected {
  /** Entries rewritten because their innovation's public content changed. */
  readonly refreshed: number;
  /** Entries withdrawn because their innovation was archived or is gone. */
  readonly withdrawn: number;
}

/** Compares public content whatever the order of object keys (a stored map keeps none). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner)
            .filter(([, field]) => field !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : inner,
  );
}

export async function projectCatalogueEntries(
  data: ScopedClientFactory,
  tenantCode: string,
  innovationIds: readonly string[],
  now = new Date(),
): Promise<CatalogueProjected> {
  const publisher = new CatalogPublisher(data.forScope(catalogPublisherScope(tenantCode)));
  // One batch read answers the common case: none of the changed innovations is public.
  const published = await publisher.publishedAmong(innovationIds);
  if (published.size === 0) return { refreshed: 0, withdrawn: 0 };

  const { innovations, opds, profile } = repositoriesFor(data.forScope(tenantScope(tenantCode, true)));
  const tenant = await profile.get();
  let refreshed = 0;
  let withdrawn = 0;
  for (const [innovationId, { entry, options }] of published) {
    const innovation = await innovations.get(innovationId, { consistent: true });
    if (!innovation || innovation.archived) {
      // The archive route withdraws before it archives; this catches any other way out.
      if (await publisher.unpublish(innovationId, now.toISOString())) withdrawn += 1;
      continue;
    }
    if (!tenant) continue;
    const opd = (await opds.get(innovation.opdId)) ?? entry.opd;
    // The province never changes for a region: the entry's own is the area list's name.
    const content = buildCatalogEntryContent({ innovation, tenant, province: entry.province, opd, options });
    const stored = entry as unknown as Record<string, unknown>;
    const changed = Object.entries(content).some(
      ([field, value]) => canonical(value) !== canonical(stored[field]),
    );
    if (changed && (await publisher.refresh(content, entry.version, now.toISOString()))) refreshed += 1;
  }
  return { refreshed, withdrawn };
}
