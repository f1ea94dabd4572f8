import { SegmentedControl } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LANGUAGES, type Language } from '../i18n/language.ts';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.label')}
      value={language}
      onChange={(value) => setLanguage(value as Language)}
      data={LANGUAGES.map((code) => ({
        value: code,
        label: (
          <span lang={code} title={t(`lang.${code}`)}>
            {code.toUpperCase()}
          </span>
        ),
      }))}
    />
  );
}
