import type { Predicate } from '../../api/model.ts';

/** Where each predicate band begins. */
export interface BandStart {
  predicate: Predicate;
  min: number;
}

/**
 * The predicate bands as dashed reference lines across an index chart (0–100). The lowest band
 * starts at 0, where a line would only hide the axis, so it is left out.
 */
export function bandReferenceLines(bands: readonly BandStart[], colors: Record<Predicate, string>) {
  return bands
    .filter((band) => band.min > 1)
    .map((band) => ({
      y: band.min,
      label: band.predicate,
      color: colors[band.predicate],
      labelPosition: 'insideTopRight' as const,
      strokeDasharray: '4 4',
    }));
}
