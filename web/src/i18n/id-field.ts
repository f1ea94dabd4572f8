import { addMessages } from './messages.ts';

/**
 * Bahasa Indonesia — what the dashboard's and the progress board's counts mean, and the SPD
 * answers saving as they are entered. Registered by the screens
 * that use them, when their chunks load.
 */
export const idField = {
  'count.verified': 'Inovasi terverifikasi',
  'count.verifiedValue': '{verified} dari {submitted} yang diajukan',
  'count.verifiedHint':
    'Sudah dinyatakan terverifikasi oleh verifikator (termasuk yang siap kirim atau terkirim); sama dengan kolom Terverifikasi di Progres OPD. Indeks terverifikasi di atas menilai jawaban yang sudah diterima, juga dari inovasi yang masih ditinjau.',
  'count.boardLegend':
    'Terverifikasi: sudah dinyatakan terverifikasi oleh verifikator, termasuk yang sudah siap kirim atau terkirim (angka yang sama dengan dasbor). Target dihitung dari inovasi yang diajukan.',
  'count.submissionTargetMet': 'Target pengajuan tercapai',
  'term.divisor':
    'Jumlah inovasi yang dikirim, tetapi tidak kurang dari batas minimal; rata-rata kematangan dibagi angka ini.',
  'term.emptySeats':
    'Selisih batas minimal inovasi dengan yang dikirim; tiap kursi kosong dihitung bernilai 0 dan menurunkan rata-rata.',
  'spd.saveFailed': 'Gagal disimpan. Isian Anda masih ada di sini.',
} as const;

addMessages(idField);
