import { constants, inflateSync } from 'node:zlib';

/** Signals of a text layer in a PDF's object dictionaries: a font, or a font's Unicode map. */
const FONT_OBJECT = /\/Type\s*\/Font\b|\/FontDescriptor\b|\/ToUnicode\b/;
/** Text operators in a content stream: a font set (`Tf`) and text shown (`Tj`, `TJ`). */
const SETS_FONT = /\bTf\b/;
const SHOWS_TEXT = /\bT[jJ]\b|[)\]]\s*'/;
const STREAM_START = /\bstream\r?\n/g;
const END_STREAM = 'endstream';

/** A Flate stream larger than this is an image or a font program, not page text: it is not inflated. */
const MAX_STREAM_BYTES = 2 * 1024 * 1024;
const MAX_INFLATED_PER_STREAM = 8 * 1024 * 1024;
/** Bounds the work a hostile PDF can cause (a "zip bomb" of many small streams). */
const MAX_INFLATED_TOTAL = 64 * 1024 * 1024;
/** How much of the text before `stream` is read to find the stream's dictionary. */
const DICTIONARY_WINDOW = 2048;

/** The next `stream` keyword that starts a stream (not the tail of an `endstream`). */
function nextStreamStart(text: string): RegExpExecArray | null {
  STREAM_START.lastIndex = 0;
  let match = STREAM_START.exec(text);
  while (match && text.slice(Math.max(0, match.index - 3), match.index) === 'end') {
    match = STREAM_START.exec(text);
  }
  return match;
}

/** The dictionary of the stream starting at `index`: the text before it, back to its own object. */
function streamDictionary(text: string, index: number): string {
  const dictionary = text.slice(Math.max(0, index - DICTIONARY_WINDOW), index);
  const lastObject = dictionary.lastIndexOf(' obj');
  return lastObject >= 0 ? dictionary.slice(lastObject) : dictionary;
}

/** A Flate stream that is not an image may be page text or an object stream worth inflating. */
function mayHoldText(dictionary: string): boolean {
  return (
    /\/FlateDecode\b/.test(dictionary) &&
    !/\/Subtype\s*\/Image\b/.test(dictionary) &&
    !/\/(DCTDecode|JPXDecode|CCITTFaxDecode|JBIG2Decode)\b/.test(dictionary)
  );
}

/**
 * Decides, while the bytes stream past, whether a PDF has a text layer, without ever holding the
 * file: a heuristic over the PDF syntax, not a parser. Uncompressed object dictionaries are searched
 * for font objects; Flate-compressed streams that are not images (content streams, object streams)
 * are inflated one at a time, capped in size, and searched for fonts and for the text operators
 * `Tf` and `Tj`/`TJ`. An image-only scan has neither. Memory stays below one capped stream.
 */
export class PdfTextLayerScanner {
  private found = false;
  /** Raw text kept from the previous chunk: a keyword or a dictionary may straddle two chunks. */
  private carry = '';
  private inStream = false;
  private collect = false;
  private collected: Buffer[] = [];
  private collectedBytes = 0;
  private inflatedTotal = 0;

  get hasTextLayer(): boolean {
    return this.found;
  }

  push(chunk: Uint8Array): void {
    if (this.found) return;
    let text = this.carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    this.carry = '';
    // Bytes already examined are kept only as much as a straddling token needs.
    while (text.length > 0 && !this.found) {
      if (this.inStream) {
        const end = text.indexOf(END_STREAM);
        if (end < 0) {
          const keep = Math.max(0, text.length - END_STREAM.length);
          this.gather(text.slice(0, keep));
          this.carry = text.slice(keep);
          return;
        }
        this.gather(text.slice(0, end));
        this.finishStream();
        text = text.slice(end + END_STREAM.length);
        continue;
      }
      if (FONT_OBJECT.test(text)) {
        this.found = true;
        return;
      }
      const match = nextStreamStart(text);
      if (!match) {
        this.carry = text.slice(-DICTIONARY_WINDOW);
        return;
      }
      this.inStream = true;
      this.collect =
        mayHoldText(streamDictionary(text, match.index)) && this.inflatedTotal < MAX_INFLATED_TOTAL;
      this.collected = [];
      this.collectedBytes = 0;
      text = text.slice(match.index + match[0].length);
    }
  }

  private gather(part: string): void {
    if (!this.collect || part.length === 0) return;
    this.collectedBytes += part.length;
    if (this.collectedBytes > MAX_STREAM_BYTES) {
      this.collect = false;
      this.collected = [];
      return;
    }
    this.collected.push(Buffer.from(part, 'latin1'));
  }

  private finishStream(): void {
    this.inStream = false;
    if (!this.collect) return;
    this.collect = false;
    const compressed = Buffer.concat(this.collected);
    this.collected = [];
    let inflated: Buffer;
    try {
      inflated = inflateSync(compressed, {
        finishFlush: constants.Z_SYNC_FLUSH,
        maxOutputLength: MAX_INFLATED_PER_STREAM,
      });
    } catch {
      return;
    }
    this.inflatedTotal += inflated.length;
    const content = inflated.toString('latin1');
    if (FONT_OBJECT.test(content) || (SETS_FONT.test(content) && SHOWS_TEXT.test(content))) this.found = true;
  }
}
