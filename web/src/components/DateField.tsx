import { TextInput } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { DateFieldProps } from './DateInputField.tsx';

// @mantine/dates and dayjs are about 17 KB gzip, more with the popover they open: most screens
// with a date show it long before anyone edits it, so the calendar field is its own chunk.
const DateInputField = lazy(() => import('./DateInputField.tsx'));

const LONG_DATE = {
  id: new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};

/**
 * A date field written the Indonesian way ("20 Desember 2026", typed as 20/12/2026) in every
 * browser (see DateInputField). Until its chunk has arrived the same label shows the date read-only,
 * so the form paints whole and does not shift when the calendar field takes its place.
 */
export function DateField(props: DateFieldProps) {
  return (
    <Suspense fallback={<DateFieldPlaceholder {...props} />}>
      <DateInputField {...props} />
    </Suspense>
  );
}

function DateFieldPlaceholder({
  value,
  label,
  description,
  error,
  required,
  disabled,
  w,
  maw,
}: DateFieldProps) {
  const { language } = useI18n();
  const shown = value
    ? LONG_DATE[language === 'id' ? 'id' : 'en'].format(new Date(`${value}T00:00:00Z`))
    : '';
  return (
    <TextInput
      label={label}
      description={description}
      error={error}
      required={required}
      disabled={disabled}
      w={w}
      maw={maw}
      value={shown}
      readOnly
      data-date-field-loading
    />
  );
}
