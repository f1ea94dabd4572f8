import { addMessages } from './messages.ts';

/**
 * Bahasa Indonesia — the operators' and verifiers' everyday details: their deadline, refusals
 * explained up front, errors without a server message, and the small explanations beside terms.
 * Registered by each screen that uses them, when its chunk loads.
 */
export const idPolish = {
  'deadline.title': 'Batas pengisian OPD, periode {year}',
  'deadline.daysLeft': '{days} hari lagi (sampai {date})',
  'deadline.today': 'Hari ini hari terakhir ({date})',
  'deadline.passed': 'Lewat {days} hari ({date}); hanya Bappeda yang masih dapat mengubah.',
  'deadline.readOnly': 'Periode {year} sudah ditutup; tidak ada lagi yang dapat diubah.',
  'deadline.extended': 'Termasuk perpanjangan untuk OPD Anda.',
  'workflow.blocked.answersNotReviewed':
    'Belum dapat dinyatakan terverifikasi: {count} jawaban belum diterima. Terima setiap jawaban dulu, atau kembalikan inovasi ke OPD bila ada yang perlu diperbaiki.',
  'app.error.unavailable':
    'Layanan sedang tidak tersedia untuk sementara. Tunggu beberapa menit lalu coba lagi.',
  'app.error.tooMany': 'Terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar lalu coba lagi.',
  'app.error.tooLarge': 'Berkas atau isian terlalu besar untuk dikirim.',
  'app.error.server':
    'Server sedang mengalami gangguan. Coba lagi nanti; bila terus berulang, hubungi Bappeda.',
  'exports.emptyPack':
    'Belum ada inovasi tahun {year} yang berstatus Siap dikirim, jadi paket akan berisi 0 inovasi. Tandai inovasi yang sudah terverifikasi sebagai Siap dikirim terlebih dahulu.',
  'evidence.documentDateRequired': 'Tanggal dokumen (wajib untuk indikator ini)',
  'evidence.documentDateMissing':
    'Isi tanggal dokumen: indikator ini hanya menerima dokumen bertanggal dalam rentang yang tertera di atas.',
  'date.clear': 'Kosongkan tanggal',
} as const;

addMessages(idPolish);
