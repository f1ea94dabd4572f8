import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import type { Opd, OpdKind, paths } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';

/** Name and kind; the urusan the OPD mainly serves, and its head (kepala OPD) for reminder copies (ADR 0036). */
export type OpdInput = NonNullable<
  paths['/tenants/{code}/opds']['post']['requestBody']
>['content']['application/json'] & { kind: OpdKind };

export function useOpdMutations(code: string) {
  const queryClient = useQueryClient();
  // Conflicts and successes alike leave the list stale; refetching shows the truth either way.
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.opds(code) });

  const create = useMutation({
    mutationFn: (input: OpdInput) =>
      unwrap(api.POST('/tenants/{code}/opds', { params: { path: { code } }, body: input })),
    onSettled: refresh,
  });
  const update = useMutation({
    mutationFn: ({ opd, input }: { opd: Opd; input: OpdInput }) =>
      unwrap(
        api.PATCH('/tenants/{code}/opds/{opdId}', {
          params: { path: { code, opdId: opd.id } },
          headers: ifMatch(opd.version),
          body: input,
        }),
      ),
    onSettled: refresh,
  });
  const archive = useMutation({
    mutationFn: (opd: Opd) =>
      unwrap(
        api.POST('/tenants/{code}/opds/{opdId}/archive', {
          params: { path: { code, opdId: opd.id } },
          headers: ifMatch(opd.version),
        }),
      ),
    onSettled: refresh,
  });
  return { create, update, archive };
}
