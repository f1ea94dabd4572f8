import { PassThrough, type Readable } from 'node:stream';
import {
  type Evidence,
  formatDateId,
  levelDefinition,
  NATIONAL_FORM_FIELDS,
  type SpdAnswers,
  STATUS_LABELS,
} from '@inovasi/core';
import { type Indicator, type Sid33Basis, type SpdRow, spdAnswerLevel } from '@inovasi/core/scoring';
import type { LinkedEvidence } from '@inovasi/data';
import yazl from 'yazl';
import type { InnovationFacts, RegionData } from './region-data.ts';
import { keyValueSheet, type SheetValue, streamingWorkbook, tableSheet } from './workbook.ts';

/** Letters and digits joined by dashes, at most `max` characters: `jatim-cegah-stunting-terpadu`. */
export function slug(text: string, max = 40): string {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (plain.length <= max) return plain || 'inovasi';
  const cut = plain.slice(0, max);
  const atWord = cut.lastIndexOf('-');
  return (atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(/-+$/, '');
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'video/mp4': 'mp4',
};

function extensionOf(evidence: Evidence): string {
  const fromName = evidence.fileName?.toLowerCase().split('.').at(-1);
  if (fromName && ['pdf', 'jpg', 'jpeg', 'png', 'mp4'].includes(fromName)) return fromName;
  return EXTENSIONS[evidence.intake?.mediaType ?? evidence.mediaType ?? ''] ?? 'bin';
}

/** One evidence file in the pack: where it goes in the ZIP and what it is. */
export interface PackFile {
  readonly zipPath: string;
  readonly evidence: Evidence;
}

/** What one indicator (or SPD row) lists in the sheet: its files in the ZIP and its links. */
interface Attachments {
  readonly files: PackFile[];
  readonly links: string[];
}

export interface PackInnovation {
  readonly no: number;
  readonly folder: string;
  readonly facts: InnovationFacts;
  readonly indicators: ReadonlyMap<string, Attachments>;
}

export interface PackPlan {
  readonly innovations: readonly PackInnovation[];
  readonly spd: ReadonlyMap<string, Attachments>;
  /** Every file to copy, in ZIP order. */
  readonly files: readonly PackFile[];
  readonly bytes: number;
}

export const SPD_FOLDER = 'SPD';

/** `<folder>/<base>.<ext>`, with `-2`, `-3` … from the second file of the same base on. */
function zipPathOf(folder: string, base: string, evidence: Evidence, taken: Map<string, number>): string {
  const seen = (taken.get(base) ?? 0) + 1;
  taken.set(base, seen);
  return `${folder}/${base}${seen > 1 ? `-${seen}` : ''}.${extensionOf(evidence)}`;
}

/**
 * Which files go where. For every innovation marked ready (numbered in OPD and name order), each
 * indicator's evidence that passed intake becomes `<no>-<short name>/<code>-<kind>.<ext>`
 * (`-2`, `-3` … when an indicator has several of a kind); links are listed, not copied. The
 * region's SPD evidence goes to `SPD/<row>-<kind>.<ext>`.
 */
export function planPack(data: RegionData): PackPlan {
  const files: PackFile[] = [];
  const attach = (
    folder: string,
    code: string,
    links: readonly LinkedEvidence[] | undefined,
    taken: Map<string, number>,
  ): Attachments => {
    const attachments: Attachments = { files: [], links: [] };
    for (const entry of links ?? []) {
      if (!entry.passed) continue;
      const { evidence } = entry;
      if (evidence.source === 'url') {
        if (evidence.url) attachments.links.push(evidence.url);
        continue;
      }
      const file = { zipPath: zipPathOf(folder, `${code}-${evidence.kind}`, evidence, taken), evidence };
      attachments.files.push(file);
      files.push(file);
    }
    return attachments;
  };

  const ready = data.innovations.filter((facts) => facts.innovation.status === 'ready');
  const innovations = ready.map((facts, index): PackInnovation => {
    const no = index + 1;
    const folder = `${String(no).padStart(3, '0')}-${slug(facts.innovation.profile.name)}`;
    const taken = new Map<string, number>();
    const indicators = new Map(
      data.rubric.sidIndicators.map((indicator) => [
        indicator.code,
        attach(folder, indicator.code, facts.evidence.get(indicator.code), taken),
      ]),
    );
    return { no, folder, facts, indicators };
  });
  const spdTaken = new Map<string, number>();
  const spd = new Map(
    data.rubric.spdRows.map((row) => [
      row.code,
      attach(SPD_FOLDER, row.code, data.spdEvidence.get(row.code), spdTaken),
    ]),
  );
  const bytes = files.reduce((sum, file) => sum + (file.evidence.size ?? 0), 0);
  return { innovations, spd, files, bytes };
}

export interface PackOutcome {
  readonly innovations: number;
  readonly files: number;
  readonly missingFiles: number;
}

export interface PackSources {
  /** The stored bytes of an evidence item, or undefined when the object is gone. */
  open(evidence: Evidence): Promise<Readable | undefined>;
  /** Called after each file with the bytes copied so far. */
  progress(copiedBytes: number, copiedFiles: number): Promise<void>;
}

/** Files opened ahead of the one being copied: their first bytes are on the way while it streams. */
const LOOKAHEAD = 4;

/**
 * Writes the national-entry pack as a ZIP stream: evidence files one after another (each streamed
 * from S3 straight into the archive, a few opened ahead), then the field-by-field workbook and a
 * read-me. Nothing is held whole in memory; the caller streams `output` to its destination.
 */
export function writePack(
  data: RegionData,
  plan: PackPlan,
  sources: PackSources,
  mtime: Date,
): { output: Readable; done: Promise<PackOutcome> } {
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  const missing = new Set<string>();

  const done = (async () => {
    const pending: Promise<Readable | undefined>[] = [];
    let next = 0;
    const fill = () => {
      while (pending.length < LOOKAHEAD && next < plan.files.length) {
        const file = plan.files[next++];
        if (!file) break;
        const opened = sources.open(file.evidence);
        // Awaited in order below; this keeps a failure of a file not yet reached from going unhandled.
        opened.catch(() => undefined);
        pending.push(opened);
      }
    };
    const copy = (stream: Readable, zipPath: string) =>
      new Promise<void>((resolve, reject) => {
        stream.once('end', resolve);
        stream.once('error', reject);
        zip.addReadStream(stream, zipPath, { compress: false, mtime });
      });

    let copiedBytes = 0;
    let copiedFiles = 0;
    try {
      fill();
      for (const file of plan.files) {
        const body = await pending.shift();
        fill();
        if (!body) {
          missing.add(file.zipPath);
          continue;
        }
        await copy(body, file.zipPath);
        copiedBytes += file.evidence.size ?? 0;
        copiedFiles++;
        await sources.progress(copiedBytes, copiedFiles);
      }
    } catch (error) {
      for (const opened of pending)
        void opened.then(
          (body) => body?.destroy(),
          () => undefined,
        );
      output.destroy(error as Error);
      throw error;
    }

    const workbook = new PassThrough();
    const written = copy(workbook, 'isian-nasional.xlsx');
    await writeEntryWorkbook(data, plan, missing, workbook);
    await written;
    zip.addBuffer(Buffer.from(readMe(data, plan, missing), 'utf8'), 'BACA-SAYA.txt', {
      mtime,
      compress: true,
    });
    zip.end();
    return { innovations: plan.innovations.length, files: copiedFiles, missingFiles: missing.size };
  })();
  return { output, done };
}

function listed(attachments: Attachments | undefined, missing: ReadonlySet<string>): string {
  if (!attachments) return '';
  return [
    ...attachments.files.map((file) =>
      missing.has(file.zipPath) ? `${file.zipPath} (berkas tidak ditemukan)` : file.zipPath,
    ),
    ...attachments.links,
  ].join('\n');
}

function levelText(indicator: Indicator, level: number, basis: string | undefined): string {
  if (level <= 0) return 'Tidak dijawab';
  const definition = levelDefinition(indicator, level, basis as Sid33Basis | undefined);
  const basisName =
    indicator.aspect === 'sid' && basis
      ? indicator.bases?.find((entry) => entry.basis === basis)?.name
      : undefined;
  return `Level ${level}: ${definition?.text ?? ''}${basisName ? ` (dasar ${basis}: ${basisName})` : ''}`;
}

/** An SPD row's level as the region answered it (0 unanswered), before any review. */
const claimedSpdLevel = (row: SpdRow, answer: SpdAnswers['answers'][string] | undefined) =>
  answer
    ? spdAnswerLevel(row, {
        level: answer.level as 0 | 1 | 2 | 3 | undefined,
        figures: answer.figures,
        verified: false,
      })
    : 0;

/**
 * The workbook an operator copies from: a list of the innovations in the pack, the SPD answers,
 * and one sheet per innovation with the national form's fields in order, then each indicator's
 * chosen level and the names of its files in the ZIP.
 */
async function writeEntryWorkbook(
  data: RegionData,
  plan: PackPlan,
  missing: ReadonlySet<string>,
  out: PassThrough,
): Promise<void> {
  const workbook = streamingWorkbook(out);
  keyValueSheet(workbook, 'Petunjuk', `Paket Isian Nasional ${data.tenant.name} — IID ${data.year}`, [
    ['Daerah', `${data.tenant.name} (${data.tenant.code})`],
    ['Tahun penilaian', data.year],
    ['Dibuat pada', formatDateId(new Date().toISOString().slice(0, 10))],
    ['Jumlah inovasi siap kirim', plan.innovations.length],
    [
      'Cara memakai',
      'Buka lembar setiap inovasi dan salin isiannya ke aplikasi IID nasional sesuai urutan formulir. ' +
        'Unggah berkas data dukung dari folder inovasi tersebut di dalam ZIP (nama berkas: kode indikator dan jenis dokumen). ' +
        'Setelah tersimpan di aplikasi nasional, tandai inovasi sebagai "Sudah diinput" beserta nomor registrasinya di aplikasi daerah.',
    ],
    ['Berkas tidak ditemukan', missing.size === 0 ? 'Tidak ada' : [...missing].join('\n')],
  ]);

  const list = tableSheet(
    workbook,
    'Daftar Inovasi',
    [
      { header: 'No', width: 6 },
      { header: 'Folder di ZIP', width: 36 },
      { header: 'Nama Inovasi', width: 42, wrap: true },
      { header: 'OPD', width: 30, wrap: true },
      { header: 'Status', width: 14 },
      { header: 'Kematangan Diklaim', width: 12, numFmt: '0.##' },
      { header: 'Kematangan Terverifikasi', width: 13, numFmt: '0.##' },
      { header: 'Jumlah Berkas', width: 10 },
      { header: 'Diinput Nasional', width: 12 },
      { header: 'Nomor Registrasi', width: 20 },
      { header: 'ID Inovasi', width: 30 },
    ],
    plan.innovations.length,
  );
  for (const item of plan.innovations) {
    const { innovation } = item.facts;
    list.add([
      item.no,
      item.folder,
      innovation.profile.name,
      item.facts.opdName,
      STATUS_LABELS[innovation.status],
      item.facts.kematanganClaimed,
      item.facts.kematanganVerified,
      [...item.indicators.values()].reduce((sum, attachments) => sum + attachments.files.length, 0),
      innovation.nationalEntry ? 'Sudah' : 'Belum',
      innovation.nationalEntry?.registrationNumber,
      innovation.id,
    ]);
  }
  list.done();

  const spdSheet = tableSheet(
    workbook,
    'SPD',
    [
      { header: 'Kode', width: 9 },
      { header: 'Indikator Satuan Pemerintah Daerah', width: 40, wrap: true },
      { header: 'Level', width: 50, wrap: true },
      { header: 'Angka T-1', width: 12 },
      { header: 'Angka T-2', width: 12 },
      { header: 'Data Dukung (berkas di ZIP / tautan)', width: 50, wrap: true },
    ],
    data.rubric.spdRows.length,
  );
  for (const row of data.rubric.spdRows) {
    const answer = data.spd?.answers[row.code];
    const level = claimedSpdLevel(row, answer);
    spdSheet.add([
      row.code,
      row.name,
      levelText(row, level, undefined),
      answer?.figures?.t1 ?? answer?.figures?.count,
      answer?.figures?.t2,
      listed(data.spd ? plan.spd.get(row.code) : undefined, missing),
    ]);
  }
  spdSheet.done();

  for (const item of plan.innovations) {
    const { innovation } = item.facts;
    const rows: SheetValue[][] = NATIONAL_FORM_FIELDS.map((field, index) => [
      index + 1,
      'Profil',
      field.label,
      field.display(innovation.profile),
      '',
    ]);
    for (const indicator of data.rubric.sidIndicators) {
      const answer = innovation.answers[indicator.code];
      rows.push([
        rows.length + 1,
        'Indikator',
        `${indicator.code} ${indicator.name}`,
        levelText(indicator, answer?.level ?? 0, answer?.basis),
        listed(item.indicators.get(indicator.code), missing),
      ]);
    }
    const sheet = tableSheet(
      workbook,
      `${String(item.no).padStart(3, '0')} ${innovation.profile.name}`,
      [
        { header: 'No', width: 5 },
        { header: 'Bagian', width: 10 },
        { header: 'Isian Formulir Nasional', width: 36, wrap: true },
        { header: 'Nilai', width: 80, wrap: true },
        { header: 'Data Dukung (berkas di ZIP / tautan)', width: 50, wrap: true },
      ],
      rows.length,
    );
    for (const row of rows) sheet.add(row);
    sheet.done();
  }
  await workbook.commit();
}

function readMe(data: RegionData, plan: PackPlan, missing: ReadonlySet<string>): string {
  const lines = [
    `PAKET ISIAN NASIONAL - ${data.tenant.name.toUpperCase()} - IID ${data.year}`,
    '',
    'Isi paket:',
    '- isian-nasional.xlsx: satu lembar per inovasi berisi isian formulir nasional sesuai urutannya,',
    '  level setiap indikator, dan nama berkas data dukungnya di dalam ZIP ini.',
    '- <nomor>-<nama singkat>/: data dukung setiap inovasi, dinamai <kode indikator>-<jenis dokumen>.',
    '  Contoh: 001-sipinka/sid.16-sk.pdf adalah SK untuk indikator sid.16 inovasi nomor 001.',
    `- ${SPD_FOLDER}/: data dukung indikator Satuan Pemerintah Daerah (SPD).`,
    '',
    `Inovasi siap kirim: ${plan.innovations.length}. Berkas data dukung: ${plan.files.length - missing.size}.`,
    ...(missing.size > 0
      ? ['', 'Berkas yang tidak ditemukan di penyimpanan (unggah ulang di aplikasi daerah):', ...missing]
      : []),
    '',
    'Setelah setiap inovasi tersimpan di aplikasi nasional, tandai "Sudah diinput" beserta nomor',
    'registrasinya di aplikasi daerah agar rekap Bappeda tetap sesuai.',
  ];
  return `${lines.join('\r\n')}\r\n`;
}
