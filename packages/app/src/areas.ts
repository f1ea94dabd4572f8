import type { TenantKind } from '@inovasi/core';

export interface Area {
  readonly code: string;
  readonly name: string;
  readonly kind: TenantKind;
  readonly provinceCode: string;
}

export interface AreaDirectory {
  list(): Promise<readonly Area[]>;
  find(code: string): Promise<Area | undefined>;
}

/**
 * The official Kemendagri list of provinces, regencies and cities (from `idn-area-data`), loaded
 * once per process. Tenants can only be created for codes in this list. The package (CommonJS,
 * with its CSV parser) is imported on first use: few requests need the list, and a cold start
 * should not parse it (docs/decisions/0013).
 */
export function officialAreas(): AreaDirectory {
  let loading: Promise<Map<string, Area>> | undefined;
  const load = () => {
    loading ??= import('idn-area-data')
      .then(({ getProvinces, getRegencies }) => Promise.all([getProvinces(), getRegencies()]))
      .then(([provinces, regencies]) => {
        const areas = new Map<string, Area>();
        for (const province of provinces) {
          areas.set(province.code, {
            code: province.code,
            name: `Provinsi ${province.name}`,
            kind: 'provinsi',
            provinceCode: province.code,
          });
        }
        for (const regency of regencies) {
          const name = regency.name;
          areas.set(regency.code, {
            code: regency.code,
            name,
            kind: name.startsWith('Kota') ? 'kota' : 'kabupaten',
            provinceCode: regency.province_code,
          });
        }
        return areas;
      });
    return loading;
  };
  return {
    list: async () => [...(await load()).values()],
    find: async (code) => (await load()).get(code),
  };
}
