import type { Writable } from 'node:stream';
import {
  daysUntil,
  evaluateTargetRule,
  formatDateId,
  opdProgress,
  type Period,
  type RegionSummary,
  todayInJakarta,
  urusanLabel,
} from '@inovasi/core';
import PDFDocument from 'pdfkit';
import { pdfText } from './profile-pdf.ts';
import type { RegionData } from './region-data.ts';

const NAVY = '#12355b';
const GREY = '#5f6b7a';
const RED = '#a61b1b';
const MARGIN = 50;

export interface RakorInput {
  readonly data: RegionData;
  readonly summary: RegionSummary | undefined;
  readonly period: Period | undefined;
}

/** One league row: what is asked, what is met, what is still owed (by the rule, else the OPD's target). */
export function rakorLeague(data: RegionData) {
  const innovations = data.innovations.map((facts) => ({
    ...facts.innovation,
    kematangan: facts.kematanganVerified,
  }));
  if (data.targetRule) {
    const threshold = data.targetRule.onlyAtSendThreshold ? data.settings.minKematanganToSend : null;
    return evaluateTargetRule(data.targetRule, {
      opds: data.opds,
      units: [...data.units],
      innovations,
      sendThreshold: threshold,
    })
      .opds.map((opd) => {
        const target = opd.required + opd.units.reduce((total, unit) => total + unit.required, 0);
        const owed = opd.lacks + opd.unitsLack;
        const lagging = opd.units.filter((unit) => !unit.meets).map((unit) => `${unit.name} (${unit.lacks})`);
        return { name: opd.name, target, met: target - owed, owed, lagging };
      })
      .filter((row) => row.target > 0);
  }
  return opdProgress(data.opds, innovations, data.settings.defaultOpdTarget).map((row) => ({
    name: row.name,
    target: row.target,
    met: Math.min(row.submitted, row.target),
    owed: row.behind,
    lagging: [] as string[],
  }));
}

/**
 * The rakor page (ADR 0036): the command centre's figures on one dated A4 page for the leadership
 * meeting — projected index and predicate, days left, the league by the period's target rule with
 * the units that lag, the basic-service urusan still uncovered, and what waits for verification.
 */
export async function writeRakorPdf(input: RakorInput, out: Writable): Promise<void> {
  const { data, summary, period } = input;
  const today = todayInJakarta();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: 'id-ID',
    info: {
      Title: pdfText(`Bahan Rakor Inovasi Daerah ${data.tenant.name} ${data.year}`),
      Author: pdfText(data.tenant.name),
      Subject: `Rapat koordinasi IID ${data.year}, ${today}`,
      Creator: 'Inovasi Daerah',
    },
  });
  doc.pipe(out);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const line = (text: string, options: { size?: number; color?: string; bold?: boolean } = {}) => {
    doc
      .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(options.size ?? 10)
      .fillColor(options.color ?? 'black')
      .text(pdfText(text));
  };
  line(`Bahan Rakor Inovasi Daerah — IID ${data.year}`, { size: 16, color: NAVY, bold: true });
  line(`${data.tenant.name} · dicetak ${formatDateId(today)}`, { color: GREY });
  doc.moveDown();

  line('Proyeksi indeks', { size: 12, color: NAVY, bold: true });
  if (summary) {
    line(`Klaim OPD: ${summary.claimed.index.toFixed(2)} (${summary.claimed.predicate})`);
    line(`Terverifikasi: ${summary.verified.index.toFixed(2)} (${summary.verified.predicate})`);
  } else {
    line('Belum ada ringkasan untuk periode ini.', { color: GREY });
  }
  doc.moveDown(0.5);
  line('Sisa waktu', { size: 12, color: NAVY, bold: true });
  if (period) {
    line(
      `Batas internal ${formatDateId(period.internalDeadline)}: ${daysUntil(today, period.internalDeadline)} hari lagi`,
    );
    line(
      `Batas nasional ${formatDateId(period.nationalDeadline)}: ${daysUntil(today, period.nationalDeadline)} hari lagi`,
    );
  } else {
    line('Periode belum dibuka.', { color: GREY });
  }
  doc.moveDown(0.5);

  const league = rakorLeague(data).sort(
    (a, b) =>
      b.met / Math.max(1, b.target) - a.met / Math.max(1, a.target) || a.name.localeCompare(b.name, 'id'),
  );
  line(data.targetRule ? 'Peringkat OPD menurut aturan target' : 'Peringkat OPD menurut target', {
    size: 12,
    color: NAVY,
    bold: true,
  });
  league.forEach((row, index) => {
    const status = row.owed === 0 ? 'memenuhi' : `kurang ${row.owed}`;
    line(`${index + 1}. ${row.name}: ${row.met}/${row.target} (${status})`, {
      color: row.owed === 0 ? 'black' : RED,
    });
    if (row.lagging.length > 0)
      line(`    Unit belum memenuhi: ${row.lagging.join(', ')}`, { size: 9, color: GREY });
  });
  doc.moveDown(0.5);
  if (summary) {
    line('Urusan pelayanan dasar belum terisi', { size: 12, color: NAVY, bold: true });
    line(
      summary.basicServices.missing.length === 0
        ? 'Semua terisi.'
        : summary.basicServices.missing.map((code) => urusanLabel(code)).join(', '),
    );
    doc.moveDown(0.5);
    const waiting = summary.innovations.byStatus.submitted + summary.innovations.byStatus.in_review;
    line('Menunggu verifikasi', { size: 12, color: NAVY, bold: true });
    line(`${waiting} inovasi`);
  }
  doc.end();
  await finished;
}
