import { addMessages } from './messages.ts';

/**
 * Bahasa Indonesia — the region's dashboard and the progress board (apart from the administration
 * screens' dictionary, so the dashboard does not download the member, period and audit texts).
 * Registered when those screens' chunks load.
 */
export const idDashboard = {
  'dashboard.title': 'Dasbor Indeks Inovasi Daerah',
  'dashboard.year': 'Tahun penilaian',
  'dashboard.intro':
    'Proyeksi indeks bila periode ditutup hari ini: klaim (semua jawaban OPD) dan terverifikasi (hanya jawaban yang sudah diterima verifikator).',
  'dashboard.provisional': 'Rubrik {rubric} masih bersifat sementara (prakiraan); angka dapat berubah.',
  'dashboard.index': 'Indeks terverifikasi',
  'dashboard.gaugeLabel': 'Indeks terverifikasi {verified} ({predicate}); indeks klaim {claimed}.',
  'dashboard.gaugeKey': 'Jarum: indeks terverifikasi · garis putus-putus: indeks klaim.',
  'dashboard.bands': 'Rentang predikat',
  'dashboard.claimedVsVerified': 'Klaim dan terverifikasi',
  'dashboard.claimed': 'Klaim',
  'dashboard.verified': 'Terverifikasi',
  'dashboard.distance': 'Butuh {points} poin lagi untuk {next}.',
  'dashboard.topBand': 'Sudah di predikat tertinggi.',
  'dashboard.risk':
    'Selisih {points} poin indeks masih berupa klaim. Minta OPD melengkapi data dukung agar verifikator dapat menerimanya.',
  'dashboard.counts': 'Komponen indeks',
  'dashboard.n': 'Inovasi yang dihitung (n)',
  'dashboard.divisor': 'Pembagi rata-rata kematangan',
  'dashboard.divisorValue': '{divisor} (minimal {min})',
  'dashboard.averageMaturity': 'Rata-rata kematangan',
  'dashboard.spd': 'Skor SPD',
  'dashboard.countScore': 'Skor jumlah inovasi',
  'dashboard.emptySeatsTitle': '{count} kursi kosong',
  'dashboard.emptySeats':
    'Pembagi minimal {min} inovasi: {count} kursi kosong dihitung bernilai 0. Menambah inovasi yang memenuhi syarat adalah cara termurah menaikkan indeks.',
  'dashboard.noEmptySeats': 'Tidak ada kursi kosong (minimal {min} inovasi terpenuhi).',
  'dashboard.basicServices': 'Urusan wajib pelayanan dasar',
  'dashboard.basicServicesSummary': '{covered} dari {total} urusan tercakup; dibutuhkan minimal {required}.',
  'dashboard.covered': 'Tercakup',
  'dashboard.missing': 'Belum ada',
  'dashboard.gateMet': 'Syarat urusan pelayanan dasar terpenuhi: skor jumlah inovasi dihitung.',
  'dashboard.gateMissing':
    'Syarat urusan pelayanan dasar belum terpenuhi (minimal {required}): skor jumlah inovasi bernilai 0.',
  'dashboard.opdTitle': 'Kontribusi per OPD',
  'dashboard.opdIntro': 'Poin indeks yang disumbangkan inovasi tiap OPD, klaim dan terverifikasi.',
  'dashboard.opdEmpty': 'Belum ada inovasi pada periode ini.',
  'dashboard.chartLoading': 'Memuat grafik…',
  'dashboard.col.opd': 'OPD',
  'dashboard.col.innovations': 'Inovasi dihitung',
  'dashboard.col.pointsVerified': 'Poin terverifikasi',
  'dashboard.col.pointsClaimed': 'Poin klaim',
  'dashboard.countedOf': '{counted} dari {total}',
  'dashboard.adviceTitle': 'Langkah paling berdampak',
  'dashboard.adviceBasis': 'Dasar perhitungan saran',
  'dashboard.adviceIntro':
    'Diurutkan menurut kenaikan indeks untuk usaha terkecil; kenaikan dihitung ulang dengan rumus resmi.',
  'dashboard.adviceEmpty': 'Tidak ada saran: semua langkah yang dapat dihitung sudah dilakukan.',
  'dashboard.gain': '+{gain} poin',
  'dashboard.openInnovation': 'Buka inovasi',
  'dashboard.leversTitle': 'Satu dokumen untuk banyak inovasi',
  'dashboard.leversIntro':
    'Satu SK atau peraturan kepala daerah yang menyebut semua inovasi menaikkan indikator yang sama sekaligus; kenaikan dihitung dengan semua inovasi itu dinaikkan bersama.',
  'dashboard.leverReach': '{count} inovasi',
  'dashboard.movesTitle': 'Langkah per inovasi',
  'dashboard.evidence': 'Data dukung: {text}',
  'dashboard.evidenceAsAbove': 'Data dukung: sama seperti di atas.',
  'dashboard.notCounted': 'Inovasi yang belum dihitung ({count})',
  'dashboard.notCountedIntro':
    'Draf yang belum memenuhi syarat tidak masuk pembagi sampai syaratnya dipenuhi.',
  'dashboard.ifIneligibleSent':
    'Bila draf ini dikirim apa adanya, semuanya akan ditolak dan tetap masuk pembagi: indeks terverifikasi turun {cost} poin menjadi {index}.',
  'dashboard.verifiedHeld': 'Bernilai 0 pada skor terverifikasi ({count})',
  'dashboard.verifiedHeldIntro':
    'Inovasi ini baru dihitung pada skor terverifikasi setelah semua indikator wajibnya dijawab dan data dukungnya diterima verifikator. Sampai saat itu ia tetap masuk pembagi dengan nilai 0 dan tidak ikut menghitung urusan pelayanan dasar.',
  'dashboard.notAssessableTitle': 'Tidak Dapat Dinilai',
  'dashboard.notAssessable':
    'Belum ada inovasi yang dapat dinilai pada periode ini, sehingga daerah berpredikat Tidak Dapat Dinilai (indeks 0) berapa pun nilai SPD-nya. Daftarkan dan lengkapi inovasi yang memenuhi syarat.',
  'dashboard.notAssessableBand': 'Tidak Dapat Dinilai: 0 (tidak ada inovasi yang dapat dinilai)',
} as const;

addMessages(idDashboard);
