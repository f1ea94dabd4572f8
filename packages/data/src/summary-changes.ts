import { evidenceKeys, keys, resultKeys } from './keys.ts';

/**
 * Which summaries a change of one table item can move (docs/decisions/0018). The summary projector
 * reads the table's change stream and hands each record's keys and images here; the answer names
 * the region and the years to recompute. This module sits in the data package because it reads
 * keys, and only the data package knows them.
 */

/** The years of a region a change can move. */
export type SummaryYears =
  /** Exactly these periods (an innovation's period, a period's settings or SPD answers). */
  | { readonly kind: 'years'; readonly years: readonly number[] }
  /** The years still changing: the current season and periods whose deadline is recent. */
  | { readonly kind: 'live' }
  /** Every year the region has a summary for: official results appear in all of them. */
  | { readonly kind: 'tracked' };

export interface SummaryChange {
  readonly tenantCode: string;
  readonly years: SummaryYears;
}

/** What the projector knows of one changed item: its keys and the period year of either image. */
export interface ChangedItem {
  readonly pk: string;
  readonly sk: string;
  /** `periodYear` of the item before and after the change, when it has one (innovations). */
  readonly periodYears: readonly number[];
  /**
   * Whether the item supported any answer, SPD row or agreement before or after the change (an
   * evidence item: a positive count in `linkedCodes` of either image); undefined when the images
   * are not known. An evidence item that supports nothing moves no summary (docs/decisions/0031).
   */
  readonly linked?: boolean | undefined;
}

const TENANT_PARTITION = /^T#([^#]+)#(.*)$/;
const PERIOD_SORT = /^PERIOD#(\d{4})(#SPD)?$/;
const SPD_LINK_SORT = /^LINK#SPD#(\d{4})#/;

const LIVE: SummaryYears = { kind: 'live' };
const yearsOf = (years: readonly number[]): SummaryYears =>
  years.length > 0 ? { kind: 'years', years: [...new Set(years)].sort() } : LIVE;

/**
 * Sort keys of the tenant's root partition that a summary reads: profile, settings, OPDs (targets),
 * members (the role contacts), periods with their SPD answers, official results. E-mail index
 * entries, idempotency keys and the evidence usage counter are not read by a summary.
 */
function rootChange(sortKey: string): SummaryYears | undefined {
  if (sortKey === keys.tenantProfile('x').sk || sortKey === keys.tenantSettings('x').sk) return LIVE;
  if (sortKey.startsWith(keys.opdSortPrefix) || sortKey.startsWith(keys.memberSortPrefix)) return LIVE;
  if (sortKey.startsWith(resultKeys.sortPrefix)) return { kind: 'tracked' };
  const period = PERIOD_SORT.exec(sortKey);
  return period?.[1] ? { kind: 'years', years: [Number(period[1])] } : undefined;
}

/**
 * The summaries a change moves, or undefined when it moves none: the summaries themselves (the
 * projector's own writes come back on the stream), audit entries, notifications, the outbox, jobs,
 * the catalogue and the platform registry.
 */
export function summaryChangeOf(item: ChangedItem): SummaryChange | undefined {
  const match = TENANT_PARTITION.exec(item.pk);
  if (!match?.[1]) return undefined;
  const tenantCode = match[1];
  const rest = match[2] ?? '';
  let years: SummaryYears | undefined;
  if (rest === '') years = rootChange(item.sk);
  else if (rest.startsWith('INNO#')) years = yearsOf(item.periodYears);
  else if (rest.startsWith('EVID#')) {
    // Summaries see evidence only through its links: an upload, its intake and its edits move
    // nothing while the item supports no target (its links arrive as records of their own).
    if (item.sk === evidenceKeys.item('x', 'x').sk && item.linked === false) return undefined;
    // A link to an SPD row names its year; a link to an innovation's answer or an agreement, and
    // the evidence item itself (its check status), can count in any live year.
    const spdYear = SPD_LINK_SORT.exec(item.sk)?.[1];
    years = spdYear ? { kind: 'years', years: [Number(spdYear)] } : LIVE;
  }
  // Replication markers count towards the source region's sid.31; the replicator's draft is an
  // innovation of its own and arrives as one.
  else if (rest === 'REPL#') years = LIVE;
  return years ? { tenantCode, years } : undefined;
}

const INNOVATION_PARTITION = /^T#([^#]+)#INNO#([^#]+)$/;

/**
 * The innovation an item is, when it is one (its partition `T#<code>#INNO#<id>`, sort key `A`):
 * what the catalogue projection follows.
 */
export function innovationOfItem(item: {
  readonly pk: string;
  readonly sk: string;
}): { readonly tenantCode: string; readonly innovationId: string } | undefined {
  if (item.sk !== keys.innovation('x', 'x').sk) return undefined;
  const match = INNOVATION_PARTITION.exec(item.pk);
  return match?.[1] && match[2] ? { tenantCode: match[1], innovationId: match[2] } : undefined;
}
