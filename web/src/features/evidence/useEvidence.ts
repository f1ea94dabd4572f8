import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { EVIDENCE_FINDINGS, type EvidenceFinding, type EvidenceLinkWarning } from '../../api/model.ts';
import { queryKeys } from '../../api/queries.ts';
import { linkToIndicator } from './upload.ts';

/** Each indicator of an innovation: what its level requires, what is attached, what is missing. */
export function useEvidenceChecklist(code: string, innovationId: string) {
  return useQuery({
    queryKey: queryKeys.evidenceChecklist(code, innovationId),
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{code}/innovations/{id}/evidence', {
          params: { path: { code, id: innovationId } },
        }),
      ),
  });
}

export interface LibraryFilters {
  kind?: string;
  status?: string;
}

export function useEvidenceLibrary(code: string, filters: LibraryFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: queryKeys.evidenceLibrary(code, { ...filters }),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/tenants/{code}/evidence', {
          params: {
            path: { code },
            query: {
              ...(filters as { kind?: 'sk'; status?: 'passed' }),
              cursor: pageParam,
              limit: 20,
            },
          },
        }),
      ),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    enabled,
  });
}

export function useEvidenceUsage(code: string) {
  return useQuery({
    queryKey: queryKeys.evidenceUsage(code),
    queryFn: () => unwrap(api.GET('/tenants/{code}/evidence/usage', { params: { path: { code } } })),
    staleTime: 5 * 60_000,
  });
}

/** Link warnings use the finding vocabulary; unknown codes (a newer server) are left out. */
export function asFindings(warnings: readonly EvidenceLinkWarning[]): EvidenceFinding[] {
  return warnings.filter((warning): warning is EvidenceFinding =>
    (EVIDENCE_FINDINGS as readonly string[]).includes(warning.code),
  );
}

/** Everything a change of evidence can alter: checklists, the library, usage, projections. */
export function useRefreshEvidence(code: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.evidence(code) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.scoring(code) });
  };
}

export function useLinkEvidence(code: string, innovationId: string, indicator: string) {
  const refresh = useRefreshEvidence(code);
  return useMutation({
    mutationFn: async (evidenceId: string) =>
      asFindings((await linkToIndicator(code, evidenceId, innovationId, indicator)).warnings),
    onSettled: refresh,
  });
}

export function useUnlinkEvidence(code: string, innovationId: string, indicator: string) {
  const refresh = useRefreshEvidence(code);
  return useMutation({
    mutationFn: (evidenceId: string) =>
      unwrap(
        api.POST('/tenants/{code}/evidence/{evidenceId}/unlink', {
          params: { path: { code, evidenceId } },
          body: { type: 'innovation', innovationId, indicator },
        }),
      ),
    onSettled: refresh,
  });
}
