/** The prerendered catalogue detail, read once (catalog-detail-page.ts `parseDetailShell`). */
export interface DetailShell {
  /** The prerendered detail page without its labels block. */
  readonly html: string;
  readonly labels: Readonly<Record<string, string>>;
}
