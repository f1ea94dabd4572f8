import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { paths } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';

type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

export type ImportView = JsonOf<paths['/tenants/{code}/imports/{id}']['get']['responses'][200]>;
export type ImportJob = ImportView['import'];
export type ImportPreviewRow = NonNullable<ImportView['rows']>[number];
export type ImportReportRow = NonNullable<ImportView['report']>[number];
export type ImportOptions = NonNullable<
  paths['/tenants/{code}/imports/{id}/preview']['post']['requestBody']
>['content']['application/json'];

/** The server's limits (packages/core IMPORT_MAX_BYTES; the inline-body limit of the create route). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
const MAX_INLINE_BYTES = 180 * 1024;
const POLL_MS = 1_000;
/** A preview takes seconds: asked again sooner, so its rows appear soon after they are ready. */
const PREVIEW_POLL_MS = 500;

export const importKeys = {
  one: (code: string, id: string) => ['tenants', code, 'imports', 'one', id] as const,
};

const isRunning = (job: ImportJob) => job.status === 'queued' || job.status === 'running';

/**
 * One import with its previewed rows and, once done, its report; polled while the jobs worker
 * previews it (docs/decisions/0032) and while it runs.
 */
export function useImport(code: string, id: string | undefined) {
  return useQuery({
    queryKey: importKeys.one(code, id ?? ''),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/imports/{id}', { params: { path: { code, id: id ?? '' } } })),
    enabled: id !== undefined,
    refetchInterval: (query) => {
      const job = query.state.data?.import;
      if (job?.status === 'previewing') return PREVIEW_POLL_MS;
      return job && isRunning(job) ? POLL_MS : false;
    },
  });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunk));
  }
  return btoa(binary);
}

/**
 * Sends the file (inside the JSON body when small, else straight to storage through the presigned
 * PUT the server hands back) and asks for the preview, which the jobs worker makes: the answer is
 * the import, `previewing`, and `useImport` polls it until the rows are there. Nothing is imported.
 */
export function useUploadAndPreview(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, options }: { file: File; options: ImportOptions }) => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const inline = bytes.length <= MAX_INLINE_BYTES;
      const created = await unwrap(
        api.POST('/tenants/{code}/imports', {
          params: { path: { code } },
          body: {
            fileName: file.name,
            size: bytes.length,
            ...(inline ? { contentBase64: toBase64(bytes) } : {}),
          },
        }),
      );
      if (created.upload) {
        const put = await fetch(created.upload.url, {
          method: 'PUT',
          headers: created.upload.headers,
          body: bytes,
        });
        if (!put.ok) throw new ApiError(put.status, undefined);
      }
      return unwrap(
        api.POST('/tenants/{code}/imports/{id}/preview', {
          params: { path: { code, id: created.import.id } },
          body: options,
        }),
      );
    },
    onSuccess: (asked) => {
      queryClient.setQueryData<ImportView>(importKeys.one(code, asked.import.id), { import: asked.import });
    },
  });
}

/** Imports the previewed rows: only on the person's click, against the version they saw. */
export function useConfirmImport(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ job, skipInvalidRows }: { job: ImportJob; skipInvalidRows: boolean }) =>
      unwrap(
        api.POST('/tenants/{code}/imports/{id}/confirm', {
          params: { path: { code, id: job.id } },
          headers: ifMatch(job.version),
          body: { skipInvalidRows },
        }),
      ),
    onSuccess: (confirmed) => {
      queryClient.setQueryData<ImportView>(importKeys.one(code, confirmed.import.id), (view) =>
        view ? { ...view, import: confirmed.import } : view,
      );
      void queryClient.invalidateQueries({ queryKey: importKeys.one(code, confirmed.import.id) });
    },
  });
}

/** The template needs the bearer token, which a plain link cannot carry: fetch it, then save it. */
export function useDownloadTemplate(code: string) {
  return useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.GET('/tenants/{code}/imports/template', {
        params: { path: { code } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw new ApiError(response.status, error as never);
      const url = URL.createObjectURL(data);
      const link = document.createElement('a');
      link.href = url;
      link.download = `templat-impor-inovasi-${code}.xlsx`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
}

/** Stable across renders, so an effect may depend on it. */
export function useInvalidateInnovations(code: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () => void queryClient.invalidateQueries({ queryKey: queryKeys.innovations(code) }),
    [queryClient, code],
  );
}
