import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Mp4DurationReader } from '../src/evidence/mp4-duration.ts';
import { PdfTextLayerScanner } from '../src/evidence/pdf-text.ts';
import { evidenceKeys, evidenceObjectKey, evidenceTargetKey, parseEvidenceObjectKey } from '../src/keys.ts';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const stream = (dictionary: string, data: Buffer) =>
  Buffer.concat([
    latin1(`<< ${dictionary} /Length ${data.length} >>\nstream\n`),
    data,
    latin1('\nendstream\nendobj\n'),
  ]);

/** Feeds bytes in chunks of one size, as a network read would split them. */
function scan(bytes: Buffer, chunk: number): boolean {
  const scanner = new PdfTextLayerScanner();
  for (let offset = 0; offset < bytes.length; offset += chunk)
    scanner.push(bytes.subarray(offset, offset + chunk));
  return scanner.hasTextLayer;
}

const CHUNKS = [1, 7, 4096, 1 << 20];

describe('PDF text layer (streaming heuristic)', () => {
  const header = latin1('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');

  it.each(CHUNKS)('finds a font object in plain syntax (chunks of %i bytes)', (chunk) => {
    const pdf = Buffer.concat([
      header,
      latin1('4 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n'),
    ]);
    expect(scan(pdf, chunk)).toBe(true);
  });

  it.each(CHUNKS)('finds text operators in a compressed content stream (chunks of %i bytes)', (chunk) => {
    const content = deflateSync(latin1('BT /F1 12 Tf 72 700 Td (Data dukung) Tj ET'));
    const pdf = Buffer.concat([header, latin1('5 0 obj\n'), stream('/Filter /FlateDecode', content)]);
    expect(scan(pdf, chunk)).toBe(true);
  });

  it.each(CHUNKS)(
    'finds fonts declared only inside a compressed object stream (chunks of %i bytes)',
    (chunk) => {
      const objects = deflateSync(latin1('4 0 << /Type /Font /Subtype /TrueType /BaseFont /Arial >>'));
      const pdf = Buffer.concat([
        header,
        latin1('9 0 obj\n'),
        stream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', objects),
      ]);
      expect(scan(pdf, chunk)).toBe(true);
    },
  );

  it.each(CHUNKS)('finds none in an image-only scan (chunks of %i bytes)', (chunk) => {
    const image = deflateSync(Buffer.alloc(30_000, 0x7f));
    const pdf = Buffer.concat([
      header,
      latin1('4 0 obj\n'),
      stream('/Type /XObject /Subtype /Image /Width 100 /Height 100 /Filter /FlateDecode', image),
      latin1('5 0 obj\n'),
      stream('/Filter /FlateDecode', deflateSync(latin1('q 595 0 0 842 0 0 cm /Im1 Do Q'))),
    ]);
    expect(scan(pdf, chunk)).toBe(false);
  });

  it('does not inflate image streams, oversized streams or broken ones', () => {
    // Text operators hidden in an image stream or behind a broken deflate do not count as text.
    const inImage = stream(
      '/Subtype /Image /Filter /FlateDecode',
      deflateSync(latin1('BT /F1 1 Tf (x) Tj ET')),
    );
    const broken = stream('/Filter /FlateDecode', latin1('not deflate data at all'));
    const huge = stream('/Filter /FlateDecode', Buffer.alloc(3 * 1024 * 1024, 1));
    expect(scan(Buffer.concat([header, inImage, broken, huge]), 65_536)).toBe(false);
  });
});

/** An ISO BMFF box. */
const box = (type: string, payload: Buffer, largeSize = false) => {
  if (largeSize) {
    const head = Buffer.alloc(16);
    head.writeUInt32BE(1, 0);
    head.write(type, 4, 'latin1');
    head.writeBigUInt64BE(BigInt(payload.length + 16), 8);
    return Buffer.concat([head, payload]);
  }
  const head = Buffer.alloc(8);
  head.writeUInt32BE(payload.length + 8, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, payload]);
};
const mvhd = (version: 0 | 1, timescale: number, duration: number) => {
  const body = Buffer.alloc(version === 1 ? 112 : 100);
  body.writeUInt8(version, 0);
  if (version === 1) {
    body.writeUInt32BE(timescale, 20);
    body.writeBigUInt64BE(BigInt(duration), 24);
  } else {
    body.writeUInt32BE(timescale, 12);
    body.writeUInt32BE(duration, 16);
  }
  return box('mvhd', body);
};
const ftyp = box('ftyp', latin1('isom\0\0\0\0isomiso2'));

function read(bytes: Buffer, chunk: number): number | undefined {
  const reader = new Mp4DurationReader();
  for (let offset = 0; offset < bytes.length; offset += chunk)
    reader.push(bytes.subarray(offset, offset + chunk));
  return reader.durationSeconds;
}

describe('MP4 duration (streaming box walk)', () => {
  it.each(CHUNKS)('reads the movie header before the media data (chunks of %i bytes)', (chunk) => {
    const file = Buffer.concat([
      ftyp,
      box('moov', mvhd(0, 600, 600 * 272)),
      box('mdat', Buffer.alloc(50_000)),
    ]);
    expect(read(file, chunk)).toBe(272);
  });

  it.each(CHUNKS)('reads it after the media data, past a 64-bit sized box (chunks of %i bytes)', (chunk) => {
    const file = Buffer.concat([
      ftyp,
      box('mdat', Buffer.alloc(70_000), true),
      box('moov', mvhd(1, 90_000, 90_000 * 301.5)),
    ]);
    expect(read(file, chunk)).toBe(301.5);
  });

  it('reports nothing, without throwing, for an empty or truncated movie header', () => {
    for (const header of [
      box('mvhd', Buffer.alloc(0)),
      box('mvhd', Buffer.alloc(12)),
      box('mvhd', Buffer.from([1, ...Buffer.alloc(24)])),
    ]) {
      expect(
        read(Buffer.concat([ftyp, box('moov', header), box('mdat', Buffer.alloc(100))]), 7),
      ).toBeUndefined();
    }
  });

  it('reports nothing when there is no movie header', () => {
    expect(read(Buffer.concat([ftyp, box('mdat', Buffer.alloc(100))]), 13)).toBeUndefined();
    expect(read(Buffer.from('not an mp4 at all'), 4)).toBeUndefined();
  });
});

describe('evidence keys', () => {
  it('keeps uploaders’ file names out of the key’s structure', () => {
    expect(evidenceObjectKey('35.22', 'E1', 'SK Bupati (final) 2026.pdf')).toBe(
      'tenants/35.22/evidence/E1/SK-Bupati-final-2026.pdf',
    );
    expect(evidenceObjectKey('35.22', 'E1', '../../35.20/x.pdf')).toBe(
      'tenants/35.22/evidence/E1/35.20-x.pdf',
    );
    expect(evidenceObjectKey('35.22', 'E1', '?')).toBe('tenants/35.22/evidence/E1/berkas');
  });

  it('reads the tenant and item back from an evidence object key, and nothing else', () => {
    expect(parseEvidenceObjectKey('tenants/35.22/evidence/E1/a.pdf')).toEqual({
      tenantCode: '35.22',
      evidenceId: 'E1',
    });
    expect(parseEvidenceObjectKey('tenants/35.22/evidence/E1/sub/a.pdf')).toBeUndefined();
    expect(parseEvidenceObjectKey('catalog/search/x.bin')).toBeUndefined();
  });

  it('lists one innovation’s links by a prefix no other innovation shares', () => {
    const prefix = evidenceKeys.linkTargetPrefix({ type: 'innovation', innovationId: 'AB' });
    expect(
      evidenceTargetKey({ type: 'innovation', innovationId: 'AB', indicator: 'sid.16' }).startsWith(prefix),
    ).toBe(true);
    expect(
      evidenceTargetKey({ type: 'innovation', innovationId: 'ABC', indicator: 'sid.16' }).startsWith(prefix),
    ).toBe(false);
    const row = evidenceKeys.linkTargetPrefix({ type: 'spd', year: 2026, row: 'spd.1' });
    expect(`${evidenceTargetKey({ type: 'spd', year: 2026, row: 'spd.10a' })}#E`.startsWith(row)).toBe(false);
  });
});
