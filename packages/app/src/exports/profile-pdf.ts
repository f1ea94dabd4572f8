import type { Writable } from 'node:stream';
import {
  formatDateId,
  isVerified,
  levelDefinition,
  NATIONAL_FORM_FIELDS,
  STAGE_LABELS,
  STATUS_LABELS,
} from '@inovasi/core';
import type { Rubric, Sid33Basis } from '@inovasi/core/scoring';
import type { LinkedEvidence } from '@inovasi/data';
import PDFDocument from 'pdfkit';
import type { InnovationFacts } from './region-data.ts';

const NAVY = '#12355b';
const GREY = '#5f6b7a';
const LIGHT = '#e6ebf1';
const CLAIMED = '#7fa7d6';
const VERIFIED = '#2e8b57';
const MARGIN = 50;

/**
 * The standard PDF fonts (Helvetica here) encode WinAnsi: Indonesian is plain Latin and fits, but
 * a stray symbol from a pasted text (≥, →, emoji) would print as garbage, so it is spelled out or
 * replaced first.
 */
export function pdfText(text: string): string {
  return text
    .replace(/≥/g, '>=')
    .replace(/≤/g, '<=')
    .replace(/→/g, '->')
    .replace(/×/g, 'x')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[^\t\n\r\x20-\x7E\u00A1-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u20AC]/gu, '?');
}

const NARRATIVE = new Set(['rancangBangun', 'tujuan', 'manfaat', 'hasil']);

/** The document being written and what every section lays itself out with. */
interface Layout {
  readonly doc: PDFKit.PDFDocument;
  /** The text width between the margins. */
  readonly width: number;
  /** Starts a new page unless `height` still fits above the footer. */
  readonly ensure: (height: number) => void;
  readonly heading: (title: string) => void;
}

function layoutOf(doc: PDFKit.PDFDocument): Layout {
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 20;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const heading = (title: string) => {
    ensure(60);
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(13).fillColor(NAVY).text(pdfText(title), MARGIN, doc.y, { width });
    const y = doc.y + 2;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .lineWidth(0.8)
      .strokeColor(NAVY)
      .stroke();
    doc.moveDown(0.5);
    doc.font('Helvetica').fontSize(10).fillColor('black');
  };
  return { doc, width, ensure, heading };
}

/**
 * The profile of one innovation as an A4 PDF in Bahasa Indonesia, for the head-of-region
 * presentation and field validation: the profile as the national form has it, the kematangan
 * (claimed and verified) with charts, and each indicator's level with its evidence.
 */
export async function writeProfilePdf(
  input: { tenantName: string; rubric: Rubric; facts: InnovationFacts },
  out: Writable,
): Promise<void> {
  const { tenantName, rubric, facts } = input;
  const { innovation } = facts;
  const profile = innovation.profile;
  const printedOn = formatDateId(new Date().toISOString().slice(0, 10));
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'id-ID',
    info: {
      Title: pdfText(`Profil Inovasi: ${profile.name}`),
      Author: pdfText(tenantName),
      Subject: `Profil inovasi daerah, IID ${innovation.periodYear}`,
      Creator: 'Inovasi Daerah',
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);

  const layout = layoutOf(doc);
  writeHeader(layout, tenantName, facts);
  writeKematangan(layout, rubric, facts);
  writeIndicatorChart(layout, rubric, facts);
  writeProfileFields(layout, facts);
  writeIndicatorEvidence(layout, rubric, facts);
  writeFooters(layout, printedOn, profile.name);
  doc.end();
  await finished;
}

/** The header band, the innovation's name, its OPD, status and stage, and its national registration. */
function writeHeader({ doc, width }: Layout, tenantName: string, facts: InnovationFacts): void {
  const { innovation } = facts;
  const profile = innovation.profile;
  doc.rect(0, 0, doc.page.width, 78).fill(NAVY);
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .fillColor('white')
    .text('PROFIL INOVASI DAERAH', MARGIN, 22, { width });
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(pdfText(`${tenantName} · Indeks Inovasi Daerah ${innovation.periodYear}`), MARGIN, 46, { width });
  doc.y = 100;
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .fillColor('black')
    .text(pdfText(profile.name), MARGIN, doc.y, { width });
  doc.moveDown(0.3);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(GREY)
    .text(
      pdfText(
        [
          `OPD: ${facts.opdName}`,
          `Status: ${STATUS_LABELS[innovation.status]}`,
          profile.stage ? `Tahapan: ${STAGE_LABELS[profile.stage]}` : undefined,
        ]
          .filter(Boolean)
          .join('   ·   '),
      ),
      { width },
    );
  if (innovation.nationalEntry) {
    doc.text(
      pdfText(
        `Nomor registrasi nasional: ${innovation.nationalEntry.registrationNumber} (diinput ${formatDateId(innovation.nationalEntry.enteredOn)})`,
      ),
      { width },
    );
  }
}

/** The claimed and verified kematangan as bars, how complete the answers are, and why it is not eligible. */
function writeKematangan({ doc, width, heading }: Layout, rubric: Rubric, facts: InnovationFacts): void {
  heading('Kematangan Inovasi');
  const max = rubric.formula.maxKematangan;
  const barX = MARGIN + 150;
  const barWidth = width - 230;
  for (const [label, value, color] of [
    ['Diklaim operator', facts.kematanganClaimed, CLAIMED],
    ['Terverifikasi', facts.kematanganVerified, VERIFIED],
  ] as const) {
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor('black')
      .text(label, MARGIN, y + 3, { width: 145 });
    doc.rect(barX, y, barWidth, 16).fill(LIGHT);
    doc.rect(barX, y, Math.max(0, Math.min(1, value / max)) * barWidth, 16).fill(color);
    doc
      .fillColor('black')
      .font('Helvetica-Bold')
      .text(`${formatNumber(value)} / ${max}`, barX + barWidth + 8, y + 3, { width: 80 });
    doc.y = y + 24;
  }
  const { completeness } = facts;
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor(GREY)
    .text(
      `Indikator dijawab ${completeness.answered} dari ${completeness.total}; berdata dukung lolos pemeriksaan ${completeness.evidenced}; diterima verifikator ${completeness.verified}. Skor terverifikasi hanya menghitung jawaban yang diterima verifikator dan memiliki data dukung.`,
      MARGIN,
      doc.y,
      { width },
    );
  if (!facts.eligibility.eligible) {
    doc.moveDown(0.3).fillColor('#a23b00');
    for (const reason of facts.eligibility.reasons) doc.text(pdfText(`• ${reason.message_id}`), { width });
  }
}

/** Each indicator's claimed and verified score (weight × level) as a pair of bars. */
function writeIndicatorChart(
  { doc, width, ensure, heading }: Layout,
  rubric: Rubric,
  facts: InnovationFacts,
): void {
  const { innovation } = facts;
  heading('Skor per Indikator (bobot × level)');
  const labelWidth = 190;
  const chartX = MARGIN + labelWidth;
  const chartWidth = width - labelWidth - 60;
  const maxRow = Math.max(...rubric.sidIndicators.map((indicator) => indicator.weight * 3));
  doc.font('Helvetica').fontSize(8).fillColor(GREY);
  doc.rect(chartX, doc.y, 8, 8).fill(CLAIMED);
  doc.fillColor(GREY).text('Diklaim', chartX + 11, doc.y, { continued: false });
  doc.rect(chartX + 60, doc.y - 9.5, 8, 8).fill(VERIFIED);
  doc.fillColor(GREY).text('Terverifikasi', chartX + 71, doc.y - 9.5);
  doc.moveDown(0.4);
  for (const indicator of rubric.sidIndicators) {
    ensure(16);
    const answer = innovation.answers[indicator.code];
    const claimed = (answer?.level ?? 0) * indicator.weight;
    const verified =
      answer && isVerified(answer) && facts.evidence.get(indicator.code)?.some((entry) => entry.passed)
        ? claimed
        : 0;
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor('black')
      .text(pdfText(`${indicator.code} ${indicator.name}`), MARGIN, y + 1, {
        width: labelWidth - 8,
        height: 10,
        ellipsis: true,
        lineBreak: false,
      });
    const full = (indicator.weight * 3 * chartWidth) / maxRow;
    doc.rect(chartX, y, full, 5).fill(LIGHT);
    doc.rect(chartX, y, (claimed * chartWidth) / maxRow, 5).fill(CLAIMED);
    doc.rect(chartX, y + 5, full, 5).fill(LIGHT);
    doc.rect(chartX, y + 5, (verified * chartWidth) / maxRow, 5).fill(VERIFIED);
    doc
      .fillColor(GREY)
      .text(
        `${formatNumber(claimed)} / ${formatNumber(indicator.weight * 3)}`,
        chartX + chartWidth + 6,
        y + 1,
        {
          width: 54,
          lineBreak: false,
        },
      );
    doc.y = y + 14;
  }
}

/** The national form's profile fields: the short ones as a table, then each narrative under its heading. */
function writeProfileFields({ doc, width, ensure, heading }: Layout, facts: InnovationFacts): void {
  const profile = facts.innovation.profile;
  heading('Profil Inovasi');
  for (const field of NATIONAL_FORM_FIELDS) {
    if (NARRATIVE.has(field.field) || field.field === 'name') continue;
    const value = field.display(profile) || '–';
    const height = doc.heightOfString(pdfText(value), { width: width - 170 }) + 4;
    ensure(height);
    const y = doc.y;
    doc
      .font('Helvetica-Bold')
      .fontSize(9.5)
      .fillColor(GREY)
      .text(pdfText(field.label), MARGIN, y, { width: 165 });
    doc
      .font('Helvetica')
      .fillColor('black')
      .text(pdfText(value), MARGIN + 170, y, { width: width - 170 });
    doc.y = Math.max(doc.y, y + height);
  }

  for (const field of NATIONAL_FORM_FIELDS.filter((candidate) => NARRATIVE.has(candidate.field))) {
    const value = field.display(profile);
    if (!value) continue;
    heading(field.label);
    doc.font('Helvetica').fontSize(10).fillColor('black').text(pdfText(value), { width, align: 'justify' });
  }
}

/** Each indicator's level, its review, and its evidence (or that it has none). */
function writeIndicatorEvidence(layout: Layout, rubric: Rubric, facts: InnovationFacts): void {
  const { doc, width, ensure, heading } = layout;
  const { innovation } = facts;
  heading('Indikator dan Data Dukung');
  for (const indicator of rubric.sidIndicators) {
    const answer = innovation.answers[indicator.code];
    const level = answer?.level ?? 0;
    const definition = levelDefinition(indicator, level, answer?.basis as Sid33Basis | undefined);
    const links = facts.evidence.get(indicator.code) ?? [];
    ensure(46);
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor('black')
      .text(pdfText(`${indicator.code}  ${indicator.name}`), MARGIN, doc.y, { width });
    const review = reviewLabel(answer?.review);
    doc
      .font('Helvetica')
      .fontSize(9.5)
      .fillColor(level > 0 ? 'black' : GREY)
      .text(
        pdfText(level > 0 ? `Level ${level} (${review}): ${definition?.text ?? ''}` : 'Tidak dijawab.'),
        MARGIN + 12,
        doc.y,
        { width: width - 12 },
      );
    if (links.length === 0 && level > 0) {
      doc.fillColor('#a23b00').text('Belum ada data dukung.', MARGIN + 12, doc.y, { width: width - 12 });
    }
    writeEvidenceLines(doc, width, links);
    doc.moveDown(0.4);
  }
}

const reviewLabel = (review: { readonly status: string } | undefined): string =>
  review?.status === 'accepted' ? 'diterima verifikator' : review ? 'dikembalikan' : 'belum diperiksa';

function writeEvidenceLines(doc: PDFKit.PDFDocument, width: number, links: readonly LinkedEvidence[]): void {
  for (const entry of links) {
    const { evidence } = entry;
    const what = evidence.source === 'url' ? (evidence.url ?? '') : (evidence.fileName ?? '');
    doc
      .fillColor(entry.passed ? 'black' : GREY)
      .text(
        pdfText(
          `• ${evidence.title} (${evidence.kind}; ${what})${entry.passed ? '' : ' — belum lolos pemeriksaan'}`,
        ),
        MARGIN + 12,
        doc.y,
        { width: width - 12 },
      );
  }
}

/** The footer on every page, once the page count is known. */
function writeFooters({ doc, width }: Layout, printedOn: string, name: string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .text(
        pdfText(
          `Dicetak dari Inovasi Daerah, ${printedOn} · ${name.slice(0, 60)} · Halaman ${index + 1} dari ${range.count}`,
        ),
        MARGIN,
        doc.page.height - MARGIN + 10,
        { width, align: 'center', lineBreak: false, height: 10 },
      );
  }
}

const formatNumber = (value: number): string =>
  Number.isInteger(value) ? String(value) : value.toLocaleString('id-ID', { maximumFractionDigits: 2 });
