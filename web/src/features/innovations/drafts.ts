import type { InnovationFormValues } from './formValues.ts';

/**
 * Unsaved form input kept in localStorage, so a dropped connection, a closed tab or a failed save never
 * loses what an operator typed. Keyed by user as well, because office computers are shared.
 */
export interface InnovationDraft {
  savedAt: string;
  /** The server state the edits started from: a conflict rebases the edits onto the newer version. */
  base: InnovationFormValues;
  baseVersion: number | undefined;
  values: InnovationFormValues;
  /** For new innovations: one key for all retries, so a repeated create does not make a duplicate. */
  idempotencyKey?: string;
}

const PREFIX = 'inovasi.draft';

export function draftKey(userId: string, tenantCode: string, innovationId: string | undefined): string {
  return `${PREFIX}.${userId}.${tenantCode}.${innovationId ?? 'baru'}`;
}

export function readDraft(key: string): InnovationDraft | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const draft = JSON.parse(raw) as InnovationDraft;
    return draft.values && draft.base ? draft : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, draft: InnovationDraft): void {
  try {
    localStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the form still works, only the safety net is missing.
  }
}

export function removeDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to remove.
  }
}

export function hasDraft(key: string): boolean {
  return readDraft(key) !== null;
}

export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
