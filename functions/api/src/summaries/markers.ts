import {
  type ScopedClientFactory,
  type StaleMarker,
  SummaryStaleMarkers,
  summaryWriterScope,
} from '@inovasi/data/essentials';
import type { AppContext } from '../context.ts';

/**
 * Longer than any request can run (Lambda stops the API after 25 s; a local request under a slow
 * DynamoDB Local stays well below this): a marker this old belongs to a request that has ended,
 * even one that crashed before it could say so.
 */
export const UNSETTLED_MARKER_EXPIRY_MS = 5 * 60 * 1000;

export const staleMarkersOf = (data: ScopedClientFactory, tenantCode: string) =>
  new SummaryStaleMarkers(data.forScope(summaryWriterScope(tenantCode)), tenantCode);

/**
 * A marker another request left may be cleared only once that request has ended: before, its
 * change may not have committed, and a recompute now would miss it.
 */
export function isClearable(marker: StaleMarker, requestsEndedBy: Date): boolean {
  return marker.settled || Date.parse(marker.markedAt) < requestsEndedBy.getTime();
}

/** Marks the request's marker as ended, so the next refresh of the region may clear it; never throws. */
export async function settleQuietly(c: AppContext, tenantCode: string, marker: StaleMarker | undefined) {
  try {
    const markers = staleMarkersOf(c.get('deps').data, tenantCode);
    if (marker) await markers.settle(marker);
    else await markers.mark(c.get('requestId'), true);
  } catch (error) {
    // Unsettled, the marker expires (UNSETTLED_MARKER_EXPIRY_MS) and the scheduled rebuild clears it.
    c.get('logger').warn('could not settle the summary marker; it will expire', {
      tenant: tenantCode,
      error,
    });
  }
}
