import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import type { EvidenceKind, EvidenceMediaType } from '../../api/model.ts';
import type { PickedFile } from './FileField.tsx';
import { forgetUpload, type KeepVerdict, keepUpload, keptUpload } from './keptFiles.ts';
import { titleFromFileName, type UploadProgress } from './upload.ts';

/** What an uploader sends and keeps on the device: the file and its form. */
export interface UploadForm<Kind extends EvidenceKind = EvidenceKind> {
  file: File;
  mediaType: EvidenceMediaType;
  title: string;
  kind: Kind;
  documentDate: string;
  /** Came back from the device after a reload: already kept there. */
  fromDevice?: boolean;
}

/** A freshly picked file's form: its name as a first title, the kind given, no date yet. */
export const formFor = <Kind extends EvidenceKind>(picked: PickedFile, kind: Kind): UploadForm<Kind> => ({
  ...picked,
  title: titleFromFileName(picked.file.name),
  kind,
  documentDate: '',
});

/**
 * One resumable upload of an uploader (the evidence library's, a contest entry's): the mutation,
 * its progress and cancel, and, with a place (`keptAs`, keptFiles.ts), the file kept on the device
 * while it goes up, so that after a reload the upload goes on by itself from the parts the store
 * already holds (docs/decisions/0045, 0049, 0054). `send` is the upload itself (resumable.ts).
 */
export function useKeptUpload<Kind extends EvidenceKind, Result>(options: {
  keptAs: string | null;
  send: (
    form: UploadForm<Kind>,
    onProgress: (progress: UploadProgress) => void,
    signal: AbortSignal,
  ) => Promise<Result>;
  /** The form of an upload that came back from the device, as the uploader shows it again. */
  onRestored: (form: UploadForm<Kind>) => void;
  onSuccess?: (result: Result) => void;
  onSettled?: () => unknown;
}) {
  const { keptAs } = options;
  const latest = useRef(options);
  latest.current = options;
  const controller = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  // The browser could not keep this file on the device: after a reload it must be picked again.
  const [notKept, setNotKept] = useState<Extract<KeepVerdict, { kept: false }> | null>(null);
  const upload = useMutation({
    // Offline, React Query would pause the mutation in memory, where a reload loses it; the upload
    // keeps its file on the device and waits for the connection itself (resumable.ts, ADR 0045).
    networkMode: 'always',
    mutationFn: async (form: UploadForm<Kind>): Promise<Result> => {
      controller.current = new AbortController();
      if (keptAs && !form.fromDevice) {
        const { fromDevice: _kept, ...kept } = form;
        const verdict = await keepUpload(keptAs, kept);
        setNotKept(verdict.kept ? null : verdict);
      }
      const result = await latest.current.send(form, setProgress, controller.current.signal);
      if (keptAs) await forgetUpload(keptAs);
      return result;
    },
    onSuccess: (result) => latest.current.onSuccess?.(result),
    onError: (error) => {
      // Over: rejected by intake or cancelled. Anything else (the connection) may still resume.
      const over =
        (error instanceof ApiError && error.status === 422) ||
        (error instanceof DOMException && error.name === 'AbortError');
      if (keptAs && over) void forgetUpload(keptAs);
    },
    onSettled: () => {
      setProgress(null);
      return latest.current.onSettled?.();
    },
  });

  // After a reload: the kept file and its form come back and the upload goes on by itself (or
  // waits for the connection if there is none).
  const resume = upload.mutate;
  useEffect(() => {
    if (!keptAs) return;
    let live = true;
    void keptUpload(keptAs).then((kept) => {
      if (!live || !kept) return;
      const again: UploadForm<Kind> = {
        file: kept.file,
        mediaType: kept.mediaType,
        title: kept.title,
        // Kept by this uploader, from its own choices.
        kind: kept.kind as Kind,
        documentDate: kept.documentDate,
        fromDevice: true,
      };
      latest.current.onRestored(again);
      resume(again);
    });
    return () => {
      live = false;
    };
  }, [keptAs, resume]);

  return {
    upload,
    progress,
    notKept,
    cancel: () => controller.current?.abort(),
    /** Drops the kept copy when the person starts over. */
    forget: () => (keptAs ? forgetUpload(keptAs) : Promise.resolve()),
  };
}
