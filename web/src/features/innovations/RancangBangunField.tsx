import { Group, Progress, Text, Textarea } from '@mantine/core';
import { useId } from 'react';
import { RANCANG_BANGUN_MIN_WORDS } from '../../api/model.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { countWords } from './formValues.ts';

interface Props {
  value: string;
  onChange(value: string): void;
  error?: string;
  readOnly: boolean;
}

/** The design narrative, with a live word count against the 300-word eligibility minimum. */
export function RancangBangunField({ value, onChange, error, readOnly }: Props) {
  const t = useT();
  const format = useFormat();
  const counterId = useId();
  const words = countWords(value);
  const enough = words >= RANCANG_BANGUN_MIN_WORDS;
  const params = { count: format.number(words), min: format.number(RANCANG_BANGUN_MIN_WORDS) };
  return (
    <div>
      <Textarea
        label={t('profile.rancangBangun')}
        description={t('profile.rancangBangunHint', { min: RANCANG_BANGUN_MIN_WORDS })}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        readOnly={readOnly}
        autosize
        minRows={6}
        maxRows={20}
        aria-describedby={counterId}
        name="rancangBangun"
      />
      <Group gap="sm" mt={6} wrap="nowrap">
        <Progress
          value={Math.min(100, (words / RANCANG_BANGUN_MIN_WORDS) * 100)}
          color={enough ? 'teal.8' : 'orange.8'}
          size="sm"
          flex={1}
          aria-hidden
        />
        <Text id={counterId} size="sm" c={enough ? 'teal.9' : 'orange.9'} data-testid="rancang-bangun-count">
          {enough ? t('profile.wordCountOk', params) : t('profile.wordCount', params)}
        </Text>
      </Group>
    </div>
  );
}
