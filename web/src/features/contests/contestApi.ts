import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/model.ts';

type JsonOk<T> = T extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;
export type ContestCall = JsonOk<paths['/tenants/{code}/contests/{callId}']['get']>;
export type ContestCallInput = NonNullable<
  paths['/tenants/{code}/contests']['post']['requestBody']
>['content']['application/json'];
export type ContestEntryView = JsonOk<
  paths['/tenants/{code}/contests/{callId}/entries']['get']
>['items'][number];
export type ContestJudgeView = JsonOk<
  paths['/tenants/{code}/contests/{callId}/judges']['get']
>['items'][number];
export type ContestRanking = JsonOk<paths['/tenants/{code}/contests/{callId}/ranking']['get']>;
export type PublicContest = JsonOk<paths['/catalog/contests/{region}/{callId}']['get']>;

export const contestKeys = {
  calls: (code: string) => ['contests', code] as const,
  call: (code: string, callId: string) => ['contests', code, callId] as const,
};

export const useContests = (code: string) =>
  useQuery({
    queryKey: contestKeys.calls(code),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/contests', { params: { path: { code } } })).then((r) => r.items),
  });

export const useContest = (code: string, callId: string) =>
  useQuery({
    queryKey: contestKeys.call(code, callId),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/contests/{callId}', { params: { path: { code, callId } } })),
  });

export const useEntries = (code: string, callId: string) =>
  useQuery({
    queryKey: [...contestKeys.call(code, callId), 'entries'],
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{code}/contests/{callId}/entries', { params: { path: { code, callId } } }),
      ).then((r) => r.items),
  });
