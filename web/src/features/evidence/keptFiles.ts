import { del, get, set } from 'idb-keyval';
import { useEffect, useState } from 'react';
import type { EvidenceKind, EvidenceMediaType } from '../../api/model.ts';
import { keptFilesStore } from '../../api/offlineCopy.ts';

/**
 * The file of an upload in progress, kept in IndexedDB (browsers store a File there, bytes and
 * all) so a reload resumes it without the file picker, and an upload started offline starts when
 * the connection returns even if the tab was reloaded meanwhile (docs/decisions/0045).
 *
 * Kept only up to KEEP_LIMIT_BYTES and only when the browser's quota leaves room for the file and
 * a margin (navigator.storage.estimate); beyond that the upload is resumed as before, by picking
 * the same file again. The file is deleted when its upload completes, is rejected by intake, or is
 * cancelled; all kept files go on sign-out (clearDeviceData). Keyed by person, region and the
 * uploader's place (an innovation's indicator, the library), so another person never resumes it.
 */
export const KEEP_LIMIT_BYTES = 100 * 1024 * 1024;
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

export const keptKey = (userId: string, code: string, slot: string) => `${userId}|${code}|${slot}`;

/** Whether this browser may keep a file of this size now. */
export async function roomFor(size: number): Promise<boolean> {
  if (size > KEEP_LIMIT_BYTES) return false;
  const storage = (navigator as { storage?: StorageManager }).storage;
  if (!storage?.estimate) return false;
  const { quota = 0, usage = 0 } = await storage.estimate();
  return quota - usage >= size + QUOTA_MARGIN_BYTES;
}

/** Keeps the upload's file and form if the limits allow; says whether it did. */
export async function keepUpload(key: string, upload: Omit<KeptUpload, 'keptAt'>): Promise<boolean> {
  try {
    if (!(await roomFor(upload.file.size))) return false;
    await set(key, { ...upload, keptAt: new Date().toISOString() }, keptFilesStore());
    return true;
  } catch {
    // A full or unavailable store: the upload goes on; a reload needs the file picked again.
    return false;
  }
}

export const forgetUpload = (key: string) => del(key, keptFilesStore()).catch(() => undefined);

export const keptUpload = (key: string) => get<KeptUpload>(key, keptFilesStore()).catch(() => undefined);

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
