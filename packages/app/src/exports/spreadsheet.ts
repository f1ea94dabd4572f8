import { Worker } from 'node:worker_threads';
import {
  type CellValue,
  type HeaderMapping,
  IMPORT_MAX_ROWS,
  type ImportFormat,
  isHeaderRow,
  mapHeaders,
} from '@inovasi/core';
import { JobInputError } from './job-errors.ts';
import { inspectXlsxArchive, type ReadSheet, readXlsxStreaming } from './xlsx-intake.ts';
import type { XlsxWorkerInput, XlsxWorkerOutput } from './xlsx-worker.ts';

export type { ReadSheet } from './xlsx-intake.ts';

/** Header rows further down than this are not looked for (a title block above the table is fine). */
const HEADER_SEARCH_ROWS = 10;
/** Rows read per sheet: the limit, the header and a title block. */
const MAX_READ_ROWS = IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS + 1;

/**
 * How long one parse may run: API Gateway answers 504 after 29 s, and the rows' checks and the
 * preview's writes come after the parse. A file within the limits parses in well under 2 s.
 */
export const PREVIEW_PARSE_TIMEOUT_MS = 20_000;
/**
 * The parsing thread's heap: a 2,000-row sheet streams in some 100 MB (exceljs, the shared
 * strings, the rows it hands back); past this the thread is stopped, the server is not.
 */
export const PREVIEW_PARSE_HEAP_MB = 256;
/** Parses running at once; the rest wait their turn. The product's host has two cores. */
const PREVIEW_PARSE_CONCURRENCY = 2;

export interface ParseLimits {
  readonly timeoutMs: number;
  readonly heapMb: number;
}

const DEFAULT_PARSE_LIMITS: ParseLimits = {
  timeoutMs: PREVIEW_PARSE_TIMEOUT_MS,
  heapMb: PREVIEW_PARSE_HEAP_MB,
};

/**
 * The worker is this folder's TypeScript source, so it exists where the API runs from its source
 * (`pnpm start` under tsx, tests). The AWS bundle has no such file: a Lambda instance serves one
 * request at a time, so parsing there stalls no other request, and the archive check and the
 * streaming caps bound its time and memory (docs/decisions/0021).
 */
const WORKER_URL = import.meta.url.endsWith('.ts') ? new URL('./xlsx-worker.ts', import.meta.url) : undefined;

let parsesRunning = 0;
const parseQueue: (() => void)[] = [];

async function withParseSlot<T>(run: () => Promise<T>): Promise<T> {
  if (parsesRunning >= PREVIEW_PARSE_CONCURRENCY) {
    await new Promise<void>((resolve) => parseQueue.push(resolve));
  }
  parsesRunning++;
  try {
    return await run();
  } finally {
    parsesRunning--;
    parseQueue.shift()?.();
  }
}

/**
 * Threads that finished a parse within their limits, kept for the next one by heap limit: starting
 * a thread and loading exceljs in it costs about a second, more than parsing an ordinary file.
 * A thread that ran over a limit is ended, never kept. Idle threads do not keep the process alive.
 */
const idleWorkers = new Map<number, Worker[]>();

function takeWorker(workerUrl: URL, heapMb: number): Worker {
  const idle = idleWorkers.get(heapMb)?.pop();
  if (idle) {
    idle.ref();
    return idle;
  }
  const worker = new Worker(workerUrl, {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
    stdout: false,
    stderr: false,
  });
  worker.on('exit', () => forgetWorker(worker, heapMb));
  return worker;
}

function keepWorker(worker: Worker, heapMb: number): void {
  worker.unref();
  idleWorkers.set(heapMb, [...(idleWorkers.get(heapMb) ?? []), worker]);
}

/** A thread that ended (over a limit, or on its own) leaves the pool. */
function forgetWorker(worker: Worker, heapMb: number): void {
  idleWorkers.set(
    heapMb,
    (idleWorkers.get(heapMb) ?? []).filter((entry) => entry !== worker),
  );
}

/**
 * Parses an .xlsx in a worker thread with a time and a heap limit: one region's heavy file costs
 * that thread, never the event loop every other region's requests wait on (issue 19).
 */
export function parseXlsxOffThread(
  bytes: Buffer,
  maxRowsWithValues: number,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<ReadSheet[]> {
  const workerUrl = WORKER_URL;
  if (!workerUrl) return readXlsxStreaming(bytes, maxRowsWithValues);
  return withParseSlot(
    () =>
      new Promise<ReadSheet[]>((resolve, reject) => {
        const worker = takeWorker(workerUrl, limits.heapMb);
        const onMessage = (output: XlsxWorkerOutput) =>
          settle(
            () =>
              output.ok ? resolve(output.sheets) : reject(new JobInputError(output.code, output.detail)),
            true,
          );
        const onError = (error: Error & { code?: string }) =>
          settle(
            () =>
              reject(
                error.code === 'ERR_WORKER_OUT_OF_MEMORY'
                  ? new JobInputError('import_preview_limit', `over ${limits.heapMb} MB`)
                  : error,
              ),
            false,
          );
        const onExit = (exitCode: number) => {
          forgetWorker(worker, limits.heapMb);
          settle(
            () => reject(new Error(`spreadsheet worker exited with ${exitCode} before answering`)),
            false,
          );
        };
        let settled = false;
        const settle = (outcome: () => void, reusable: boolean) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          outcome();
          if (reusable) keepWorker(worker, limits.heapMb);
          else void worker.terminate();
        };
        const timer = setTimeout(
          () =>
            settle(
              () => reject(new JobInputError('import_preview_limit', `over ${limits.timeoutMs} ms`)),
              false,
            ),
          limits.timeoutMs,
        );
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        // A copy of its own, moved (not copied again) into the thread.
        const copy = new Uint8Array(bytes);
        const input: XlsxWorkerInput = { bytes: copy, maxRowsWithValues };
        worker.postMessage(input, [copy.buffer]);
      }),
  );
}

async function readXlsx(bytes: Buffer): Promise<ReadSheet[]> {
  // The archive first, from its central directory: a bomb is refused before anything unpacks it.
  await inspectXlsxArchive(bytes);
  return parseXlsxOffThread(bytes, MAX_READ_ROWS);
}

/** UTF-8 (with or without a BOM), or Windows-1252 as older Excel versions save "CSV". */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** The separator of a CSV: Indonesian Excel writes `;` (the comma is the decimal mark), others `,` or tab. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((mark) => ({ mark, count: outsideQuotes.split(mark).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0]?.count ? (counts[0]?.mark ?? ',') : ',';
}

/** A CSV being read: the rows so far, the row and the field being read, and whether inside quotes. */
interface CsvReading {
  readonly rows: string[][];
  row: string[];
  field: string;
  quoted: boolean;
}

/** RFC 4180: quoted fields may hold separators, line breaks and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const delimiter = delimiterOf(text);
  const csv: CsvReading = { rows: [], row: [], field: '', quoted: false };
  for (let index = 0; index < text.length; index++) {
    index = csv.quoted ? readQuoted(text, index, csv) : readUnquoted(text, index, delimiter, csv);
  }
  if (csv.field !== '' || csv.row.length > 0) {
    csv.row.push(csv.field);
    csv.rows.push(csv.row);
  }
  return csv.rows;
}

/** Reads the character at `index` outside quotes; answers the index of the last character it took. */
function readUnquoted(text: string, index: number, delimiter: string, csv: CsvReading): number {
  const char = text[index];
  if (char === '"' && csv.field === '') csv.quoted = true;
  else if (char === delimiter) {
    csv.row.push(csv.field);
    csv.field = '';
  } else if (char === '\n' || char === '\r') {
    const crlf = char === '\r' && text[index + 1] === '\n';
    endRow(csv);
    return crlf ? index + 1 : index;
  } else csv.field += char;
  return index;
}

/** Reads the character at `index` inside quotes; answers the index of the last character it took. */
function readQuoted(text: string, index: number, csv: CsvReading): number {
  const char = text[index];
  if (char !== '"') {
    csv.field += char;
    return index;
  }
  if (text[index + 1] === '"') {
    csv.field += '"';
    return index + 1;
  }
  csv.quoted = false;
  return index;
}

function endRow(csv: CsvReading): void {
  csv.row.push(csv.field);
  csv.rows.push(csv.row);
  if (csv.rows.length > MAX_READ_ROWS) throw new JobInputError('import_file_too_large');
  csv.row = [];
  csv.field = '';
}

export async function readSpreadsheet(bytes: Buffer, format: ImportFormat): Promise<ReadSheet[]> {
  if (format === 'xlsx') return readXlsx(bytes);
  const text = decodeText(bytes).replace(/^\uFEFF/, '');
  return [{ name: 'CSV', rows: parseCsv(text) }];
}

export interface LocatedTable {
  readonly sheet: string;
  /** Index of the header row in `rows`. */
  readonly headerIndex: number;
  readonly mapping: HeaderMapping;
  readonly rows: readonly (readonly CellValue[])[];
}

/**
 * The table to import: on each sheet, the first of its top rows that reads as a header; of those,
 * the sheet whose header names the most columns the template knows (the recap's "Profil Inovasi"
 * over its "Rekap Inovasi", the template's "Inovasi" over its instructions).
 */
export function locateTable(sheets: readonly ReadSheet[]): LocatedTable | undefined {
  let best: LocatedTable | undefined;
  for (const sheet of sheets) {
    for (let index = 0; index < Math.min(HEADER_SEARCH_ROWS, sheet.rows.length); index++) {
      const mapping = mapHeaders(sheet.rows[index] ?? []);
      if (!isHeaderRow(mapping)) continue;
      if (!best || mapping.headers.size > best.mapping.headers.size) {
        best = { sheet: sheet.name, headerIndex: index, mapping, rows: sheet.rows };
      }
      break;
    }
  }
  return best;
}
