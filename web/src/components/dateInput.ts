/**
 * What a person types into a date field, read the Indonesian way whatever the browser's locale:
 * day first ("20/12/2026", "20-12-2026", "20.12.2026"), a month name in Bahasa Indonesia or English
 * ("20 Desember 2026", "20 Des 2026", "20 December 2026"), or the ISO form the API uses.
 * Returns `YYYY-MM-DD`, or null for anything that is not a real calendar day.
 */
const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  peb: 2,
  pebruari: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  agt: 8,
  agustus: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  nopember: 11,
  november: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
};

export function parseDateInput(text: string): string | null {
  const value = text.trim().toLowerCase();
  let parts: [number, number, number] | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const named = /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$/.exec(value);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (numeric) parts = [Number(numeric[3]), Number(numeric[2]), Number(numeric[1])];
  else if (named) {
    const month = MONTHS[named[2] ?? ''];
    if (month) parts = [Number(named[3]), month, Number(named[1])];
  }
  if (!parts) return null;
  const [year, month, day] = parts;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}
