import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError as ApiError, fieldPath } from '@inovasi/app/errors';
import { type ErrorCode, errorMessage, type Language } from '@inovasi/core';
import { z } from 'zod';

/**
 * A failure the API answers on purpose: a stable code and the field it concerns. It is the one
 * failure type (core's `DomainError`, the application layer's `AppError`), so a refusal the data
 * layer, a service or a route throws is one type; its status comes from the central map
 * (error-map.ts). This file keeps the HTTP side: the body and the caller's language.
 */
export { ApiError, fieldPath };

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    field?: string | undefined;
    details?: { field: string; message: string }[] | undefined;
    requestId?: string | undefined;
  };
}

export const errorBody = (
  code: ErrorCode,
  language: Language,
  extra: Omit<ErrorBody['error'], 'code' | 'message'> = {},
): ErrorBody => ({ error: { code, message: errorMessage(code, language), ...extra } });

/**
 * Validation messages follow the caller's language. Zod builds each message while it parses, so
 * the request's language travels in async context to the global error map.
 */
const languageContext = new AsyncLocalStorage<Language>();
export const withLanguage = <T>(language: Language, run: () => T): T => languageContext.run(language, run);

const REQUIRED: Record<Language, string> = { id: 'Wajib diisi.', en: 'Required.' };
const locales = { id: z.locales.id(), en: z.locales.en() };

z.config({
  customError: (issue) => {
    const language = languageContext.getStore() ?? 'id';
    if (issue.code === 'invalid_type' && issue.input === undefined) return REQUIRED[language];
    return locales[language].localeError(issue as Parameters<(typeof locales)['id']['localeError']>[0]);
  },
});

const CURSOR_NOT_OF_THIS_LIST: Record<Language, string> = {
  id: 'Penanda halaman ini bukan milik daftar ini. Muat ulang daftar dari halaman pertama.',
  en: 'This page marker does not belong to this list. Reload the list from its first page.',
};

/**
 * A paging cursor the API did not issue for this list (malformed, edited, or another list's or
 * region's): the client's mistake, named as the `cursor` field like any other invalid input. The
 * layers below say only `invalid_cursor`; the words are the caller's language, known here.
 */
export const cursorDetails = (language: Language): { field: string; message: string }[] => [
  { field: 'cursor', message: CURSOR_NOT_OF_THIS_LIST[language] },
];

export function validationError(error: z.ZodError, prefix?: string): ApiError {
  const details = error.issues.map((issue) => ({
    field: fieldPath(prefix ? [prefix, ...issue.path] : issue.path),
    message: issue.message,
  }));
  return new ApiError('validation_failed', details[0]?.field, details);
}
