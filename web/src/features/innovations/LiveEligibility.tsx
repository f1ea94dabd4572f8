import { Alert, List, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { InnovationProfile } from '../../api/model.ts';
import { useYearRubric } from '../../api/queries.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { eligibilityOf } from '../scoring/kematangan.ts';

/**
 * The IID eligibility of the profile as typed, before it is saved: the same rules the server applies
 * when the innovation is marked ready to send, so the operator fixes them while writing.
 */
export function LiveEligibility({
  code,
  year,
  profile,
}: {
  code: string;
  year: number;
  profile: InnovationProfile;
}) {
  const { t, language } = useI18n();
  const rubric = useYearRubric(code, year);
  const eligibility = useMemo(
    () => (rubric.data ? eligibilityOf(profile, rubric.data) : null),
    [profile, rubric.data],
  );
  if (!eligibility) return null;
  return (
    <Alert
      color={eligibility.eligible ? 'teal' : 'yellow'}
      title={t('eligibility.title')}
      data-testid="live-eligibility"
    >
      {eligibility.eligible ? (
        <Text size="sm">{t('eligibility.ok')}</Text>
      ) : (
        <>
          <Text size="sm">{t('eligibility.notYet')}</Text>
          <List size="sm" spacing={2} mt={4}>
            {eligibility.reasons.map((reason) => (
              <List.Item key={`${reason.code}-${reason.field}`}>
                {language === 'en' ? reason.message_en : reason.message_id}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
