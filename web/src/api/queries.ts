import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import type {
  AdviceBasis,
  AuditFilters,
  InnovationStage,
  InnovationStatus,
  Period,
  Rubric,
} from './model.ts';

/** Query keys in one place so mutations invalidate exactly what they change. */
export const queryKeys = {
  me: ['me'] as const,
  demoUsers: ['dev', 'users'] as const,
  signInSettings: ['auth', 'config'] as const,
  areas: (q: string) => ['areas', q] as const,
  tenants: ['tenants'] as const,
  opds: (code: string) => ['tenants', code, 'opds'] as const,
  members: (code: string) => ['tenants', code, 'members'] as const,
  innovations: (code: string) => ['tenants', code, 'innovations'] as const,
  innovationList: (code: string, filters: InnovationFilters) =>
    ['tenants', code, 'innovations', 'list', filters] as const,
  innovation: (code: string, id: string) => ['tenants', code, 'innovations', 'one', id] as const,
  rubric: (id: string) => ['rubrics', id] as const,
  periods: (code: string) => ['tenants', code, 'periods'] as const,
  /** Everything derived from a period's answers: invalidated by any answer or workflow change. */
  scoring: (code: string) => ['tenants', code, 'scoring'] as const,
  projection: (code: string, year: number) => ['tenants', code, 'scoring', 'projection', year] as const,
  advice: (code: string, year: number, basis: AdviceBasis) =>
    ['tenants', code, 'scoring', 'advice', year, basis] as const,
  spd: (code: string, year: number) => ['tenants', code, 'scoring', 'spd', year] as const,
  portfolio: (code: string, year: number, basis: AdviceBasis) =>
    ['tenants', code, 'scoring', 'portfolio', year, basis] as const,
  /** Under `scoring`: an answer, a review or a workflow step changes the heat map too. */
  gaps: (code: string, year: number) => ['tenants', code, 'scoring', 'gaps', year] as const,
  /** Every innovation of a period with its answers: what the what-if screen starts from. */
  periodInnovations: (code: string, year: number) =>
    ['tenants', code, 'innovations', 'period', year] as const,
  settings: (code: string) => ['tenants', code, 'settings'] as const,
  audit: (code: string, filters: AuditFilters) => ['tenants', code, 'audit', filters] as const,
  /** The public catalogue: not tied to a tenant, so it survives sign-in and sign-out alike. */
  catalogSearch: (query: Record<string, string>) => ['catalog', 'search', query] as const,
  catalogDetail: (catalogId: string) => ['catalog', 'detail', catalogId] as const,
  publication: (code: string, id: string) => ['tenants', code, 'innovations', 'publication', id] as const,
  replications: (code: string) => ['tenants', code, 'replications'] as const,
  innovationReplications: (code: string, id: string) => ['tenants', code, 'replications', 'of', id] as const,
  /** Everything about evidence: the library, usage and each innovation's checklist. */
  evidence: (code: string) => ['tenants', code, 'evidence'] as const,
  evidenceChecklist: (code: string, id: string) => ['tenants', code, 'evidence', 'checklist', id] as const,
  evidenceLibrary: (code: string, filters: Record<string, string>) =>
    ['tenants', code, 'evidence', 'library', filters] as const,
  evidenceUsage: (code: string) => ['tenants', code, 'evidence', 'usage'] as const,
  notifications: (code: string) => ['tenants', code, 'notifications'] as const,
  progress: (code: string, year: number) => ['tenants', code, 'progress', year] as const,
};

export interface InnovationFilters {
  opdId?: string;
  stage?: InnovationStage;
  status?: InnovationStatus;
  /** The server lists either active or archived innovations, never both. */
  archived?: 'true';
}

const PAGE_SIZE = 20;

export function useOpds(code: string) {
  return useQuery({
    queryKey: queryKeys.opds(code),
    queryFn: () => unwrap(api.GET('/tenants/{code}/opds', { params: { path: { code } } })),
    select: (data) => data.items,
  });
}

export function useInnovationList(code: string, filters: InnovationFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.innovationList(code, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/tenants/{code}/innovations', {
          params: { path: { code }, query: { ...filters, cursor: pageParam, limit: PAGE_SIZE } },
        }),
      ),
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

export function useInnovation(code: string, id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.innovation(code, id ?? ''),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/innovations/{id}', { params: { path: { code, id: id ?? '' } } })),
    enabled: id !== undefined,
  });
}

/** A rubric never changes under its id, so it is fetched once per session. */
export function useRubric(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.rubric(id ?? ''),
    queryFn: async () =>
      (await unwrap(api.GET('/rubrics/{id}', { params: { path: { id: id ?? '' } } }))) as unknown as Rubric,
    enabled: id !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

export function usePeriods(code: string) {
  return useQuery({
    queryKey: queryKeys.periods(code),
    queryFn: () => unwrap(api.GET('/tenants/{code}/periods', { params: { path: { code } } })),
    select: (data) => data.items,
  });
}

/** The rubric a year is scored with: the one its period pinned, or the year's default before one is opened. */
export function rubricIdFor(periods: readonly Period[] | undefined, year: number): string {
  return periods?.find((period) => period.year === year)?.rubricId ?? `iid-${year}`;
}

/** The rubric of a year, once the periods are known (so a pinned rubric is never fetched twice). */
export function useYearRubric(code: string, year: number | undefined) {
  const periods = usePeriods(code);
  const rubricId =
    year === undefined || periods.isPending ? undefined : rubricIdFor(periods.data ?? [], year);
  return useRubric(rubricId);
}

export function useProjection(code: string, year: number) {
  return useQuery({
    queryKey: queryKeys.projection(code, year),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/periods/{year}/projection', { params: { path: { code, year } } })),
  });
}

export function useAdvice(code: string, year: number, basis: AdviceBasis, limit = 8) {
  return useQuery({
    queryKey: queryKeys.advice(code, year, basis),
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{code}/periods/{year}/projection/advice', {
          params: { path: { code, year }, query: { basis, limit } },
        }),
      ),
  });
}

export function usePortfolio(code: string, year: number, basis: AdviceBasis) {
  return useQuery({
    queryKey: queryKeys.portfolio(code, year, basis),
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{code}/periods/{year}/projection/portfolio', {
          params: { path: { code, year }, query: { basis } },
        }),
      ),
  });
}

/** The period's gap heat map: a state per innovation × indicator, with totals (issue 18). */
export function useGaps(code: string, year: number) {
  return useQuery({
    queryKey: queryKeys.gaps(code, year),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/periods/{year}/gaps', { params: { path: { code, year } } })),
  });
}

/** All active innovations of one period, read page by page (the list has no period filter). */
export function usePeriodInnovations(code: string, year: number) {
  return useQuery({
    queryKey: queryKeys.periodInnovations(code, year),
    queryFn: async () => {
      const items = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/tenants/{code}/innovations', {
            params: { path: { code }, query: { cursor, limit: 100 } },
          }),
        );
        items.push(...page.items.filter((item) => item.periodYear === year && !item.archived));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });
}

export function useSpdAnswers(code: string, year: number) {
  return useQuery({
    queryKey: queryKeys.spd(code, year),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/periods/{year}/spd', { params: { path: { code, year } } })),
  });
}

export function useSettings(code: string) {
  return useQuery({
    queryKey: queryKeys.settings(code),
    queryFn: () => unwrap(api.GET('/tenants/{code}/settings', { params: { path: { code } } })),
  });
}

export function useMembers(code: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.members(code),
    queryFn: () => unwrap(api.GET('/tenants/{code}/members', { params: { path: { code } } })),
    select: (data) => data.items,
    enabled,
  });
}

/** The assessment year most screens start from: today's year in Western Indonesia Time. */
export function currentYear(now = new Date()): number {
  return new Date(now.getTime() + 7 * 3_600_000).getUTCFullYear();
}
