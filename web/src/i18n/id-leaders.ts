import { addMessages } from './messages.ts';

/**
 * Bahasa Indonesia — the leaders' command centre (Bupati/Wali Kota, Sekda). Registered when its
 * chunk loads. Short phrases: the screen is read on a phone between meetings.
 */
export const idLeaders = {
  'leaders.title': 'Ruang Kendali Pimpinan',
  'leaders.intro': 'Posisi {region} menuju Indeks Inovasi Daerah {year}.',
  'leaders.asOf': 'Data per {time}',
  'leaders.index.heading': 'Proyeksi indeks',
  'leaders.index.claimed': 'Klaim OPD',
  'leaders.index.verified': 'Terverifikasi',
  'leaders.index.risk': '{points} poin masih menunggu verifikasi bukti.',
  'leaders.index.next': 'Kurang {points} poin menuju {predicate}.',
  'leaders.deadlines.heading': 'Sisa waktu',
  'leaders.deadlines.internal': 'Batas internal',
  'leaders.deadlines.national': 'Batas nasional',
  'leaders.deadlines.none': 'Belum ditetapkan',
  'leaders.deadlines.left': '{days} hari lagi',
  'leaders.deadlines.today': 'Hari ini',
  'leaders.deadlines.past': 'Lewat {days} hari',
  'leaders.queue.heading': 'Menunggu verifikasi',
  'leaders.queue.count': '{count} inovasi',
  'leaders.queue.detail': '{submitted} diajukan, {inReview} sedang diperiksa',
  'leaders.basic.heading': 'Urusan pelayanan dasar',
  'leaders.basic.covered': '{covered} dari {required} urusan yang disyaratkan sudah tercakup.',
  'leaders.basic.missing': 'Belum ada inovasi untuk:',
  'leaders.basic.allCovered': 'Semua urusan pelayanan dasar sudah tercakup.',
  'leaders.league.heading': 'Peringkat OPD',
  'leaders.league.intro': '{met} dari {total} OPD sudah memenuhi target inovasi yang diajukan.',
  'leaders.league.rank': 'No.',
  'leaders.league.opd': 'OPD',
  'leaders.league.submitted': 'Diajukan / target',
  'leaders.league.verified': '{count} terverifikasi',
  'leaders.league.rule': 'Menurut aturan target: {rule}.',
  'leaders.league.unitsBehind': '{count} unit belum memenuhi',
  'leaders.league.met': 'Target terpenuhi',
  'leaders.league.behind': 'Kurang {count}',
  'leaders.league.empty': 'Belum ada OPD aktif.',
} as const;

addMessages(idLeaders);
