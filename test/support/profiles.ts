/** An innovation profile that meets every send condition of the 2026 rubric (tests that need an eligible draft). */
export const eligibleProfile = (name: string) => ({
  name,
  stage: 'penerapan',
  initiator: 'opd',
  classification: 'perangkat_daerah',
  kind: 'digital',
  form: 'pelayanan_publik',
  urusanMain: 'kesehatan',
  implementationDate: '2025-02-03',
  rancangBangun: Array.from({ length: 320 }, (_, index) => `kata${index}`).join(' '),
  tujuan: 'Mempercepat layanan.',
  manfaat: 'Warga terlayani lebih cepat.',
  hasil: 'Waktu tunggu turun separuh.',
});
