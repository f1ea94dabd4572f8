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

  // biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
  push(chunk: Uint8Array): void {
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    while (data.length > 0 && !this.done) {
      if (this.skip > 0) {
        const step = Math.min(this.skip, data.length);
        this.skip -= step;
        data = data.subarray(step);
        continue;
      }
      if (this.moov) {
        const step = Math.min(this.moovRemaining, data.length);
        this.moov.push(Buffer.from(data.subarray(0, step)));
        this.moovRemaining -= step;
        data = data.subarray(step);
        if (this.moovRemaining === 0) {
          this.seconds = movieDuration(Buffer.concat(this.moov));
          this.moov = undefined;
          this.done = true;
        }
        continue;
      }
      const need = this.header.length < 8 ? 8 : 16;
      const take = Math.min(need - this.header.length, data.length);
      this.header = Buffer.concat([this.header, data.subarray(0, take)]);
      data = data.subarray(take);
      if (this.header.length < 8) continue;
      const size32 = this.header.readUInt32BE(0);
      if (size32 === 1 && this.header.length < 16) continue;
      const type = this.header.toString('latin1', 4, 8);
      const headerBytes = size32 === 1 ? 16 : 8;
      const size = size32 === 1 ? Number(this.header.readBigUInt64BE(8)) : size32;
      this.header = Buffer.alloc(0);
      // Size 0 runs to the end of the file; a size smaller than its header is a broken file.
      if (size === 0 || size < headerBytes) {
        this.done = true;
        continue;
      }
      if (type === 'moov' && size - headerBytes <= MAX_MOOV_BYTES) {
        this.moov = [];
        this.moovRemaining = size - headerBytes;
        if (this.moovRemaining === 0) this.done = true;
      } else {
        this.skip = size - headerBytes;
      }
    }
  }
}

/** The `mvhd` duration inside a `moov` box's payload, in seconds. */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
function movieDuration(moov: Buffer): number | undefined {
  let offset = 0;
  while (offset + 8 <= moov.length) {
    const size = moov.readUInt32BE(offset);
    const type = moov.toString('latin1', offset + 4, offset + 8);
    if (size < 8 || offset + size > moov.length) return undefined;
    if (type === 'mvhd') {
      const body = moov.subarray(offset + 8, offset + size);
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
    offset += size;
  }
  return undefined;
}
