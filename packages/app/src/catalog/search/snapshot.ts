import type { ColumnName } from './documents.ts';

/**
 * The snapshot's binary layout: magic, format, header length, a small JSON header (dictionaries,
 * labels, and where each section is), then 8-byte aligned sections read in place as typed arrays.
 * Format 1 kept the listing columns and facet codes in the JSON header: at 200,000 entries its
 * parse and the strings it made took most of a 1.65 s cold load. Format 2 keeps everything large
 * binary and decodes text only when it is shown.
 */
const SNAPSHOT_MAGIC = 0x58544143; // "CATX", little-endian
const SNAPSHOT_FORMAT = 2;
const PREAMBLE_BYTES = 12;

export type Section = Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array;
const KINDS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f32: Float32Array, f64: Float64Array };
type Kind = keyof typeof KINDS;

const kindOf = (section: Section): Kind =>
  section instanceof Uint8Array
    ? 'u8'
    : section instanceof Uint16Array
      ? 'u16'
      : section instanceof Uint32Array
        ? 'u32'
        : section instanceof Float32Array
          ? 'f32'
          : 'f64';

/** A snapshot this code cannot read (another format, or not a snapshot): rebuild from the entries. */
export class SnapshotFormatError extends Error {
  override readonly name = 'SnapshotFormatError';
}

export interface SnapshotHeader {
  readonly sequence: number;
  readonly builtAt: string;
  readonly docCount: number;
  readonly dictionaries: Record<ColumnName, string[]>;
  readonly labels: { readonly region: Record<string, string>; readonly province: Record<string, string> };
}

export interface Snapshot {
  readonly header: SnapshotHeader;
  readonly sections: ReadonlyMap<string, Section>;
}

const align = (offset: number) => (offset + 7) & ~7;

export function writeSnapshot(header: SnapshotHeader, sections: ReadonlyMap<string, Section>): Uint8Array {
  const layout: Record<string, [Kind, number, number]> = {};
  let offset = 0;
  for (const [name, section] of sections) {
    layout[name] = [kindOf(section), offset, section.length];
    offset = align(offset + section.byteLength);
  }
  const headerBytes = Buffer.from(JSON.stringify({ format: SNAPSHOT_FORMAT, ...header, layout }), 'utf8');
  const dataStart = align(PREAMBLE_BYTES + headerBytes.length);
  const buffer = new ArrayBuffer(dataStart + offset);
  const view = new DataView(buffer);
  view.setUint32(0, SNAPSHOT_MAGIC, true);
  view.setUint32(4, SNAPSHOT_FORMAT, true);
  view.setUint32(8, headerBytes.length, true);
  new Uint8Array(buffer, PREAMBLE_BYTES, headerBytes.length).set(headerBytes);
  for (const [name, section] of sections) {
    const at = dataStart + (layout[name] as [Kind, number, number])[1];
    new Uint8Array(buffer, at, section.byteLength).set(
      new Uint8Array(section.buffer, section.byteOffset, section.byteLength),
    );
  }
  return new Uint8Array(buffer);
}

export function readSnapshot(bytes: Uint8Array): Snapshot {
  // Typed-array views need aligned offsets; a body from the network may start anywhere.
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const { buffer, byteOffset: base } = aligned;
  const view = new DataView(buffer, base);
  if (view.getUint32(0, true) !== SNAPSHOT_MAGIC || view.getUint32(4, true) !== SNAPSHOT_FORMAT) {
    throw new SnapshotFormatError('not a catalogue search snapshot of a known format');
  }
  const headerLength = view.getUint32(8, true);
  const { layout, ...header } = JSON.parse(
    Buffer.from(buffer, base + PREAMBLE_BYTES, headerLength).toString('utf8'),
  ) as SnapshotHeader & { layout: Record<string, [Kind, number, number]> };
  const dataStart = base + align(PREAMBLE_BYTES + headerLength);
  const sections = new Map<string, Section>();
  for (const [name, [kind, offset, length]] of Object.entries(layout)) {
    sections.set(name, new KINDS[kind](buffer as ArrayBuffer, dataStart + offset, length));
  }
  return { header, sections };
}

/** Facet codes in two bytes when the dictionary allows it (every facet but a very large OPD list). */
export function codesSection(codes: readonly number[], dictionarySize: number): Uint16Array | Uint32Array {
  return dictionarySize <= 0xffff ? Uint16Array.from(codes) : Uint32Array.from(codes);
}
