/**
 * Whether an upload for an indicator needs its document date: when the indicator's level has a date
 * window, an undated file is flagged `document_date_missing` (packages/core evidence rules), so the
 * form asks for the date up front rather than calling it optional and flagging it afterwards.
 */
export function documentDateRequired(dates: { from?: string; to?: string } | undefined): boolean {
  return Boolean(dates && (dates.from || dates.to));
}
