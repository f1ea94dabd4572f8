import type { ContestCall, ContestEntry } from '@inovasi/core';
import type { ContestAccess } from './shared.ts';

/**
 * The e-mail telling an entrant that screening found their entry incomplete, with the admin's
 * reason (docs/decisions/0042). It is an outbox item written in the screening's own transaction,
 * so the entrant is told exactly when the verdict commits; the outbox dispatcher delivers it
 * (SES in AWS, the local outbox file in the embedded product). Bahasa Indonesia first, then English.
 */
export async function incompleteEntryMail(
  access: ContestAccess,
  call: ContestCall,
  entry: ContestEntry,
  reason: string,
) {
  const entrant = entry.entrantUserId ? await access.members().get(entry.entrantUserId) : undefined;
  if (!entrant?.email) return [];
  const profile = await access.profile.get();
  const region = profile?.name ?? access.tenantCode;
  const subject = `Karya lomba perlu dilengkapi / Contest entry incomplete: ${call.title}`;
  const text = [
    `Yth. ${entrant.name},`,
    '',
    `Pada seleksi administrasi ${call.title} (${region}), karya "${entry.profile.name}" dinyatakan belum lengkap.`,
    `Alasan: ${reason}`,
    `Silakan lengkapi sebelum ${call.stageDates.screeningEnd} melalui halaman lomba, lalu hubungi panitia.`,
    '',
    '---',
    '',
    `Dear ${entrant.name},`,
    '',
    `Administrative screening of ${call.title} (${region}) found the entry "${entry.profile.name}" incomplete.`,
    `Reason: ${reason}`,
    `Please complete it before ${call.stageDates.screeningEnd} on the contest page, then contact the organisers.`,
  ].join('\n');
  const outbox = access.notifications;
  return [outbox.mailItem(entrant.email, subject, text)];
}
