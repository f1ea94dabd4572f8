import { addMessages } from './messages.ts';

/** Bahasa Indonesia — the indicators page's jump list. Registered when the indicator cards' chunk loads. */
export const idJump = {
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

addMessages(idJump);
