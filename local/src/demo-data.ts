import type { InnovationProfile } from '@inovasi/core';

/** Demo regions: one province and five regencies/cities in three provinces. */
export const DEMO_TENANTS = ['35', '35.22', '35.20', '35.16', '63.03', '17.71'] as const;

interface DemoOpd {
  readonly key: string;
  readonly name: string;
  readonly kind: 'dinas' | 'badan' | 'kecamatan' | 'puskesmas' | 'sekolah' | 'rsud';
}

/** The OPDs every demo region gets; `opd1`/`opd2` demo operators belong to the first two. */
export const DEMO_OPDS: readonly DemoOpd[] = [
  { key: 'dinkes', name: 'Dinas Kesehatan', kind: 'dinas' },
  { key: 'disdik', name: 'Dinas Pendidikan', kind: 'dinas' },
  { key: 'bappeda', name: 'Badan Perencanaan Pembangunan Daerah', kind: 'badan' },
  { key: 'dpmptsp', name: 'Dinas Penanaman Modal dan PTSP', kind: 'dinas' },
  { key: 'kecamatan', name: 'Kecamatan Kota', kind: 'kecamatan' },
  { key: 'puskesmas', name: 'UPT Puskesmas Kota', kind: 'puskesmas' },
];

export interface DemoInnovation {
  readonly opd: string;
  readonly profile: InnovationProfile;
}

const words = (text: string, count: number): string => {
  const source = text.split(/\s+/);
  return Array.from({ length: count }, (_, index) => source[index % source.length]).join(' ');
};

const DESIGN =
  'Inovasi ini lahir dari keluhan warga tentang antrean panjang dan layanan yang tidak merata. Tim menyusun alur layanan baru, melatih petugas, menyiapkan sarana pendukung, dan membuka kanal pengaduan. Setiap bulan capaian dipantau bersama Bappeda dan hasilnya dilaporkan kepada kepala daerah untuk perbaikan berikutnya.';

export const demoInnovation = (
  opd: string,
  name: string,
  urusanMain: string,
  stage: InnovationProfile['stage'],
  kind: InnovationProfile['kind'],
  implementationDate: string,
  tujuan: string,
  designWords = 320,
): DemoInnovation => ({
  opd,
  profile: {
    name,
    stage,
    initiator: 'opd',
    classification: 'perangkat_daerah',
    kind,
    form: 'pelayanan_publik',
    urusanMain,
    trialDate: implementationDate,
    implementationDate,
    rancangBangun: words(DESIGN, designWords),
    tujuan,
    manfaat: 'Layanan lebih cepat, mudah dijangkau, dan dapat dipantau oleh warga.',
    hasil: 'Waktu layanan turun dan kepuasan masyarakat meningkat menurut survei kepuasan.',
    budget: 150_000_000,
  },
});

/** A handful of realistic innovations per regency; the province has a few of its own. */
export const DEMO_INNOVATIONS: Record<(typeof DEMO_TENANTS)[number], readonly DemoInnovation[]> = {
  '35': [
    demoInnovation(
      'bappeda',
      'Sistem Pendampingan Inovasi Kabupaten/Kota (SIPINKA)',
      'statistik',
      'penerapan',
      'digital',
      '2024-03-04',
      'Mendampingi kabupaten/kota se-Jawa Timur menyiapkan data inovasi.',
    ),
    demoInnovation(
      'dinkes',
      'Jatim Cegah Stunting Terpadu',
      'kesehatan',
      'penerapan',
      'non_digital',
      '2024-07-15',
      'Menurunkan prevalensi stunting melalui intervensi terpadu lintas OPD.',
    ),
  ],
  '35.22': [
    demoInnovation(
      'dinkes',
      'Gerakan Ibu Hamil Sehat (GERBANG SEHAT)',
      'kesehatan',
      'penerapan',
      'non_digital',
      '2024-02-12',
      'Menurunkan angka kematian ibu melalui pendampingan ibu hamil risiko tinggi.',
    ),
    demoInnovation(
      'disdik',
      'Sekolah Ramah Anak Digital (SERASI)',
      'pendidikan',
      'penerapan',
      'digital',
      '2024-08-01',
      'Memperluas akses belajar daring bagi siswa di desa terpencil.',
    ),
    demoInnovation(
      'puskesmas',
      'Posyandu Prima Online',
      'kesehatan',
      'uji_coba',
      'digital',
      '2025-01-20',
      'Mencatat tumbuh kembang balita secara daring di setiap posyandu.',
    ),
    demoInnovation(
      'dpmptsp',
      'Izin Kilat Satu Hari (IKAS)',
      'penanaman_modal',
      'penerapan',
      'digital',
      '2024-05-06',
      'Menyelesaikan perizinan berusaha dalam satu hari kerja.',
    ),
    demoInnovation(
      'kecamatan',
      'Kecamatan Tanggap Bencana Banjir',
      'trantibumlinmas',
      'inisiatif',
      'non_digital',
      '2025-03-10',
      'Menyiapkan warga bantaran Bengawan Solo menghadapi banjir.',
      120,
    ),
  ],
  '35.20': [
    demoInnovation(
      'dinkes',
      'Magetan Sehat Tanpa Antre (MASETA)',
      'kesehatan',
      'penerapan',
      'digital',
      '2024-04-01',
      'Mengurangi antrean pasien dengan pendaftaran daring.',
    ),
    demoInnovation(
      'disdik',
      'Guru Penggerak Literasi Desa',
      'pendidikan',
      'penerapan',
      'non_digital',
      '2024-09-02',
      'Meningkatkan kemampuan literasi siswa sekolah dasar di desa.',
    ),
    demoInnovation(
      'bappeda',
      'Dashboard Perencanaan Terpadu',
      'statistik',
      'uji_coba',
      'digital',
      '2025-02-03',
      'Menyatukan data perencanaan seluruh OPD dalam satu dasbor.',
    ),
  ],
  '35.16': [
    demoInnovation(
      'dinkes',
      'Ambulans Desa Siaga (AMDES)',
      'kesehatan',
      'penerapan',
      'non_digital',
      '2024-01-15',
      'Menjamin rujukan gawat darurat dari desa dalam 30 menit.',
    ),
    demoInnovation(
      'disdik',
      'Beasiswa Anak Petani Mojokerto',
      'pendidikan',
      'penerapan',
      'non_digital',
      '2024-06-17',
      'Mencegah putus sekolah anak keluarga petani.',
    ),
    demoInnovation(
      'dpmptsp',
      'Klinik Investasi Keliling',
      'penanaman_modal',
      'penerapan',
      'non_digital',
      '2024-10-07',
      'Mendekatkan layanan perizinan kepada pelaku usaha di kecamatan.',
    ),
    demoInnovation(
      'kecamatan',
      'Rumah Layak Huni Gotong Royong',
      'perkim',
      'uji_coba',
      'non_digital',
      '2025-04-14',
      'Memperbaiki rumah tidak layak huni bersama warga dan CSR.',
    ),
  ],
  '63.03': [
    demoInnovation(
      'dinkes',
      'Banjar Bebas Malaria (BARAMA)',
      'kesehatan',
      'penerapan',
      'non_digital',
      '2024-02-05',
      'Mempertahankan status eliminasi malaria di wilayah pegunungan.',
    ),
    demoInnovation(
      'disdik',
      'Sekolah Sungai',
      'pendidikan',
      'penerapan',
      'non_digital',
      '2024-07-22',
      'Menjangkau anak-anak di permukiman bantaran sungai.',
    ),
    demoInnovation(
      'bappeda',
      'Musrenbang Digital Banjar',
      'statistik',
      'penerapan',
      'digital',
      '2024-11-11',
      'Membuka usulan pembangunan warga secara daring.',
    ),
  ],
  '17.71': [
    demoInnovation(
      'dinkes',
      'Bengkulu Sehat Satu Klik',
      'kesehatan',
      'penerapan',
      'digital',
      '2024-03-18',
      'Memudahkan warga mengakses layanan kesehatan dari ponsel.',
    ),
    demoInnovation(
      'disdik',
      'Kelas Inspirasi Pesisir',
      'pendidikan',
      'penerapan',
      'non_digital',
      '2024-08-19',
      'Menghadirkan profesional ke sekolah-sekolah pesisir.',
    ),
    demoInnovation(
      'kecamatan',
      'Lurah Menyapa',
      'trantibumlinmas',
      'uji_coba',
      'non_digital',
      '2025-01-06',
      'Menyerap keluhan warga langsung oleh lurah setiap pekan.',
    ),
    demoInnovation(
      'puskesmas',
      'Puskesmas Ramah Lansia',
      'sosial',
      'penerapan',
      'non_digital',
      '2024-05-27',
      'Memberi jalur layanan khusus bagi warga lanjut usia.',
    ),
  ],
};

/** Demo e-mail addresses use the tenant code without dots: `admin.3522@demo.local`. */
export const demoEmail = (role: 'admin' | 'verifikator' | 'opd1' | 'opd2' | 'pimpinan', tenantCode: string) =>
  `${role}.${tenantCode.replace('.', '')}@demo.local`;

export const PLATFORM_ADMIN_EMAIL = 'platform@demo.local';

/**
 * The region's leaders who read the command centre (ADR 0030): one demo region has one, so the
 * README's tour shows the role without every region's sign-in list growing.
 */
export const DEMO_LEADERS = [
  { tenantCode: '35.22', name: 'Sekretaris Daerah Kabupaten Bojonegoro' },
  // Kota Bengkulu's Sekda, who sets the "two per unit" rule (issue 21, ADR 0036).
  { tenantCode: '17.71', name: 'Sekretaris Daerah Kota Bengkulu' },
] as const;
