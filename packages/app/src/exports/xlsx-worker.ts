import { parentPort } from 'node:worker_threads';
import { JobInputError } from './job-errors.ts';
import { readXlsxStreaming } from './xlsx-intake.ts';

/**
 * The preview's worker thread: parses one .xlsx per message and posts its sheets back, so a slow
 * or heavy file costs this thread's time and heap, never the server's event loop (spreadsheet.ts
 * starts it with a time and a heap limit, and keeps it for the next file while it behaves).
 * Loaded by Node without a build step: erasable TypeScript only.
 */
export interface XlsxWorkerInput {
  readonly bytes: Uint8Array;
  readonly maxRowsWithValues: number;
}

export type XlsxWorkerOutput =
  | { readonly ok: true; readonly sheets: Awaited<ReturnType<typeof readXlsxStreaming>> }
  | { readonly ok: false; readonly code: string; readonly detail?: string | undefined };

async function parse(input: XlsxWorkerInput): Promise<XlsxWorkerOutput> {
  try {
    return { ok: true, sheets: await readXlsxStreaming(input.bytes, input.maxRowsWithValues) };
  } catch (error) {
    return error instanceof JobInputError
      ? { ok: false, code: error.code, detail: error.detail }
      : { ok: false, code: 'import_file_unreadable' };
  }
}

parentPort?.on('message', (input: XlsxWorkerInput) => {
  void parse(input).then((output) => parentPort?.postMessage(output));
});
