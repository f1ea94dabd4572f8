type Language = 'id' | 'en';

const LONG_DATE_LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * Built by the first sentence that needs one: the first `Intl.DateTimeFormat` of a process loads
 * ICU's locale data, which took a tenth of the API's cold start when it ran at import, and only
 * requests that write notifications use it (docs/decisions/0041).
 */
const longDateFormats = new Map<Language, Intl.DateTimeFormat>();

const longDateFormat = (language: Language) => {
  let format = longDateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LONG_DATE_LOCALES[language], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    longDateFormats.set(language, format);
  }
  return format;
};

/**
 * A calendar day (`YYYY-MM-DD`) as people write it in sentences the product sends them
 * ("20 Desember 2026", "20 December 2026"): notification titles are read as they are stored, so
 * the web's own date formatting never reaches them.
 */
export function longDate(day: string, language: Language): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : longDateFormat(language).format(date);
}
