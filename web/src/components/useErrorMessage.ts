import { ApiError, NetworkError } from '../api/errors.ts';
import { useT } from '../i18n/I18nProvider.tsx';

/** The sentence to show for any thrown error: the server's own (localised) message when there is one. */
export function useErrorMessage(): (error: unknown) => string {
  const t = useT();
  return (error) => {
    if (error instanceof ApiError) return error.message;
    if (error instanceof NetworkError || error instanceof TypeError) return t('app.error.network');
    return t('app.error.unexpected');
  };
}
