import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import type { InnovationStage, InnovationStatus } from './model.ts';

/** Query keys in one place so mutations invalidate exactly what they change. */
export const queryKeys = {
  me: ['me'] as const,
  demoUsers: ['dev', 'users'] as const,
  areas: (q: string) => ['areas', q] as const,
  tenants: ['tenants'] as const,
  opds: (code: string) => ['tenants', code, 'opds'] as const,
  members: (code: string) => ['tenants', code, 'members'] as const,
  innovations: (code: string) => ['tenants', code, 'innovations'] as const,
  innovationList: (code: string, filters: InnovationFilters) =>
    ['tenants', code, 'innovations', 'list', filters] as const,
  innovation: (code: string, id: string) => ['tenants', code, 'innovations', 'one', id] as const,
};

export interface InnovationFilters {
  opdId?: string;
  stage?: InnovationStage;
  status?: InnovationStatus;
  /** The server lists either active or archived innovations, never both. */
  archived?: 'true';
}

const PAGE_SIZE = 20;

export function useOpds(code: string) {
  return useQuery({
    queryKey: queryKeys.opds(code),
    queryFn: () => unwrap(api.GET('/tenants/{code}/opds', { params: { path: { code } } })),
    select: (data) => data.items,
  });
}

export function useInnovationList(code: string, filters: InnovationFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.innovationList(code, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/tenants/{code}/innovations', {
          params: { path: { code }, query: { ...filters, cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useInnovation(code: string, id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.innovation(code, id ?? ''),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/innovations/{id}', { params: { path: { code, id: id ?? '' } } })),
    enabled: id !== undefined,
  });
}
