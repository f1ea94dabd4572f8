import type { QueryClient } from '@tanstack/react-query';
import { del, get, set, update } from 'idb-keyval';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import { ApiError, NetworkError } from '../../api/errors.ts';
import type { Innovation, InnovationProfilePatch } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';
import { draftStore, draftsChanged, requestBackgroundSync } from './draftStore.ts';
import { draftKey, readDraft, removeDraft, writeDraft } from './drafts.ts';
import { type InnovationFormValues, toFormValues } from './formValues.ts';
import { isLocalId } from './offlineCreate.ts';

/**
 * A profile edit saved without a connection (docs/decisions/0045): the PATCH the person asked for,
 * kept in IndexedDB beside the answer queues and flagged "send when online", so a reload or leaving
 * the page does not lose the request. The app-level sender sends it with its base version and the
 * token current at that moment; a refusal (someone else changed the innovation, or the server says
 * no) is kept on the record, never resolved silently: the profile page shows it when opened.
 */
export interface QueuedProfile {
  readonly baseVersion: number;
  readonly opdId?: string;
  readonly profile: InnovationProfilePatch;
  /** The form as the person saved it: a draft typed further after that is not deleted when this is sent. */
  readonly values: InnovationFormValues;
  readonly savedAt: string;
  /** Set by the sender when the server refused it: `conflict` for a stale version (409/412). */
  readonly problem?: 'conflict' | 'refused';
}

const SUFFIX = '|profile';

export const profileKey = (userId: string, code: string, innovationId: string) =>
  `${userId}|${code}|${innovationId}${SUFFIX}`;

export const isProfileKey = (key: string) => key.endsWith(SUFFIX);

export function readQueuedProfile(key: string): Promise<QueuedProfile | undefined> {
  return get<QueuedProfile>(key, draftStore()).catch(() => undefined);
}

export async function queueProfile(key: string, queued: Omit<QueuedProfile, 'savedAt'>): Promise<void> {
  await update<QueuedProfile>(key, () => ({ ...queued, savedAt: new Date().toISOString() }), draftStore());
  draftsChanged();
  requestBackgroundSync();
}

export async function dropQueuedProfile(key: string): Promise<void> {
  await sending.get(key)?.catch(() => undefined);
  await del(key, draftStore()).catch(() => undefined);
  draftsChanged();
}

/** Answers queued on the same version as a profile edit just sent are the person's own: they follow it. */
async function carryAnswerBase(profile: string, from: number, to: number) {
  const answers = profile.slice(0, -SUFFIX.length);
  // Read first: idb-keyval's update would write `undefined` under a key that holds nothing.
  const queue = await get<{ baseVersion: number }>(answers, draftStore());
  if (queue?.baseVersion === from) await set(answers, { ...queue, baseVersion: to }, draftStore());
}

/** The reverse: answers sent from `from` to `to` carry a profile edit kept on `from`. */
export async function carryProfileBase(answersKey: string, from: number, to: number): Promise<void> {
  if (from === to) return;
  const key = `${answersKey}${SUFFIX}`;
  const queued = await readQueuedProfile(key);
  if (queued && !queued.problem && queued.baseVersion === from)
    await set(key, { ...queued, baseVersion: to }, draftStore());
}

/** The local (localStorage) draft after a send: gone if it holds only what was sent, else based on it. */
function settleLocalDraft(
  userId: string,
  code: string,
  id: string,
  queued: QueuedProfile,
  saved: Innovation,
) {
  const local = draftKey(userId, code, id);
  const draft = readDraft(local);
  if (!draft) return;
  if (JSON.stringify(draft.values) === JSON.stringify(queued.values)) removeDraft(local);
  else writeDraft(local, { ...draft, base: toFormValues(saved), baseVersion: saved.version });
}

/** Listeners of a profile page: told when its kept edit was sent (with the saved innovation). */
const sentListeners = new Set<(key: string, saved: Innovation) => void>();
export function onProfileSent(listener: (key: string, saved: Innovation) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

const sending = new Map<string, Promise<void>>();

/** Sends one kept profile edit once (not twice at a time); a failed connection leaves it as it was. */
export function sendQueuedProfile(key: string, queryClient: QueryClient): Promise<void> {
  const running = sending.get(key);
  if (running) return running;
  const run = (async () => {
    const queued = await readQueuedProfile(key);
    const [userId = '', code = '', id = ''] = key.split('|');
    // Kept under a local id: it waits for the create (offlineCreate.ts), which moves it to the real id.
    if (!queued || queued.problem || isLocalId(id)) return;
    try {
      const saved = await unwrap(
        api.PATCH('/tenants/{code}/innovations/{id}', {
          params: { path: { code, id } },
          headers: ifMatch(queued.baseVersion),
          body: { opdId: queued.opdId, profile: queued.profile },
        }),
      );
      queryClient.setQueryData(queryKeys.innovation(code, id), saved);
      void queryClient.invalidateQueries({ queryKey: [...queryKeys.innovations(code), 'list'] });
      settleLocalDraft(userId, code, id, queued, saved);
      // The answers move onto the new version before the edit goes: they wait while it is kept.
      await carryAnswerBase(key, queued.baseVersion, saved.version);
      await del(key, draftStore());
      for (const listener of sentListeners) listener(key, saved);
    } catch (error) {
      if (error instanceof NetworkError || !(error instanceof ApiError)) return;
      const conflict = error.isVersionConflict || error.status === 412;
      await update<QueuedProfile>(
        key,
        (current) => ({ ...(current as QueuedProfile), problem: conflict ? 'conflict' : 'refused' }),
        draftStore(),
      );
    }
    draftsChanged();
  })().finally(() => sending.delete(key));
  sending.set(key, run);
  return run;
}
