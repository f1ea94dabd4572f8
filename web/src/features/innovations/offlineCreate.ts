import type { QueryClient } from '@tanstack/react-query';
import { del, get, keys, set, update } from 'idb-keyval';
import { api, unwrap } from '../../api/client.ts';
import { ApiError, NetworkError } from '../../api/errors.ts';
import type { Innovation, InnovationProfile } from '../../api/model.ts';
import { currentYear, queryKeys } from '../../api/queries.ts';
import { draftStore, draftsChanged, requestBackgroundSync } from './draftStore.ts';
import { draftKey, newIdempotencyKey, readDraft, removeDraft, writeDraft } from './drafts.ts';
import { type InnovationFormValues, toProfile, toProfilePatch } from './formValues.ts';

/**
 * A new innovation created without a connection (docs/decisions/0049). The server makes the id, so
 * until the create reaches it the innovation lives on this device under a local id (`lokal-…`):
 * the create request itself (body and its Idempotency-Key, frozen when kept) is stored in the
 * drafts store beside the answer queues, and the profile edits and answers made meanwhile are kept
 * under the local id exactly as for an innovation the server knows (offlineProfile.ts,
 * offlineAnswers.ts), on version 1, the version every new innovation starts with.
 *
 * The app-level sender sends the create first, with the same key every time, so a create whose
 * answer was lost on the way is replayed by the server instead of making a second innovation; then
 * it moves everything kept under the local id to the id the server gave, leaves a forwarding record
 * for a page still open (or reopened) at the local address, and sends the profile and answers with
 * the usual version checks.
 */
export const LOCAL_ID_PREFIX = 'lokal-';
/** Every innovation starts at version 1 (packages/data, InnovationRepository.create). */
export const FIRST_VERSION = 1;

export const isLocalId = (id: string | undefined): boolean => Boolean(id?.startsWith(LOCAL_ID_PREFIX));
export const newLocalId = () => `${LOCAL_ID_PREFIX}${newIdempotencyKey()}`;

export interface QueuedCreate {
  readonly localId: string;
  readonly opdId: string;
  readonly profile: InnovationProfile;
  /** The form as saved, so a page of the local innovation shows what the person typed. */
  readonly values: InnovationFormValues;
  readonly idempotencyKey: string;
  readonly periodYear: number;
  readonly savedAt: string;
  /** The server refused the create (a 4xx other than a timeout or a throttle): the person must act. */
  readonly problem?: 'refused';
  readonly problemMessage?: string;
}

/** Left behind after the create was sent: where the local innovation now lives. */
export interface CreatedForward {
  readonly id: string;
  readonly at: string;
}

const CREATE = '|create';
const CREATED = '|created';
/** Forwarding records are kept a week, like the page copies: long enough for a tab left open. */
const FORWARD_KEPT_MS = 7 * 24 * 60 * 60 * 1000;

export const createKey = (userId: string, code: string, localId: string) =>
  `${userId}|${code}|${localId}${CREATE}`;
const forwardKey = (userId: string, code: string, localId: string) =>
  `${userId}|${code}|${localId}${CREATED}`;
export const isCreateKey = (key: string) => key.endsWith(CREATE);
export const isForwardKey = (key: string) => key.endsWith(CREATED);

export function readQueuedCreate(key: string): Promise<QueuedCreate | undefined> {
  return get<QueuedCreate>(key, draftStore()).catch(() => undefined);
}

export function readForward(userId: string, code: string, localId: string) {
  return get<CreatedForward>(forwardKey(userId, code, localId), draftStore()).catch(() => undefined);
}

/** Keeps a create that found no connection; returns the local id the pages use until it is sent. */
export async function queueCreate(
  userId: string,
  code: string,
  input: Omit<QueuedCreate, 'localId' | 'savedAt' | 'periodYear'>,
): Promise<string> {
  const localId = newLocalId();
  const queued: QueuedCreate = {
    ...input,
    localId,
    periodYear: currentYear(),
    savedAt: new Date().toISOString(),
  };
  await set(createKey(userId, code, localId), queued, draftStore());
  // The new-innovation form's draft now belongs to the kept innovation: the next "new" starts empty.
  removeDraft(draftKey(userId, code, undefined));
  draftsChanged();
  requestBackgroundSync();
  return localId;
}

/** Profile fields a patch sets to `null` are cleared; the rest replace the kept profile's. */
export function applyPatch(profile: InnovationProfile, patch: Record<string, unknown>): InnovationProfile {
  const next: Record<string, unknown> = { ...profile };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as InnovationProfile;
}

/**
 * The local innovation as the pages draw it: the kept create, with a profile edit kept since laid
 * over it; no answers (the cards draw the queued answers on top, as for any innovation offline).
 */
export async function readLocalInnovation(
  userId: string,
  code: string,
  localId: string,
): Promise<Innovation> {
  const queued = await readQueuedCreate(createKey(userId, code, localId));
  if (!queued) throw new LocalInnovationGone(localId);
  const edit = await get<{ opdId?: string; profile: Record<string, unknown> }>(
    `${userId}|${code}|${localId}|profile`,
    draftStore(),
  ).catch(() => undefined);
  const innovation = {
    id: localId,
    tenantCode: code,
    opdId: edit?.opdId ?? queued.opdId,
    status: 'draft',
    archived: false,
    version: FIRST_VERSION,
    createdAt: queued.savedAt,
    updatedAt: queued.savedAt,
    createdBy: userId,
    updatedBy: userId,
    periodYear: queued.periodYear,
    profile: edit ? applyPatch(queued.profile, edit.profile) : queued.profile,
    answers: {},
  };
  return innovation as unknown as Innovation;
}

/** The local id names nothing kept on this device (sent and forwarded, or never this person's). */
export class LocalInnovationGone extends Error {
  constructor(readonly localId: string) {
    super('local_innovation_gone');
    this.name = 'LocalInnovationGone';
  }
}

/** Listeners of pages at a local address: told the server id once the create went through. */
const createdListeners = new Set<(localId: string, created: Innovation) => void>();
export function onLocalCreated(listener: (localId: string, created: Innovation) => void): () => void {
  createdListeners.add(listener);
  return () => createdListeners.delete(listener);
}

/** Moves one kept record from the local id's key to the server id's (nothing there: nothing moves). */
async function moveRecord(from: string, to: string) {
  const record = await get(from, draftStore());
  if (record === undefined) return;
  await set(to, record, draftStore());
  await del(from, draftStore());
}

/** The form's localStorage draft of the local innovation follows it to the server id. */
function moveLocalDraft(userId: string, code: string, localId: string, created: Innovation) {
  const from = draftKey(userId, code, localId);
  const draft = readDraft(from);
  if (!draft) return;
  writeDraft(draftKey(userId, code, created.id), {
    ...draft,
    baseVersion: draft.baseVersion ?? created.version,
  });
  removeDraft(from);
}

/** Retrying will not help: the request itself is refused (a timeout or a throttle is tried again). */
const refusedForGood = (error: ApiError) =>
  error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;

const sending = new Map<string, Promise<void>>();

/**
 * Sends one kept create once (not twice at a time in this tab; another tab sending the same one gets
 * the server's replay of the same innovation). A failed connection or a server error leaves it as it
 * was for the next try.
 */
export function sendQueuedCreate(key: string, queryClient: QueryClient): Promise<void> {
  const running = sending.get(key);
  if (running) return running;
  const run = (async () => {
    const queued = await readQueuedCreate(key);
    if (!queued || queued.problem) return;
    const [userId = '', code = ''] = key.split('|');
    let created: Innovation;
    try {
      created = await unwrap(
        api.POST('/tenants/{code}/innovations', {
          params: { path: { code } },
          headers: { 'Idempotency-Key': queued.idempotencyKey },
          body: { opdId: queued.opdId, profile: queued.profile },
        }),
      );
    } catch (error) {
      if (error instanceof NetworkError || !(error instanceof ApiError) || !refusedForGood(error)) return;
      await update<QueuedCreate>(
        key,
        (current) => ({ ...(current as QueuedCreate), problem: 'refused', problemMessage: error.message }),
        draftStore(),
      );
      draftsChanged();
      return;
    }
    const local = `${userId}|${code}|${queued.localId}`;
    const server = `${userId}|${code}|${created.id}`;
    // Forward first, delete the create last: a tab closed in between sends the create again, and the
    // server replays it (same key, same body) instead of making another innovation.
    await set(
      forwardKey(userId, code, queued.localId),
      { id: created.id, at: new Date().toISOString() },
      draftStore(),
    );
    await moveRecord(local, server);
    await moveRecord(`${local}|profile`, `${server}|profile`);
    moveLocalDraft(userId, code, queued.localId, created);
    queryClient.setQueryData(queryKeys.innovation(code, created.id), created);
    void queryClient.invalidateQueries({ queryKey: [...queryKeys.innovations(code), 'list'] });
    await del(key, draftStore());
    for (const listener of createdListeners) listener(queued.localId, created);
    draftsChanged();
  })().finally(() => sending.delete(key));
  sending.set(key, run);
  return run;
}

/** Sends every kept create of the person, and forgets forwarding records nobody followed for a week. */
export async function sendAllCreates(userId: string, queryClient: QueryClient): Promise<void> {
  const mine = (await keys(draftStore())).filter(
    (key): key is string => typeof key === 'string' && key.startsWith(`${userId}|`),
  );
  for (const key of mine.filter(isCreateKey)) await sendQueuedCreate(key, queryClient).catch(() => undefined);
  for (const key of mine.filter(isForwardKey)) {
    const forward = await get<CreatedForward>(key, draftStore()).catch(() => undefined);
    if (forward && Date.now() - Date.parse(forward.at) > FORWARD_KEPT_MS)
      await del(key, draftStore()).catch(() => undefined);
  }
}

/** A refused create the person gives up on: it and everything kept under its local id go. */
export async function dropQueuedCreate(userId: string, code: string, localId: string): Promise<void> {
  const local = `${userId}|${code}|${localId}`;
  await Promise.all(
    [`${local}${CREATE}`, local, `${local}|profile`].map((key) =>
      del(key, draftStore()).catch(() => undefined),
    ),
  );
  removeDraft(draftKey(userId, code, localId));
  draftsChanged();
}

/**
 * A profile saved on the page of a local innovation. Normally kept as an edit on top of the create
 * (the create's body is frozen: a retry with another body under the same key would be refused), the
 * diff taken against the create's own values so a second edit never loses the first. A create the
 * server refused made nothing, so it is rewritten instead, under a new key, and tried again.
 */
export async function queueLocalProfile(
  userId: string,
  code: string,
  localId: string,
  values: InnovationFormValues,
): Promise<void> {
  const key = createKey(userId, code, localId);
  const queued = await readQueuedCreate(key);
  if (!queued) return;
  const editKey = `${userId}|${code}|${localId}|profile`;
  if (queued.problem) {
    const { problem: _problem, problemMessage: _message, ...rest } = queued;
    const rewritten: QueuedCreate = {
      ...rest,
      opdId: values.opdId,
      profile: toProfile(values),
      values,
      idempotencyKey: newIdempotencyKey(),
    };
    await set(key, rewritten, draftStore());
    await del(editKey, draftStore());
  } else {
    await set(
      editKey,
      {
        baseVersion: FIRST_VERSION,
        opdId: values.opdId !== queued.opdId ? values.opdId : undefined,
        profile: toProfilePatch(queued.values, values),
        values,
        savedAt: new Date().toISOString(),
      },
      draftStore(),
    );
  }
  draftsChanged();
  requestBackgroundSync();
}
