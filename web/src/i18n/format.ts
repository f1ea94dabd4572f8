import type { Language } from './language.ts';

/**
 * Numbers and Rupiah always use Indonesian conventions (dot thousands, "Rp"), because that is how
 * budgets are read in official documents whatever the interface language; dates follow the
 * interface language so English readers do not get Indonesian month names.
 */
const NUMBER_LOCALE = 'id-ID';
const DATE_LOCALE: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * A formatter built on its first use. Building an Intl formatter loads the locale's data: about
 * 100-250 ms of main thread for the five of them on a cold page (times 4 on Lighthouse's phone),
 * which every page paid at start-up while the public pages format nothing before they are used
 * (docs/decisions/0050).
 */
function lazy<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}

const numberFormat = lazy(() => new Intl.NumberFormat(NUMBER_LOCALE));
const decimalFormat = lazy(() => new Intl.NumberFormat(NUMBER_LOCALE, { maximumFractionDigits: 2 }));
const rupiahFormat = lazy(
  () =>
    new Intl.NumberFormat(NUMBER_LOCALE, {
      style: 'currency',
      currency: 'IDR',
      maximumFractionDigits: 0,
    }),
);

export interface Formatters {
  number(value: number): string;
  /** Index points and scores: at most two decimals (the index is rounded to two, iid-model.md). */
  decimal(value: number): string;
  rupiah(value: number): string;
  /** A calendar date (`YYYY-MM-DD`) or an ISO timestamp, shown as a date. */
  date(value: string): string;
  dateTime(value: string): string;
}

export function createFormatters(language: Language): Formatters {
  const dateFormat = lazy(() => new Intl.DateTimeFormat(DATE_LOCALE[language], { dateStyle: 'medium' }));
  const dateTimeFormat = lazy(
    () =>
      new Intl.DateTimeFormat(DATE_LOCALE[language], {
        dateStyle: 'medium',
        timeStyle: 'short',
      }),
  );
  return {
    number: (value) => numberFormat().format(value),
    decimal: (value) => decimalFormat().format(value),
    rupiah: (value) => rupiahFormat().format(value),
    date: (value) => formatSafely(dateFormat(), parseDate(value), value),
    dateTime: (value) => formatSafely(dateTimeFormat(), new Date(value), value),
  };
}

/** A bare calendar date must not shift a day in time zones west of UTC, so read it as local noon. */
function parseDate(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
}

function formatSafely(format: Intl.DateTimeFormat, date: Date, fallback: string): string {
  return Number.isNaN(date.getTime()) ? fallback : format.format(date);
}
