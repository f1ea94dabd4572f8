import '../i18n/id-polish.ts';
import { ApiError, NetworkError } from '../api/errors.ts';
import type { Translate } from '../i18n/I18nProvider.tsx';

/**
 * The sentence for any thrown error, always in the interface's language. The API's own refusals carry
 * a message already localised from `Accept-Language`; anything else that answers with an error status
 * (the CDN's or the gateway's "Service Unavailable", a proxy's HTML page) has no sentence we can show,
 * so it is described by its status instead of leaking the English text or `HTTP 503`.
 */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return error.fromServer ? error.message : statusSentence(error.status, t);
  if (error instanceof NetworkError || error instanceof TypeError) return t('app.error.network');
  return t('app.error.unexpected');
}

function statusSentence(status: number, t: Translate): string {
  if (status === 502 || status === 503 || status === 504) return t('app.error.unavailable');
  if (status === 429) return t('app.error.tooMany');
  if (status === 413) return t('app.error.tooLarge');
  if (status === 401 || status === 403) return t('app.forbidden');
  if (status === 404) return t('app.notFound.body');
  if (status >= 500) return t('app.error.server');
  return t('app.error.unexpected');
}
