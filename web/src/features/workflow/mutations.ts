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

export function useSaveAnswer(code: string, innovationId: string) {
  const adopt = useAdoptInnovation(code);
  return useMutation({
    mutationFn: ({ indicator, version, body }: { indicator: string; version: number; body: AnswerInput }) =>
      unwrap(
        api.PUT('/tenants/{code}/innovations/{id}/answers/{indicator}', {
          params: { path: { code, id: innovationId, indicator } },
          headers: ifMatch(version),
          body,
        }),
      ),
    onSuccess: adopt,
  });
}

export function useReviewAnswer(code: string, innovationId: string) {
  const adopt = useAdoptInnovation(code);
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
      unwrap(
        api.POST('/tenants/{code}/innovations/{id}/answers/{indicator}/review', {
          params: { path: { code, id: innovationId, indicator } },
          headers: ifMatch(version),
          body: note ? { status, note } : { status },
        }),
      ),
    onSuccess: adopt,
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
