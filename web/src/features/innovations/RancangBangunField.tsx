import { Progress, Stack, Text, Textarea } from '@mantine/core';
import { RANCANG_BANGUN_MIN_WORDS } from '../../api/model.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { countWords } from './formValues.ts';

interface Props {
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  readOnly: boolean;
}

/**
 * The design narrative, with a live word count against the 300-word eligibility minimum. The count
 * sits in the field's description (below the box, where the eye is while typing) so screen readers
 * hear it with the field; it is not a live region, which would interrupt on every word.
 */
export function RancangBangunField({ value, onChange, error, readOnly }: Props) {
  const t = useT();
  const format = useFormat();
  const words = countWords(value);
  const enough = words >= RANCANG_BANGUN_MIN_WORDS;
  const params = { count: format.number(words), min: format.number(RANCANG_BANGUN_MIN_WORDS) };
  return (
    <Stack gap={6}>
      <Textarea
        label={t('profile.rancangBangun')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        description={
          <>
            <Text span inherit fw={600} c={enough ? 'teal.9' : 'red.9'} data-testid="rancang-bangun-count">
              {enough ? t('profile.wordCountOk', params) : t('profile.wordCount', params)}
            </Text>
            {' · '}
            {t('profile.rancangBangunHint', { min: RANCANG_BANGUN_MIN_WORDS })}
          </>
        }
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        readOnly={readOnly}
        autosize
        minRows={6}
        maxRows={20}
        name="rancangBangun"
      />
      <Progress
        value={Math.min(100, (words / RANCANG_BANGUN_MIN_WORDS) * 100)}
        color={enough ? 'teal.8' : 'orange.8'}
        size="sm"
        aria-hidden
      />
    </Stack>
  );
}
