import createClient, { type Middleware } from 'openapi-fetch';
import { getLanguage } from '../i18n/language.ts';
import { ApiError, NetworkError } from './errors.ts';
import type { ApiErrorBody, paths } from './model.ts';
import { offlineCopyMiddleware } from './offlineCopy.ts';
import { clearToken, readToken } from './token.ts';

export const API_BASE = '/api/v1';

export type SessionRefusal = 'expired' | 'account_disabled' | 'account_unavailable';
let refusedHandler: (reason: SessionRefusal) => void = () => {};

/**
 * The app shell registers what a refused session does (clear it, go to the sign-in page with the
 * reason): a 401, or a 403 saying the account was disabled or removed.
 */
export function onSessionRefused(handler: (reason: SessionRefusal) => void): void {
  refusedHandler = handler;
}

const ACCOUNT_REFUSALS = new Set<SessionRefusal>(['account_disabled', 'account_unavailable']);

let mfaRequiredHandler: () => void = () => {};

/**
 * What the app shell does when a request other than `/me` is refused with `mfa_required` (an
 * administrator turned the authenticator app off in mid-session, AWS only): ask `/me` again, whose
 * own refusal shows the enrolment screen. `/me` itself never calls it, or the two would loop.
 */
export function onMfaRequired(handler: () => void): void {
  mfaRequiredHandler = handler;
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    const token = readToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    // The server localises error messages from this header; it must always be sent.
    request.headers.set('Accept-Language', getLanguage());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status === 401 && readToken()) {
      clearToken();
      refusedHandler('expired');
    }
    if (response.status === 403 && readToken()) {
      const code = (
        (await response
          .clone()
          .json()
          .catch(() => undefined)) as ApiErrorBody | undefined
      )?.error?.code;
      if (code && ACCOUNT_REFUSALS.has(code as SessionRefusal)) {
        clearToken();
        refusedHandler(code as SessionRefusal);
      }
      if (code === 'mfa_required' && new URL(request.url).pathname !== `${API_BASE}/me`) mfaRequiredHandler();
    }
    return response;
  },
  onError({ error }) {
    return new NetworkError(error);
  },
};

export const api = createClient<paths>({ baseUrl: API_BASE });
// Registered after the session: its onError runs first and may answer from the local copy.
api.use(sessionMiddleware, offlineCopyMiddleware);

interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Turns openapi-fetch's `{ data, error }` into a value or a thrown ApiError, which is what React Query wants. */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, error as Partial<ApiErrorBody> | undefined);
  return data as T;
}

/** The `If-Match` value for a version number, quoted as an entity tag. */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}
