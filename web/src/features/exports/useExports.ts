import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import type { Innovation, paths } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';

type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

export type ExportJob = JsonOf<paths['/tenants/{code}/exports/{id}']['get']['responses'][200]>;
export type ExportKind = ExportJob['kind'];
export type ExportRequest = NonNullable<
  paths['/tenants/{code}/exports']['post']['requestBody']
>['content']['application/json'];

/** How often a running job is asked for its progress: quick enough for a bar, light on the API. */
export const JOB_POLL_MS = 1_000;

export const exportKeys = {
  all: (code: string) => ['tenants', code, 'exports'] as const,
  list: (code: string) => ['tenants', code, 'exports', 'list'] as const,
  job: (code: string, id: string) => ['tenants', code, 'exports', 'job', id] as const,
};

export const isActive = (job: Pick<ExportJob, 'status'>): boolean =>
  job.status === 'queued' || job.status === 'running';

/** Recent jobs; polled only while one of them is still queued or running. */
export function useExportJobs(code: string) {
  return useQuery({
    queryKey: exportKeys.list(code),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/exports', { params: { path: { code }, query: { limit: 20 } } })),
    select: (data) => data.items,
    refetchInterval: (query) => (query.state.data?.items.some(isActive) ? JOB_POLL_MS : false),
  });
}

/** One job (the profile PDF of the detail page), polled until it is done or failed. */
export function useExportJob(code: string, id: string | undefined) {
  return useQuery({
    queryKey: exportKeys.job(code, id ?? ''),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/exports/{id}', { params: { path: { code, id: id ?? '' } } })),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data && !isActive(query.state.data) ? false : JOB_POLL_MS),
  });
}

/**
 * Requests a job. The Idempotency-Key is fixed per intent by the caller, so a retry after a lost
 * answer gets the job already started instead of a second one.
 */
export function useRequestExport(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key }: { body: ExportRequest; key: string }) => {
      const result = await api.POST('/tenants/{code}/exports', {
        params: { path: { code }, header: { 'idempotency-key': key } },
        body,
      });
      const job = await unwrap(Promise.resolve(result));
      // 200 instead of 202: the same request was already running, and this is that job.
      return { job, replayed: result.response.status === 200 };
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: exportKeys.list(code) });
    },
  });
}

/**
 * Fetches a fresh presigned link and hands it to the browser: the store answers with
 * `Content-Disposition: attachment`, so the page stays where it is and the file is saved.
 */
export function useDownloadExport(code: string) {
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.GET('/tenants/{code}/exports/{id}/download', { params: { path: { code, id } } })),
    onSuccess: (link) => {
      window.location.assign(link.url);
    },
  });
}

/** Ticks (or clears) "entered nationally"; the answer replaces the cached innovation and its new version. */
export function useNationalEntry(code: string) {
  const queryClient = useQueryClient();
  const adopt = (innovation: Innovation) => {
    queryClient.setQueryData(queryKeys.innovation(code, innovation.id), innovation);
    void queryClient.invalidateQueries({ queryKey: [...queryKeys.innovations(code), 'list'] });
  };
  const record = useMutation({
    mutationFn: ({
      id,
      version,
      registrationNumber,
    }: {
      id: string;
      version: number;
      registrationNumber: string;
    }) =>
      unwrap(
        api.PUT('/tenants/{code}/innovations/{id}/national-entry', {
          params: { path: { code, id } },
          headers: ifMatch(version),
          body: { registrationNumber },
        }),
      ),
    onSuccess: adopt,
  });
  const clear = useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(
        api.DELETE('/tenants/{code}/innovations/{id}/national-entry', {
          params: { path: { code, id } },
          headers: ifMatch(version),
        }),
      ),
    onSuccess: adopt,
  });
  return { record, clear };
}

/** A key that stays the same for one intent (the same choices) and changes with the next. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
