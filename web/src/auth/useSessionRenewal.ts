import { useEffect } from 'react';
import { storeToken } from '../api/token.ts';
import { afterFirstScreen } from './firstScreen.ts';
import { userManager, userManagerRequested } from './oidc.ts';

/**
 * Renewal: the library renews with the refresh token shortly before the ID token expires; the API
 * client always sends the newest one. A renewal the provider refuses calls `onExpired`.
 *
 * The library (17 KB gzip) loads after the first screen has its content, not alongside it: the
 * stored token is all the first screen needs, and the library renews a minute before expiry, so a few
 * seconds' wait costs nothing (docs/decisions/0051). After the sign-in callback, which has loaded it
 * already, the listeners go on at once. Asked without a connection, it asks again when the browser
 * is back online.
 */
export function useSessionRenewal(signedIn: boolean, onExpired: () => void): void {
  useEffect(() => {
    if (!signedIn) return;
    let stopped = false;
    let detach = () => {};
    const start = async () => {
      const manager = await userManager();
      if (stopped) return;
      detach();
      const renewed = (user: { id_token?: string | undefined }) => {
        if (user.id_token) storeToken(user.id_token);
      };
      manager.events.addUserLoaded(renewed);
      manager.events.addSilentRenewError(onExpired);
      manager.events.addAccessTokenExpired(onExpired);
      detach = () => {
        manager.events.removeUserLoaded(renewed);
        manager.events.removeSilentRenewError(onExpired);
        manager.events.removeAccessTokenExpired(onExpired);
      };
      // Loading the stored user starts the renewal timers.
      await manager.getUser();
    };
    const retry = () => void start().catch(waitForConnection);
    function waitForConnection() {
      if (!stopped) window.addEventListener('online', retry, { once: true });
    }
    void (userManagerRequested() ? Promise.resolve() : afterFirstScreen())
      .then(() => (stopped ? undefined : start()))
      .catch(waitForConnection);
    return () => {
      stopped = true;
      window.removeEventListener('online', retry);
      detach();
    };
  }, [signedIn, onExpired]);
}
