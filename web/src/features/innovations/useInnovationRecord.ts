import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useInnovation } from '../../api/queries.ts';
import { useMe } from '../../auth/MeContext.tsx';
import { onDraftsChanged } from './draftStore.ts';
import { isLocalId, onLocalCreated, readForward, readLocalInnovation } from './offlineCreate.ts';

/**
 * One innovation for its pages: from the server, or, for an innovation created offline and not sent
 * yet (a `lokal-…` id, docs/decisions/0049), from this device. A page at a local address moves to the
 * server's address as soon as the create went through, also when it is opened later.
 */
export function useInnovationRecord(code: string, id: string | undefined) {
  const { user } = useMe();
  const local = isLocalId(id);
  const localId = local ? (id ?? '') : '';
  const server = useInnovation(code, local ? undefined : id);
  const queryKey = ['local-innovation', user.id, code, localId] as const;
  const kept = useQuery({
    queryKey,
    queryFn: () => readLocalInnovation(user.id, code, localId),
    enabled: local,
    // Read from IndexedDB: offline is exactly when it must run.
    networkMode: 'always',
    retry: false,
    staleTime: 0,
  });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  useEffect(() => {
    if (!localId) return;
    let live = true;
    const follow = (serverId: string) => {
      if (live) navigate(pathname.replace(localId, serverId), { replace: true });
    };
    const stopCreated = onLocalCreated((sentId, created) => {
      if (sentId === localId) follow(created.id);
    });
    // Sent meanwhile (by this tab or another): the forwarding record says where it went.
    const followOrReload = () =>
      void readForward(user.id, code, localId).then((forward) => {
        if (forward) follow(forward.id);
        else void queryClient.invalidateQueries({ queryKey: ['local-innovation', user.id, code, localId] });
      });
    const stopChanges = onDraftsChanged(followOrReload);
    followOrReload();
    return () => {
      live = false;
      stopCreated();
      stopChanges();
    };
  }, [localId, user.id, code, pathname, navigate, queryClient]);

  return local ? kept : server;
}
