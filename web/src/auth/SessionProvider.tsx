import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import { api, onMfaRequired, onSessionRefused, type SessionRefusal, unwrap } from '../api/client.ts';
import type { Role, SessionUser, Tenant } from '../api/model.ts';
import { claimOfflineCopies, clearDeviceData } from '../api/offlineCopy.ts';
import { queryKeys } from '../api/queries.ts';
import { clearToken, readToken, storeToken, subscribeToken } from '../api/token.ts';
import { getLanguage } from '../i18n/language.ts';
import { type SignInState, signInSettings, signOutAtProvider, userManager } from './oidc.ts';
import { useSessionRenewal } from './useSessionRenewal.ts';

/** Why the person is on the sign-in page again: their session ended, or their account was closed. */
export type SessionEnd = SessionRefusal;

interface SessionValue {
  token: string | null;
  /** Set after the server refused the session, so the sign-in page can say why the user is there. */
  ended: SessionEnd | null;
  /** Stores the ID token the provider issued (the sign-in callback, a demo script's token). */
  signIn(token: string): void;
  /** Goes to the OpenID provider; in demo mode a demo user's address skips the password. */
  startSignIn(options: { next?: string | undefined; demoEmail?: string | undefined }): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

/** The prerendered public pages (src/prerender.tsx) are nobody's: hydration starts signed out. */
const noToken = () => null;

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const token = useSyncExternalStore(subscribeToken, readToken, noToken);
  const [ended, setEnded] = useState<SessionEnd | null>(null);
  const signedIn = token !== null;

  useEffect(() => {
    onSessionRefused((reason) => {
      setEnded(reason);
      queryClient.clear();
      // A closed or removed account keeps nothing on the device; an expired session is the same person.
      if (reason !== 'expired') void clearDeviceData();
      void userManager()
        .then((manager) => manager.removeUser())
        .catch(() => undefined);
    });
    onMfaRequired(() => void queryClient.invalidateQueries({ queryKey: queryKeys.me }));
  }, [queryClient]);

  const renewalRefused = useCallback(() => {
    clearToken();
    setEnded('expired');
    queryClient.clear();
  }, [queryClient]);
  useSessionRenewal(signedIn, renewalRefused);

  // Clearing the cache on both edges keeps one user's data from showing in the next session on a
  // shared office computer.
  const signIn = useCallback(
    (newToken: string) => {
      queryClient.clear();
      setEnded(null);
      // Another person's local copy goes before this session reads anything (docs/decisions/0045).
      void claimOfflineCopies(newToken);
      storeToken(newToken);
    },
    [queryClient],
  );
  const startSignIn = useCallback(
    async (options: { next?: string | undefined; demoEmail?: string | undefined }) => {
      const [manager, settings] = await Promise.all([userManager(), signInSettings()]);
      const state: SignInState = { next: options.next };
      const language = getLanguage();
      await manager.signinRedirect({
        state,
        // The provider's pages in the person's language: `ui_locales` for the embedded provider,
        // `lang` for Cognito's managed login.
        ui_locales: language,
        ...(options.demoEmail ? { login_hint: options.demoEmail } : {}),
        extraQueryParams: {
          ...(options.demoEmail ? { demo: '1' } : {}),
          ...(settings.provider === 'cognito' ? { lang: language } : {}),
        },
      });
    },
    [],
  );
  const signOut = useCallback(() => {
    const idToken = readToken();
    setEnded(null);
    clearToken();
    queryClient.clear();
    // The device's copies go before the page leaves for the provider (an unload would abort the delete).
    void clearDeviceData()
      .then(() => signOutAtProvider(idToken))
      .catch(() => undefined);
  }, [queryClient]);

  const value = useMemo(
    () => ({ token, ended, signIn, startSignIn, signOut }),
    [token, ended, signIn, startSignIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

export interface Me {
  user: SessionUser;
  tenant: Tenant | null;
}

export function useMeQuery(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.me,
    queryFn: () => unwrap(api.GET('/me')),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function hasRole(user: SessionUser, ...roles: Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}
