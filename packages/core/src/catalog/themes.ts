import type { InnovationProfile } from '../innovation/profile.ts';
import { CATALOG_THEME_CODES } from '../vocabulary.ts';
import { searchWords, wordForms } from './text.ts';

/**
 * National development themes a replicating region looks for. They cut across urusan (stunting is
 * health, social affairs and population control at once), so the catalogue offers them as a facet.
 */
export const CATALOG_THEMES = [
  { code: 'kemiskinan', label: 'Penanggulangan kemiskinan', keywords: ['miskin', 'kemiskinan', 'bansos'] },
  { code: 'stunting', label: 'Penurunan stunting', keywords: ['stunting', 'gizi', 'balita', 'posyandu'] },
  {
    code: 'pengangguran',
    label: 'Pengurangan pengangguran',
    keywords: ['pengangguran', 'menganggur', 'lowongan', 'pencaker'],
  },
  { code: 'inflasi', label: 'Pengendalian inflasi', keywords: ['inflasi', 'harga', 'pasar', 'sembako'] },
  {
    code: 'investasi',
    label: 'Kemudahan berusaha dan investasi',
    keywords: ['investasi', 'perizinan', 'izin'],
  },
  {
    code: 'ketahanan_pangan',
    label: 'Ketahanan pangan',
    keywords: ['pangan', 'beras', 'petani', 'pertanian'],
  },
  { code: 'umkm', label: 'Pemberdayaan UMKM', keywords: ['umkm', 'usaha', 'koperasi'] },
  {
    code: 'kesehatan_ibu_anak',
    label: 'Kesehatan ibu dan anak',
    keywords: ['ibu', 'hamil', 'bayi', 'persalinan', 'imunisasi'],
  },
  {
    code: 'pendidikan',
    label: 'Akses dan mutu pendidikan',
    keywords: ['sekolah', 'siswa', 'guru', 'literasi'],
  },
  {
    code: 'digitalisasi_layanan',
    label: 'Digitalisasi layanan publik',
    keywords: ['daring', 'online', 'aplikasi', 'digital', 'elektronik'],
  },
  {
    code: 'kebencanaan',
    label: 'Penanggulangan bencana',
    keywords: ['bencana', 'banjir', 'longsor', 'gempa'],
  },
  { code: 'lingkungan', label: 'Lingkungan hidup dan sampah', keywords: ['sampah', 'lingkungan', 'limbah'] },
] as const satisfies readonly {
  code: (typeof CATALOG_THEME_CODES)[number];
  label: string;
  keywords: readonly string[];
}[];

export type CatalogTheme = (typeof CATALOG_THEME_CODES)[number];
export { CATALOG_THEME_CODES };

const THEME_FORMS = CATALOG_THEMES.map((theme) => ({
  code: theme.code,
  forms: new Set(theme.keywords.flatMap((keyword) => wordForms(keyword))),
}));

/** The PKPN cluster of the 2026 form already names a theme for some innovations. */
const THEME_OF_PKPN: Readonly<Partial<Record<string, CatalogTheme>>> = {
  penurunan_kemiskinan: 'kemiskinan',
  pangan: 'ketahanan_pangan',
  pendidikan: 'pendidikan',
  ekonomi_kerakyatan_desa: 'umkm',
};

/**
 * Themes suggested from the profile's own words, for an owner who publishes without choosing any.
 * A theme needs one of its keywords in the name, or in two of the short narrative fields (tujuan,
 * manfaat, hasil), so a passing word does not tag an innovation. The long design narrative is left
 * out: its boilerplate would tag everything.
 */
export function suggestThemes(profile: InnovationProfile): CatalogTheme[] {
  const formsOf = (text: string | undefined) => new Set(searchWords(text ?? '').flatMap(wordForms));
  const nameForms = formsOf(profile.name);
  const fieldForms = [profile.tujuan, profile.manfaat, profile.hasil].map(formsOf);
  const suggested = new Set<CatalogTheme>();
  for (const theme of THEME_FORMS) {
    const mentions = (forms: Set<string>) => [...theme.forms].some((form) => forms.has(form));
    if (mentions(nameForms) || fieldForms.filter(mentions).length >= 2) suggested.add(theme.code);
  }
  if (profile.kind === 'digital') suggested.add('digitalisasi_layanan');
  const fromPkpn = profile.pkpnCluster ? THEME_OF_PKPN[profile.pkpnCluster] : undefined;
  if (fromPkpn) suggested.add(fromPkpn);
  return CATALOG_THEME_CODES.filter((code) => suggested.has(code));
}
