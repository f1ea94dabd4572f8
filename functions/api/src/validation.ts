import type { Language } from '@inovasi/core';
import { z } from 'zod';
import { ApiError, requestLanguage } from './errors.ts';

/**
 * zod's messages in the request's language, and its failures as the API's 400. Loaded with the
 * routes, which alone validate (a cold start does not load zod: docs/decisions/0013).
 */

const REQUIRED: Record<Language, string> = { id: 'Wajib diisi.', en: 'Required.' };
const locales = { id: z.locales.id(), en: z.locales.en() };

z.config({
  customError: (issue) => {
    const language = requestLanguage();
    if (issue.code === 'invalid_type' && issue.input === undefined) return REQUIRED[language];
    return locales[language].localeError(issue as Parameters<(typeof locales)['id']['localeError']>[0]);
  },
});

/** The dotted path of the offending field, e.g. `profile.rancangBangun` or `roles.0`. */
export const fieldPath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

export function validationError(error: z.ZodError, prefix?: string): ApiError {
  const details = error.issues.map((issue) => ({
    field: fieldPath(prefix ? [prefix, ...issue.path] : issue.path),
    message: issue.message,
  }));
  return new ApiError(400, 'validation_failed', details[0]?.field, details);
}
