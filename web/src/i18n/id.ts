/**
 * Bahasa Indonesia: the source dictionary. Every key the UI uses is declared here or in one of the
 * feature modules `id-*.ts` (loaded with their screens); `en.ts` must provide all of them (the type
 * checker enforces it). Words follow the project glossary.
 * Placeholders are written `{name}` and filled by `t(key, { name })`.
 */
import type { idAdmin } from './id-admin.ts';
import type { idBoard } from './id-board.ts';
import type { idCatalog } from './id-catalog.ts';
import type { idContestFiles } from './id-contest-files.ts';
import type { idContests } from './id-contests.ts';
import type { idDashboard } from './id-dashboard.ts';
import type { idEvidence } from './id-evidence.ts';
import type { idExports } from './id-exports.ts';
import type { idField } from './id-field.ts';
import type { idGaps } from './id-gaps.ts';
import type { idJump } from './id-jump.ts';
import type { idLeaders } from './id-leaders.ts';
import type { idMfa } from './id-mfa.ts';
import type { idOffline } from './id-offline.ts';
import type { idOversight } from './id-oversight.ts';
import type { idPolish } from './id-polish.ts';
import type { idReplication } from './id-replication.ts';
import type { idUnits } from './id-units.ts';
import type { idWhatIf } from './id-whatif.ts';

export const id = {
  'app.name': 'Inovasi Daerah',
  'app.skipToContent': 'Lewati ke konten utama',
  'app.loading': 'Memuat…',
  'app.retry': 'Coba lagi',
  'app.cancel': 'Batal',
  'app.save': 'Simpan',
  'app.back': 'Kembali',
  'app.loadMore': 'Muat lebih banyak',
  'app.reload': 'Muat ulang',
  'app.notFound.title': 'Halaman tidak ditemukan',
  'app.notFound.body': 'Alamat yang Anda buka tidak ada atau sudah dipindahkan.',
  'app.forbidden': 'Anda tidak memiliki akses ke halaman ini.',
  'app.error.title': 'Terjadi kesalahan',
  'app.error.network': 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.',
  'app.error.unexpected': 'Terjadi kesalahan yang tidak terduga. Silakan coba lagi.',
  'app.error.chunk': 'Gagal memuat bagian aplikasi. Periksa koneksi lalu muat ulang halaman.',
  'app.archived': 'Diarsipkan',
  'app.active': 'Aktif',
  'app.all': 'Semua',
  'app.none': '—',

  'lang.label': 'Bahasa',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  'header.openNav': 'Buka menu navigasi',
  'header.signOut': 'Keluar',
  'header.platform': 'Administrasi Platform',

  'nav.main': 'Navigasi utama',
  'nav.innovations': 'Inovasi Daerah',
  'nav.opds': 'Perangkat Daerah (OPD)',
  'nav.units': 'Unit di Bawah OPD',
  'nav.members': 'Pengguna',
  'nav.tenants': 'Pemda Terdaftar',

  'role.platform_admin': 'Admin Platform',
  'role.tenant_admin': 'Admin Pemda (Bappeda)',
  'role.verifier': 'Verifikator',
  'role.opd_operator': 'Operator OPD',
  'role.province_viewer': 'Pemantau Provinsi',
  'role.pimpinan': 'Pimpinan Daerah (Kepala Daerah/Sekda)',
  'role.juri': 'Juri Lomba Inovasi',
  'role.peserta': 'Peserta Lomba (Masyarakat/Pelajar)',

  'tenantKind.provinsi': 'Provinsi',
  'tenantKind.kabupaten': 'Kabupaten',
  'tenantKind.kota': 'Kota',

  'signIn.title': 'Masuk',
  'signIn.intro':
    'Ini adalah server lokal dengan data contoh. Pilih salah satu pengguna demo di bawah untuk masuk sesuai perannya.',
  'signIn.platformGroup': 'Platform',
  'signIn.empty': 'Belum ada pengguna demo. Jalankan server lokal dengan data contoh (seed).',
  'signIn.unavailable':
    'Daftar pengguna demo tidak tersedia. Halaman ini hanya berfungsi pada mode lokal (pnpm start).',
  'signIn.ended.expired': 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  'signIn.ended.account_disabled':
    'Akun Anda dinonaktifkan oleh admin daerah. Hubungi admin Bappeda/Litbang untuk mengaktifkannya kembali.',
  'signIn.ended.account_unavailable':
    'Akun Anda tidak lagi terdaftar sebagai anggota daerah mana pun. Hubungi admin Bappeda/Litbang.',
  'signIn.accountTitle': 'Masuk dengan akun Anda',
  'signIn.accountBody': 'Gunakan email dan kata sandi dari undangan admin Bappeda/Litbang daerah Anda.',
  'signIn.accountButton': 'Masuk dengan email dan kata sandi',
  'signIn.demoTitle': 'Pengguna demo',
  'signIn.demoBadge': 'Mode demo',
  'signIn.callbackFailedTitle': 'Gagal masuk',
  'signIn.callbackFailed':
    'Proses masuk tidak dapat diselesaikan: tautannya sudah dipakai atau kedaluwarsa. Silakan masuk lagi.',
  'signIn.backToSignIn': 'Kembali ke halaman masuk',
  'signIn.byEmail': 'Masuk dengan email pengguna demo',
  'signIn.email': 'Email pengguna demo',
  'signIn.submit': 'Masuk',
  'signIn.filter': 'Cari pengguna atau daerah',

  'innovations.title': 'Inovasi Daerah',
  'innovations.new': 'Tambah inovasi',
  'innovations.empty': 'Belum ada inovasi yang dicatat.',
  'innovations.emptyFiltered': 'Tidak ada inovasi yang sesuai dengan filter.',
  'innovations.filters': 'Filter inovasi',
  'innovations.filter.opd': 'OPD',
  'innovations.filter.stage': 'Tahapan',
  'innovations.filter.status': 'Status',
  'innovations.filter.reset': 'Hapus filter',
  'innovations.col.name': 'Nama inovasi',
  'innovations.col.opd': 'OPD',
  'innovations.col.stage': 'Tahapan',
  'innovations.col.status': 'Status',
  'innovations.col.updated': 'Terakhir diubah',
  'innovations.count': '{count} inovasi ditampilkan',
  'innovations.unknownOpd': 'OPD tidak dikenal',
  'innovations.draftBadge': 'Ada draf belum tersimpan',

  'stage.inisiatif': 'Inisiatif',
  'stage.uji_coba': 'Uji coba',
  'stage.penerapan': 'Penerapan',

  'status.draft': 'Draf',
  'status.submitted': 'Diajukan',
  'status.in_review': 'Sedang diverifikasi',
  'status.returned': 'Dikembalikan',
  'status.verified': 'Terverifikasi',
  'status.ready': 'Siap dikirim',
  'status.sent': 'Terkirim',
  'status.accepted': 'Diterima',
  'status.rejected': 'Ditolak',
  'innovations.filter.archived': 'Tampilkan yang diarsipkan',

  'initiator.kepala_daerah': 'Kepala Daerah',
  'initiator.anggota_dprd': 'Anggota DPRD',
  'initiator.opd': 'OPD',
  'initiator.asn': 'ASN',
  'initiator.masyarakat': 'Masyarakat',

  'classification.perangkat_daerah': 'Inovasi Perangkat Daerah',
  'classification.desa': 'Inovasi Desa dan Kelurahan',
  'classification.masyarakat': 'Inovasi Masyarakat',

  'kind.digital': 'Digital',
  'kind.non_digital': 'Non digital',

  'form.pelayanan_publik': 'Inovasi pelayanan publik',
  'form.tata_kelola': 'Inovasi tata kelola pemerintahan daerah',
  'form.urusan_lainnya': 'Inovasi urusan pemerintahan lainnya',

  'profile.createTitle': 'Inovasi baru',
  'profile.editTitle': 'Ubah profil inovasi',
  'profile.section.identity': 'Identitas inovasi',
  'profile.section.classification': 'Klasifikasi',
  'profile.section.dates': 'Waktu',
  'profile.section.narrative': 'Uraian',
  'profile.opd': 'OPD pengampu',
  'profile.opdPlaceholder': 'Pilih OPD',
  'profile.name': 'Nama inovasi',
  'profile.nameHint': 'Minimal 3 karakter.',
  'profile.stage': 'Tahapan inovasi',
  'profile.initiator': 'Inisiator',
  'profile.initiatorName': 'Nama inisiator',
  'profile.classification': 'Klasifikasi inovasi',
  'profile.kind': 'Jenis inovasi',
  'profile.form': 'Bentuk inovasi',
  'profile.urusanMain': 'Urusan pemerintahan utama',
  'profile.urusanOthers': 'Urusan pemerintahan lain yang beririsan',
  'profile.trialDate': 'Waktu uji coba',
  'profile.implementationDate': 'Waktu penerapan',
  'profile.latestDevelopmentDate': 'Pengembangan terakhir',
  'profile.rancangBangun': 'Rancang bangun',
  'profile.rancangBangunHint':
    'Uraikan latar belakang, masalah, solusi, dan cara kerja inovasi. Minimal {min} kata agar memenuhi syarat penilaian.',
  'profile.wordCount': '{count} / {min} kata',
  'profile.wordCountOk': '{count} kata — memenuhi minimal {min} kata',
  'profile.tujuan': 'Tujuan inovasi',
  'profile.manfaat': 'Manfaat yang diperoleh',
  'profile.hasil': 'Hasil inovasi',
  'profile.budget': 'Anggaran (Rp)',
  'profile.budgetHint': 'Dalam rupiah penuh; pemisah ribuan ditambahkan otomatis.',
  'profile.select': 'Pilih',
  'profile.saved': 'Profil inovasi tersimpan.',
  'profile.created': 'Inovasi baru telah dibuat.',
  'profile.draftRestored': 'Draf yang belum tersimpan dari {time} dipulihkan.',
  'profile.discardDraft': 'Buang draf',
  'profile.draftKept': 'Perubahan disimpan sementara di perangkat ini sampai berhasil disimpan ke server.',
  'profile.conflict':
    'Data ini telah diubah orang lain sejak Anda membukanya. Muat ulang untuk melihat versi terbaru; isian Anda tetap tersimpan sebagai draf di perangkat ini.',
  'profile.conflictTitle': 'Terjadi perubahan bersamaan',
  'profile.loadLatest': 'Muat versi terbaru',
  'profile.archive': 'Arsipkan',
  'profile.archiveConfirmTitle': 'Arsipkan inovasi?',
  'profile.archiveConfirm':
    'Inovasi "{name}" akan diarsipkan dan tidak lagi tampil di daftar aktif. Lanjutkan?',
  'profile.archived': 'Inovasi telah diarsipkan.',
  'profile.isArchived': 'Inovasi ini sudah diarsipkan dan tidak dapat diubah.',
  'profile.fixErrors': 'Periksa kembali isian yang ditandai.',
  'profile.meta': 'Dibuat {created} · diubah {updated} · versi {version}',
  'profile.noOpds': 'Belum ada OPD. Minta Admin Pemda menambahkan OPD terlebih dahulu.',

  'validation.required': 'Wajib diisi.',
  'validation.nameTooShort': 'Nama inovasi minimal 3 karakter.',
  'profile.rebased':
    'Versi terbaru sudah dimuat. Perubahan Anda yang belum tersimpan diterapkan di atasnya — periksa lalu simpan kembali.',

  'opds.title': 'Perangkat Daerah (OPD)',
  'opds.new': 'Tambah OPD',
  'opds.empty': 'Belum ada OPD. Tambahkan OPD pertama untuk mulai mencatat inovasi.',
  'opds.col.name': 'Nama OPD',
  'opds.col.kind': 'Jenis',
  'opds.col.status': 'Status',
  'opds.col.actions': 'Aksi',
  'opds.name': 'Nama OPD',
  'opds.kind': 'Jenis OPD',
  'opds.rename': 'Ganti nama',
  'opds.renameTitle': 'Ganti nama OPD',
  'opds.createTitle': 'Tambah OPD',
  'opds.archive': 'Arsipkan',
  'opds.archiveConfirm': 'Arsipkan OPD "{name}"? OPD yang diarsipkan tidak dapat dipilih untuk inovasi baru.',
  'opds.archiveConfirmTitle': 'Arsipkan OPD?',
  'opds.showArchived': 'Tampilkan OPD yang diarsipkan',
  'opds.saved': 'OPD tersimpan.',
  'opds.conflict':
    'OPD ini telah diubah orang lain. Daftar sudah dimuat ulang; silakan ulangi perubahan Anda.',

  'opdKind.dinas': 'Dinas',
  'opdKind.badan': 'Badan',
  'opdKind.kecamatan': 'Kecamatan',
  'opdKind.kelurahan': 'Kelurahan',
  'opdKind.puskesmas': 'UPT Puskesmas',
  'opdKind.sekolah': 'Sekolah',
  'opdKind.rsud': 'RSUD',
  'opdKind.lainnya': 'Lainnya',

  'nav.dashboard': 'Dasbor Indeks',
  'nav.todo': 'Tugas Saya',
  'nav.queue': 'Antrean Verifikasi',
  'nav.spd': 'Jawaban SPD',
  'nav.periods': 'Periode Penilaian',
  'nav.contests': 'Lomba Inovasi',
  'nav.settings': 'Pengaturan',
  'nav.audit': 'Jejak Audit',

  'detail.title': 'Detail inovasi',
  'detail.period': 'Periode {year}',
  'detail.editProfile': 'Ubah profil',
  'detail.viewProfile': 'Lihat profil lengkap',
  'detail.open': 'Buka detail inovasi',
  'detail.profile': 'Ringkasan profil',
  'detail.words': '{count} kata',
  'detail.indicators': 'Indikator kematangan (SID)',
  'detail.answered': '{answered} dari {total} indikator dijawab',
  'detail.indicatorsHint':
    'Pilih level yang sesuai dengan kondisi inovasi dan data dukung yang Anda miliki; setiap pilihan langsung tersimpan. Level 0 berarti belum ada atau belum dapat dibuktikan.',
  'detail.indicatorsReadOnly': 'Jawaban hanya dapat diubah oleh OPD saat status Draf atau Dikembalikan.',
  'detail.locked':
    'Inovasi sedang berada di Bappeda: profil dan jawaban tidak dapat diubah sampai dikembalikan ke OPD.',
  'detail.returnedTitle': 'Dikembalikan oleh verifikator',
  'detail.returnedNoNote': 'Periksa catatan pada indikator yang dikembalikan, perbaiki, lalu ajukan kembali.',
  'detail.sentTitle': 'Sudah dikirim ke aplikasi nasional',
  'detail.sentBody': 'Nomor registrasi {number}, dikirim {date}.',

  'kematangan.title': 'Kematangan inovasi',
  'kematangan.claimed': 'Klaim OPD',
  'kematangan.claimedHint': 'Jumlah bobot × level dari semua jawaban yang dipilih.',
  'kematangan.verified': 'Terverifikasi',
  'kematangan.verifiedHint': 'Hanya jawaban yang sudah diterima verifikator Bappeda.',
  'kematangan.value': '{value} / {max}',
  'kematangan.risk': 'Selisih {points} poin belum terverifikasi: nilai ini berisiko tidak dihitung.',
  'kematangan.progress':
    '{answered} dari {total} indikator dijawab · {accepted} diterima · {returned} dikembalikan',
  'kematangan.thresholdMet': 'Memenuhi batas minimal kematangan untuk dikirim ({min}).',
  'kematangan.thresholdMissing':
    'Belum memenuhi batas minimal kematangan untuk dikirim ({min}); kurang {gap} poin terverifikasi.',

  'eligibility.title': 'Syarat penilaian IID',
  'eligibility.ok': 'Profil memenuhi syarat: inovasi ini ikut dihitung dalam indeks.',
  'eligibility.notYet': 'Inovasi ini belum ikut dihitung karena:',
  'eligibility.fix': 'Lengkapi profil',

  'indicator.weight': 'Bobot {weight}',
  'indicator.mandatory': 'Wajib',
  'indicator.score': 'Skor {score} dari {max}',
  'indicator.pickLevel': 'Pilih level yang sesuai',
  'indicator.level': 'Level {level}',
  'indicator.level0': 'Belum ada atau belum dapat dibuktikan dengan data dukung.',
  'indicator.basis': 'Basis kemanfaatan',
  'indicator.basisHint': 'Pilih satu basis pengukuran; level dinilai menurut basis ini.',
  'indicator.basisPlaceholder': 'Pilih basis (a–f)',
  'indicator.basisRequired': 'Pilih basis kemanfaatan sebelum menyimpan level.',
  'indicator.evidence': 'Data dukung yang diperlukan',
  'indicator.fileKinds': 'Jenis berkas:',
  'indicator.note': 'Catatan (opsional)',
  'indicator.save': 'Simpan jawaban',
  'indicator.saveFor': 'Simpan jawaban: {name}',
  'indicator.keptOffline':
    'Tidak ada koneksi: jawaban disimpan di perangkat ini dan dikirim saat koneksi kembali.',
  'offline.copyNotice':
    'Luring — data per {time}, dari salinan di perangkat ini. Perubahan yang menunggu dikirim ditampilkan di atasnya.',
  'indicator.offlineConflictTitle': 'Jawaban luring belum terkirim',
  'indicator.offlineConflict':
    'Selama Anda luring, inovasi ini diubah orang lain. Pilih jawaban yang dipakai; tidak ada yang dibuang tanpa pilihan Anda.',
  'indicator.offlineMine': 'Jawaban Anda (disimpan di perangkat): level {level}',
  'indicator.offlineTheirs': 'Jawaban di server sekarang: level {level}',
  'indicator.offlineTheirsNone': 'Jawaban di server sekarang: belum dijawab',
  'indicator.offlineSendMine': 'Kirim jawaban saya',
  'indicator.offlineKeepTheirs': 'Pakai jawaban di server',
  'profile.offlineRefused':
    'Server menolak perubahan profil yang disimpan di perangkat ini saat luring. Periksa isian lalu simpan lagi.',
  'profile.queuedWaiting': 'Perubahan profil disimpan di perangkat ini dan dikirim saat koneksi kembali.',
  'profile.queuedRefused':
    'Perubahan profil yang disimpan di perangkat ini belum terkirim: server menolaknya (mungkin ada perubahan lain). Buka profil untuk memilih.',
  'profile.openQueued': 'Buka profil',
  'profile.keptOffline':
    'Tidak ada koneksi: perubahan disimpan di perangkat ini dan dikirim saat koneksi kembali.',
  'indicator.saved': 'Jawaban tersimpan.',
  'indicator.unsaved': 'Belum disimpan.',
  'indicator.saving': 'Menyimpan…',
  'indicator.saveFailed': 'Gagal disimpan. Pilihan Anda masih ada di sini.',
  'indicator.retry': 'Coba simpan lagi',
  'indicator.returnedTitle': 'Dikembalikan verifikator',
  'indicator.noNote': 'Tanpa catatan.',
  'indicator.conflict':
    'Inovasi ini telah diubah di tempat lain sejak Anda membukanya. Pilihan Anda belum tersimpan dan tetap ada di sini: muat versi terbaru, periksa, lalu simpan lagi.',

  'fileKind.pdf': 'PDF',
  'fileKind.jpg': 'JPG',
  'fileKind.png': 'PNG',
  'fileKind.mp4': 'MP4',
  'fileKind.video_link': 'Tautan video',
  'fileKind.web_link': 'Tautan situs',

  'review.title': 'Pemeriksaan verifikator',
  'review.accept': 'Terima',
  'review.acceptFor': 'Terima: {name}',
  'review.return': 'Kembalikan',
  'review.returnFor': 'Kembalikan: {name}',
  'review.confirmReturn': 'Kirim pengembalian',
  'review.confirmReturnFor': 'Kirim pengembalian: {name}',
  'review.note': 'Catatan untuk OPD',
  'review.noteHint': 'Tulis apa yang perlu diperbaiki atau dilengkapi.',
  'review.noteRequired': 'Catatan wajib diisi saat mengembalikan jawaban.',
  'review.decided.accepted': 'Keputusan: diterima ({date}).',
  'review.decided.returned': 'Keputusan: dikembalikan ke OPD ({date}).',
  'review.change': 'Ubah keputusan',
  'review.changeFor': 'Ubah keputusan: {name}',
  'review.status.unanswered': 'Belum dijawab',
  'review.status.pending': 'Menunggu pemeriksaan',
  'review.status.accepted': 'Diterima',
  'review.status.returned': 'Dikembalikan',

  'submission.title': 'Sebelum diajukan',
  'submission.done': 'Sudah',
  'submission.todo': 'Belum',
  'submission.answers': '{answered} dari {total} indikator dijawab.',
  'submission.mandatoryOk':
    'Semua indikator wajib sudah dijawab dengan data dukung yang lolos pemeriksaan berkas.',
  'submission.mandatoryMissing': '{count} indikator wajib belum lengkap:',
  'submission.gap.unanswered': 'belum dijawab',
  'submission.gap.no_evidence': 'belum ada data dukung yang lolos pemeriksaan berkas',
  'submission.evidenceOk': 'Setiap jawaban lain sudah dilampiri data dukung.',
  'submission.evidenceMissing': '{count} jawaban lain belum dilampiri data dukung.',
  'submission.noThreshold': 'Daerah tidak menetapkan batas minimal kematangan untuk dikirim.',
  'submission.thresholdClaimedOk':
    'Klaim kematangan {claimed} sudah mencapai batas minimal daerah {min}; yang dihitung nanti hanya jawaban yang diterima verifikator.',
  'submission.thresholdShort':
    'Klaim kematangan {claimed}, batas minimal daerah untuk dikirim {min}: kurang {gap} poin.',
  'submission.eligibleOk': 'Profil memenuhi syarat penilaian IID.',
  'submission.notEligible': 'Profil belum memenuhi syarat penilaian IID (lihat Syarat penilaian).',
  'submission.meaningComplete':
    'Mengajukan sekarang: verifikator Bappeda memeriksa setiap jawaban dan data dukungnya. Selama diperiksa, profil dan jawaban terkunci sampai dikembalikan.',
  'submission.meaningIncomplete':
    'Anda tetap dapat mengajukan sekarang, tetapi verifikator kemungkinan akan mengembalikannya: inovasi baru dapat ditandai siap dikirim bila semua indikator wajib dijawab dengan data dukung dan kematangan terverifikasi mencapai batas minimal daerah. Selama diperiksa, profil dan jawaban terkunci.',

  'workflow.title': 'Langkah berikutnya',
  'workflow.action.submit': 'Ajukan ke verifikator',
  'workflow.action.start_review': 'Mulai verifikasi',
  'workflow.action.return': 'Kembalikan ke OPD',
  'workflow.action.verify': 'Nyatakan terverifikasi',
  'workflow.action.mark_ready': 'Tandai siap kirim',
  'workflow.action.unmark_ready': 'Batalkan siap kirim',
  'workflow.action.mark_sent': 'Catat sudah dikirim',
  'workflow.action.record_result': 'Catat hasil penilaian',
  'workflow.confirm.submit':
    'Ajukan "{name}" ke verifikator Bappeda? Selama diperiksa, profil dan jawaban tidak dapat diubah.',
  'workflow.confirm.start_review':
    'Mulai memeriksa "{name}"? OPD akan melihat statusnya sedang diverifikasi.',
  'workflow.confirm.return':
    'Kembalikan "{name}" ke OPD untuk diperbaiki? Jawaban yang Anda kembalikan beserta catatannya akan terlihat oleh OPD.',
  'workflow.confirm.verify': 'Nyatakan "{name}" terverifikasi? Semua jawaban ber-level harus sudah diterima.',
  'workflow.confirm.mark_ready':
    'Tandai "{name}" siap dikirim ke aplikasi nasional? Profil harus memenuhi syarat dan kematangan terverifikasi memenuhi batas minimal (bila diatur).',
  'workflow.confirm.unmark_ready': 'Batalkan status siap kirim "{name}"?',
  'workflow.confirm.mark_sent':
    'Catat bahwa "{name}" sudah diunggah ke aplikasi nasional. Setelah nomor registrasi terbit, inovasi tidak dapat direvisi.',
  'workflow.confirm.record_result': 'Catat hasil penilaian nasional untuk "{name}".',
  'workflow.done.submit': 'Inovasi telah diajukan ke verifikator.',
  'workflow.done.start_review': 'Verifikasi dimulai.',
  'workflow.done.return': 'Inovasi telah dikembalikan ke OPD.',
  'workflow.done.verify': 'Inovasi dinyatakan terverifikasi.',
  'workflow.done.mark_ready': 'Inovasi ditandai siap dikirim.',
  'workflow.done.unmark_ready': 'Status siap kirim dibatalkan.',
  'workflow.done.mark_sent': 'Pengiriman tercatat.',
  'workflow.done.record_result': 'Hasil penilaian tercatat.',
  'workflow.returnNote': 'Catatan untuk OPD',
  'workflow.returnNoteHint': 'Wajib: jelaskan apa yang perlu diperbaiki.',
  'workflow.returnNoteOptional': 'Opsional: catatan per indikator sudah ada pada jawaban yang dikembalikan.',
  'workflow.noteRequired': 'Tulis catatan, atau kembalikan minimal satu jawaban dengan catatannya.',
  'workflow.registrationNumber': 'Nomor registrasi',
  'workflow.registrationHint': 'Nomor yang diterbitkan aplikasi Indeks Inovasi Daerah BSKDN.',
  'workflow.registrationRequired': 'Isi nomor registrasi (minimal 3 karakter).',
  'workflow.sentAt': 'Tanggal dikirim',
  'workflow.result': 'Hasil',
  'workflow.finalKematangan': 'Kematangan akhir (opsional)',
  'workflow.finalKematanganHint': 'Nilai 0–111 dari hasil penilaian nasional, bila sudah ada.',
  'workflow.conflict':
    'Inovasi ini telah diubah di tempat lain sejak Anda membukanya. Muat versi terbaru lalu ulangi langkah ini.',

  'queue.verifierTitle': 'Antrean Verifikasi',
  'queue.verifierIntro':
    'Inovasi yang diajukan OPD dan sedang diverifikasi, yang terlama di atas. Buka untuk menerima atau mengembalikan tiap jawaban.',
  'queue.verifierEmpty': 'Tidak ada inovasi yang menunggu verifikasi.',
  'queue.operatorTitle': 'Tugas Saya',
  'queue.operatorIntro':
    'Inovasi OPD Anda yang masih perlu dilengkapi: yang dikembalikan verifikator di atas, lalu draf.',
  'queue.operatorEmpty': 'Tidak ada draf atau inovasi yang dikembalikan. Kerja bagus!',
  'queue.noOpd': 'Akun Anda belum terhubung ke OPD. Minta Admin Pemda mengaturnya.',
  'queue.col.kematangan': 'Kematangan (klaim)',
  'queue.col.reviewed': 'Diperiksa',
  'queue.col.ready': 'Syarat',
  'queue.reviewed': '{done} / {total} jawaban',
  'queue.eligible': 'Memenuhi syarat',
  'queue.notEligible': 'Belum memenuhi syarat',
  'queue.count': '{count} inovasi',
  'queue.truncated': '(menampilkan {limit} pertama per status)',

  'profile.readOnly':
    'Profil hanya dapat diubah oleh OPD saat status Draf atau Dikembalikan. Ditampilkan hanya-baca.',

  'app.close': 'Tutup',
  'nav.evidence': 'Pustaka Data Dukung',
  'nav.progress': 'Progres OPD',
  'nav.replications': 'Replikasi',
  'nav.notifications': 'Notifikasi',
  'nav.catalog': 'Katalog Replikasi',
  'nav.exports': 'Ekspor Data',
  'nav.imports': 'Impor Inovasi',
  'nav.whatif': 'Simulasi',
  'nav.commandCentre': 'Ruang Kendali',
  'nav.oversight': 'Pengawasan Provinsi',
  'nav.national': 'Gambaran Nasional',
  'signIn.catalogTitle': 'Mencari inovasi untuk direplikasi?',
  'signIn.catalogBody': 'Katalog inovasi daerah dapat dibuka siapa saja tanpa masuk.',
  'signIn.catalogLink': 'Buka katalog replikasi inovasi',
  'notifications.title': 'Notifikasi',
  'notifications.bellUnread': 'Notifikasi, {count} belum dibaca',
} as const;

/**
 * Messages of the larger feature areas live in their own modules (`id-*.ts`), which each feature
 * registers when its chunk loads (`addMessages`), so the first download carries only the shell's.
 */
export type MessageKey =
  | keyof typeof id
  | keyof typeof idAdmin
  | keyof typeof idDashboard
  | keyof typeof idCatalog
  | keyof typeof idReplication
  | keyof typeof idEvidence
  | keyof typeof idBoard
  | keyof typeof idExports
  | keyof typeof idOversight
  | keyof typeof idMfa
  | keyof typeof idPolish
  | keyof typeof idWhatIf
  | keyof typeof idLeaders
  | keyof typeof idGaps
  | keyof typeof idField
  | keyof typeof idJump
  | keyof typeof idContests
  | keyof typeof idContestFiles
  | keyof typeof idUnits
  | keyof typeof idOffline;
export type Dictionary = { readonly [K in MessageKey]: string };
