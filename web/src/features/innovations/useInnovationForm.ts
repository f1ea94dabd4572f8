import { useCallback, useEffect, useRef, useState } from 'react';
import { type InnovationDraft, newIdempotencyKey, readDraft, removeDraft, writeDraft } from './drafts.ts';
import { type FormField, hasChanges, type InnovationFormValues, rebase } from './formValues.ts';

interface FormState {
  /** Server state the edits are based on, with its version for `If-Match` (none for a new innovation). */
  base: InnovationFormValues;
  baseVersion: number | undefined;
  values: InnovationFormValues;
  idempotencyKey: string;
  /** When a stored draft was restored on open, its time; the page tells the user. */
  restoredFrom: string | null;
}

const DRAFT_WRITE_DELAY_MS = 400;

function initialState(
  storageKey: string,
  server: InnovationFormValues,
  version: number | undefined,
): FormState {
  const draft = readDraft(storageKey);
  if (draft && hasChanges(draft.base, draft.values)) {
    return {
      base: draft.base,
      baseVersion: draft.baseVersion ?? version,
      values: draft.values,
      idempotencyKey: draft.idempotencyKey ?? newIdempotencyKey(),
      restoredFrom: draft.savedAt,
    };
  }
  return {
    base: server,
    baseVersion: version,
    values: server,
    idempotencyKey: newIdempotencyKey(),
    restoredFrom: null,
  };
}

function toDraft(state: FormState): InnovationDraft {
  return {
    savedAt: new Date().toISOString(),
    base: state.base,
    baseVersion: state.baseVersion,
    values: state.values,
    idempotencyKey: state.idempotencyKey,
  };
}

/**
 * Form state that mirrors itself into a localStorage draft while it differs from the server, and knows
 * how to adopt a saved result or rebase the user's edits onto a newer server version after a conflict.
 */
export function useInnovationForm(
  storageKey: string,
  server: InnovationFormValues,
  version: number | undefined,
) {
  const [state, setState] = useState(() => initialState(storageKey, server, version));
  const stateRef = useRef(state);
  stateRef.current = state;
  const pendingWrite = useRef<ReturnType<typeof setTimeout> | null>(null);

  const persistNow = useCallback(() => {
    if (pendingWrite.current) clearTimeout(pendingWrite.current);
    pendingWrite.current = null;
    const current = stateRef.current;
    if (hasChanges(current.base, current.values)) writeDraft(storageKey, toDraft(current));
    else removeDraft(storageKey);
  }, [storageKey]);

  // Typing is frequent and a draft can be tens of kilobytes, so writes are batched; leaving the page
  // or unmounting flushes whatever is pending.
  useEffect(() => {
    window.addEventListener('pagehide', persistNow);
    return () => {
      window.removeEventListener('pagehide', persistNow);
      if (pendingWrite.current) persistNow();
    };
  }, [persistNow]);

  const setField = useCallback(
    <F extends FormField>(field: F, value: InnovationFormValues[F]) => {
      // The ref is updated synchronously so a save right after typing persists the latest keystroke.
      const current = stateRef.current;
      const next = { ...current, values: { ...current.values, [field]: value } };
      stateRef.current = next;
      setState(next);
      if (pendingWrite.current) clearTimeout(pendingWrite.current);
      pendingWrite.current = setTimeout(persistNow, DRAFT_WRITE_DELAY_MS);
    },
    [persistNow],
  );

  const discardDraft = useCallback(() => {
    if (pendingWrite.current) clearTimeout(pendingWrite.current);
    pendingWrite.current = null;
    removeDraft(storageKey);
    setState((current) => ({ ...current, values: current.base, restoredFrom: null }));
  }, [storageKey]);

  /** The server accepted the values: they become the new base and the draft goes away. */
  const markSaved = useCallback(
    (saved: InnovationFormValues, savedVersion: number) => {
      if (pendingWrite.current) clearTimeout(pendingWrite.current);
      pendingWrite.current = null;
      removeDraft(storageKey);
      setState((current) => ({
        ...current,
        base: saved,
        baseVersion: savedVersion,
        values: saved,
        restoredFrom: null,
      }));
    },
    [storageKey],
  );

  /** After a 409: keep the user's edits, laid over the latest server version, and base on that version. */
  const rebaseOnto = useCallback(
    (latest: InnovationFormValues, latestVersion: number) => {
      const current = stateRef.current;
      const next: FormState = {
        ...current,
        base: latest,
        baseVersion: latestVersion,
        values: rebase(current.base, current.values, latest),
        restoredFrom: null,
      };
      stateRef.current = next;
      setState(next);
      persistNow();
    },
    [persistNow],
  );

  return {
    values: state.values,
    baseVersion: state.baseVersion,
    base: state.base,
    idempotencyKey: state.idempotencyKey,
    restoredFrom: state.restoredFrom,
    dirty: hasChanges(state.base, state.values),
    setField,
    persistNow,
    discardDraft,
    markSaved,
    rebaseOnto,
  };
}

export type InnovationFormController = ReturnType<typeof useInnovationForm>;
