/** A `moov` box larger than this is not buffered: real ones are kilobytes to a few megabytes. */
const MAX_MOOV_BYTES = 16 * 1024 * 1024;

/**
 * Reads an MP4's duration from its movie header (`moov`/`mvhd`) while the bytes stream past. Top-level
 * boxes are skipped by their sizes; only `moov` is kept, wherever it sits (at the start of a
 * "fast start" file or after the media data), so memory stays at the size of that one box.
 */
export class Mp4DurationReader {
  private header = Buffer.alloc(0);
  private skip = 0;
  private moov: Buffer[] | undefined;
  private moovRemaining = 0;
  private done = false;
  private seconds: number | undefined;

  /** Seconds, or undefined when no movie header was found (yet). */
  get durationSeconds(): number | undefined {
    return this.seconds;
  }

  push(chunk: Uint8Array): void {
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    while (data.length > 0 && !this.done) {
      if (this.skip > 0) data = this.skipPart(data);
      else if (this.moov) data = this.gatherMoov(this.moov, data);
      else data = this.readBoxHeader(data);
    }
  }

  /** Each of these takes what it needs from the front of `data` and returns the rest. */
  private skipPart(data: Buffer): Buffer {
    const step = Math.min(this.skip, data.length);
    this.skip -= step;
    return data.subarray(step);
  }

  private gatherMoov(moov: Buffer[], data: Buffer): Buffer {
    const step = Math.min(this.moovRemaining, data.length);
    moov.push(Buffer.from(data.subarray(0, step)));
    this.moovRemaining -= step;
    if (this.moovRemaining === 0) {
      this.seconds = movieDuration(Buffer.concat(moov));
      this.moov = undefined;
      this.done = true;
    }
    return data.subarray(step);
  }

  /** A box header is 8 bytes, or 16 when its 32-bit size is 1 and a 64-bit size follows. */
  private readBoxHeader(data: Buffer): Buffer {
    const need = this.header.length < 8 ? 8 : 16;
    const take = Math.min(need - this.header.length, data.length);
    this.header = Buffer.concat([this.header, data.subarray(0, take)]);
    const rest = data.subarray(take);
    if (this.header.length < 8) return rest;
    const size32 = this.header.readUInt32BE(0);
    if (size32 === 1 && this.header.length < 16) return rest;
    const type = this.header.toString('latin1', 4, 8);
    const headerBytes = size32 === 1 ? 16 : 8;
    const size = size32 === 1 ? Number(this.header.readBigUInt64BE(8)) : size32;
    this.header = Buffer.alloc(0);
    // Size 0 runs to the end of the file; a size smaller than its header is a broken file.
    if (size === 0 || size < headerBytes) this.done = true;
    else this.startPayload(type, size - headerBytes);
    return rest;
  }

  private startPayload(type: string, payloadBytes: number): void {
    if (type === 'moov' && payloadBytes <= MAX_MOOV_BYTES) {
      this.moov = [];
      this.moovRemaining = payloadBytes;
      if (this.moovRemaining === 0) this.done = true;
    } else {
      this.skip = payloadBytes;
    }
  }
}

/** The `mvhd` duration inside a `moov` box's payload, in seconds. */
function movieDuration(moov: Buffer): number | undefined {
  let offset = 0;
  while (offset + 8 <= moov.length) {
    const size = moov.readUInt32BE(offset);
    const type = moov.toString('latin1', offset + 4, offset + 8);
    if (size < 8 || offset + size > moov.length) return undefined;
    if (type === 'mvhd') return headerDuration(moov.subarray(offset + 8, offset + size));
    offset += size;
  }
  return undefined;
}

/** An `mvhd` body: version 1 has 64-bit times, version 0 32-bit ones. */
function headerDuration(body: Buffer): number | undefined {
  // An empty or truncated header is a broken file, not a reason to throw while reading it.
  if (body.length < 20) return undefined;
  const version = body.readUInt8(0);
  if (version === 1) {
    if (body.length < 32) return undefined;
    const timescale = body.readUInt32BE(20);
    const duration = Number(body.readBigUInt64BE(24));
    return timescale > 0 ? duration / timescale : undefined;
  }
  const timescale = body.readUInt32BE(12);
  const duration = body.readUInt32BE(16);
  return timescale > 0 ? duration / timescale : undefined;
}
