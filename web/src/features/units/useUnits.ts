import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/model.ts';

export type Unit =
  paths['/tenants/{code}/units']['get']['responses'][200]['content']['application/json']['items'][number];
export type UnitKind = Unit['kind'];
export const UNIT_KINDS: readonly UnitKind[] = [
  'puskesmas',
  'sd',
  'smp',
  'rsud',
  'kecamatan',
  'kelurahan',
  'desa',
];
/** Kinds that sit under a kecamatan unit rather than directly under the OPD. */
export const UNDER_KECAMATAN: readonly UnitKind[] = ['kelurahan', 'desa'];

const listUnits = (code: string) => unwrap(api.GET('/tenants/{code}/units', { params: { path: { code } } }));
export const unitsKey = (code: string) => ['tenants', code, 'units'] as const;

export function useUnits(code: string) {
  return useQuery({ queryKey: unitsKey(code), queryFn: () => listUnits(code), select: (data) => data.items });
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

export function useUnitMutations(code: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: unitsKey(code) });
  const create = useMutation({
    mutationFn: (body: { opdId: string; kind: UnitKind; name: string; parentUnitId?: string }) =>
      unwrap(api.POST('/tenants/{code}/units', { params: { path: { code } }, body })),
    onSettled: refresh,
  });
  const archive = useMutation({
    mutationFn: (unit: Unit) =>
      unwrap(
        api.POST('/tenants/{code}/units/{unitId}/archive', {
          params: { path: { code, unitId: unit.id } },
          headers: ifMatch(unit.version),
        }),
      ),
    onSettled: refresh,
  });
  const importList = useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      unwrap(
        api.POST('/tenants/{code}/units/import', {
          params: { path: { code } },
          body: {
            fileName: file.name,
            contentBase64: toBase64(new Uint8Array(await file.arrayBuffer())),
            dryRun,
          },
        }),
      ),
    onSettled: refresh,
  });
  return { create, archive, importList };
}
