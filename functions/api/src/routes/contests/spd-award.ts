import { type ContestCall, type EvidenceTarget, formatDateId } from '@inovasi/core';
import { findPeriodRubric } from '../periods.ts';
import type { ContestAccess } from './shared.ts';

/** The rubric's SPD row for awards and incentives to innovators ("Penghargaan bagi inovator"). */
export const AWARD_SPD_ROW = 'spd.12';

/**
 * Cites an announced call as evidence for the region's `spd.12` answer of the call's year
 * (docs/decisions/0042): one web-link item of the evidence library pointing at the call's public
 * results page, linked to the row. The answer itself is the operator's: nothing here sets its
 * level; the call records a suggested level (1: certificates only; 2: certificates and prizes with
 * money) that the SPD screen may show. Idempotent: an item of the same address already linked to
 * the row is reused, so an interrupted announcement that runs again adds no second item.
 * A year without a period (no rubric, no SPD answer to cite) cites nothing.
 */
export async function citeAwardForSpd(
  access: ContestAccess,
  call: ContestCall,
  publicOrigin: string,
): Promise<ContestCall['spdCitation']> {
  const rubric = await findPeriodRubric(access.periods, call.year);
  if (!rubric?.spdRows.some((row) => row.code === AWARD_SPD_ROW)) return undefined;
  const target: EvidenceTarget = { type: 'spd', year: call.year, row: AWARD_SPD_ROW };
  const url = `${publicOrigin}/lomba-publik/${encodeURIComponent(call.tenantCode)}/${call.id}`;
  const suggestedLevel = call.prizes.some((prize) => (prize.amount ?? 0) > 0) ? 2 : 1;
  const linked = (await access.evidence.linksForTarget(target)).find(
    (entry) => entry.evidence.url === url && !entry.evidence.deleted,
  );
  if (linked) return { year: call.year, row: AWARD_SPD_ROW, evidenceId: linked.evidence.id, suggestedLevel };
  const { evidence } = await access.evidence.createUrl(
    {
      kind: 'sertifikat',
      title: `Hasil ${call.title}`.slice(0, 200),
      note: `Pemenang ${call.title} diumumkan ${formatDateId(call.stageDates.announcement)}; sertifikat pemenang dibuat dari halaman lomba.`,
      url,
      documentDate: call.stageDates.announcement,
      public: true,
    },
    access.actor,
  );
  await access.evidence.link(evidence.id, target, access.actor);
  return { year: call.year, row: AWARD_SPD_ROW, evidenceId: evidence.id, suggestedLevel };
}

/**
 * Where the public results page lives: the product's own https web origin, else the API's own
 * origin (the embedded product serves the web app beside the API) as https, the only scheme the
 * evidence library takes for links.
 */
export function publicOriginOf(webOrigins: readonly string[] | undefined, requestUrl: string): string {
  const https = (webOrigins ?? []).find((origin) => origin.startsWith('https://'));
  return https ?? new URL(requestUrl).origin.replace(/^http:/, 'https:');
}
