import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { EvidenceMediaType, paths } from '../../api/model.ts';
import { type ResumableTarget, uploadResumable } from '../evidence/resumable.ts';
import type { UploadProgress } from '../evidence/upload.ts';
import { contestKeys } from './contestApi.ts';

/**
 * Files on a contest entry (docs/decisions/0042): the entrant's upload is the evidence library's
 * resumable upload (docs/decisions/0054: hash in a worker, multipart parts, the server's check),
 * with the evidence uploader's progress, retries while the connection drops, a reload that
 * resumes, and cancelling.
 */

type FilesPath = paths['/tenants/{code}/contests/{callId}/entries/{entryId}/files'];
export type EntryFile = FilesPath['get']['responses'][200]['content']['application/json']['items'][number];
export type EntryFileKind = NonNullable<
  NonNullable<FilesPath['post']['requestBody']>['content']['application/json']['kind']
>;
export const ENTRY_FILE_KINDS: readonly EntryFileKind[] = [
  'laporan',
  'foto',
  'video',
  'screenshot',
  'sertifikat',
  'lainnya',
];
/** The server's limit per entry (ADR 0042): the uploader hides itself when it is reached. */
export const MAX_ENTRY_FILES = 10;

interface EntryRef {
  code: string;
  callId: string;
  entryId: string;
}

const filesKey = ({ code, callId, entryId }: EntryRef) =>
  [...contestKeys.call(code, callId), 'files', entryId] as const;

export function useEntryFiles(ref: EntryRef) {
  return useQuery({
    queryKey: filesKey(ref),
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{code}/contests/{callId}/entries/{entryId}/files', { params: { path: ref } }),
      ).then((page) => page.items),
  });
}

/** The file as its signed link names it (a neutral name for a judge in blind mode). */
export async function downloadEntryFile(ref: EntryRef, evidenceId: string): Promise<void> {
  const link = await unwrap(
    api.GET('/tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}/download', {
      params: { path: { ...ref, evidenceId } },
    }),
  );
  const anchor = document.createElement('a');
  anchor.href = link.url;
  anchor.download = link.fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

export function useRemoveEntryFile(ref: EntryRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (evidenceId: string) =>
      unwrap(
        api.DELETE('/tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}', {
          params: { path: { ...ref, evidenceId } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: filesKey(ref) }),
  });
}

export interface EntryUpload {
  file: File;
  mediaType: EvidenceMediaType;
  kind: EntryFileKind;
  title: string;
}

/** Scopes the kept ids of an entry's uploads (resumable.ts): the region and the entry. */
export const entryUploadScope = ({ code, callId, entryId }: EntryRef) => `${code}|lomba|${callId}|${entryId}`;

/**
 * An entry's file as a resumable upload target: announced on the entry, completed below the
 * entry's file. A completion whose answer the connection lost finds the file checked in the list.
 */
function entryTarget(ref: EntryRef, input: EntryUpload): ResumableTarget<EntryFile> {
  return {
    scope: entryUploadScope(ref),
    item: {
      path: '/tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}',
      params: { code: ref.code, callId: ref.callId, entryId: ref.entryId },
    },
    start: async (sha256) => {
      const ticket = await unwrap(
        api.POST('/tenants/{code}/contests/{callId}/entries/{entryId}/files/multipart', {
          params: { path: ref },
          body: {
            kind: input.kind,
            title: input.title,
            fileName: input.file.name,
            mediaType: input.mediaType,
            size: input.file.size,
            sha256,
          },
        }),
      );
      return { evidenceId: ticket.file.evidenceId, ...ticket.upload };
    },
    complete: (upload) =>
      unwrap(
        api.POST(
          '/tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}/multipart/{uploadId}/complete',
          {
            params: { path: { ...ref, evidenceId: upload.evidenceId, uploadId: upload.uploadId } },
          },
        ),
      ).catch(async (error: unknown) => {
        if (!(error instanceof ApiError && error.code === 'evidence_upload_not_found')) throw error;
        const files = await unwrap(
          api.GET('/tenants/{code}/contests/{callId}/entries/{entryId}/files', { params: { path: ref } }),
        );
        const decided = files.items.find((file) => file.evidenceId === upload.evidenceId);
        if (decided?.status !== 'passed') throw error;
        return decided;
      }),
  };
}

/**
 * Hash, announce, send the parts, check: the evidence library's resumable upload on the entry
 * (docs/decisions/0054). A dropped connection waits and retries each step, a reload resumes from
 * the parts the store holds, and cancelling takes the pending file off the entry.
 */
export async function uploadEntryFile(
  ref: EntryRef,
  input: EntryUpload,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
): Promise<EntryFile> {
  return (await uploadResumable(entryTarget(ref, input), input.file, onProgress, signal)).done;
}
