import { addMessages } from './messages.ts';

/** Bahasa Indonesia — Notifications list and the OPD progress board. Registered when the feature's chunk loads. */
export const idBoard = {
  'notifications.unread': '{count} belum dibaca',
  'notifications.empty': 'Belum ada notifikasi.',
  'notifications.new': 'Baru',
  'notifications.open': 'Buka',
  'notifications.openFor': 'Buka: {title}',
  'notifications.markRead': 'Tandai dibaca',
  'notifications.markReadFor': 'Tandai dibaca: {title}',
  'progress.title': 'Progres OPD',
  'progress.intro':
    'Inovasi tiap OPD yang sudah diajukan, terverifikasi, siap kirim, dan terkirim dibanding targetnya. OPD yang paling tertinggal di atas.',
  'progress.internal': 'Tenggat internal (OPD)',
  'progress.national': 'Tenggat nasional (BSKDN)',
  'progress.noDeadline': 'Belum diatur (buka periode)',
  'progress.daysLeft': '{days} hari lagi',
  'progress.today': 'Hari ini',
  'progress.daysPast': 'Lewat {days} hari',
  'progress.totals': '{total} inovasi tercatat · target {target}',
  'progress.behind': 'Kurang {count}',
  'progress.onTrack': 'Target tercapai',
  'progress.step.submitted': 'Diajukan',
  'progress.step.verified': 'Terverifikasi',
  'progress.step.ready': 'Siap kirim',
  'progress.step.sent': 'Terkirim',
  'progress.stepValue': '{step}: {value} / {target}',
  'progress.target': 'Target',
  'progress.targetFor': 'Target inovasi {name}',
  'progress.saveTargetFor': 'Simpan target {name}',
  'progress.targetInvalid': 'Isi angka 0–100.',
  'progress.targetSaved': 'Target tersimpan.',
} as const;

addMessages(idBoard);
