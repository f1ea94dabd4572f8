import type { Writable } from 'node:stream';
import { type ContestCall, type ContestEntry, formatDateId } from '@inovasi/core';
import PDFDocument from 'pdfkit';
import { pdfText } from './profile-pdf.ts';

const NAVY = '#12355b';
const GOLD = '#b8860b';
const GREY = '#5f6b7a';

/** One certificate: who won, with which innovation, which prize in which category. */
export interface CertificateWinner {
  readonly entrantName: string;
  readonly innovationName: string;
  readonly prize: string;
  readonly categoryLabel: string;
}

/**
 * The winners of an announced call in results order (rank, then category), from the approved
 * results and the entries' awards: ties share a rank and so each gets its own certificate.
 */
export function certificateWinners(call: ContestCall, entries: readonly ContestEntry[]): CertificateWinner[] {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const labelOf = new Map(call.categories.map((category) => [category.id, category.label]));
  return (call.results ?? [])
    .filter((result) => result.prize)
    .sort((a, b) => a.rank - b.rank || a.categoryId.localeCompare(b.categoryId))
    .flatMap((result) => {
      const entry = byId.get(result.entryId);
      if (!entry) return [];
      return [
        {
          entrantName: entry.entrantName ?? '',
          innovationName: entry.profile.name,
          prize: entry.award?.prize ?? result.prize ?? '',
          categoryLabel: labelOf.get(result.categoryId) ?? result.categoryId,
        },
      ];
    });
}

/**
 * The certificates of a call as one landscape A4 PDF, a page per winner (docs/decisions/0042):
 * one file for the ceremony's print run, through the same job and download as the other exports.
 * In Bahasa Indonesia with the English beneath, as the certificates regions hand out.
 */
export async function writeContestCertificates(
  input: { tenantName: string; call: ContestCall; winners: readonly CertificateWinner[] },
  out: Writable,
): Promise<void> {
  const { tenantName, call, winners } = input;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 60,
    autoFirstPage: false,
    lang: 'id-ID',
    info: {
      Title: pdfText(`Sertifikat ${call.title}`),
      Author: pdfText(tenantName),
      Subject: `Sertifikat pemenang lomba inovasi ${call.year}`,
      Creator: 'Inovasi Daerah',
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  const announced = formatDateId(call.stageDates.announcement);
  for (const winner of winners) {
    doc.addPage();
    const width = doc.page.width - 120;
    const line = (text: string, font: string, size: number, color = NAVY, gap = 0.4) => {
      doc
        .font(font)
        .fontSize(size)
        .fillColor(color)
        .text(pdfText(text), 60, doc.y, { width, align: 'center' });
      doc.moveDown(gap);
    };
    doc
      .lineWidth(3)
      .strokeColor(GOLD)
      .rect(30, 30, doc.page.width - 60, doc.page.height - 60)
      .stroke();
    doc.y = 80;
    line(tenantName, 'Helvetica-Bold', 14, GREY);
    line('SERTIFIKAT PENGHARGAAN', 'Helvetica-Bold', 30, NAVY, 0.1);
    line('Certificate of Award', 'Helvetica-Oblique', 14, GREY, 1.2);
    line('diberikan kepada / awarded to', 'Helvetica', 12, GREY);
    line(winner.entrantName, 'Helvetica-Bold', 24, NAVY, 0.8);
    line('atas inovasi / for the innovation', 'Helvetica', 12, GREY);
    line(winner.innovationName, 'Helvetica-Bold', 18, NAVY, 0.8);
    line(`sebagai ${winner.prize}, kategori ${winner.categoryLabel}`, 'Helvetica-Bold', 16, GOLD, 0.1);
    line(`as ${winner.prize}, category ${winner.categoryLabel}`, 'Helvetica-Oblique', 12, GREY, 0.8);
    line(`${call.title} (${call.year})`, 'Helvetica-Bold', 14, NAVY, 0.2);
    line(`Diumumkan ${announced} / Announced on ${call.stageDates.announcement}`, 'Helvetica', 11, GREY);
  }
  doc.end();
  await finished;
}
