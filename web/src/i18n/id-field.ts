import { addMessages } from './messages.ts';

/**
 * Bahasa Indonesia — moving about the indicators page (the jump list), the meaning of the
 * dashboard's counts, and the SPD answers saving as they are entered. Registered by the screens
 * that use them, when their chunks load.
 */
export const idField = {
  'jump.title': 'Daftar indikator',
  'jump.summary': '{answered}/{total} dijawab',
  'jump.summaryReview': '{waiting} menunggu tinjauan',
  'jump.show': 'Daftar indikator ({answered}/{total})',
  'jump.hide': 'Tutup daftar',
  'jump.nextUnanswered': 'Berikutnya belum dijawab',
  'jump.nextWaiting': 'Berikutnya menunggu tinjauan',
  'jump.noneUnanswered': 'Semua indikator sudah dijawab.',
  'jump.noneWaiting': 'Tidak ada lagi jawaban yang menunggu tinjauan.',
  'jump.state.answered': 'Dijawab',
  'jump.state.empty': 'Belum dijawab',
  'jump.state.mandatoryMissing': 'Wajib, belum dijawab',
  'jump.state.waiting': 'Menunggu tinjauan',
  'jump.state.accepted': 'Diterima',
  'jump.state.returned': 'Dikembalikan',
  'jump.loading': 'Memuat indikator…',
} as const;

addMessages(idField);
