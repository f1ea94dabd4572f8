import { clear, createStore, get, set } from 'idb-keyval';
import type { Middleware } from 'openapi-fetch';
import { readToken } from './token.ts';

/**
 * A local copy of the few API answers an innovation page needs, so a reload without a connection
 * still shows the innovation (docs/decisions/0045). The API answers `no-store` and the service
 * worker never caches `/api`: this copy is a deliberate exception, limited to the routes below, to
 * the signed-in person (the ID token's subject) and to their own region, kept for at most
 * MAX_AGE_MS, and deleted on sign-out and when someone else signs in on the same browser.
 *
 * It is read only when the request could not reach the server (a network error, never a 4xx/5xx),
 * and the page then says "offline — data as of <time>" (OfflineCopyNotice).
 */
const KEPT_ROUTES = new Set([
  '/me',
  '/tenants/{code}/innovations',
  '/tenants/{code}/innovations/{id}',
  '/tenants/{code}/innovations/{id}/evidence',
  '/tenants/{code}/opds',
  '/tenants/{code}/settings',
  '/tenants/{code}/periods',
  '/tenants/{code}/units',
  '/rubrics/{id}',
]);
/** A copy older than a week is not shown: the period, the rubric or the person's role may have changed. */
export const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
/** Marks a response that came from the copy, so it is not stored again. */
export const OFFLINE_COPY_HEADER = 'x-offline-copy';

interface Copy {
  readonly body: string;
  readonly contentType: string;
  readonly storedAt: string;
}
interface Owner {
  readonly subject: string;
  readonly tenant: string | null;
}
const OWNER_KEY = '#owner';

let opened: ReturnType<typeof createStore> | undefined;
const copies = () => {
  opened ??= createStore('inovasi-offline', 'responses');
  return opened;
};

let files: ReturnType<typeof createStore> | undefined;
/** Files of uploads in progress (features/evidence/keptFiles.ts): here so sign-out can delete them. */
export const keptFilesStore = () => {
  files ??= createStore('inovasi-uploads', 'files');
  return files;
};

/** The ID token's subject: who the copy belongs to. A token that is not a JWT keeps nothing. */
export function subjectOf(token: string | null): string | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (char) =>
      char.charCodeAt(0),
    );
    const json = new TextDecoder().decode(bytes);
    const subject = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof subject === 'string' && subject !== '' ? subject : null;
  } catch {
    return null;
  }
}

// ---- what the page shows: the oldest copy in use since the connection failed ----
let servedSince: string | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
export const subscribeOfflineCopy = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
/** When the oldest local copy on screen was stored, or null while everything comes from the server. */
export const offlineCopySince = () => servedSince;
function served(storedAt: string) {
  if (servedSince === null || storedAt < servedSince) {
    servedSince = storedAt;
    notify();
  }
}
function reached() {
  if (servedSince !== null) {
    servedSince = null;
    notify();
  }
}

/** Deletes every copy (sign-out, or another person signing in). */
export async function clearOfflineCopies(): Promise<void> {
  await clear(copies()).catch(() => undefined);
  reached();
}

let fileParts: ReturnType<typeof createStore> | undefined;
/** The bytes of those files, in slices (docs/decisions/0049): beside them so sign-out deletes them too. */
export const keptFilePartsStore = () => {
  fileParts ??= createStore('inovasi-upload-parts', 'parts');
  return fileParts;
};

/**
 * Sign-out on a shared office computer: the local copies and the files of unfinished uploads go.
 * Answers kept offline stay (ADR 0035: levels and notes, sent at the person's next sign-in).
 */
export async function clearDeviceData(): Promise<void> {
  await Promise.all([
    clearOfflineCopies(),
    clear(keptFilesStore()).catch(() => undefined),
    clear(keptFilePartsStore()).catch(() => undefined),
  ]);
}

/**
 * Called with the token of a new sign-in: the copies of anyone else go before the new session reads
 * anything. The same person signing in again keeps theirs (a token renewal or a reopened tab).
 */
export async function claimOfflineCopies(token: string): Promise<void> {
  const owner = await get<Owner>(OWNER_KEY, copies()).catch(() => undefined);
  if (owner && owner.subject !== subjectOf(token)) await clearDeviceData();
}

const keyOf = (subject: string, request: Request) => {
  const url = new URL(request.url);
  return `${subject}|${url.pathname}${url.search}`;
};

async function keep(subject: string, schemaPath: string, request: Request, response: Response) {
  const body = await response.clone().text();
  const store = copies();
  let owner = await get<Owner>(OWNER_KEY, store);
  if (owner && owner.subject !== subject) {
    await clear(store);
    owner = undefined;
  }
  if (schemaPath === '/me') {
    const me = JSON.parse(body) as {
      user?: { tenantCode?: string | null };
      tenant?: { code?: string } | null;
    };
    owner = { subject, tenant: me.tenant?.code ?? me.user?.tenantCode ?? null };
    await set(OWNER_KEY, owner, store);
  }
  // Only the person's own region: a province officer reading a regency's page keeps nothing of it.
  if (schemaPath.startsWith('/tenants/{code}')) {
    const code = decodeURIComponent(new URL(request.url).pathname.split('/')[4] ?? '');
    if (!owner || owner.tenant === null || owner.tenant !== code) return;
  }
  const copy: Copy = {
    body,
    contentType: response.headers.get('content-type') ?? 'application/json',
    storedAt: new Date().toISOString(),
  };
  await set(keyOf(subject, request), copy, store);
}

async function copyFor(subject: string, request: Request): Promise<Copy | undefined> {
  const store = copies();
  const owner = await get<Owner>(OWNER_KEY, store);
  if (!owner || owner.subject !== subject) return undefined;
  const copy = await get<Copy>(keyOf(subject, request), store);
  if (!copy || Date.now() - Date.parse(copy.storedAt) > MAX_AGE_MS) return undefined;
  return copy;
}

export const offlineCopyMiddleware: Middleware = {
  async onResponse({ request, response, schemaPath }) {
    if (response.headers.has(OFFLINE_COPY_HEADER)) return response;
    reached();
    const subject = subjectOf(readToken());
    if (request.method === 'GET' && response.status === 200 && subject && KEPT_ROUTES.has(schemaPath)) {
      await keep(subject, schemaPath, request, response).catch(() => undefined);
    }
    return response;
  },
  async onError({ request, schemaPath }) {
    const subject = subjectOf(readToken());
    if (request.method !== 'GET' || !subject || !KEPT_ROUTES.has(schemaPath)) return undefined;
    const copy = await copyFor(subject, request).catch(() => undefined);
    if (!copy) return undefined;
    served(copy.storedAt);
    return new Response(copy.body, {
      status: 200,
      headers: { 'content-type': copy.contentType, [OFFLINE_COPY_HEADER]: copy.storedAt },
    });
  },
};
