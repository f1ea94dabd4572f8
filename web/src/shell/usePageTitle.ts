import { useEffect } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';

/** Screen readers announce the document title on navigation, so every page sets its own. */
export function usePageTitle(title: string): void {
  const t = useT();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
}
