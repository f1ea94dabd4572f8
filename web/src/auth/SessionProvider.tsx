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
import { api, onUnauthorized, unwrap } from '../api/client.ts';
import type { Role, SessionUser, Tenant } from '../api/model.ts';
import { queryKeys } from '../api/queries.ts';
import { clearToken, readToken, storeToken, subscribeToken } from '../api/token.ts';

interface SessionValue {
  token: string | null;
  /** True after the server rejected the token, so the sign-in page can say why the user is there. */
  expired: boolean;
  signIn(token: string): void;
  signOut(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const token = useSyncExternalStore(subscribeToken, readToken);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    onUnauthorized(() => {
      setExpired(true);
      queryClient.clear();
    });
  }, [queryClient]);

  // Clearing the cache on both edges keeps one user's data from showing in the next session on a
  // shared office computer.
  const signIn = useCallback(
    (newToken: string) => {
      queryClient.clear();
      setExpired(false);
      storeToken(newToken);
    },
    [queryClient],
  );
  const signOut = useCallback(() => {
    setExpired(false);
    clearToken();
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo(() => ({ token, expired, signIn, signOut }), [token, expired, signIn, signOut]);
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
