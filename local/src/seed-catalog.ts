import type { AreaDirectory } from '@inovasi/app/areas';
import { buildCatalogEntryContent, type CatalogTheme, type Innovation } from '@inovasi/core';
import {
  CatalogPublisher,
  catalogPublisherScope,
  type InnovationRepository,
  repositoriesFor,
  type ScopedClientFactory,
  tenantScope,
} from '@inovasi/data';
import { DEMO_TENANTS } from './demo-data.ts';
import { seedOnce } from './seed-steps.ts';

const SEED_NAME = 'demo-catalog-v1';
const PUBLISHED_FROM = Date.parse('2026-01-06T08:00:00.000Z');

interface DemoPublication {
  readonly name: string;
  readonly themes?: readonly CatalogTheme[];
  readonly contactRole: string;
}

/**
 * Demo innovations each region has published, so the public catalogue has content on a fresh
 * start: several urusan and themes across three provinces, enough to try every facet.
 */
export const DEMO_PUBLICATIONS: Readonly<Record<(typeof DEMO_TENANTS)[number], readonly DemoPublication[]>> =
  {
    '35': [
      {
        name: 'Jatim Cegah Stunting Terpadu',
        themes: ['stunting', 'kesehatan_ibu_anak'],
        contactRole: 'Kepala Bidang Kesehatan Masyarakat, Dinas Kesehatan Provinsi',
      },
    ],
    '35.22': [
      {
        name: 'Gerakan Ibu Hamil Sehat (GERBANG SEHAT)',
        contactRole: 'Kepala Seksi Kesehatan Keluarga, Dinkes',
      },
      { name: 'Sekolah Ramah Anak Digital (SERASI)', contactRole: 'Kepala Bidang Pembinaan SD, Disdik' },
      {
        name: 'Izin Kilat Satu Hari (IKAS)',
        themes: ['investasi', 'digitalisasi_layanan'],
        contactRole: 'Kepala Bidang Pelayanan Perizinan, DPMPTSP',
      },
      {
        name: 'Posyandu Prima Online',
        themes: ['stunting', 'digitalisasi_layanan'],
        contactRole: 'Kepala UPT Puskesmas',
      },
    ],
    '35.20': [
      {
        name: 'Magetan Sehat Tanpa Antre (MASETA)',
        contactRole: 'Kepala Bidang Pelayanan Kesehatan, Dinkes',
      },
      { name: 'Guru Penggerak Literasi Desa', contactRole: 'Kepala Bidang Pendidikan Dasar, Disdik' },
    ],
    '35.16': [
      { name: 'Ambulans Desa Siaga (AMDES)', contactRole: 'Kepala Seksi Rujukan, Dinkes' },
      {
        name: 'Beasiswa Anak Petani Mojokerto',
        themes: ['kemiskinan', 'pendidikan'],
        contactRole: 'Kepala Bidang Pendidikan, Disdik',
      },
      {
        name: 'Klinik Investasi Keliling',
        themes: ['investasi', 'umkm'],
        contactRole: 'Kepala Bidang Promosi Investasi, DPMPTSP',
      },
    ],
    '63.03': [
      { name: 'Banjar Bebas Malaria (BARAMA)', contactRole: 'Kepala Seksi Pencegahan Penyakit, Dinkes' },
      {
        name: 'Sekolah Sungai',
        themes: ['pendidikan', 'kemiskinan'],
        contactRole: 'Kepala Bidang SD, Disdik',
      },
      { name: 'Musrenbang Digital Banjar', contactRole: 'Kepala Bidang Perencanaan, Bappeda' },
    ],
    '17.71': [
      { name: 'Bengkulu Sehat Satu Klik', contactRole: 'Kepala Bidang Pelayanan Kesehatan, Dinkes' },
      { name: 'Puskesmas Ramah Lansia', contactRole: 'Kepala UPT Puskesmas' },
    ],
  };

async function allInnovations(repository: InnovationRepository): Promise<Innovation[]> {
  const all: Innovation[] = [];
  let cursor: string | undefined;
  do {
    const page = await repository.list({ limit: 100, cursor });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/**
 * Publishes the demo innovations above through the same builder and publisher the API uses, so
 * the entries hold public fields only. Runs once per store (its own marker), also on a store
 * that was seeded before the catalogue existed.
 */
export async function seedDemoCatalog(data: ScopedClientFactory, areas: AreaDirectory): Promise<boolean> {
  return seedOnce(data, SEED_NAME, false, () => publishDemoCatalog(data, areas));
}

/** The publication itself: true when it published any entry. */
async function publishDemoCatalog(data: ScopedClientFactory, areas: AreaDirectory): Promise<boolean> {
  let published = 0;
  for (const code of DEMO_TENANTS) {
    const {
      profile,
      opds,
      innovations: repository,
    } = repositoriesFor(data.forScope(tenantScope(code, true)));
    const tenant = await profile.get();
    if (!tenant) continue;
    const province = await areas.find(tenant.provinceCode);
    const innovations = await allInnovations(repository);
    const publisher = new CatalogPublisher(data.forScope(catalogPublisherScope(code)));
    for (const publication of DEMO_PUBLICATIONS[code]) {
      const innovation = innovations.find((candidate) => candidate.profile.name === publication.name);
      const opd = innovation && (await opds.get(innovation.opdId));
      if (!innovation || !opd) continue;
      const content = buildCatalogEntryContent({
        innovation,
        tenant,
        province: { code: tenant.provinceCode, name: province?.name ?? tenant.provinceCode },
        opd,
        options: {
          contactRole: publication.contactRole,
          ...(publication.themes ? { themes: [...publication.themes] } : {}),
        },
      });
      // Spread over days, so "newest first" shows a real order.
      await publisher.publish(content, new Date(PUBLISHED_FROM + published * 86_400_000).toISOString());
      published++;
    }
  }
  return published > 0;
}
