import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import type { Innovation, InnovationProfile, InnovationProfilePatch } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';

interface CreateInput {
  opdId: string;
  profile: InnovationProfile;
  idempotencyKey: string;
}

interface UpdateInput {
  id: string;
  version: number;
  opdId?: string;
  profile: InnovationProfilePatch;
}

export function useInnovationMutations(code: string) {
  const queryClient = useQueryClient();
  const remember = (innovation: Innovation) => {
    queryClient.setQueryData(queryKeys.innovation(code, innovation.id), innovation);
    return queryClient.invalidateQueries({ queryKey: [...queryKeys.innovations(code), 'list'] });
  };

  const create = useMutation({
    // Offline it fails at once and the page keeps the create on the device under a local id
    // (docs/decisions/0049), rather than React Query holding it in this tab's memory.
    networkMode: 'always',
    mutationFn: ({ opdId, profile, idempotencyKey }: CreateInput) =>
      unwrap(
        api.POST('/tenants/{code}/innovations', {
          params: { path: { code } },
          headers: { 'Idempotency-Key': idempotencyKey },
          body: { opdId, profile },
        }),
      ),
    onSuccess: remember,
  });

  const update = useMutation({
    // Offline the request is tried and fails at once: the page then keeps it in IndexedDB for the
    // app-level sender (docs/decisions/0045) instead of React Query holding it in this tab's memory.
    networkMode: 'always',
    mutationFn: ({ id, version, opdId, profile }: UpdateInput) =>
      unwrap(
        api.PATCH('/tenants/{code}/innovations/{id}', {
          params: { path: { code, id } },
          headers: ifMatch(version),
          // The diff carries `null` for a cleared field; see toProfilePatch.
          body: { opdId, profile },
        }),
      ),
    onSuccess: remember,
  });

  const archive = useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(
        api.POST('/tenants/{code}/innovations/{id}/archive', {
          params: { path: { code, id } },
          headers: ifMatch(version),
        }),
      ),
    onSuccess: remember,
  });

  return { create, update, archive };
}

/** The current server version, fetched fresh (bypassing the cache) to resolve a conflict. */
export function useFetchLatestInnovation(code: string) {
  const queryClient = useQueryClient();
  return (id: string) =>
    queryClient.fetchQuery({
      queryKey: queryKeys.innovation(code, id),
      queryFn: () => unwrap(api.GET('/tenants/{code}/innovations/{id}', { params: { path: { code, id } } })),
      staleTime: 0,
    });
}
