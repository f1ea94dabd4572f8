import '@mantine/dates/styles.css';
import '../i18n/id-polish.ts';
import 'dayjs/locale/id';
import { DateInput, type DateInputProps, DatesProvider } from '@mantine/dates';
import { useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { parseDateInput } from './dateInput.ts';

export type DateFieldProps = Omit<
  DateInputProps,
  'value' | 'onChange' | 'defaultValue' | 'valueFormat' | 'dateParser' | 'popoverProps' | 'clearButtonProps'
> & {
  /** `YYYY-MM-DD`, or '' when empty: the form values and the API keep the ISO form. */
  value: string;
  onChange(value: string): void;
};

/**
 * The calendar field behind `DateField` (its own chunk, with @mantine/dates and dayjs). A date field written the Indonesian way ("20 Desember 2026", typed as 20/12/2026) in every
 * browser: `<input type="date">` follows the browser's own locale, so the same form read
 * 12/20/2026 on an English-language Chrome. The calendar speaks the interface language and weeks
 * start on Monday, as Indonesian calendars do.
 */
export default function DateInputField({
  value,
  onChange,
  required,
  onFocus,
  onClick,
  onBlur,
  onKeyDown,
  ...props
}: DateFieldProps) {
  const { language, t } = useI18n();
  // The calendar closes once a whole date is typed or picked, so it never covers the form's next
  // field or its submit button (Mantine keeps it open until focus leaves).
  const [opened, setOpened] = useState(false);
  return (
    <DatesProvider settings={{ locale: language === 'id' ? 'id' : 'en', firstDayOfWeek: 1 }}>
      <DateInput
        {...props}
        required={required}
        value={value || null}
        onChange={(next) => {
          onChange(next ? String(next).slice(0, 10) : '');
          if (next) setOpened(false);
        }}
        valueFormat="D MMMM YYYY"
        dateParser={parseDateInput}
        placeholder={language === 'id' ? 'hh/bb/tttt' : 'dd/mm/yyyy'}
        clearable={!required && !props.readOnly && !props.disabled}
        clearButtonProps={{ 'aria-label': t('date.clear') }}
        popoverProps={{ opened }}
        onFocus={(event) => {
          setOpened(true);
          onFocus?.(event);
        }}
        onClick={(event) => {
          setOpened(true);
          onClick?.(event);
        }}
        onBlur={(event) => {
          setOpened(false);
          onBlur?.(event);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === 'Enter' || event.key === 'Tab') setOpened(false);
          onKeyDown?.(event);
        }}
      />
    </DatesProvider>
  );
}
