import { evidence, ladder } from './define.ts';
import { IID_2026_EVIDENCE_RULES } from './iid-2026-evidence.ts';
import type { KemanfaatanBasis, Rubric, SidIndicator, SpdRow } from './types.ts';

/**
 * IID 2026 (Lampiran I/II of Surat Kepala BSKDN No. 400.10.11/1887/BSKDN, 29 April 2026), as
 * transcribed in iid-model.md §3.1–3.3 and formula §4.2. The Lampiran itself was not readable; three
 * independent transcriptions agree on the weights. Evidence texts of the SPD rows are lower confidence.
 *
 * Domain notes (ADR 0017): the five mandatory SID indicators (sid.16, 17, 32, 33, 35) gate the
 * verified score and the ready step; sid.33 figures are rounded half-up to their basis's `decimals`
 * (whole numbers for a, e, f; two decimals for b, c, d) so the transcribed ranges tile without gaps.
 * ADR 0029: `regionWide` marks the levels of sid.16 and sid.23 whose evidence text accepts one
 * regional act naming every innovation; the advice makes each such act one lever.
 */

const BOUNDARY_OVERLAP = 'spd-boundary-overlap';
const TWO_DECIMAL_COMPARISON = 'spd-two-decimal-comparison';
const SID33_ROUNDING = 'sid33-rounding';
const NUMERIC_ASSUMPTIONS = [BOUNDARY_OVERLAP, TWO_DECIMAL_COMPARISON] as const;

const INSTITUSI = 'Institusi';
const SDM = 'Sumber Daya Manusia';
const EKOSISTEM = 'Ekosistem Inovasi dan Kajian';

const bpsFigures = (what: string) =>
  evidence(
    `Data BPS ${what} tahun T-1 dan T-2 (publikasi resmi atau tangkapan layar situs BPS)`,
    'pdf',
    'jpg',
  );

const SPD_ROWS: readonly SpdRow[] = [
  {
    aspect: 'spd',
    code: 'spd.1',
    number: '1',
    name: 'Visi dan Misi',
    variable: INSTITUSI,
    weight: 1,
    mandatory: true,
    levels: ladder(
      [
        'Kepala daerah memiliki misi yang memuat inovasi',
        'Kepala daerah memiliki visi yang memuat inovasi',
        'Kepala daerah memiliki visi dan misi yang memuat inovasi',
      ],
      evidence('RPJMD atau Peraturan Kepala Daerah yang memuat visi dan/atau misi tentang inovasi', 'pdf'),
    ),
  },
  {
    aspect: 'spd',
    code: 'spd.2a',
    number: '2a',
    name: 'Penetapan APBD tepat waktu (3 tahun terakhir)',
    variable: INSTITUSI,
    weight: 1,
    mandatory: false,
    levels: ladder(
      [
        'APBD ditetapkan tepat waktu 1 kali dalam 3 tahun terakhir',
        'APBD ditetapkan tepat waktu 2 kali dalam 3 tahun terakhir',
        'APBD ditetapkan tepat waktu 3 kali dalam 3 tahun terakhir',
      ],
      evidence('Dokumen penetapan APBD 3 tahun terakhir (Perda APBD beserta tanggal penetapannya)', 'pdf'),
    ),
    derivation: {
      kind: 'numeric',
      measure: 'count',
      unit: 'tahun',
      decimals: 0,
      bands: [
        { level: 1, min: 1, max: 1 },
        { level: 2, min: 2, max: 2 },
        { level: 3, min: 3, max: 3 },
      ],
    },
  },
  {
    aspect: 'spd',
    code: 'spd.2b',
    number: '2b',
    name: 'Pengalokasian mandatory spending',
    variable: INSTITUSI,
    weight: 1,
    mandatory: false,
    levels: ladder(
      [
        'Memenuhi 2 komponen mandatory spending',
        'Memenuhi 3 komponen mandatory spending',
        'Memenuhi lebih dari 3 komponen mandatory spending',
      ],
      evidence(
        'Dokumen APBD yang menunjukkan alokasi mandatory spending: pendidikan 20%, kesehatan 10%, ' +
          'infrastruktur 40% dari DTU, belanja pegawai paling tinggi 30%',
        'pdf',
      ),
    ),
    derivation: {
      kind: 'numeric',
      measure: 'count',
      unit: 'komponen',
      decimals: 0,
      bands: [
        { level: 1, min: 2, max: 2 },
        { level: 2, min: 3, max: 3 },
        { level: 3, min: 3, minExclusive: true },
      ],
    },
  },
  {
    aspect: 'spd',
    code: 'spd.3',
    number: '3',
    name: 'Kualitas peningkatan perizinan',
    variable: INSTITUSI,
    weight: 1,
    mandatory: true,
    levels: ladder(
      [
        'Pertumbuhan jumlah izin terbit ≤ −50,32%',
        'Pertumbuhan jumlah izin terbit −50,33% s.d. 8,16%',
        'Pertumbuhan jumlah izin terbit ≥ 8,17%',
      ],
      evidence('Data jumlah izin terbit dari DPMPTSP tahun T-1 dan T-2', 'pdf'),
    ),
    derivation: {
      kind: 'numeric',
      measure: 'growth_percent',
      unit: '%',
      decimals: 2,
      bands: [
        { level: 1, max: -50.32 },
        { level: 2, min: -50.33, max: 8.16 },
        { level: 3, min: 8.17 },
      ],
      assumptionIds: NUMERIC_ASSUMPTIONS,
    },
  },
  {
    aspect: 'spd',
    code: 'spd.4',
    number: '4',
    name: 'Jumlah pendapatan perkapita',
    variable: INSTITUSI,
    weight: 1,
    mandatory: true,
    levels: ladder(
      [
        'Pertumbuhan pendapatan per kapita ≤ 2,04%',
        'Pertumbuhan pendapatan per kapita 2,05% s.d. 5,23%',
        'Pertumbuhan pendapatan per kapita ≥ 5,23%',
      ],
      bpsFigures('pendapatan per kapita atas dasar harga konstan'),
    ),
    derivation: {
      kind: 'numeric',
      measure: 'growth_percent',
      unit: '%',
      decimals: 2,
      bands: [
        { level: 1, max: 2.04 },
        { level: 2, min: 2.05, max: 5.23 },
        { level: 3, min: 5.23 },
      ],
      assumptionIds: NUMERIC_ASSUMPTIONS,
    },
  },
  {
    aspect: 'spd',
    code: 'spd.5a',
    number: '5a',
    name: 'Progres penurunan Tingkat Pengangguran Terbuka (TPT)',
    variable: INSTITUSI,
    weight: 0.75,
    mandatory: true,
    levels: ladder(
      [
        'Penurunan TPT ≤ 0,00 poin persen',
        'Penurunan TPT 0,01 s.d. 0,36 poin persen',
        'Penurunan TPT ≥ 0,36 poin persen',
      ],
      bpsFigures('Tingkat Pengangguran Terbuka'),
    ),
    derivation: {
      kind: 'numeric',
      measure: 'decrease',
      unit: 'poin persen',
      decimals: 2,
      bands: [
        { level: 1, max: 0 },
        { level: 2, min: 0.01, max: 0.36 },
        { level: 3, min: 0.36 },
      ],
      assumptionIds: NUMERIC_ASSUMPTIONS,
    },
  },
  {
    aspect: 'spd',
    code: 'spd.5b',
    number: '5b',
    name: 'Persentase Tingkat Pengangguran Terbuka (TPT) tahun T-1',
    variable: INSTITUSI,
    weight: 0.75,
    mandatory: true,
    levels: ladder(
      ['TPT ≥ 5,91%', 'TPT 2,34% s.d. 5,92%', 'TPT ≤ 2,35%'],
      bpsFigures('Tingkat Pengangguran Terbuka'),
    ),
    derivation: {
      kind: 'numeric',
      measure: 'latest',
      unit: '%',
      decimals: 2,
      bands: [
        { level: 1, min: 5.91 },
        { level: 2, min: 2.34, max: 5.92 },
        { level: 3, max: 2.35 },
      ],
      assumptionIds: NUMERIC_ASSUMPTIONS,
    },
  },
  {
    aspect: 'spd',
    code: 'spd.6',
    number: '6',
    name: 'Jumlah peningkatan investasi',
    variable: INSTITUSI,
    weight: 1.5,
    mandatory: true,
    levels: ladder(
      [
        'Pertumbuhan realisasi investasi ≤ −47,42%',
        'Pertumbuhan realisasi investasi −47,43% s.d. 94,75%',
        'Pertumbuhan realisasi investasi ≥ 94,76%',
      ],
      evidence('Data realisasi investasi (Rp) tahun T-1 dan T-2', 'pdf'),
    ),
    derivation: {
      kind: 'numeric',
      measure: 'growth_percent',
      unit: '%',
      decimals: 2,
      bands: [
        { level: 1, max: -47.42 },
        { level: 2, min: -47.43, max: 94.75 },
        { level: 3, min: 94.76 },
      ],
      assumptionIds: NUMERIC_ASSUMPTIONS,
    },
  },
  {
    aspect: 'spd',
    code: 'spd.7',
    number: '7',
    name: 'Jumlah peningkatan Pendapatan Asli Daerah (PAD)',
    variable: INSTITUSI,
    weight: 1.5,
    mandatory: true,
    levels: ladder(
      ['Pertumbuhan PAD ≤ −5,14%', 'Pertumbuhan PAD −5,15% s.d. 33,84%', 'Pertumbuhan PAD ≥ 33,85%'],
      evidence('Laporan realisasi PAD tahun T-1 dan T-2', 'pdf'),
    ),
    derivation: {
      kind: 'numeric',
      measure: 'growth_percent',
      unit: '%',
      decimals: 2,
      bands: [
        { level: 1, max: -5.14 },
        { level: 2, min: -5.15, max: 33.84 },
        { level: 3, min: 33.85 },
      ],
      assumptionIds: NUMERIC_ASSUMPTIONS,
    },
  },
  {
    aspect: 'spd',
    code: 'spd.8',
    number: '8',
    name: 'Opini BPK',
    variable: INSTITUSI,
    weight: 1.5,
    mandatory: true,
    levels: ladder(
      [
        'Opini Tidak Menyatakan Pendapat (TMP/disclaimer) atau Tidak Wajar (TW)',
        'Opini Wajar Dengan Pengecualian (WDP)',
        'Opini Wajar Tanpa Pengecualian (WTP)',
      ],
      evidence('Laporan Hasil Pemeriksaan BPK atas laporan keuangan pemerintah daerah tahun T-1', 'pdf'),
    ),
    derivation: {
      kind: 'grade',
      grades: [
        { level: 1, values: ['TMP', 'TW'] },
        { level: 2, values: ['WDP'] },
        { level: 3, values: ['WTP'] },
      ],
    },
  },
  {
    aspect: 'spd',
    code: 'spd.9',
    number: '9',
    name: 'Nilai capaian LAKIP',
    variable: INSTITUSI,
    weight: 1,
    mandatory: true,
    levels: ladder(
      ['Nilai SAKIP/LAKIP D atau C', 'Nilai SAKIP/LAKIP B', 'Nilai SAKIP/LAKIP A'],
      evidence('Laporan Hasil Evaluasi SAKIP tahun T-1', 'pdf'),
    ),
    derivation: {
      kind: 'grade',
      grades: [
        { level: 1, values: ['D', 'C'] },
        { level: 2, values: ['B'] },
        { level: 3, values: ['A'] },
      ],
    },
  },
  {
    aspect: 'spd',
    code: 'spd.10a',
    number: '10a',
    name: 'Progres penurunan angka kemiskinan',
    variable: INSTITUSI,
    weight: 0.75,
    mandatory: true,
    levels: ladder(
      [
        'Penurunan persentase penduduk miskin ≤ 0,07 poin persen',
        'Penurunan persentase penduduk miskin 0,08 s.d. 1,15 poin persen',
        'Penurunan persentase penduduk miskin ≥ 1,16 poin persen',
      ],
      bpsFigures('persentase penduduk miskin'),
    ),
    derivation: {
      kind: 'numeric',
      measure: 'decrease',
      unit: 'poin persen',
      decimals: 2,
      bands: [
        { level: 1, max: 0.07 },
        { level: 2, min: 0.08, max: 1.15 },
        { level: 3, min: 1.16 },
      ],
      assumptionIds: [TWO_DECIMAL_COMPARISON],
    },
  },
  {
    aspect: 'spd',
    code: 'spd.10b',
    number: '10b',
    name: 'Persentase penduduk miskin tahun T-1',
    variable: INSTITUSI,
    weight: 0.75,
    mandatory: true,
    levels: ladder(
      ['Penduduk miskin ≥ 13,10%', 'Penduduk miskin 4,81% s.d. 13,11%', 'Penduduk miskin ≤ 4,82%'],
      bpsFigures('persentase penduduk miskin'),
    ),
    derivation: {
      kind: 'numeric',
      measure: 'latest',
      unit: '%',
      decimals: 2,
      bands: [
        { level: 1, min: 13.1 },
        { level: 2, min: 4.81, max: 13.11 },
        { level: 3, max: 4.82 },
      ],
      assumptionIds: NUMERIC_ASSUMPTIONS,
    },
  },
  {
    aspect: 'spd',
    code: 'spd.11a',
    number: '11a',
    name: 'Peningkatan Indeks Pembangunan Manusia (IPM) 2 tahun terakhir',
    variable: SDM,
    weight: 0.75,
    mandatory: true,
    levels: ladder(
      ['Kenaikan IPM ≤ 0,55 poin', 'Kenaikan IPM 0,56 s.d. 0,90 poin', 'Kenaikan IPM ≥ 0,90 poin'],
      bpsFigures('Indeks Pembangunan Manusia'),
    ),
    derivation: {
      kind: 'numeric',
      measure: 'increase',
      unit: 'poin',
      decimals: 2,
      bands: [
        { level: 1, max: 0.55 },
        { level: 2, min: 0.56, max: 0.9 },
        { level: 3, min: 0.9 },
      ],
      assumptionIds: NUMERIC_ASSUMPTIONS,
    },
  },
  {
    aspect: 'spd',
    code: 'spd.11b',
    number: '11b',
    name: 'Capaian Indeks Pembangunan Manusia (IPM) tahun terakhir',
    variable: SDM,
    weight: 0.75,
    mandatory: true,
    levels: ladder(
      ['IPM ≤ 69,99', 'IPM 70,00 s.d. 79,99', 'IPM ≥ 80,00'],
      bpsFigures('Indeks Pembangunan Manusia'),
    ),
    derivation: {
      kind: 'numeric',
      measure: 'latest',
      unit: 'poin',
      decimals: 2,
      bands: [
        { level: 1, max: 69.99 },
        { level: 2, min: 70, max: 79.99 },
        { level: 3, min: 80 },
      ],
      assumptionIds: [TWO_DECIMAL_COMPARISON],
    },
  },
  {
    aspect: 'spd',
    code: 'spd.12',
    number: '12',
    name: 'Penghargaan bagi inovator',
    variable: SDM,
    weight: 2,
    mandatory: false,
    levels: ladder(
      [
        'Inovator menerima piagam penghargaan',
        'Inovator menerima piagam dan hadiah/insentif',
        'Inovator menerima piagam dan insentif, serta ada mekanisme pengendalian budaya inovasi',
      ],
      [
        evidence('Piagam penghargaan bagi inovator dalam 2 tahun terakhir', 'pdf', 'jpg'),
        evidence(
          'Piagam penghargaan dan bukti pemberian hadiah/insentif dalam 2 tahun terakhir',
          'pdf',
          'jpg',
        ),
        evidence(
          'Piagam, bukti insentif, dan dokumen mekanisme pengendalian budaya inovasi (mis. Perkada atau SK)',
          'pdf',
          'jpg',
        ),
      ],
    ),
  },
  {
    aspect: 'spd',
    code: 'spd.13a',
    number: '13a',
    name: 'Jumlah rekomendasi kebijakan yang mendukung inovasi',
    variable: EKOSISTEM,
    weight: 1,
    mandatory: false,
    levels: ladder(
      ['1–3 rekomendasi kebijakan', '4–7 rekomendasi kebijakan', 'Lebih dari 7 rekomendasi kebijakan'],
      evidence('Dokumen rekomendasi kebijakan (policy brief/policy paper) yang mendukung inovasi', 'pdf'),
    ),
    derivation: {
      kind: 'numeric',
      measure: 'count',
      unit: 'rekomendasi',
      decimals: 0,
      bands: [
        { level: 1, min: 1, max: 3 },
        { level: 2, min: 4, max: 7 },
        { level: 3, min: 7, minExclusive: true },
      ],
    },
  },
  {
    aspect: 'spd',
    code: 'spd.13b',
    number: '13b',
    name: 'Capaian Nilai Indeks Kualitas Kebijakan (IKK)',
    variable: EKOSISTEM,
    weight: 1,
    mandatory: false,
    levels: ladder(
      ['IKK kategori Cukup atau Kurang', 'IKK kategori Baik', 'IKK kategori Unggul atau Sangat Baik'],
      evidence('Hasil penilaian Indeks Kualitas Kebijakan', 'pdf'),
    ),
    derivation: {
      kind: 'grade',
      grades: [
        { level: 1, values: ['Cukup', 'Kurang'] },
        { level: 2, values: ['Baik'] },
        { level: 3, values: ['Unggul', 'Sangat Baik'] },
      ],
    },
  },
  {
    aspect: 'spd',
    code: 'spd.14',
    number: '14',
    name: 'Rencana Induk dan Peta Jalan Pemajuan Iptek Daerah (RIPJ PID)',
    variable: EKOSISTEM,
    weight: 1,
    mandatory: false,
    levels: ladder(
      [
        'RIPJ PID masih berupa rancangan',
        'RIPJ PID selesai disusun dan disepakati',
        'RIPJ PID ditetapkan dengan Peraturan Kepala Daerah',
      ],
      [
        evidence('Rancangan dokumen RIPJ PID', 'pdf'),
        evidence('Dokumen RIPJ PID beserta bukti kesepakatan (mis. berita acara)', 'pdf'),
        evidence('Peraturan Kepala Daerah tentang RIPJ PID', 'pdf'),
      ],
    ),
  },
  {
    aspect: 'spd',
    code: 'spd.15',
    number: '15',
    name: 'Fasilitasi pengakuan HAKI atas inovasi daerah',
    variable: EKOSISTEM,
    weight: 1,
    mandatory: false,
    levels: ladder(
      [
        'Sosialisasi HAKI',
        'Sosialisasi dan fasilitasi administrasi pendaftaran HAKI',
        'Sosialisasi, fasilitasi administrasi, dan insentif pembiayaan pendaftaran HAKI',
      ],
      [
        evidence('Bukti sosialisasi HAKI (undangan, daftar hadir, foto kegiatan)', 'pdf', 'jpg'),
        evidence('Bukti sosialisasi dan fasilitasi administrasi pendaftaran HAKI', 'pdf', 'jpg'),
        evidence(
          'Bukti sosialisasi, fasilitasi administrasi, dan pembiayaan pendaftaran HAKI (mis. DPA, kuitansi)',
          'pdf',
          'jpg',
        ),
      ],
    ),
  },
];

const INFRASTRUKTUR = 'Infrastruktur';
const OUTPUT = 'Output Pengetahuan dan Teknologi';
const BISNIS_PROSES = 'Kecepatan Bisnis Proses';
const KECANGGIHAN = 'Kecanggihan Produk';
const HASIL_KREATIF = 'Jumlah Inovasi & Hasil Kreatif';

const NON_DIGITAL_SIGNATURES =
  'Rekap layanan non-digital wajib memuat tanda tangan atau testimoni penerima manfaat.';

const KEMANFAATAN_BASES: readonly KemanfaatanBasis[] = [
  {
    basis: 'a',
    name: 'Jumlah penerima manfaat',
    unit: 'orang',
    levels: ladder(
      [
        '1–200 orang penerima manfaat',
        '201–500 orang penerima manfaat',
        '501 orang atau lebih penerima manfaat',
      ],
      evidence(
        'Daftar penerima manfaat (layanan luring) atau tangkapan layar jumlah pengguna (layanan daring). ' +
          NON_DIGITAL_SIGNATURES,
        'pdf',
        'jpg',
      ),
    ),
    decimals: 0,
    ranges: [
      { level: 1, min: 1, max: 200 },
      { level: 2, min: 201, max: 500 },
      { level: 3, min: 501 },
    ],
    assumptionIds: [SID33_ROUNDING],
  },
  {
    basis: 'b',
    name: 'Cakupan unit sasaran',
    unit: '% unit sasaran',
    levels: ladder(
      ['5,00%–20,00% unit sasaran', '20,01%–50,00% unit sasaran', 'Lebih dari 50,00% unit sasaran'],
      evidence(
        `Rekap jumlah unit sasaran sebelum dan sesudah inovasi. ${NON_DIGITAL_SIGNATURES}`,
        'pdf',
        'jpg',
      ),
    ),
    decimals: 2,
    ranges: [
      { level: 1, min: 5, max: 20 },
      { level: 2, min: 20.01, max: 50 },
      { level: 3, min: 50, minExclusive: true },
    ],
    assumptionIds: [SID33_ROUNDING],
  },
  {
    basis: 'c',
    name: 'Efisiensi belanja',
    unit: '% efisiensi',
    levels: ladder(
      ['Efisiensi belanja 0,01%–10,00%', 'Efisiensi belanja 10,01%–20,00%', 'Efisiensi belanja 20,01%–30%'],
      evidence('Laporan belanja sebelum dan sesudah inovasi', 'pdf'),
    ),
    decimals: 2,
    ranges: [
      { level: 1, min: 0.01, max: 10 },
      { level: 2, min: 10.01, max: 20 },
      { level: 3, min: 20.01 },
    ],
    assumptionIds: [SID33_ROUNDING, 'sid33-basis-c-upper-bound'],
  },
  {
    basis: 'd',
    name: 'Peningkatan pendapatan pemda/perangkat daerah/unit',
    unit: '% kenaikan pendapatan',
    levels: ladder(
      [
        'Kenaikan pendapatan 0,01%–9,99%',
        'Kenaikan pendapatan 10,00%–19,99%',
        'Kenaikan pendapatan 20% atau lebih',
      ],
      evidence(
        'Laporan keuangan pembanding: diterapkan 2025 → 2025 dibanding 2024; berjalan sejak 2024 → 2025 ' +
          'dibanding 2024; diterapkan 2023 dan dikembangkan 2024 → 2025 dibanding 2024; berhenti 2025 → ' +
          '2024 dibanding 2023',
        'pdf',
      ),
    ),
    decimals: 2,
    ranges: [
      { level: 1, min: 0.01, max: 9.99 },
      { level: 2, min: 10, max: 19.99 },
      { level: 3, min: 20 },
    ],
    assumptionIds: [SID33_ROUNDING],
  },
  {
    basis: 'e',
    name: 'Jumlah produk yang dihasilkan atau terjual',
    unit: 'produk',
    levels: ladder(
      ['1–100 produk', '101–200 produk', 'Lebih dari 200 produk'],
      evidence(`Rekap produk yang dihasilkan atau terjual. ${NON_DIGITAL_SIGNATURES}`, 'pdf', 'jpg'),
    ),
    decimals: 0,
    ranges: [
      { level: 1, min: 1, max: 100 },
      { level: 2, min: 101, max: 200 },
      { level: 3, min: 200, minExclusive: true },
    ],
    assumptionIds: [SID33_ROUNDING],
  },
  {
    basis: 'f',
    name: 'Tren kinerja positif',
    unit: 'periode',
    levels: ladder(
      ['Tren positif 1 periode', 'Tren positif 2 periode', 'Tren positif 3 periode'],
      evidence(
        'Analisis/kajian/laporan pelaksana inovasi (periode = bulan, triwulan, semester atau tahun), terbatas ' +
          'pada unit yang dilayani, bukan data makro daerah',
        'pdf',
      ),
    ),
    decimals: 0,
    ranges: [
      { level: 1, min: 1, max: 1 },
      { level: 2, min: 2, max: 2 },
      { level: 3, min: 3 },
    ],
    assumptionIds: [SID33_ROUNDING, 'sid33-basis-f-three-or-more'],
  },
];

const SID_INDICATORS: readonly SidIndicator[] = [
  {
    aspect: 'sid',
    code: 'sid.16',
    number: '16',
    name: 'Regulasi Inovasi Daerah',
    variable: INFRASTRUKTUR,
    weight: 3,
    mandatory: true,
    // The evidence asks for "the page that names the innovation" with "lampiran diperbolehkan", and
    // at level 3 an SK/Perkada "yang memuat daftar inovasi (juncto)": one act listing every innovation
    // supports each of them (ADR 0029). The date rules of each level still apply.
    regionWide: [
      {
        level: 1,
        document_id: 'SK Kepala Daerah (Bupati/Wali Kota) dengan daftar inovasi dalam lampirannya',
        document_en: 'a regional head’s decree (SK Bupati/Wali Kota) listing the innovations in its annex',
      },
      {
        level: 2,
        document_id: 'Peraturan Kepala Daerah (Perbup/Perwali) yang menyebut nama setiap inovasi',
        document_en: 'a regional head’s regulation (Perbup/Perwali) naming each innovation',
      },
      {
        level: 3,
        document_id: 'SK/Perkada yang memuat daftar inovasi, juncto Perda inovasi daerah yang berlaku',
        document_en:
          'an SK/Perkada listing the innovations, read with the regional innovation Perda in force',
      },
    ],
    levels: ladder(
      [
        'SK Kepala Daerah, atau Keputusan Kepala Perangkat Daerah yang ditandatangani atas nama Kepala Daerah',
        'Peraturan Kepala Daerah (Perkada)',
        'Peraturan Daerah (Perda)',
      ],
      [
        evidence(
          'Halaman depan SK dan halaman yang menyebut nama inovasi (lampiran diperbolehkan); SK bertanggal ' +
            'pada tahun pengajuan dan berbentuk sesuai Permendagri 1/2023 tentang Tata Naskah Dinas',
          'pdf',
        ),
        evidence(
          'Halaman depan Perkada dan halaman yang menyebut nama inovasi; Perkada masih berlaku dan ditetapkan ' +
            'sebelum tahun 2026',
          'pdf',
        ),
        evidence(
          'Halaman depan Perda yang masih berlaku dan ditetapkan sebelum tahun 2026; bila Perda tidak menyebut ' +
            'nama inovasi, sertakan SK/Perkada yang memuat daftar inovasi (juncto)',
          'pdf',
        ),
      ],
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.17',
    number: '17',
    name: 'Ketersediaan dan peran SDM terhadap inovasi daerah',
    variable: INFRASTRUKTUR,
    weight: 2,
    mandatory: true,
    levels: ladder(
      ['1–10 SDM pengelola inovasi', '11–30 SDM pengelola inovasi', 'Lebih dari 30 SDM pengelola inovasi'],
      evidence(
        'SK Kepala Daerah atau Surat Penugasan/Surat Perintah (tanda tangan basah atau elektronik) yang ' +
          'mencakup T-2, T-1 dan T-0 serta memuat peran setiap SDM (SK T-0 boleh ditambahkan bila SK lama ' +
          'belum memuat peran)',
        'pdf',
      ),
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.18',
    number: '18',
    name: 'Dukungan anggaran',
    variable: INFRASTRUKTUR,
    weight: 2,
    mandatory: false,
    levels: ladder(
      [
        'Anggaran inovasi tersedia pada satu tahun anggaran (T-2, T-1 atau T-0)',
        'Anggaran inovasi tersedia pada dua tahun berturut-turut (T-1 dan T-0, atau T-1 dan T-2)',
        'Anggaran inovasi tersedia pada T-0, T-1 dan T-2',
      ],
      [
        evidence(
          'Dokumen anggaran satu tahun: bab, subbab dan halaman dengan mata anggaran inovasi diberi tanda ' +
            '(highlight); sekolah dapat memakai BOSP, fasilitas kesehatan BOK/JKN',
          'pdf',
        ),
        evidence(
          'Dokumen anggaran dua tahun berturut-turut dengan mata anggaran inovasi diberi tanda (highlight)',
          'pdf',
        ),
        evidence(
          'Dokumen anggaran T-0, T-1 dan T-2 dengan mata anggaran inovasi diberi tanda (highlight)',
          'pdf',
        ),
      ],
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.19',
    number: '19',
    name: 'Alat Kerja',
    variable: KECANGGIHAN,
    weight: 2,
    mandatory: false,
    levels: ladder(
      [
        'Manual/non-elektronik (tatap muka, jemput bola, noken)',
        'Perangkat elektronik (mesin EDC, telepon)',
        'Sistem informasi daring/kecerdasan buatan (platform media sosial, AI, IoT, super-app)',
      ],
      evidence(
        'Foto kegiatan atau tangkapan layar yang menunjukkan alat kerja yang dipakai',
        'pdf',
        'jpg',
        'png',
      ),
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.20',
    number: '20',
    name: 'Bimtek inovasi',
    variable: INFRASTRUKTUR,
    weight: 1,
    mandatory: false,
    levels: ladder(
      [
        '1 kali bimtek/pelatihan/TOT dalam 3 tahun terakhir (T-2 s.d. T-0)',
        '2 kali bimtek/pelatihan/TOT dalam 3 tahun terakhir (T-2 s.d. T-0)',
        '3 kali atau lebih bimtek/pelatihan/TOT dalam 3 tahun terakhir (T-2 s.d. T-0)',
      ],
      [
        evidence(
          'Satu set per kegiatan (1 kegiatan): SK/Surat Tugas/Undangan, daftar hadir, sertifikat',
          'pdf',
        ),
        evidence(
          'Satu set per kegiatan (2 kegiatan): SK/Surat Tugas/Undangan, daftar hadir, sertifikat',
          'pdf',
        ),
        evidence(
          'Satu set per kegiatan (3 kegiatan atau lebih): SK/Surat Tugas/Undangan, daftar hadir, sertifikat',
          'pdf',
        ),
      ],
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.21',
    number: '21',
    name: 'Integrasi program dan kegiatan inovasi dalam RKPD',
    variable: INFRASTRUKTUR,
    weight: 2,
    mandatory: false,
    levels: ladder(
      [
        'Program/kegiatan inovasi tercantum dalam RKPD T-1 atau T-2',
        'Program/kegiatan inovasi tercantum dalam RKPD T-1 dan T-2',
        'Program/kegiatan inovasi tercantum dalam RKPD T-1, T-2 dan T-0',
      ],
      evidence(
        'Bab, subbab dan halaman RKPD dengan program/kegiatan inovasi diberi tanda (highlight); dokumen setara ' +
          'diterima: RKAS (sekolah), RUK/RPK (puskesmas), RBA (BLUD), RKA/RBA (BUMD), RKP Desa',
        'pdf',
      ),
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.22',
    number: '22',
    name: 'Keterlibatan aktor inovasi',
    variable: OUTPUT,
    weight: 1,
    mandatory: false,
    levels: ladder(
      ['3 aktor (termasuk pelaksana)', '4 aktor', '5 aktor atau lebih'],
      evidence(
        'Aktor: akademisi, dunia usaha, masyarakat, pemerintah, media. SK, dokumen kerja sama atau hibah, ' +
          'CSR, publikasi media; untuk masyarakat: undangan atau foto FGD/rembug warga/musrenbang; dokumen ' +
          'T-0, T-1, T-2',
        'pdf',
        'jpg',
      ),
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.23',
    number: '23',
    name: 'Pelaksana inovasi daerah',
    variable: OUTPUT,
    weight: 1,
    mandatory: false,
    // Level 3 accepts "SK/Surat Penugasan/Perintah Kepala Daerah": one decree appointing the teams
    // of many innovations supports each of them (the decree group of the sharing rules, ADR 0029).
    regionWide: [
      {
        level: 3,
        document_id: 'SK Kepala Daerah tentang tim pelaksana inovasi daerah yang memuat tim setiap inovasi',
        document_en: 'a regional head’s decree appointing the implementing team of each innovation',
      },
    ],
    levels: ladder(
      [
        'Ada tim pelaksana tanpa Surat Penugasan atau SK',
        'Surat Penugasan/Perintah Kepala Perangkat Daerah atau setara (mis. kepala puskesmas, kepala sekolah)',
        'SK/Surat Penugasan/Perintah Kepala Daerah, dan/atau SK Kepala Perangkat Daerah atas nama Kepala Daerah',
      ],
      [
        evidence('Dokumen yang menunjukkan susunan tim pelaksana', 'pdf'),
        evidence('Surat Penugasan/Perintah Kepala Perangkat Daerah atau pejabat setara', 'pdf'),
        evidence(
          'SK/Surat Penugasan/Perintah Kepala Daerah atau SK Kepala Perangkat Daerah a.n. Kepala Daerah',
          'pdf',
        ),
      ],
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.24',
    number: '24',
    name: 'Jejaring inovasi',
    variable: OUTPUT,
    weight: 1,
    mandatory: false,
    levels: ladder(
      [
        '2 perangkat daerah terlibat (2 tahun terakhir)',
        '3–4 perangkat daerah terlibat (2 tahun terakhir)',
        '5 perangkat daerah atau lebih terlibat (2 tahun terakhir)',
      ],
      evidence('SK/Surat Penugasan/Perintah yang memuat perangkat daerah yang terlibat', 'pdf'),
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.25',
    number: '25',
    name: 'Sosialisasi inovasi daerah',
    variable: OUTPUT,
    weight: 1,
    mandatory: false,
    levels: ladder(
      [
        'Foto kegiatan sosialisasi dengan banner inovasi',
        'Konten media sosial atau berita oleh media milik pemda',
        'Berita di media massa yang bukan milik pemda',
      ],
      [
        evidence(
          'Foto kegiatan sosialisasi yang menampilkan banner inovasi; dokumen T-0 diperbolehkan',
          'jpg',
          'png',
        ),
        evidence('Tangkapan layar konten media sosial atau situs web milik pemda', 'jpg', 'png'),
        evidence('Tangkapan layar berita media massa yang bukan milik pemda', 'jpg', 'png'),
      ],
    ),
    notes: ['S-CAT26 memuat 2 teks pilihan; 3 level diambil dari S-SIMONDA.'],
  },
  {
    aspect: 'sid',
    code: 'sid.26',
    number: '26',
    name: 'Pedoman teknis',
    variable: BISNIS_PROSES,
    weight: 1,
    mandatory: false,
    levels: ladder(
      [
        'Pedoman teknis berupa buku cetak',
        'Pedoman teknis berupa buku elektronik',
        'Pedoman teknis berupa buku yang dapat diakses secara daring',
      ],
      [
        evidence('Dokumen pedoman teknis (PDF) atau fotonya', 'pdf', 'jpg'),
        evidence('Berkas buku elektronik pedoman teknis atau tangkapan layarnya', 'pdf', 'jpg'),
        evidence('Tangkapan layar pedoman teknis beserta tautan publikasinya', 'pdf', 'jpg', 'web_link'),
      ],
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.27',
    number: '27',
    name: 'Kemudahan informasi layanan',
    variable: BISNIS_PROSES,
    weight: 1,
    mandatory: false,
    levels: ladder(
      [
        '1 dari 4 metode informasi layanan',
        '2 dari 4 metode informasi layanan',
        '3 metode informasi layanan atau lebih',
      ],
      evidence(
        'Satu tangkapan layar per metode, dilampirkan terpisah. Metode: (1) manual (tatap muka, jemput bola, ' +
          'noken, loket layanan); (2) hotline (surel, telepon); (3) media sosial (Instagram, Facebook, ' +
          'WhatsApp, dll.); (4) aplikasi web/seluler daring atau chatbot AI',
        'jpg',
        'png',
      ),
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.28',
    number: '28',
    name: 'Kemudahan proses inovasi yang dihasilkan',
    variable: BISNIS_PROSES,
    weight: 2,
    mandatory: false,
    levels: ladder(
      [
        'Hasil layanan diperoleh dalam 6 hari atau lebih',
        'Hasil layanan diperoleh dalam 2–5 hari',
        'Hasil layanan diperoleh dalam 1 hari',
      ],
      evidence('SOP yang memuat tahapan dan lama layanan (hari kalender), disahkan pejabat berwenang', 'pdf'),
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.29',
    number: '29',
    name: 'Penyelesaian layanan pengaduan',
    variable: BISNIS_PROSES,
    weight: 1,
    mandatory: false,
    levels: ladder(
      [
        'Rasio penyelesaian pengaduan ≤ 50% atau tidak ada pengaduan',
        'Rasio penyelesaian pengaduan 51%–90%',
        'Rasio penyelesaian pengaduan ≥ 91%',
      ],
      evidence(
        'Foto atau tangkapan layar penanganan pengaduan, rekap pengaduan dan persentase penyelesaian (2 tahun)',
        'jpg',
        'png',
      ),
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.30',
    number: '30',
    name: 'Layanan terintegrasi',
    variable: KECANGGIHAN,
    weight: 2,
    mandatory: false,
    levels: ladder(
      [
        'Layanan berjalan sendiri (situs web, media sosial, atau aplikasi mandiri)',
        'Terintegrasi dalam satu portal pada unit yang sama, atau dengan layanan lain dalam satu unit atau satu urusan',
        'Terintegrasi dengan unit lain/lebih dari satu urusan (mis. super-app; non-digital: mal pelayanan ' +
          'publik, tim percepatan penurunan stunting lintas instansi)',
      ],
      evidence(
        'Digital: tangkapan layar atau tautan halaman beranda dan halaman proses layanan. Non-digital: dokumen ' +
          'atau foto integrasi layanan',
        'jpg',
        'png',
        'web_link',
      ),
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.31',
    number: '31',
    name: 'Replikasi',
    variable: KECANGGIHAN,
    weight: 3,
    mandatory: false,
    levels: ladder(
      [
        'Inovasi direplikasi 1 kali',
        'Inovasi direplikasi 2 kali di daerah yang berbeda',
        'Inovasi direplikasi 3 kali di daerah yang berbeda',
      ],
      [
        evidence(
          'PKS/MoU/dokumen replikasi/korespondensi/surat pernyataan dari 1 pemda yang mereplikasi',
          'pdf',
        ),
        evidence('PKS/MoU/dokumen replikasi/korespondensi/surat pernyataan dari 2 pemda berbeda', 'pdf'),
        evidence('PKS/MoU/dokumen replikasi/korespondensi/surat pernyataan dari 3 pemda berbeda', 'pdf'),
      ],
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.32',
    number: '32',
    name: 'Kecepatan penciptaan inovasi',
    variable: BISNIS_PROSES,
    weight: 2,
    mandatory: true,
    levels: ladder(
      [
        'Inovasi tercipta dalam 9 bulan atau lebih',
        'Inovasi tercipta dalam 5–8 bulan',
        'Inovasi tercipta dalam 1–4 bulan',
      ],
      evidence(
        'Dokumen, laporan atau proposal yang menunjukkan tahapan dan lama penciptaan/pengembangan',
        'pdf',
      ),
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.33',
    number: '33',
    name: 'Kemanfaatan inovasi',
    variable: HASIL_KREATIF,
    weight: 3,
    mandatory: true,
    levels: ladder(
      [
        'Memenuhi parameter level 1 pada satu basis kemanfaatan yang dipilih (a–f)',
        'Memenuhi parameter level 2 pada satu basis kemanfaatan yang dipilih (a–f)',
        'Memenuhi parameter level 3 pada satu basis kemanfaatan yang dipilih (a–f)',
      ],
      evidence(`Data dukung sesuai basis yang dipilih. ${NON_DIGITAL_SIGNATURES}`, 'pdf', 'jpg'),
    ),
    bases: KEMANFAATAN_BASES,
    notes: [
      'Pilih tepat satu basis; level dari basis yang berbeda tidak boleh dicampur.',
      'Angka kemanfaatan dibulatkan setengah ke atas (half-up) sebelum dibandingkan dengan rentang: basis a, ' +
        'e dan f ke bilangan bulat, basis b, c dan d ke dua desimal. Pada ketelitian itu rentang level ' +
        'bersambung tanpa celah: 20,004% menjadi 20,00% (level 1 basis b), 20,005% menjadi 20,01% (level 2); ' +
        '9,995% menjadi 10,00% (level 2 basis d).',
    ],
  },
  {
    aspect: 'sid',
    code: 'sid.34',
    number: '34',
    name: 'Monitoring dan evaluasi inovasi daerah',
    variable: HASIL_KREATIF,
    weight: 2,
    mandatory: false,
    levels: ladder(
      [
        'Laporan monev internal pemda',
        'Survei Kepuasan Masyarakat (SKM)',
        'Monev eksternal berbasis penelitian/kajian',
      ],
      [
        evidence('Laporan monitoring dan evaluasi internal', 'pdf'),
        evidence('Laporan SKM atau tangkapan layar testimoni pengguna', 'pdf', 'jpg'),
        evidence('Laporan penelitian/kajian oleh pihak eksternal', 'pdf'),
      ],
    ),
  },
  {
    aspect: 'sid',
    code: 'sid.35',
    number: '35',
    name: 'Video inovasi daerah',
    variable: HASIL_KREATIF,
    weight: 4,
    mandatory: true,
    levels: ladder(
      [
        'Video memuat 1–2 unsur substansi',
        'Video memuat 3–4 unsur substansi',
        'Video memuat kelima unsur substansi',
      ],
      evidence(
        'Video paling lama 5 menit (MP4) atau tautan Google Drive/YouTube, dengan unsur: (1) latar belakang; ' +
          '(2) penjaringan ide; (3) pemilihan ide; (4) manfaat; (5) dampak. Wajib bersampul (thumbnail) ' +
          'berlogo Kemendagri (JPG/PNG); unggahan media sosial (TikTok, IG) boleh dipakai ulang',
        'mp4',
        'video_link',
        'jpg',
        'png',
      ),
    ),
  },
];

export const IID_2026: Rubric = {
  id: 'iid-2026',
  year: 2026,
  title: 'Indeks Inovasi Daerah 2026',
  provisional: false,
  sources: [
    'Surat Kepala BSKDN No. 400.10.11/1887/BSKDN (29 April 2026), Lampiran I/II, via S-SIMONDA, S-CAT26, S-SEED26',
    'Formula: S-INOVAHUB §8 and S-SIMONDA iga.py',
  ],
  spdRows: SPD_ROWS,
  sidIndicators: SID_INDICATORS,
  formula: {
    divisorMinimum: 12,
    countScoreFactor: 0.38,
    countScoreCap: 200,
    basicServiceUrusanRequired: 5,
    maxSpd: 63,
    maxKematangan: 111,
    maxCountScore: 76,
    maxTotal: 250,
  },
  predicateBands: [
    { predicate: 'Sangat Inovatif', min: 65.01, max: 100 },
    { predicate: 'Inovatif', min: 40.01, max: 65 },
    { predicate: 'Kurang Inovatif', min: 0.01, max: 40 },
  ],
  evidenceRules: IID_2026_EVIDENCE_RULES,
  eligibility: {
    firstAppliedFrom: '2024-01-01',
    firstAppliedTo: '2025-12-31',
    olderWithDevelopmentInWindow: true,
    rancangBangunMinWords: 300,
    mandatoryProfileFields: [
      'name',
      'stage',
      'initiator',
      'classification',
      'kind',
      'form',
      'urusanMain',
      'rancangBangun',
      'tujuan',
      'manfaat',
      'hasil',
    ],
  },
  assumptions: [
    {
      id: BOUNDARY_OVERLAP,
      message_id:
        'Beberapa rentang ambang indikator SPD saling tumpang tindih di batasnya (transkripsi Lampiran). ' +
        'Bila satu angka cocok dengan dua level, level yang lebih tinggi dipakai. Ini asumsi.',
      message_en:
        'Some transcribed SPD threshold ranges overlap at their boundary. Where a figure matches two ' +
        'levels, the higher level wins. This is an assumption.',
    },
    {
      id: TWO_DECIMAL_COMPARISON,
      message_id:
        'Angka SPD dibulatkan ke atas pada setengah (half-up) ke dua desimal sebelum dibandingkan dengan ambang, ' +
        'karena ambang ditulis dengan dua desimal.',
      message_en:
        'SPD figures are rounded half-up to two decimals before they are compared, because the ' +
        'thresholds are written at that precision.',
    },
    {
      id: SID33_ROUNDING,
      message_id:
        'Kemanfaatan (sid.33): angka dibulatkan setengah ke atas ke bilangan bulat (basis a, e, f) atau ke ' +
        'dua desimal (basis b, c, d) sebelum dibandingkan, agar rentang yang ditranskripsikan (mis. ' +
        '5,00–20,00% dan 20,01–50,00%) bersambung tanpa celah.',
      message_en:
        'Kemanfaatan (sid.33): figures are rounded half-up to whole numbers (bases a, e, f) or to two ' +
        'decimals (bases b, c, d) before they are compared, so that the transcribed ranges (e.g. ' +
        '5.00–20.00% and 20.01–50.00%) tile without gaps.',
    },
    {
      id: 'sid33-basis-c-upper-bound',
      message_id:
        'Basis c: level 3 ditranskripsikan sebagai 20,01%–30%; efisiensi di atas 30% dianggap level 3.',
      message_en: 'Basis c: level 3 is transcribed as 20.01–30%; efficiency above 30% is taken as level 3.',
    },
    {
      id: 'sid33-basis-f-three-or-more',
      message_id: 'Basis f: tren positif lebih dari 3 periode dianggap level 3.',
      message_en: 'Basis f: a positive trend over more than 3 periods is taken as level 3.',
    },
    {
      id: 'mandatory-profile-fields',
      message_id:
        'Daftar isian profil wajib disusun dari formulir aplikasi 2026; BSKDN tidak menerbitkan penanda wajib ' +
        'per isian. Tanggal pertama diterapkan = tanggal penerapan, atau tanggal uji coba bila belum diterapkan.',
      message_en:
        'The mandatory profile fields follow the 2026 form; BSKDN publishes no per-field mandatory flag. ' +
        'First applied = implementation date, or the trial date when not yet implemented.',
    },
  ],
};
