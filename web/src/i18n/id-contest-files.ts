import { addMessages } from './messages.ts';

/**
 * Bahasa Indonesia — lampiran karya lomba dan pemilih inovasi (ADR 0042). Registered when the
 * entry-file panel or the entry form loads.
 */
export const idContestFiles = {
  'contestFiles.title': 'Lampiran: {name}',
  'contestFiles.none': 'Belum ada lampiran.',
  'contestFiles.noneJudge': 'Belum ada lampiran yang lolos pemeriksaan.',
  'contestFiles.limit': 'Karya ini sudah memiliki {max} lampiran, batas maksimal.',
  'contestFiles.name': 'Berkas',
  'contestFiles.size': 'Ukuran',
  'contestFiles.status': 'Status',
  'contestFiles.status.passed': 'Lolos pemeriksaan',
  'contestFiles.status.rejected': 'Ditolak',
  'contestFiles.status.pending': 'Menunggu pemeriksaan',
  'contestFiles.download': 'Unduh',
  'contestFiles.downloadNamed': 'Unduh {name}',
  'contestFiles.remove': 'Hapus',
  'contestFiles.removeNamed': 'Hapus lampiran {name}',
  'contestFiles.add': 'Tambah lampiran (PDF, JPG, PNG, MP4)',
  'contestFiles.choose': 'Pilih lampiran untuk {name}',
  'contestFiles.added': 'Lampiran {name} sudah diperiksa dan tersimpan.',
  'contestFiles.show': 'Lampiran',
  'contestFiles.hide': 'Tutup lampiran',
  'contestFiles.showNamed': 'Lihat lampiran {name}',
  'contests.enter.search': 'Cari inovasi OPD Anda',
  'contests.enter.searchHint': 'Ketik sebagian nama inovasi; pencarian dilakukan di seluruh daftar OPD.',
  'contests.enter.more': 'Muat lebih banyak inovasi',
  'contests.enter.entered': '{name} — sudah didaftarkan',
  'contests.enter.none': 'Tidak ada inovasi yang cocok.',
} as const;

addMessages(idContestFiles);
