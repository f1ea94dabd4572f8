import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import type { EvidenceMediaType, paths } from '../../api/model.ts';
import { hashInWorker, persist } from '../evidence/resumable.ts';
import type { UploadProgress } from '../evidence/upload.ts';
import { contestKeys } from './contestApi.ts';

/**
 * Files on a contest entry (docs/decisions/0042): the entrant's upload goes through the evidence
 * flow's own steps (hash in a worker, a presigned PUT, the server's check), with the evidence
 * uploader's progress, retries while the connection drops, and cancelling.
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

const abortError = () => new DOMException('upload cancelled', 'AbortError');

/** The presigned PUT with exactly the headers the server signed, reporting bytes sent. */
function putSigned(
  upload: { url: string; headers: Record<string, string> },
  file: File,
  onLoaded: (bytes: number) => void,
  signal: AbortSignal,
) {
  return new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', upload.url);
    for (const [name, value] of Object.entries(upload.headers))
      if (name.toLowerCase() !== 'content-length') xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onLoaded(event.loaded);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve()
        : reject(new ApiError(xhr.status === 403 ? 500 : xhr.status, undefined));
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onabort = () => reject(abortError());
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/**
 * Hash, ask, send, check. A dropped connection waits and retries each step (the evidence flow's
 * `persist`); cancelling aborts what is in flight and takes the pending file off the entry.
 */
export async function uploadEntryFile(
  ref: EntryRef,
  input: EntryUpload,
  onProgress: (progress: UploadProgress) => void,
  signal: AbortSignal,
): Promise<EntryFile> {
  const retrying = (attempt: number) =>
    onProgress({ phase: navigator.onLine ? 'retrying' : 'offline', percent: 0, attempt });
  onProgress({ phase: 'hashing', percent: 0, attempt: 1 });
  const sha256 = await hashInWorker(
    input.file,
    (hashed) =>
      onProgress({ phase: 'hashing', percent: Math.round((hashed / input.file.size) * 100), attempt: 1 }),
    signal,
  );
  onProgress({ phase: 'requesting', percent: 0, attempt: 1 });
  const ticket = await persist(
    () =>
      unwrap(
        api.POST('/tenants/{code}/contests/{callId}/entries/{entryId}/files', {
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
      ),
    signal,
    retrying,
  );
  const evidenceId = ticket.file.evidenceId;
  try {
    await persist(
      () =>
        putSigned(
          ticket.upload,
          input.file,
          (loaded) =>
            onProgress({
              phase: 'uploading',
              percent: Math.floor((loaded / input.file.size) * 100),
              attempt: 1,
            }),
          signal,
        ),
      signal,
      retrying,
    );
    onProgress({ phase: 'checking', percent: 100, attempt: 1 });
    return await persist(
      () =>
        unwrap(
          api.POST('/tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}/complete', {
            params: { path: { ...ref, evidenceId } },
          }),
        ),
      signal,
      retrying,
    );
  } catch (error) {
    // Cancelled after the server recorded it: the pending file goes rather than waiting to expire.
    if (signal.aborted)
      await api
        .DELETE('/tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}', {
          params: { path: { ...ref, evidenceId } },
        })
        .catch(() => undefined);
    throw error;
  }
}
