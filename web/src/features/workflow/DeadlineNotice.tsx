import '../../i18n/id-polish.ts';
import { Alert, Text } from '@mantine/core';
import { usePeriods } from '../../api/queries.ts';
import { useFormat, useT } from '../../i18n/I18nProvider.tsx';
import { operatorDeadline, todayInJakarta } from './deadline.ts';

/**
 * How long the OPD can still edit a period's innovations: the operator's own countdown, written the
 * way the admin's progress board writes it, with the date beside it in the interface's calendar.
 */
export function DeadlineNotice({
  code,
  year,
  opdId,
}: {
  code: string;
  year: number;
  opdId: string | undefined;
}) {
  const t = useT();
  const format = useFormat();
  const periods = usePeriods(code);
  const period = periods.data?.find((item) => item.year === year);
  if (!period) return null;
  const deadline = operatorDeadline(period, opdId, todayInJakarta());
  const date = format.date(deadline.lastDay);
  const days = deadline.daysLeft;
  const line =
    deadline.lock === 'read_only'
      ? t('deadline.readOnly', { year })
      : days > 0
        ? t('deadline.daysLeft', { days, date })
        : days === 0
          ? t('deadline.today', { date })
          : t('deadline.passed', { days: -days, date });
  const color = days < 0 ? 'gray' : days <= 7 ? 'red' : 'blue';
  return (
    <Alert color={color} p="xs" data-testid="operator-deadline" title={t('deadline.title', { year })}>
      <Text size="sm" fw={days >= 0 && days <= 7 ? 700 : undefined}>
        {line}
        {deadline.extended && deadline.lock !== 'read_only' ? ` ${t('deadline.extended')}` : ''}
      </Text>
    </Alert>
  );
}
