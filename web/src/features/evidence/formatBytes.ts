/** A size as people read it (B, KB, MB, GB), numbers in the reader's locale. */
export function formatBytes(bytes: number, number: (value: number) => string): string {
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  return `${number(Math.round((bytes / 1024 ** 3) * 10) / 10)} GB`;
}
