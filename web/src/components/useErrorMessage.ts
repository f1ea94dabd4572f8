import { useT } from '../i18n/I18nProvider.tsx';
import { describeError } from './errorText.ts';

/** The sentence to show for any thrown error: the server's own (localised) message when there is one. */
export function useErrorMessage(): (error: unknown) => string {
  const t = useT();
  return (error) => describeError(error, t);
}
