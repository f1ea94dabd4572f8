/** Error texts of regional innovation contests (docs/decisions/0037), in both languages. */
export const CONTEST_ERROR_MESSAGES = {
  contest_file_not_found: {
    id: 'Lampiran tidak ditemukan pada karya ini.',
    en: 'No such file on this entry.',
  },
  contest_file_not_ready: {
    id: 'Lampiran belum lolos pemeriksaan berkas.',
    en: 'The file has not passed the file checks yet.',
  },
  contest_innovation_already_entered: {
    id: 'Inovasi ini sudah didaftarkan pada lomba ini. Satu inovasi hanya dapat didaftarkan sekali.',
    en: 'This innovation is already entered in this call. An innovation can be entered only once.',
  },
  contest_entry_files_limit: {
    id: 'Karya ini sudah memiliki lampiran sebanyak batas maksimal (10).',
    en: 'This entry already has the maximum number of files (10).',
  },
  contest_not_found: {
    id: 'Lomba tidak ditemukan di daerah ini.',
    en: 'No such contest in this region.',
  },
  contest_entry_not_found: {
    id: 'Karya peserta tidak ditemukan pada lomba ini.',
    en: 'No such entry in this contest.',
  },
  contest_not_open: {
    id: 'Pendaftaran lomba ini belum dibuka atau sudah ditutup.',
    en: 'Entries to this contest are not open.',
  },
  contest_wrong_status: {
    id: 'Langkah ini tidak dapat dilakukan pada tahap lomba saat ini. Muat ulang halaman.',
    en: 'This step is not possible at the contest’s current stage. Reload the page.',
  },
  contest_category_not_found: {
    id: 'Kategori ini tidak ada pada lomba.',
    en: 'The contest has no such category.',
  },
  contest_category_closed: {
    id: 'Kategori ini tidak terbuka untuk jenis peserta Anda.',
    en: 'This category is not open to your kind of entrant.',
  },
  contest_extra_field_missing: {
    id: 'Isian wajib kategori ini belum diisi.',
    en: 'A required field of this category is empty.',
  },
  contest_extra_field_unknown: {
    id: 'Isian ini tidak ada pada formulir kategori.',
    en: 'The category’s form has no such field.',
  },
  contest_innovation_not_found: {
    id: 'Inovasi tidak ditemukan pada perangkat daerah Anda.',
    en: 'No such innovation in your OPD.',
  },
  contest_not_on_panel: {
    id: 'Anda bukan juri pada lomba ini.',
    en: 'You are not on this contest’s panel.',
  },
  contest_entry_not_assigned: {
    id: 'Karya ini tidak ditugaskan kepada Anda.',
    en: 'This entry is not assigned to you.',
  },
  contest_entry_not_in_stage: {
    id: 'Salah satu karya tidak lagi berada pada tahap yang dipilih. Muat ulang daftar.',
    en: 'One of the entries is no longer in the chosen stage. Reload the list.',
  },
  contest_entry_not_screened: {
    id: 'Karya yang belum dinyatakan lengkap pada seleksi administrasi tidak dapat maju ke penilaian.',
    en: 'An entry not screened as complete cannot move on to judging.',
  },
  contest_stage_move_invalid: {
    id: 'Karya tidak dapat dipindahkan ke tahap tersebut dari tahap ini.',
    en: 'Entries cannot move to that stage from this one.',
  },
  contest_judge_exists: {
    id: 'Orang ini sudah menjadi juri pada lomba ini.',
    en: 'This person is already on the contest’s panel.',
  },
  contest_score_invalid: {
    id: 'Nilai kriteria ini kosong, di luar skala, tidak sesuai kelipatan skala, atau bukan kriteria tahap ini.',
    en: 'This criterion’s score is missing, off its scale or its steps, or not a criterion of this stage.',
  },
  contest_entries_not_yet_open: {
    id: 'Pendaftaran lomba ini belum dibuka: karya diterima mulai tanggal pembukaan pendaftaran (WIB).',
    en: 'Entries to this contest are not open yet: they are taken from the entries opening date (WIB).',
  },
  contest_entries_closed: {
    id: 'Pendaftaran lomba ini sudah ditutup: batas akhirnya tanggal penutupan pendaftaran (WIB).',
    en: 'Entries to this contest have closed: the last day was the entries closing date (WIB).',
  },
  contest_judging_not_yet_open: {
    id: 'Penilaian tahap ini belum dimulai menurut jadwal lomba (WIB).',
    en: 'Judging of this stage has not started yet by the contest’s dates (WIB).',
  },
  contest_judging_closed: {
    id: 'Penilaian tahap ini sudah berakhir menurut jadwal lomba (WIB).',
    en: 'Judging of this stage has ended by the contest’s dates (WIB).',
  },
  contest_results_not_announced: {
    id: 'Sertifikat dibuat setelah pemenang diumumkan.',
    en: 'Certificates are made once the winners are announced.',
  },
  contest_reason_required: {
    id: 'Tuliskan alasan agar peserta tahu apa yang harus dilengkapi.',
    en: 'Give a reason so the entrant knows what to complete.',
  },
  contest_winner_needs_opd: {
    id: 'Pilih perangkat daerah yang akan mengelola inovasi pemenang dari masyarakat.',
    en: 'Choose the OPD that will look after the citizens’ winning innovations.',
  },
  contest_results_not_approved: {
    id: 'Hasil penilaian belum disetujui.',
    en: 'The results have not been approved yet.',
  },
} as const;
