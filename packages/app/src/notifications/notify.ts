import type { Innovation, Member } from '@inovasi/core';
import type { Recipient } from '@inovasi/data';
import { longDate } from '../dates.ts';
import type { TenantAccess } from '../tenancy.ts';

const recipient = (member: Member): Recipient => ({ userId: member.id, email: member.email });

/** Who hears about a workflow step: the queue for the verifiers, a return for the OPD. */
export async function stepNotifications(
  access: TenantAccess,
  innovation: Innovation,
  next: Innovation['status'],
) {
  const notifications = access.notifications;
  const link = `/inovasi/${innovation.id}`;
  const name = innovation.profile.name;
  if (next !== 'submitted' && next !== 'returned') return [];
  const members = await access.members().list();
  const notMe = (member: Member) => member.id !== access.actor.userId;
  if (next === 'submitted') {
    const verifiers = members.filter((member) => member.roles.includes('verifier') && notMe(member));
    const reviewers =
      verifiers.length > 0 ? verifiers : members.filter((member) => member.roles.includes('tenant_admin'));
    return notifications.items(reviewers.filter(notMe).map(recipient), {
      type: 'queue',
      title_id: `Inovasi baru menunggu pemeriksaan: ${name}`,
      title_en: `New innovation waiting for review: ${name}`,
      link,
    });
  }
  const opd = members.filter(
    (member) =>
      (member.id === innovation.createdBy ||
        (member.roles.includes('opd_operator') && member.opdId === innovation.opdId)) &&
      notMe(member),
  );
  return notifications.items(opd.map(recipient), {
    type: 'returned',
    title_id: `Inovasi dikembalikan untuk diperbaiki: ${name}`,
    title_en: `Innovation returned for changes: ${name}`,
    link,
  });
}

/** Everyone in the region hears that a season opened (written after the period, in batches). */
export async function announcePeriod(access: TenantAccess, year: number, internalDeadline: string) {
  const members = await access.members().list();
  const notifications = access.notifications;
  await notifications.send(members.filter((member) => member.id !== access.actor.userId).map(recipient), {
    type: 'period_opened',
    title_id: `Periode penilaian IID ${year} dibuka; batas waktu internal ${longDate(internalDeadline, 'id')}`,
    title_en: `IID assessment period ${year} is open; internal deadline ${longDate(internalDeadline, 'en')}`,
    link: '/periode',
    dedupeKey: `period-${year}-opened`,
  });
}
