import type { Actor, Innovation } from '@inovasi/core';
import { repositoriesFor, tenantScope } from '@inovasi/data';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import yauzl from 'yauzl';
import type { TestEnvironment } from '../../support/environment.ts';

/** Polls a job until it is done or failed (bounded), returning its last state. */
export async function waitForJob(
  env: TestEnvironment,
  token: string,
  path: string,
  pick: (json: any) => { status: string } = (json) => json,
  timeoutMs = 25_000,
): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await env.request('GET', path, { token });
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.text}`);
    const status = pick(response.json).status;
    if (status === 'done' || status === 'failed') return response.json;
    if (Date.now() > deadline) throw new Error(`${path} still ${status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Requests an export, waits for it, and fetches its file through the presigned link. */
export async function exportFile(
  env: TestEnvironment,
  token: string,
  code: string,
  body: Record<string, unknown>,
): Promise<{ job: any; link: any; bytes: Buffer }> {
  const requested = await env.request('POST', `/tenants/${code}/exports`, { token, body });
  if (requested.status !== 202) throw new Error(`export request: ${requested.status} ${requested.text}`);
  const job = await waitForJob(env, token, `/tenants/${code}/exports/${requested.json.id}`);
  if (job.status !== 'done') throw new Error(`export ${job.kind} failed: ${JSON.stringify(job.error)}`);
  const link = await env.request('GET', `/tenants/${code}/exports/${job.id}/download`, { token });
  if (link.status !== 200) throw new Error(`download link: ${link.status} ${link.text}`);
  const file = await fetch(link.json.url);
  if (!file.ok) throw new Error(`download: ${file.status}`);
  return { job, link: link.json, bytes: Buffer.from(await file.arrayBuffer()) };
}

export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet as header → value records (the header row is row 1). */
export function sheetRecords(workbook: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}: ${workbook.worksheets.map((ws) => ws.name).join(', ')}`);
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  const records: Record<string, unknown>[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = row.values as unknown[];
    records.push(
      Object.fromEntries(headers.map((header, index) => [header, values[index]]).filter(([h]) => h)),
    );
  });
  return records;
}

export async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}

export interface ZipEntry {
  readonly name: string;
  readonly size: number;
  /** Small entries only (≤ 5 MB): their bytes. */
  readonly data?: Buffer;
}

/** Every entry of a ZIP, as yauzl reads its central directory, with the bytes of the small ones. */
export function unzip(bytes: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: ZipEntry[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.uncompressedSize > 5 * 1024 * 1024) {
          entries.push({ name: entry.fileName, size: entry.uncompressedSize });
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, size: entry.uncompressedSize, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Test setup: moves innovations straight to a workflow status through the repository (audited). */
export async function setStatus(
  env: TestEnvironment,
  code: string,
  ids: readonly string[],
  status: Innovation['status'],
): Promise<void> {
  const repository = repositoriesFor(env.data.forScope(tenantScope(code))).innovations;
  const actor: Actor = {
    userId: `u-${code.replace('.', '')}-admin`,
    email: 'setup@test',
    tenantCode: code,
    roles: ['tenant_admin'],
  };
  for (const id of ids) {
    const current = await repository.get(id);
    if (!current) throw new Error(`no innovation ${id}`);
    await repository.setStatus(current, current.version, actor, status, {}, 'test.setup');
  }
}
