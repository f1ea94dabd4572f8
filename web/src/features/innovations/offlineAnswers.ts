import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { del, get, keys, update } from 'idb-keyval';
import { useEffect, useMemo, useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { AnswerInput, Innovation } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';
import { useMe } from '../../auth/MeContext.tsx';
import { draftStore, draftsChanged, onDraftsChanged, requestBackgroundSync } from './draftStore.ts';

export { requestBackgroundSync, SYNC_TAG } from './draftStore.ts';

import { isCreateKey, isForwardKey, isLocalId, sendAllCreates } from './offlineCreate.ts';
import { carryProfileBase, isProfileKey, sendQueuedProfile } from './offlineProfile.ts';

/**
 * Answers chosen while the connection is down (docs/decisions/0035). A save that fails for want of
 * a connection is kept in IndexedDB, per person, region and innovation, with the version the
 * choices were made on; when the browser is back online the queue is sent, one answer at a time,
 * the first with that version and each next with the version the previous one returned. If someone
 * else changed the innovation meanwhile the server refuses (409/412): the queue stops, is marked
 * as a conflict, and the card shows both answers and lets the person choose. Nothing is dropped
 * without the person saying so. No token is stored: sending uses whatever session is current, so
 * a token renewed meanwhile (or a fresh sign-in of the same person) sends the same drafts.
 */

export interface QueuedAnswer {
  readonly body: AnswerInput;
  readonly savedAt: string;
}

export interface AnswerQueue {
  /** The innovation's version the offline choices were made on. */
  readonly baseVersion: number;
  readonly answers: Readonly<Record<string, QueuedAnswer>>;
  /** The server refused the queue: someone else changed the innovation meanwhile. */
  readonly conflict?: boolean;
}

const drafts = draftStore;

/** How often kept queues are tried again while the app is open. */
export const RETRY_EVERY_MS = 20_000;

const changed = draftsChanged;

export const queueKey = (userId: string, code: string, innovationId: string) =>
  `${userId}|${code}|${innovationId}`;

export async function queueAnswer(key: string, indicator: string, body: AnswerInput, version: number) {
  await update<AnswerQueue>(
    key,
    (queue) => ({
      ...queue,
      baseVersion: queue?.baseVersion ?? version,
      answers: { ...queue?.answers, [indicator]: { body, savedAt: new Date().toISOString() } },
    }),
    drafts(),
  );
  changed();
  requestBackgroundSync();
}

async function dropAnswer(key: string, indicator: string, nextBase?: number) {
  await update<AnswerQueue | undefined>(
    key,
    (queue) => {
      if (!queue) return undefined;
      const { [indicator]: _sent, ...answers } = queue.answers;
      return { ...queue, baseVersion: nextBase ?? queue.baseVersion, answers };
    },
    drafts(),
  );
  const queue = await get<AnswerQueue>(key, drafts());
  if (queue && Object.keys(queue.answers).length === 0) await del(key, drafts());
  changed();
}

/** Whether an answer queue may go out now. */
async function mayFlush(key: string): Promise<boolean> {
  // An innovation created offline takes its answers once the server has made it (offlineCreate.ts).
  if (isLocalId(key.split('|')[2])) return false;
  // A profile edit of the same innovation waiting to be sent goes first (sendAllQueues sends it,
  // then these answers on the version it returns): sent now, one of the two would be refused.
  const profile = await get<{ problem?: string }>(`${key}|profile`, drafts());
  return !profile || profile.problem !== undefined;
}

const flushing = new Map<string, Promise<void>>();

/** Sends the queue once (not twice at a time); stops at a conflict or when the connection fails again. */
function flush(
  key: string,
  send: (indicator: string, body: AnswerInput, version: number) => Promise<Innovation>,
  refresh: () => Promise<unknown>,
) {
  const running = flushing.get(key);
  if (running) return running;
  const run = (async () => {
    if (!(await mayFlush(key))) return;
    const queue = await get<AnswerQueue>(key, drafts());
    if (!queue || queue.conflict) return;
    const startedOn = queue.baseVersion;
    let version = queue.baseVersion;
    for (const [indicator, answer] of Object.entries(queue.answers)) {
      try {
        version = (await send(indicator, answer.body, version)).version;
      } catch (error) {
        if (error instanceof ApiError && error.isVersionConflict) {
          await update<AnswerQueue>(
            key,
            (current) => ({ ...(current as AnswerQueue), conflict: true }),
            drafts(),
          );
          // The card shows the server's answer next to the kept one: it must be the current one.
          await refresh().catch(() => undefined);
          changed();
        }
        return;
      }
      await dropAnswer(key, indicator, version);
    }
    // A profile edit kept on the same version is the person's own too: it goes on top of these answers.
    await carryProfileBase(key, startedOn, version);
  })().finally(() => flushing.delete(key));
  flushing.set(key, run);
  return run;
}

/**
 * How one innovation's queue is sent: each answer with the session current at that moment (the
 * API client reads the newest token per request), the result put into React Query's cache.
 */
function senderFor(queryClient: QueryClient, code: string, innovationId: string) {
  const send = async (indicator: string, body: AnswerInput, version: number) => {
    const saved = await unwrap(
      api.PUT('/tenants/{code}/innovations/{id}/answers/{indicator}', {
        params: { path: { code, id: innovationId, indicator } },
        headers: ifMatch(version),
        body,
      }),
    );
    queryClient.setQueryData(queryKeys.innovation(code, innovationId), saved);
    void queryClient.invalidateQueries({ queryKey: [...queryKeys.innovations(code), 'list'] });
    return saved;
  };
  /** The innovation as the server has it now, into the cache; its version. */
  const latestVersion = async () => {
    const latest = await unwrap(
      api.GET('/tenants/{code}/innovations/{id}', { params: { path: { code, id: innovationId } } }),
    );
    queryClient.setQueryData(queryKeys.innovation(code, innovationId), latest);
    return latest.version;
  };
  return { send, latestVersion };
}

/**
 * Sends every queue the person has kept, whatever page is open (docs/decisions/0045): the app-level
 * sender calls it when the connection returns, on a timer and when the service worker's Background
 * Sync asks. A queue in conflict waits for the person on its innovation's page.
 */
export async function sendAllQueues(userId: string, queryClient: QueryClient): Promise<void> {
  if (!navigator.onLine) return;
  // Innovations created offline first: their profile edits and answers move to the server's id.
  await sendAllCreates(userId, queryClient);
  const mine = (await keys(drafts())).filter(
    (key): key is string =>
      typeof key === 'string' &&
      key.startsWith(`${userId}|`) &&
      !isCreateKey(key) &&
      !isForwardKey(key) &&
      !isLocalId(key.split('|')[2]),
  );
  // Profiles next: a kept profile edit moves the answer queue of its innovation onto its new version.
  for (const key of mine.filter(isProfileKey))
    await sendQueuedProfile(key, queryClient).catch(() => undefined);
  for (const key of mine.filter((key) => !isProfileKey(key))) {
    const [, code = '', innovationId = ''] = key.split('|');
    const { send, latestVersion } = senderFor(queryClient, code, innovationId);
    await flush(key, send, latestVersion).catch(() => undefined);
  }
  await showWaiting(userId);
}

/**
 * The app's icon badge (Badging API, installed app): how many of the person's changes still wait on
 * this device; none clears the badge the service worker set when it could not send (ADR 0049).
 */
async function showWaiting(userId: string) {
  const badge = navigator as Navigator & {
    setAppBadge?: (count?: number) => Promise<void>;
    clearAppBadge?: () => Promise<void>;
  };
  if (!badge.setAppBadge || !badge.clearAppBadge) return;
  const waiting = (await keys(drafts())).filter(
    (key) => typeof key === 'string' && key.startsWith(`${userId}|`) && !isForwardKey(key),
  ).length;
  await (waiting > 0 ? badge.setAppBadge(waiting) : badge.clearAppBadge()).catch(() => undefined);
}

/**
 * The offline queue of one innovation for the signed-in person: what is waiting, and the ways to
 * add to it, to send it, and to settle a conflict (send mine on top of the latest, or keep theirs).
 */
export function useAnswerQueue(code: string, innovationId: string) {
  const { user } = useMe();
  const queryClient = useQueryClient();
  const key = queueKey(user.id, code, innovationId);
  const [queue, setQueue] = useState<AnswerQueue | undefined>(undefined);
  const { send, latestVersion } = useMemo(
    () => senderFor(queryClient, code, innovationId),
    [queryClient, code, innovationId],
  );

  useEffect(() => {
    let live = true;
    const load = () =>
      void get<AnswerQueue>(key, drafts())
        .then((current) => live && setQueue(current))
        .catch(() => undefined);
    const stop = onDraftsChanged(load);
    load();
    // Sent at once when the card opens; the app-level sender (QueuedChangesSender) does the rest.
    if (navigator.onLine) void flush(key, send, latestVersion).catch(() => undefined);
    return () => {
      live = false;
      stop();
    };
  }, [key, send, latestVersion]);

  return {
    queue,
    keep: (indicator: string, body: AnswerInput, version: number) =>
      queueAnswer(key, indicator, body, version),
    /** Conflict settled for mine: sent again on top of the version the person now sees. */
    sendMineOnTop: async () => {
      const version = await latestVersion();
      await update<AnswerQueue>(
        key,
        (current) => ({ ...(current as AnswerQueue), baseVersion: version, conflict: false }),
        drafts(),
      );
      changed();
      await flush(key, send, latestVersion);
    },
    /** Conflict settled for theirs: this answer leaves the queue; the rest is sent on the latest version. */
    keepTheirs: async (indicator: string) => {
      const version = await latestVersion();
      await dropAnswer(key, indicator, version);
      const rest = await get<AnswerQueue>(key, drafts());
      if (rest) await update<AnswerQueue>(key, () => ({ ...rest, conflict: false }), drafts());
      changed();
      await flush(key, send, latestVersion);
    },
  };
}
