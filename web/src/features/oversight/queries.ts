import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import type { components, paths } from '../../api/schema.d.ts';

/**
 * Data of the oversight and leadership screens: the province cockpit, its drill-down and notes,
 * a region's season trend and official results, and the national view. Kept with the feature so
 * the shell's query module does not grow with screens most users never open.
 */
type Json<Operation> = Operation extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

export type Cockpit = components['schemas']['ProvinceCockpit'];
export type CockpitRow = Cockpit['rows'][number];
export type CockpitQuery = NonNullable<
  paths['/api/v1/tenants/{code}/oversight/{year}']['get']['parameters']['query']
>;
export type CockpitSort = NonNullable<CockpitQuery['sort']>;
export type WarningCode = CockpitRow['warnings'][number]['code'];
export type DrillDown = components['schemas']['RegencyDrillDown'];
export type OversightNote = NonNullable<components['schemas']['OversightNote']>;
export type NoteInput = NonNullable<
  paths['/api/v1/tenants/{code}/oversight/{year}/regencies/{regency}/note']['put']['requestBody']
>['content']['application/json'];
export type RegionDashboard = components['schemas']['RegionDashboard'];
export type Trend = Json<paths['/api/v1/tenants/{code}/periods/{year}/trend']['get']>;
export type YearBand = Trend['bands'][number];
export type OfficialResult = Json<paths['/api/v1/tenants/{code}/results']['get']>['items'][number];
export type OfficialResultInput = NonNullable<
  paths['/api/v1/tenants/{code}/results/{year}']['put']['requestBody']
>['content']['application/json'];
export type ProvinceNoteForRegency = components['schemas']['ProvinceNoteForRegency'];
export type NationalSummaries = components['schemas']['NationalSummaries'];

export const oversightKeys = {
  cockpit: (code: string, year: number, query: CockpitQuery) => ['oversight', code, year, 'cockpit', query],
  drillDown: (code: string, year: number, regency: string) => ['oversight', code, year, 'regency', regency],
  all: (code: string) => ['oversight', code],
  summary: (code: string, year: number) => ['tenants', code, 'summary', year],
  trend: (code: string, year: number) => ['tenants', code, 'trend', year],
  results: (code: string) => ['tenants', code, 'results'],
  provinceNote: (code: string, year: number) => ['tenants', code, 'province-note', year],
  national: (year: number) => ['platform', 'summaries', year],
} as const;

export function useCockpit(code: string, year: number, query: CockpitQuery) {
  return useQuery({
    queryKey: oversightKeys.cockpit(code, year, query),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/oversight/{year}', { params: { path: { code, year }, query } })),
    // Sorting and filtering keep the table on screen while the next answer arrives.
    placeholderData: keepPreviousData,
  });
}

export function useDrillDown(code: string, year: number, regency: string) {
  return useQuery({
    queryKey: oversightKeys.drillDown(code, year, regency),
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{code}/oversight/{year}/regencies/{regency}', {
          params: { path: { code, year, regency } },
        }),
      ),
  });
}

export function useSaveNote(code: string, year: number, regency: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, input }: { version: number; input: NoteInput }) =>
      unwrap(
        api.PUT('/tenants/{code}/oversight/{year}/regencies/{regency}/note', {
          params: { path: { code, year, regency } },
          headers: ifMatch(version),
          body: input,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: oversightKeys.all(code) }),
  });
}

export function useRegionSummary(code: string, year: number) {
  return useQuery({
    queryKey: oversightKeys.summary(code, year),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/periods/{year}/summary', { params: { path: { code, year } } })),
  });
}

export function useTrend(code: string, year: number) {
  return useQuery({
    queryKey: oversightKeys.trend(code, year),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/periods/{year}/trend', { params: { path: { code, year } } })),
  });
}

export function useOfficialResults(code: string) {
  return useQuery({
    queryKey: oversightKeys.results(code),
    queryFn: () => unwrap(api.GET('/tenants/{code}/results', { params: { path: { code } } })),
    select: (data) => data.items,
  });
}

export function useSaveOfficialResult(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, version, input }: { year: number; version: number; input: OfficialResultInput }) =>
      unwrap(
        api.PUT('/tenants/{code}/results/{year}', {
          params: { path: { code, year } },
          headers: ifMatch(version),
          body: input,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tenants', code] }),
  });
}

export function useProvinceNote(code: string, year: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: oversightKeys.provinceNote(code, year),
    queryFn: () =>
      unwrap(api.GET('/tenants/{code}/periods/{year}/province-note', { params: { path: { code, year } } })),
  });
}

export function useNationalSummaries(year: number) {
  return useQuery({
    queryKey: oversightKeys.national(year),
    queryFn: () => unwrap(api.GET('/platform/summaries/{year}', { params: { path: { year } } })),
  });
}
