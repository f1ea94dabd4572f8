const LONG_DATE = {
  id: new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
} as const;

/**
 * A calendar day (`YYYY-MM-DD`) as people write it in sentences the product sends them
 * ("20 Desember 2026", "20 December 2026"): notification titles are read as they are stored, so
 * the web's own date formatting never reaches them.
 */
export function longDate(day: string, language: keyof typeof LONG_DATE): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : LONG_DATE[language].format(date);
}
