import { parentPort, workerData } from 'node:worker_threads';
import { JobInputError } from './job-errors.ts';
import { readXlsxStreaming } from './xlsx-intake.ts';

/**
 * The preview's worker thread: parses one .xlsx and posts its sheets back, so a slow or heavy file
 * costs this thread's time and heap, never the server's event loop (spreadsheet.ts starts it with a
 * time and a memory limit). Loaded by Node without a build step: erasable TypeScript only.
 */
export interface XlsxWorkerInput {
  readonly bytes: Uint8Array;
  readonly maxRowsWithValues: number;
}

export type XlsxWorkerOutput =
  | { readonly ok: true; readonly sheets: Awaited<ReturnType<typeof readXlsxStreaming>> }
  | { readonly ok: false; readonly code: string; readonly detail?: string | undefined };

const input = workerData as XlsxWorkerInput;
let output: XlsxWorkerOutput;
try {
  output = { ok: true, sheets: await readXlsxStreaming(input.bytes, input.maxRowsWithValues) };
} catch (error) {
  output =
    error instanceof JobInputError
      ? { ok: false, code: error.code, detail: error.detail }
      : { ok: false, code: 'import_file_unreadable' };
}
parentPort?.postMessage(output);
