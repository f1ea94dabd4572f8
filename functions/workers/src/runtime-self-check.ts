/** Asks the jobs worker to prove its runtime can build files, instead of running a job. */
export interface RuntimeSelfCheckEvent {
  readonly selfCheck: true;
}

export const isRuntimeSelfCheck = (event: unknown): event is RuntimeSelfCheckEvent =>
  (event as { selfCheck?: unknown } | null | undefined)?.selfCheck === true;

/**
 * Renders a one-page PDF in memory with the standard fonts the profile PDF uses. pdfkit loads each
 * standard font's metrics at run time from files outside its main module, which a bundle only has
 * if the build shipped them: the deploy's smoke test (`aws lambda invoke` with
 * `{"selfCheck":true}`, docs/operations.md) and the bundling test call this on the real asset, so
 * a missing font shows before the first region asks for a profile.
 */
export async function runtimeSelfCheck(): Promise<{ pdfBytes: number; pdfHeader: string }> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text('Profil Inovasi: uji runtime');
  doc.font('Helvetica').fontSize(10).text('Kabupaten Bojonegoro — Dinas Kesehatan, “café”.');
  doc.end();
  await done;
  const pdf = Buffer.concat(chunks);
  return { pdfBytes: pdf.length, pdfHeader: pdf.subarray(0, 5).toString('latin1') };
}
