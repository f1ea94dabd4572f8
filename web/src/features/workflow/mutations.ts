import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import type { AnswerInput, Innovation, ReviewStatus, TransitionInput } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';

/**
 * Every answer, review and step returns the whole innovation with its new version: it replaces the
 * cached one (so the next save sends the right If-Match), and lists and projections refresh.
 */
function useAdoptInnovation(code: string) {
  const queryClient = useQueryClient();
  return (innovation: Innovation) => {
    queryClient.setQueryData(queryKeys.innovation(code, innovation.id), innovation);
    void queryClient.invalidateQueries({ queryKey: [...queryKeys.innovations(code), 'list'] });
    void queryClient.invalidateQueries({ queryKey: queryKeys.scoring(code) });
    // A new level asks for other evidence; a review changes what is still missing.
    void queryClient.invalidateQueries({ queryKey: queryKeys.evidenceChecklist(code, innovation.id) });
  };
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Answers save as they are chosen, so two cards of one innovation can save a moment apart. Each
 * save bumps the innovation's version, so they go one at a time, each sending the version the
 * previous one returned: only someone else's change can make one stale (409), never our own.
 */
function oneAtATime<T>(key: string, run: () => Promise<T>): Promise<T> {
  const next = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(run);
  queues.set(key, next);
  next
    .finally(() => {
      if (queues.get(key) === next) queues.delete(key);
    })
    .catch(() => undefined);
  return next;
}

/** Runs one answer or review write against the latest version we hold, adopting its result at once. */
function useAnswerWrite(code: string, innovationId: string) {
  const queryClient = useQueryClient();
  const adopt = useAdoptInnovation(code);
  return (fallbackVersion: number, write: (version: number) => Promise<Innovation>) =>
    oneAtATime(`${code}/${innovationId}`, async () => {
      const held = queryClient.getQueryData<Innovation>(queryKeys.innovation(code, innovationId));
      const saved = await write(held?.version ?? fallbackVersion);
      adopt(saved);
      return saved;
    });
}

export function useSaveAnswer(code: string, innovationId: string) {
  const write = useAnswerWrite(code, innovationId);
  return useMutation({
    // Offline, a save fails at once (instead of React Query pausing it in memory), so the card can
    // keep the choice in the device's offline queue, which survives a reload (docs/decisions/0035).
    networkMode: 'always',
    mutationFn: ({ indicator, version, body }: { indicator: string; version: number; body: AnswerInput }) =>
      write(version, (current) =>
        unwrap(
          api.PUT('/tenants/{code}/innovations/{id}/answers/{indicator}', {
            params: { path: { code, id: innovationId, indicator } },
            headers: ifMatch(current),
            body,
          }),
        ),
      ),
  });
}

export function useReviewAnswer(code: string, innovationId: string) {
  const write = useAnswerWrite(code, innovationId);
  return useMutation({
    mutationFn: ({
      indicator,
      version,
      status,
      note,
    }: {
      indicator: string;
      version: number;
      status: ReviewStatus;
      note?: string;
    }) =>
      write(version, (current) =>
        unwrap(
          api.POST('/tenants/{code}/innovations/{id}/answers/{indicator}/review', {
            params: { path: { code, id: innovationId, indicator } },
            headers: ifMatch(current),
            body: note ? { status, note } : { status },
          }),
        ),
      ),
  });
}

export function useTransition(code: string, innovationId: string) {
  const adopt = useAdoptInnovation(code);
  return useMutation({
    mutationFn: ({ version, input }: { version: number; input: TransitionInput }) =>
      unwrap(
        api.POST('/tenants/{code}/innovations/{id}/transitions', {
          params: { path: { code, id: innovationId } },
          headers: ifMatch(version),
          body: input,
        }),
      ),
    onSuccess: adopt,
  });
}

/** The latest server version, bypassing the cache, after a 409. */
export function useReloadInnovation(code: string, innovationId: string) {
  const queryClient = useQueryClient();
  return () =>
    queryClient.fetchQuery({
      queryKey: queryKeys.innovation(code, innovationId),
      queryFn: () =>
        unwrap(api.GET('/tenants/{code}/innovations/{id}', { params: { path: { code, id: innovationId } } })),
      staleTime: 0,
    });
}
