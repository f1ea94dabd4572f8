import {
  type ContestCall,
  type EvidenceLink,
  type EvidenceTarget,
  formatDateId,
  isDomainError,
} from '@inovasi/core';
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
 * the row is reused, and the item carries the call's id, so an announcement interrupted after the
 * item and before its link runs again to one item, linked once.
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
  const citation = (evidenceId: string) => ({
    year: call.year,
    row: AWARD_SPD_ROW,
    evidenceId,
    suggestedLevel,
  });
  const linked = (await access.evidence.linksForTarget(target)).find(
    (entry) => entry.evidence.url === url && !entry.evidence.deleted,
  );
  if (linked) return citation(linked.evidence.id);
  // The item takes the call's id: an announcement interrupted between the item and its link finds
  // the item when it runs again and only links it, where a fresh id would leave an orphan and a copy.
  let item = await access.evidence.getWithLinks(call.id);
  if (!item) {
    try {
      await access.evidence.createUrl(
        {
          kind: 'sertifikat',
          title: `Hasil ${call.title}`.slice(0, 200),
          note: `Pemenang ${call.title} diumumkan ${formatDateId(call.stageDates.announcement)}; sertifikat pemenang dibuat dari halaman lomba.`,
          url,
          documentDate: call.stageDates.announcement,
          public: true,
        },
        access.actor,
        new Date().toISOString(),
        call.id,
      );
    } catch (error) {
      // Ambiguous (the answer lost after the write, the SDK's resend refused by the condition): a
      // strongly consistent read tells whether the item is there.
      item = await access.evidence.getWithLinks(call.id).catch(() => undefined);
      if (!item) throw error;
    }
  }
  const cites = (link: EvidenceLink) =>
    link.target.type === 'spd' && link.target.year === call.year && link.target.row === AWARD_SPD_ROW;
  if (!item?.links.some(cites)) {
    await access.evidence.link(call.id, target, access.actor).catch((error: unknown) => {
      // Linked by an earlier attempt whose answer was lost.
      if (!isDomainError(error, 'evidence_link_exists')) throw error;
    });
  }
  return citation(call.id);
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
