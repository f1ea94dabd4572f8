import type { JobError } from '@inovasi/core';

/**
 * Why a job cannot succeed whatever the number of attempts (the innovation is gone, the year has
 * no rubric, the file is not a spreadsheet): the job fails at once instead of being retried.
 */
export class JobInputError extends Error {
  override readonly name = 'JobInputError';
  readonly code: string;
  readonly detail: string | undefined;
  // Plain fields, no parameter properties: the spreadsheet worker thread loads this file as
  // erasable TypeScript (xlsx-intake.ts).
  constructor(code: string, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.code = code;
    this.detail = detail;
  }
}

const MESSAGES: Readonly<Record<string, string>> = {
  not_found: 'Inovasi yang diminta tidak ditemukan (mungkin sudah diarsipkan).',
  no_rubric_for_year: 'Belum ada rubrik penilaian untuk tahun ini.',
  import_file_missing: 'Berkas impor tidak ada di penyimpanan.',
  import_preview_missing: 'Pratinjau impor tidak ditemukan; minta pratinjau lagi.',
  contest_not_announced: 'Lomba tidak ditemukan atau pemenangnya belum diumumkan.',
  contest_no_winners: 'Lomba ini tidak memiliki pemenang berhadiah, jadi tidak ada sertifikat.',
  internal_error: 'Terjadi kesalahan saat membuat berkas. Pekerjaan akan dicoba lagi otomatis.',
};

/** The error a job record shows, in Bahasa Indonesia: no stack, no internals. */
export function jobErrorOf(error: unknown): JobError {
  if (error instanceof JobInputError) {
    return { code: error.code, message: MESSAGES[error.code] ?? error.detail ?? error.code };
  }
  return { code: 'internal_error', message: MESSAGES.internal_error ?? 'Terjadi kesalahan.' };
}
