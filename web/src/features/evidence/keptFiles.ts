import { del, delMany, get, getMany, keys, set } from 'idb-keyval';
import { useEffect, useState } from 'react';
import type { EvidenceKind, EvidenceMediaType } from '../../api/model.ts';
import { keptFilePartsStore, keptFilesStore } from '../../api/offlineCopy.ts';

/**
 * The file of an upload in progress, kept in IndexedDB (browsers store a Blob there, bytes and
 * all) so a reload resumes it without the file picker, and an upload started offline starts when
 * the connection returns even if the tab was reloaded meanwhile (docs/decisions/0045).
 *
 * Kept up to the evidence cap (KEEP_LIMIT_BYTES, docs/decisions/0049) when the browser's quota
 * leaves room for the file and a margin (navigator.storage.estimate). The bytes go in slices of
 * PART_BYTES, each its own write, into a store of their own; the record of the upload (its form and
 * the file's name, type, date and size) is written after the last slice, so a record always has
 * all its slices. When the browser cannot keep the file the uploader says so, and a reload needs the
 * same file picked again. The file is deleted when its upload completes, is rejected by intake, or
 * is cancelled; all kept files go on sign-out (clearDeviceData). Keyed by person, region and the
 * uploader's place (an innovation's indicator, the library), so another person never resumes it.
 */
/** The largest evidence file the API accepts (an MP4; DEFAULT_EVIDENCE_LIMITS.maxVideoBytes). */
export const KEEP_LIMIT_BYTES = 200 * 1024 * 1024;
/** One IndexedDB write at a time holds at most this much of the file. */
export const PART_BYTES = 16 * 1024 * 1024;
/** Room left in the quota after the file, so keeping it never crowds out the drafts. */
const QUOTA_MARGIN_BYTES = 50 * 1024 * 1024;

export interface KeptUpload {
  readonly file: File;
  readonly mediaType: EvidenceMediaType;
  readonly kind: EvidenceKind;
  readonly title: string;
  readonly documentDate: string;
  readonly keptAt: string;
}

/** What is stored under the upload's key; the bytes are in the parts store. */
interface KeptRecord extends Omit<KeptUpload, 'file'> {
  readonly name: string;
  readonly type: string;
  readonly lastModified: number;
  readonly size: number;
  readonly parts: number;
}

export const keptKey = (userId: string, code: string, slot: string) => `${userId}|${code}|${slot}`;
const partKey = (key: string, index: number) => `${key}#${index}`;
const partsOf = (size: number) => Math.max(1, Math.ceil(size / PART_BYTES));

/** Why a file was not kept: the page tells the person they will have to pick it again after a reload. */
export type KeepVerdict =
  | { readonly kept: true }
  | {
      readonly kept: false;
      readonly reason: 'too_large' | 'no_room' | 'no_storage_api' | 'write_failed';
      readonly size: number;
      /** What the quota leaves, when the browser said. */
      readonly free?: number;
    };

/** Whether this browser may keep a file of this size now. */
export async function roomFor(size: number): Promise<KeepVerdict> {
  if (size > KEEP_LIMIT_BYTES) return { kept: false, reason: 'too_large', size };
  const storage = (navigator as { storage?: StorageManager }).storage;
  if (!storage?.estimate) return { kept: false, reason: 'no_storage_api', size };
  const { quota = 0, usage = 0 } = await storage.estimate();
  const free = Math.max(0, quota - usage);
  return free >= size + QUOTA_MARGIN_BYTES ? { kept: true } : { kept: false, reason: 'no_room', size, free };
}

/** Every slice kept under the key, also of a record lost on the way (the slices are written first). */
async function dropParts(key: string) {
  try {
    const all = await keys(keptFilePartsStore());
    const mine = all.filter((part) => typeof part === 'string' && part.startsWith(`${key}#`));
    await delMany(mine, keptFilePartsStore());
  } catch {
    // Nothing kept, or the store is unavailable: sign-out clears it (clearDeviceData).
  }
}

/** Keeps the upload's file and form if the limits allow; says whether it did, and why not. */
export async function keepUpload(key: string, upload: Omit<KeptUpload, 'keptAt'>): Promise<KeepVerdict> {
  const { file, ...form } = upload;
  const parts = partsOf(file.size);
  try {
    const room = await roomFor(file.size);
    if (!room.kept) return room;
    await dropParts(key);
    for (let index = 0; index < parts; index += 1) {
      const slice = file.slice(index * PART_BYTES, Math.min(file.size, (index + 1) * PART_BYTES));
      await set(partKey(key, index), slice, keptFilePartsStore());
    }
    const record: KeptRecord = {
      ...form,
      name: file.name,
      type: file.type,
      lastModified: file.lastModified,
      size: file.size,
      parts,
      keptAt: new Date().toISOString(),
    };
    await set(key, record, keptFilesStore());
    return { kept: true };
  } catch {
    // The quota ran out on the way, or the store is unavailable: nothing half-kept stays behind.
    await dropParts(key);
    return { kept: false, reason: 'write_failed', size: file.size };
  }
}

export async function forgetUpload(key: string): Promise<void> {
  await del(key, keptFilesStore()).catch(() => undefined);
  await dropParts(key);
}

/** The kept upload, its file put back together from its slices; nothing if a slice is missing. */
export async function keptUpload(key: string): Promise<KeptUpload | undefined> {
  try {
    const record = await get<KeptRecord>(key, keptFilesStore());
    if (!record) return undefined;
    const slices = await getMany<Blob | undefined>(
      Array.from({ length: record.parts }, (_, index) => partKey(key, index)),
      keptFilePartsStore(),
    );
    const whole = slices.every((slice): slice is Blob => slice instanceof Blob);
    if (!whole || slices.reduce((sum, slice) => sum + (slice?.size ?? 0), 0) !== record.size) {
      await forgetUpload(key);
      return undefined;
    }
    const { name, type, lastModified, size: _size, parts: _parts, ...form } = record;
    return { ...form, file: new File(slices as Blob[], name, { type, lastModified }) };
  } catch {
    return undefined;
  }
}

/** The kept upload of one uploader's place, once read (undefined while reading or when none). */
export function useKeptUpload(key: string): { kept: KeptUpload | undefined; read: boolean } {
  const [state, setState] = useState<{ kept: KeptUpload | undefined; read: boolean }>({
    kept: undefined,
    read: false,
  });
  useEffect(() => {
    let live = true;
    void keptUpload(key).then((kept) => live && setState({ kept, read: true }));
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}
