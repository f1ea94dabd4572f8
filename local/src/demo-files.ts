import { createHash, randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Small, valid evidence files built in code (no binary fixtures): PDFs with and without a text layer,
 * PNG images and MP4 headers. The demo seed uploads them; tests and the benchmark use them too.
 */

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** A PDF from numbered objects, with a correct cross-reference table. */
function assemblePdf(objects: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([latin1(`${index + 1} 0 obj\n`), body, latin1('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  return Buffer.concat([...parts, latin1(xref)]);
}

const stream = (dictionary: string, data: Buffer): Buffer =>
  Buffer.concat([
    latin1(`<< ${dictionary} /Length ${data.length} >>\nstream\n`),
    data,
    latin1('\nendstream'),
  ]);

/** PDF text strings escape `\`, `(` and `)`. */
const pdfString = (text: string) => text.replace(/[\\()]/g, (char) => `\\${char}`);

export interface PdfOptions {
  /** Lines of text on the page (a real text layer, Helvetica). */
  readonly lines?: readonly string[];
  /** Compress the page's content stream (as most PDF writers do). */
  readonly compress?: boolean;
  /** Pad the file to about this many bytes with an uncompressed binary stream (benchmarks). */
  readonly padToBytes?: number;
}

/** A one-page A4 PDF with a text layer. */
export function textPdf(options: PdfOptions = {}): Buffer {
  const lines = options.lines ?? ['Data dukung inovasi daerah'];
  const content = latin1(
    `BT /F1 14 Tf 72 770 Td 18 TL ${lines.map((line) => `(${pdfString(line)}) Tj T*`).join(' ')} ET`,
  );
  const contentStream = options.compress
    ? stream('/Filter /FlateDecode', deflateSync(content))
    : stream('', content);
  const objects = [
    latin1('<< /Type /Catalog /Pages 2 0 R >>'),
    latin1('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    latin1(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    ),
    latin1('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
    contentStream,
  ];
  const base = assemblePdf(objects);
  if (!options.padToBytes || options.padToBytes <= base.length) return base;
  // Padding is an unreferenced binary stream: the file stays a valid PDF of the same page.
  const padding = randomBytes(options.padToBytes - base.length - 200);
  return assemblePdf([...objects, stream('/Type /Padding', padding)]);
}

/** A one-page PDF that is only an image (a scan without OCR): no font, no text operator. */
export function imageOnlyPdf(): Buffer {
  const pixels = Buffer.alloc(8 * 8 * 3, 0x80);
  return assemblePdf([
    latin1('<< /Type /Catalog /Pages 2 0 R >>'),
    latin1('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    latin1(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>',
    ),
    stream(
      '/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode',
      deflateSync(pixels),
    ),
    stream('/Filter /FlateDecode', deflateSync(latin1('q 595 0 0 842 0 0 cm /Im1 Do Q'))),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([latin1(type), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, checksum]);
}

/** A PNG of one colour. */
export function solidPng(
  width = 16,
  height = 16,
  rgb: readonly [number, number, number] = [30, 120, 200],
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(body.length + 8);
  return Buffer.concat([size, latin1(type), body]);
}

/**
 * An MP4 container with a movie header of the given duration and `mediaBytes` of media data. Enough
 * for type detection and the duration check; players would find no track to play.
 */
export function mp4(options: { durationSeconds: number; mediaBytes?: number; moovFirst?: boolean }): Buffer {
  const ftyp = box('ftyp', latin1('isom'), Buffer.from([0, 0, 2, 0]), latin1('isomiso2mp41'));
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(0, 0); // version 0, flags
  mvhd.writeUInt32BE(1000, 12); // timescale: milliseconds
  mvhd.writeUInt32BE(Math.round(options.durationSeconds * 1000), 16);
  mvhd.writeUInt32BE(0x00010000, 20); // rate 1.0
  const moov = box('moov', box('mvhd', mvhd));
  const mdat = box('mdat', randomBytes(options.mediaBytes ?? 1024));
  return options.moovFirst === false ? Buffer.concat([ftyp, mdat, moov]) : Buffer.concat([ftyp, moov, mdat]);
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
