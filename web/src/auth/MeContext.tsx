import { createContext, useContext } from 'react';
import type { Me } from './SessionProvider.tsx';

/** The signed-in user and tenant, provided by the app shell once `/me` has loaded. */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe must be used inside the signed-in app shell');
  return me;
}

/** The tenant code of the signed-in user; screens under a tenant route are only reachable with one. */
export function useTenantCode(): string {
  const { user, tenant } = useMe();
  const code = tenant?.code ?? user.tenantCode;
  if (!code) throw new Error('This screen needs a user that belongs to a tenant');
  return code;
}
