import type { UserManager } from 'oidc-client-ts';
import { api, unwrap } from '../api/client.ts';
import type { SignInSettings } from '../api/model.ts';

export type { SignInSettings };

/** Where the person wanted to go before the provider took them away: an app path, never a URL. */
export interface SignInState {
  readonly next?: string | undefined;
}

export const CALLBACK_PATH = '/masuk/callback';

let settingsPromise: Promise<SignInSettings> | undefined;
let managerPromise: Promise<UserManager> | undefined;

/** The sign-in settings, asked once per page load (the public catalogue never asks). */
export function signInSettings(): Promise<SignInSettings> {
  settingsPromise ??= unwrap(api.GET('/auth/config')).catch((error: unknown) => {
    settingsPromise = undefined;
    throw error;
  });
  return settingsPromise;
}

/**
 * The OpenID Connect client (oidc-client-ts): Authorization Code with PKCE, renewal with the refresh
 * token before the ID token expires, the session kept in sessionStorage (gone with the tab, which
 * suits shared office computers). The same code signs in to Cognito's managed login in AWS and
 * to the embedded provider locally. Loaded with the settings, not with the entry: the public
 * catalogue never needs it, and it kept every signed-in first route over the 200 KB budget.
 */
export function userManager(): Promise<UserManager> {
  if (managerPromise) return managerPromise;
  managerPromise = Promise.all([signInSettings(), import('oidc-client-ts')]).then(([settings, oidc]) => {
    const { UserManager, WebStorageStateStore } = oidc;
    const origin = window.location.origin;
    return new UserManager({
      authority: settings.authority,
      client_id: settings.clientId,
      redirect_uri: `${origin}${CALLBACK_PATH}`,
      post_logout_redirect_uri: `${origin}/masuk`,
      response_type: 'code',
      scope: settings.scope,
      automaticSilentRenew: true,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      ...(settings.endSessionEndpoint
        ? { metadataSeed: { end_session_endpoint: settings.endSessionEndpoint } }
        : {}),
    });
  });
  // Asked without a connection (the renewal after the first screen, on a page that went offline): the
  // next caller, a sign-out or the renewal once the browser is back online, asks again.
  managerPromise.catch(() => {
    managerPromise = undefined;
  });
  return managerPromise;
}

/**
 * Whether something on this page has asked for the client already (the sign-in callback has): its
 * listeners must then be attached at once, or a renewal could land before they are.
 */
export function userManagerRequested(): boolean {
  return managerPromise !== undefined;
}

/** Ends the session at the provider too, then comes back to the sign-in page. */
export async function signOutAtProvider(idToken: string | null): Promise<void> {
  const [settings, manager] = await Promise.all([signInSettings(), userManager()]);
  await manager.removeUser();
  const back = `${window.location.origin}/masuk`;
  await manager.signoutRedirect({
    ...(idToken ? { id_token_hint: idToken } : {}),
    // Cognito's logout endpoint wants its own two parameters instead of the standard ones.
    ...(settings.provider === 'cognito'
      ? { extraQueryParams: { client_id: settings.clientId, logout_uri: back } }
      : {}),
  });
}
