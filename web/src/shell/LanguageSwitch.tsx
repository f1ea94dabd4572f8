import { Button, Group } from '@mantine/core';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LANGUAGES } from '../i18n/language.ts';

/** Two toggle buttons rather than a menu: one tap on a phone, and no popover code in the first download. */
export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Group gap={0} role="group" aria-label={t('lang.label')} wrap="nowrap">
      {LANGUAGES.map((code) => (
        <Button
          key={code}
          size="xs"
          // WCAG 2.5.5's 44 × 44 px: the compact size was 30 × 22, easy to miss with a thumb.
          h={44}
          miw={44}
          px={8}
          data-testid={`lang-${code}`}
          variant={code === language ? 'filled' : 'default'}
          aria-pressed={code === language}
          onClick={() => setLanguage(code)}
          lang={code}
          title={t(`lang.${code}`)}
          // Starts with the visible text ("ID"), so speech input users can say what they see.
          aria-label={`${code.toUpperCase()} – ${t(`lang.${code}`)}`}
        >
          {code.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
