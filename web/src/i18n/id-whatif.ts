import { addMessages } from './messages.ts';

/**
 * Bahasa Indonesia — deciding what to send: the dashboard's portfolio panel and the what-if screen.
 * Registered when the dashboard's or the what-if screen's chunk loads.
 */
export const idWhatIf = {
  'portfolio.title': 'Pilihan inovasi yang dikirim',
  'portfolio.intro':
    'Rata-rata kematangan dibagi jumlah inovasi yang dikirim, sehingga inovasi yang lemah dapat menurunkan indeks. Inilah himpunan inovasi yang memberi indeks tertinggi, dengan tetap memenuhi syarat urusan pelayanan dasar dan batas jumlah.',
  'portfolio.basis': 'Dasar perhitungan pilihan',
  'portfolio.everything': 'Semua dikirim',
  'portfolio.choice': 'Pilihan terbaik',
  'portfolio.gain': 'Selisih',
  'portfolio.send': 'Kirim',
  'portfolio.hold': 'Tahan',
  'portfolio.locked': 'Sudah dikirim',
  'portfolio.held': 'Ditahan ({count})',
  'portfolio.sent': 'Dikirim ({count})',
  'portfolio.col.name': 'Inovasi',
  'portfolio.col.kematangan': 'Kematangan',
  'portfolio.col.decision': 'Keputusan',
  'portfolio.openWhatIf': 'Coba di simulasi bagaimana-jika',
  'whatif.title': 'Simulasi Bagaimana Jika',
  'whatif.intro':
    'Ubah level indikator, tambahkan atau keluarkan inovasi, dan lihat indeks serta predikat bergerak. Tidak ada yang disimpan; simulasi memakai level yang dipilih operator (klaim).',
  'whatif.year': 'Tahun penilaian',
  'whatif.result': 'Hasil simulasi',
  'whatif.index': 'Indeks simulasi',
  'whatif.start': 'Awal: {index} ({predicate})',
  'whatif.delta': '{delta} poin dari awal',
  'whatif.predicateMoved': 'Predikat berubah: {from} → {to}',
  'whatif.averageMaturity': 'Rata-rata kematangan',
  'whatif.countScore': 'Skor jumlah inovasi',
  'whatif.divisor': 'Pembagi',
  'whatif.basicServices': 'Urusan pelayanan dasar tercakup',
  'whatif.basicServicesValue': '{covered} dari 6 (syarat {required})',
  'whatif.innovations': 'Inovasi ({included} dari {total} dikirim)',
  'whatif.include': 'Kirim {name}',
  'whatif.col.send': 'Kirim',
  'whatif.col.name': 'Inovasi',
  'whatif.col.urusan': 'Urusan',
  'whatif.col.kematangan': 'Kematangan',
  'whatif.col.actions': 'Aksi',
  'whatif.rejected': 'Ditolak',
  'whatif.hypothetical': 'Rekaan',
  'whatif.editLevels': 'Ubah level',
  'whatif.editLevelsOf': 'Level indikator: {name}',
  'whatif.close': 'Tutup',
  'whatif.remove': 'Hapus',
  'whatif.level': 'Level {code}',
  'whatif.applyChoice': 'Terapkan pilihan terbaik',
  'whatif.sendAll': 'Kirim semua',
  'whatif.reset': 'Kembalikan ke awal',
  'whatif.add': 'Tambah inovasi rekaan',
  'whatif.addName': 'Nama inovasi',
  'whatif.addUrusan': 'Urusan',
  'whatif.addLevel': 'Level semua indikator',
  'whatif.addButton': 'Tambahkan',
  'whatif.newName': 'Inovasi baru {number}',
  'whatif.calculating': 'Menghitung…',
} as const;

addMessages(idWhatIf);
