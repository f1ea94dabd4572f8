import { CONTEST_ERROR_MESSAGES } from './contest-messages.ts';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Text = Readonly<Record<Language, string>>;

/**
 * Error texts shown to people. The `code` is for programs and never changes; the text is for the
 * civil servant reading it, so it says what happened and what to do in plain words.
 */
export const ERROR_MESSAGES = {
  ...CONTEST_ERROR_MESSAGES,
  unauthenticated: {
    id: 'Anda belum masuk atau sesi Anda telah berakhir. Silakan masuk kembali.',
    en: 'You are not signed in or your session has expired. Please sign in again.',
  },
  forbidden_role: {
    id: 'Peran Anda tidak mengizinkan tindakan ini.',
    en: 'Your role does not allow this action.',
  },
  forbidden_tenant: {
    id: 'Anda tidak memiliki akses ke data daerah ini.',
    en: 'You have no access to this region’s data.',
  },
  forbidden_opd: {
    id: 'Anda hanya dapat mengubah inovasi milik OPD Anda sendiri.',
    en: 'You can only change innovations of your own department (OPD).',
  },
  province_oversight_only: {
    id: 'Provinsi melihat kabupaten/kota melalui halaman Pengawasan Provinsi (angka, tahapan dan kemajuan inovasinya), bukan melalui data mentah daerah tersebut.',
    en: 'A province sees its regencies and cities through the oversight pages (figures, stages and progress of their innovations), not through their raw records.',
  },
  role_platform_granted: {
    id: 'Peran Pemantau Provinsi hanya dapat diberikan oleh administrator platform. Hubungi administrator platform.',
    en: 'Only the platform administrator can grant the province viewer role. Contact the platform administrator.',
  },
  read_only: {
    id: 'Akses Anda ke data daerah ini hanya untuk melihat.',
    en: 'Your access to this region’s data is read-only.',
  },
  not_found: { id: 'Data yang diminta tidak ditemukan.', en: 'The requested record was not found.' },
  route_not_found: { id: 'Alamat API tidak dikenal.', en: 'Unknown API address.' },
  validation_failed: {
    id: 'Data yang dikirim belum benar. Periksa isian yang ditandai.',
    en: 'The data sent is not valid. Check the marked field.',
  },
  invalid_json: {
    id: 'Isi permintaan bukan JSON yang sah.',
    en: 'The request body is not valid JSON.',
  },
  version_conflict: {
    id: 'Data ini telah diubah orang lain sejak Anda membukanya. Muat ulang, lalu ulangi perubahan Anda.',
    en: 'Someone else changed this record since you opened it. Reload it, then repeat your change.',
  },
  precondition_required: {
    id: 'Sertakan versi data yang Anda ubah (header If-Match) agar perubahan orang lain tidak tertimpa.',
    en: 'Send the version you are changing (If-Match header) so that nobody’s change is overwritten.',
  },
  tenant_exists: {
    id: 'Daerah ini sudah terdaftar di platform.',
    en: 'This region is already on the platform.',
  },
  unknown_area: {
    id: 'Kode wilayah tidak ada dalam daftar resmi Kemendagri.',
    en: 'The area code is not in the official Kemendagri list.',
  },
  tenant_not_onboarded: {
    id: 'Daerah ini belum terdaftar di platform.',
    en: 'This region is not on the platform yet.',
  },
  member_exists: {
    id: 'Alamat email ini sudah terdaftar sebagai anggota.',
    en: 'This e-mail address is already a member.',
  },
  member_cannot_be_invited: {
    id: 'Alamat email ini tidak dapat diundang. Hubungi tim platform jika orang ini memang perlu bergabung.',
    en: 'This e-mail address cannot be invited. Ask the platform team if this person does need to join.',
  },
  invitation_not_pending: {
    id: 'Anggota ini sudah menerima undangannya; tidak ada undangan yang dapat dikirim ulang.',
    en: 'This member already accepted the invitation; there is nothing to send again.',
  },
  cannot_change_self: {
    id: 'Anda tidak dapat menonaktifkan atau menghapus akun Anda sendiri. Minta admin lain melakukannya.',
    en: 'You cannot disable or remove your own account. Ask another administrator.',
  },
  account_disabled: {
    id: 'Akun Anda dinonaktifkan oleh admin daerah. Hubungi admin Bappeda/Litbang untuk mengaktifkannya kembali.',
    en: 'Your account was disabled by the region’s administrator. Ask the Bappeda/Litbang admin to enable it again.',
  },
  account_unavailable: {
    id: 'Akun Anda tidak lagi terdaftar sebagai anggota daerah mana pun. Hubungi admin Bappeda/Litbang.',
    en: 'Your account is no longer a member of any region. Ask the Bappeda/Litbang admin.',
  },
  mfa_required: {
    id: 'Akun administrator wajib memakai verifikasi dua langkah (aplikasi autentikator). Daftarkan aplikasi autentikator Anda untuk melanjutkan.',
    en: 'Administrator accounts must use two-step verification (an authenticator app). Set up your authenticator app to continue.',
  },
  identity_provider_unavailable: {
    id: 'Layanan akun sedang tidak dapat dihubungi. Perubahan dibatalkan; coba lagi sebentar lagi.',
    en: 'The account service cannot be reached. Nothing was changed; try again shortly.',
  },
  opd_not_found: {
    id: 'OPD yang dipilih tidak ditemukan atau sudah diarsipkan.',
    en: 'The selected department (OPD) does not exist or is archived.',
  },
  unit_not_found: {
    id: 'Unit yang dipilih tidak ditemukan, sudah diarsipkan, atau bukan bagian dari OPD tersebut.',
    en: 'The selected unit does not exist, is archived, or does not belong to that department (OPD).',
  },
  unit_parent_required: {
    id: 'Kelurahan atau desa harus berada di bawah satu kecamatan.',
    en: 'A kelurahan or desa must sit under a kecamatan.',
  },
  unit_parent_not_allowed: {
    id: 'Hanya kelurahan dan desa yang berada di bawah kecamatan; unit lain langsung di bawah OPD.',
    en: 'Only a kelurahan or desa sits under a kecamatan; other units sit directly under their OPD.',
  },
  unit_parent_not_kecamatan: {
    id: 'Induk kelurahan atau desa harus kecamatan yang masih aktif.',
    en: 'The parent of a kelurahan or desa must be a kecamatan that is not archived.',
  },
  unit_has_children: {
    id: 'Kecamatan ini masih membawahi kelurahan atau desa yang aktif. Arsipkan atau pindahkan dulu.',
    en: 'This kecamatan still has active kelurahan or desa under it. Archive or move them first.',
  },
  import_no_header: {
    id: 'Berkas tidak memuat baris judul kolom yang dikenal (Nama Unit, Jenis, OPD, Kecamatan).',
    en: 'The file has no header row with known columns (Nama Unit, Jenis, OPD, Kecamatan).',
  },
  unit_import_invalid: {
    id: 'Beberapa baris daftar unit tidak valid; tidak ada yang disimpan. Perbaiki baris yang ditandai lalu unggah lagi.',
    en: 'Some rows of the unit list are invalid; nothing was saved. Fix the marked rows and upload again.',
  },
  opd_required: {
    id: 'Operator OPD harus terhubung dengan satu OPD.',
    en: 'An OPD operator must belong to one department (OPD).',
  },
  archived: {
    id: 'Data ini sudah diarsipkan dan tidak dapat diubah.',
    en: 'This record is archived and cannot be changed.',
  },
  idempotency_mismatch: {
    id: 'Kunci Idempotency-Key ini sudah dipakai untuk permintaan lain.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  payload_too_large: {
    id: 'Isi permintaan terlalu besar.',
    en: 'The request body is too large.',
  },
  not_available: {
    id: 'Fitur ini tidak tersedia di lingkungan ini.',
    en: 'This feature is not available in this environment.',
  },
  unknown_user: {
    id: 'Pengguna dengan email ini tidak ditemukan.',
    en: 'No user with this e-mail address.',
  },
  unknown_indicator: {
    id: 'Kode indikator tidak ada dalam rubrik periode ini.',
    en: 'This indicator code is not in the period’s rubric.',
  },
  basis_required: {
    id: 'Indikator kemanfaatan (sid.33) harus memilih satu dasar pengukuran (a–f).',
    en: 'The benefit indicator (sid.33) needs one measurement basis (a–f).',
  },
  basis_not_allowed: {
    id: 'Dasar pengukuran hanya berlaku untuk indikator kemanfaatan (sid.33).',
    en: 'A measurement basis applies only to the benefit indicator (sid.33).',
  },
  figures_not_allowed: {
    id: 'Baris SPD ini dinilai dengan memilih level, bukan dengan angka mentah.',
    en: 'This SPD row is answered by choosing a level, not with raw figures.',
  },
  no_rubric_for_year: {
    id: 'Belum ada rubrik penilaian untuk tahun ini.',
    en: 'There is no scoring rubric for this year.',
  },
  catalog_not_published: {
    id: 'Inovasi ini tidak (lagi) tersedia di katalog publik.',
    en: 'This innovation is not (or no longer) in the public catalogue.',
  },
  replication_own_region: {
    id: 'Inovasi milik daerah Anda sendiri tidak perlu diajukan untuk direplikasi.',
    en: 'An innovation of your own region cannot be requested for replication.',
  },
  replication_exists: {
    id: 'Daerah Anda sudah mengajukan atau sudah bersepakat mereplikasi inovasi ini.',
    en: 'Your region has already requested or agreed to replicate this innovation.',
  },
  replication_not_pending: {
    id: 'Permintaan replikasi ini sudah dijawab atau ditarik, sehingga tidak dapat diubah lagi.',
    en: 'This replication request was already answered or withdrawn and can no longer change.',
  },
  replication_not_accepted: {
    id: 'Dokumen perjanjian hanya dapat dilampirkan pada replikasi yang sudah disetujui.',
    en: 'An agreement document can only be attached to an accepted replication.',
  },
  replication_wrong_side: {
    id: 'Hanya daerah pemilik inovasi yang dapat menyetujui atau menolak; hanya daerah pemohon yang dapat menarik permintaan.',
    en: 'Only the owning region can accept or decline; only the requesting region can withdraw.',
  },
  not_editable: {
    id: 'Inovasi ini sedang diperiksa atau sudah diproses; ubah hanya setelah dikembalikan ke OPD.',
    en: 'This innovation is under review or already processed; change it only after it is returned to the OPD.',
  },
  period_locked: {
    id: 'Batas waktu internal periode ini sudah lewat. Minta perpanjangan kepada Bappeda.',
    en: 'The internal deadline of this period has passed. Ask Bappeda for an extension.',
  },
  period_read_only: {
    id: 'Batas waktu nasional periode ini sudah lewat; data periode ini hanya dapat dibaca.',
    en: 'The national deadline of this period has passed; its data is read-only.',
  },
  period_exists: {
    id: 'Periode penilaian untuk tahun ini sudah dibuka.',
    en: 'An assessment period for this year is already open.',
  },
  period_not_found: {
    id: 'Periode penilaian untuk tahun ini belum dibuka.',
    en: 'No assessment period has been opened for this year.',
  },
  invalid_deadlines: {
    id: 'Batas waktu internal harus sebelum atau sama dengan batas waktu nasional.',
    en: 'The internal deadline must be on or before the national deadline.',
  },
  transition_not_allowed: {
    id: 'Langkah ini tidak dapat dilakukan pada status inovasi saat ini.',
    en: 'This step is not possible in the innovation’s current status.',
  },
  answers_not_reviewed: {
    id: 'Masih ada jawaban indikator yang belum diterima verifikator.',
    en: 'Some indicator answers have not been accepted by the verifier yet.',
  },
  below_send_threshold: {
    id: 'Kematangan inovasi masih di bawah batas minimal daerah untuk dikirim.',
    en: 'The innovation’s maturity is below the region’s minimum for sending.',
  },
  mandatory_indicators_incomplete: {
    id: 'Indikator wajib belum lengkap. Setiap indikator wajib harus dijawab dan dilengkapi data dukung sebelum inovasi ditandai siap dikirim; rinciannya ada di bawah.',
    en: 'Mandatory indicators are incomplete. Every mandatory indicator must be answered and backed by evidence before the innovation is marked ready; the details are below.',
  },
  not_eligible: {
    id: 'Inovasi belum memenuhi syarat (profil, rancang bangun, atau rentang usia).',
    en: 'The innovation is not eligible yet (profile, design narrative or age window).',
  },
  note_required: {
    id: 'Tuliskan catatan agar OPD tahu apa yang harus diperbaiki.',
    en: 'Write a note so the OPD knows what to fix.',
  },
  not_reviewable: {
    id: 'Jawaban hanya dapat diperiksa setelah inovasi diajukan.',
    en: 'Answers can be reviewed only after the innovation is submitted.',
  },
  answer_missing: {
    id: 'Indikator ini belum dijawab.',
    en: 'This indicator has not been answered.',
  },
  unknown_rubric: {
    id: 'Versi rubrik tidak dikenal.',
    en: 'Unknown rubric version.',
  },
  evidence_type_not_accepted: {
    id: 'Jenis berkas ini tidak diterima sebagai data dukung. Unggah PDF, JPG/JPEG, PNG atau MP4.',
    en: 'This file type is not accepted as evidence. Upload a PDF, JPG/JPEG, PNG or MP4.',
  },
  evidence_type_mismatch: {
    id: 'Isi berkas tidak sesuai dengan jenisnya (mis. berkas .pdf yang bukan PDF). Berkas telah dihapus; unggah berkas aslinya.',
    en: 'The file’s content does not match its type (e.g. a .pdf that is not a PDF). The file was removed; upload the original.',
  },
  evidence_size_mismatch: {
    id: 'Ukuran berkas yang diunggah berbeda dengan yang diberitahukan. Berkas telah dihapus; unggah ulang.',
    en: 'The uploaded file’s size differs from the size announced. The file was removed; upload it again.',
  },
  evidence_too_large: {
    id: 'Berkas melebihi batas ukuran (dokumen 20 MB, video MP4 200 MB). Perkecil berkas atau pakai tautan video.',
    en: 'The file exceeds the size limit (documents 20 MB, MP4 videos 200 MB). Make it smaller or use a video link.',
  },
  evidence_hash_mismatch: {
    id: 'Sidik berkas (SHA-256) tidak cocok: berkas berubah atau rusak saat diunggah. Berkas telah dihapus; unggah ulang.',
    en: 'The file’s fingerprint (SHA-256) does not match: it changed or broke during upload. It was removed; upload it again.',
  },
  evidence_video_too_long: {
    id: 'Video lebih dari 5 menit. Rubrik hanya menerima video paling lama 5 menit.',
    en: 'The video is longer than 5 minutes. The rubric accepts videos of at most 5 minutes.',
  },
  evidence_video_unreadable: {
    id: 'Panjang video tidak dapat dibaca: header film MP4 rusak atau tidak ada. Berkas telah dihapus; simpan ulang video sebagai MP4 yang utuh, lalu unggah lagi.',
    en: 'The video’s length cannot be read: its MP4 movie header is broken or missing. The file was removed; save the video again as a complete MP4, then upload it.',
  },
  evidence_quota_exceeded: {
    id: 'Kuota penyimpanan data dukung daerah ini sudah penuh. Hapus data dukung yang tidak dipakai atau hubungi admin platform.',
    en: 'This region’s evidence storage quota is full. Delete unused evidence or contact the platform admin.',
  },
  evidence_upload_not_found: {
    id: 'Unggahan ini tidak ada lagi: sudah selesai, dibatalkan, atau kedaluwarsa. Unggah berkasnya lagi.',
    en: 'This upload no longer exists: it was finished, cancelled or has expired. Upload the file again.',
  },
  evidence_part_out_of_range: {
    id: 'Nomor bagian unggahan di luar jumlah bagian berkas ini.',
    en: 'The part number is outside the number of parts of this file.',
  },
  evidence_parts_incomplete: {
    id: 'Belum semua bagian berkas sampai di penyimpanan (atau ukurannya tidak sesuai). Lanjutkan unggahan, lalu coba lagi.',
    en: 'Not all parts of the file have reached storage (or their sizes are wrong). Resume the upload, then try again.',
  },
  evidence_not_uploaded: {
    id: 'Berkas belum ada di penyimpanan. Selesaikan unggahan, lalu coba lagi.',
    en: 'The file is not in storage yet. Finish the upload, then try again.',
  },
  evidence_rejected: {
    id: 'Data dukung ini ditolak saat pemeriksaan awal dan tidak dapat dipakai.',
    en: 'This evidence was rejected at intake and cannot be used.',
  },
  evidence_deleted: {
    id: 'Data dukung ini sudah dihapus.',
    en: 'This evidence has been deleted.',
  },
  evidence_link_invalid: {
    id: 'Tautan tidak dikenali. Pakai alamat https; untuk video: YouTube, Google Drive, TikTok atau Instagram dengan ID videonya.',
    en: 'The link is not recognised. Use an https address; for videos: YouTube, Google Drive, TikTok or Instagram with the video id.',
  },
  evidence_link_exists: {
    id: 'Data dukung ini sudah dilampirkan pada isian tersebut.',
    en: 'This evidence is already attached there.',
  },
  evidence_missing: {
    id: 'Jawaban ini belum memiliki data dukung yang lolos pemeriksaan awal, sehingga belum dapat diterima.',
    en: 'This answer has no evidence that passed intake yet, so it cannot be accepted.',
  },
  unsupported_media_type: {
    id: 'Kirim isi permintaan sebagai JSON (Content-Type: application/json).',
    en: 'Send the request body as JSON (Content-Type: application/json).',
  },
  direct_access_refused: {
    id: 'Layanan ini hanya dapat diakses melalui alamat resmi aplikasi.',
    en: 'This service can only be reached through the application’s own address.',
  },
  rate_limited: {
    id: 'Terlalu banyak permintaan dalam waktu singkat. Tunggu sebentar, lalu coba lagi.',
    en: 'Too many requests in a short time. Wait a moment, then try again.',
  },
  service_unavailable: {
    id: 'Layanan penyimpanan data sedang sibuk atau tidak dapat dihubungi. Perubahan Anda mungkin belum tersimpan: muat ulang untuk memeriksa, lalu coba lagi sebentar lagi.',
    en: 'The data store is busy or cannot be reached. Your change may not have been saved: reload to check, then try again shortly.',
  },
  carry_over_backwards: {
    id: 'Inovasi hanya dapat dibawa ke periode yang lebih baru.',
    en: 'An innovation can only be carried into a later period.',
  },
  already_carried_over: {
    id: 'Inovasi ini sudah dibawa ke periode tersebut.',
    en: 'This innovation was already carried into that period.',
  },
  not_a_province: {
    id: 'Dasbor pengawasan hanya ada untuk provinsi; kode ini bukan kode provinsi.',
    en: 'The oversight cockpit exists only for a province; this code is not a province.',
  },
  regency_outside_province: {
    id: 'Kabupaten/kota ini tidak berada di wilayah provinsi Anda.',
    en: 'This regency or city is not inside your province.',
  },
  regency_summary_not_found: {
    id: 'Ringkasan kabupaten/kota ini untuk tahun tersebut belum tersedia. Ringkasan dibuat saat daerah mulai mengisi data.',
    en: 'No summary of this regency or city exists for that year yet. It appears once the region starts entering data.',
  },
  result_year_unsupported: {
    id: 'Hasil resmi hanya dapat dicatat untuk tahun 2022 sampai tahun berjalan, yang pita predikatnya diketahui.',
    en: 'Official results can be recorded only for 2022 up to the current year, whose predicate bands are known.',
  },
  export_not_ready: {
    id: 'Berkas ekspor belum selesai dibuat. Tunggu hingga progresnya 100%, lalu unduh.',
    en: 'The export file is not ready yet. Wait until its progress reaches 100%, then download it.',
  },
  export_failed: {
    id: 'Pembuatan berkas ekspor gagal. Minta ekspor sekali lagi; bila gagal lagi, sampaikan kode permintaan kepada admin.',
    en: 'Building the export file failed. Request the export again; if it fails again, give the request id to an admin.',
  },
  national_entry_not_ready: {
    id: 'Hanya inovasi berstatus Siap Dikirim atau Terkirim yang dapat ditandai sudah diinput di aplikasi nasional.',
    en: 'Only innovations that are ready to send or sent can be ticked off as entered in the national application.',
  },
  import_file_type: {
    id: 'Berkas impor harus berupa Excel (.xlsx) atau CSV (.csv). Unduh templat yang disediakan bila perlu.',
    en: 'The import file must be Excel (.xlsx) or CSV (.csv). Download the template provided if needed.',
  },
  import_file_too_large: {
    id: 'Berkas impor melebihi 5 MB atau 2.000 baris. Bagi menjadi beberapa berkas.',
    en: 'The import file exceeds 5 MB or 2,000 rows. Split it into several files.',
  },
  import_archive_rejected: {
    id: 'Berkas Excel ini tidak wajar: isinya setelah dibuka melebihi 50 MB, terdiri dari lebih dari 500 bagian, atau dipadatkan lebih dari 100 kali lipat. Simpan ulang dari Excel sebagai .xlsx biasa atau pakai templat yang disediakan.',
    en: 'This Excel file is abnormal: it unpacks to more than 50 MB, has more than 500 parts, or is compressed more than 100-fold. Save it again from Excel as a plain .xlsx or use the template provided.',
  },
  import_sheet_too_large: {
    id: 'Lembar kerja dalam berkas ini melebihi 5.000 baris atau 200.000 sel. Hapus baris dan kolom kosong yang diberi format di bawah atau di samping tabel, atau bagi menjadi beberapa berkas.',
    en: 'A worksheet in this file exceeds 5,000 rows or 200,000 cells. Delete the empty formatted rows and columns below or beside the table, or split it into several files.',
  },
  import_preview_limit: {
    id: 'Membaca berkas ini melebihi batas waktu atau memori pratinjau. Hapus lembar, baris dan kolom yang tidak perlu, atau bagi menjadi beberapa berkas.',
    en: 'Reading this file exceeded the preview’s time or memory limit. Delete the sheets, rows and columns that are not needed, or split it into several files.',
  },
  import_file_missing: {
    id: 'Berkas impor belum diunggah. Selesaikan unggahan, lalu minta pratinjau lagi.',
    en: 'The import file has not been uploaded yet. Finish the upload, then ask for the preview again.',
  },
  import_file_unreadable: {
    id: 'Berkas tidak dapat dibaca sebagai Excel atau CSV, atau tidak memuat baris judul kolom (minimal "Nama Inovasi" dan "OPD"). Pakai templat yang disediakan.',
    en: 'The file cannot be read as Excel or CSV, or has no header row (at least "Nama Inovasi" and "OPD"). Use the template provided.',
  },
  import_wrong_state: {
    id: 'Impor ini tidak dapat diubah lagi: sudah dikonfirmasi, atau belum dipratinjau.',
    en: 'This import cannot change any more: it was already confirmed, or it has not been previewed.',
  },
  import_has_errors: {
    id: 'Sebagian baris masih salah. Perbaiki berkasnya lalu unggah lagi, atau konfirmasi untuk mengimpor baris yang benar saja.',
    en: 'Some rows are still wrong. Fix the file and upload it again, or confirm to import the correct rows only.',
  },
  import_nothing_to_import: {
    id: 'Tidak ada baris baru yang dapat diimpor: semua baris salah atau sudah ada.',
    en: 'There is no new row to import: every row is wrong or already there.',
  },
  job_lease_lost: {
    id: 'Pekerjaan latar ini sudah diambil alih oleh proses lain; hasilnya dicatat oleh proses itu.',
    en: 'Another run took over this background job; that run records its outcome.',
  },
  evidence_object_mismatch: {
    id: 'Berkas yang diterima bukan unggahan dokumen ini.',
    en: 'The file received is not this item’s upload.',
  },
  internal_error: {
    id: 'Terjadi kesalahan pada server. Coba lagi sebentar lagi; bila berulang, sampaikan kode permintaan ini kepada admin.',
    en: 'Something went wrong on the server. Try again shortly; if it repeats, give this request id to an admin.',
  },
} as const satisfies Record<string, Text>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const errorMessage = (code: ErrorCode, language: Language): string => ERROR_MESSAGES[code][language];

/** Picks the user's language from an Accept-Language header; Bahasa Indonesia unless English is preferred. */
export function pickLanguage(acceptLanguage: string | undefined | null): Language {
  if (!acceptLanguage) return 'id';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, quality: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality);
  for (const { tag } of ranked) {
    if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
    if (tag.startsWith('en')) return 'en';
  }
  return 'id';
}
