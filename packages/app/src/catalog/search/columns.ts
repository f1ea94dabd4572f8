/** A dictionary-coded column: code 0 means "no value". */
export class Column {
  readonly values: string[] = [''];
  codes: number[] = [];
  private readonly codeOf = new Map<string, number>([['', 0]]);

  static from(values: readonly string[], codes: ArrayLike<number>): Column {
    const column = new Column();
    for (const value of values.slice(1)) column.code(value);
    column.codes = Array.from(codes);
    return column;
  }

  code(value: string | undefined): number {
    if (value === undefined || value === '') return 0;
    let code = this.codeOf.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codeOf.set(value, code);
    }
    return code;
  }

  find(value: string): number | undefined {
    return this.codeOf.get(value);
  }

  valueAt(doc: number): string | undefined {
    const code = this.codes[doc] ?? 0;
    return code === 0 ? undefined : this.values[code];
  }
}

/**
 * A column of free text (ids, names, snippets). The snapshot's part stays as UTF-8 bytes and a
 * string is decoded only when a page shows it: at 200,000 entries, making 600,000 strings on a
 * cold start was most of the load time. Entries added after the snapshot are kept as strings.
 */
export class TextColumn {
  private bytes: Buffer = Buffer.alloc(0);
  private offsets: Uint32Array = new Uint32Array(1);
  private stored = 0;
  private readonly added: string[] = [];

  static fromSnapshot(bytes: Uint8Array, offsets: Uint32Array): TextColumn {
    const column = new TextColumn();
    column.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    column.offsets = offsets;
    column.stored = offsets.length - 1;
    return column;
  }

  /** UTF-8 bytes and the offset where each value starts (one more offset than values). */
  static encode(values: readonly string[]): { bytes: Uint8Array; offsets: Uint32Array } {
    const encoded = values.map((value) => Buffer.from(value, 'utf8'));
    const offsets = new Uint32Array(values.length + 1);
    encoded.forEach((value, index) => {
      offsets[index + 1] = (offsets[index] as number) + value.length;
    });
    return { bytes: Buffer.concat(encoded), offsets };
  }

  get length(): number {
    return this.stored + this.added.length;
  }

  push(value: string): void {
    this.added.push(value);
  }

  at(doc: number): string {
    if (doc >= this.stored) return this.added[doc - this.stored] as string;
    return this.bytes.toString('utf8', this.offsets[doc], this.offsets[doc + 1]);
  }
}
