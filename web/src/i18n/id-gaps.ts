import { addMessages } from './messages.ts';

/**
 * Bahasa Indonesia — gap analysis: the heat map of indicators × innovations and its dashboard entry.
 * Registered when the dashboard's or the heat map's chunk loads.
 */
export const idGaps = {
  'gaps.title': 'Analisis Kesenjangan Indikator',
  'gaps.intro':
    'Setiap sel adalah satu indikator dari satu inovasi: kosong, dijawab tanpa data dukung, menunggu pemeriksaan, dikembalikan verifikator, atau diterima. Lengkapi yang kosong sebelum penilai kementerian menemukannya.',
  'gaps.open': 'Buka peta kesenjangan indikator',
  'gaps.dashboardTitle': 'Kesenjangan indikator',
  'gaps.dashboardIntro':
    'Indikator mana yang kosong, mana yang dijawab tanpa data dukung, dan data dukung mana yang dikembalikan, per inovasi dan per OPD.',
  'gaps.year': 'Tahun penilaian {year} · rubrik {rubric}',
  'gaps.headline': '{percent}% indikator belum diisi',
  'gaps.headlineDetail':
    '{empty} dari {total} indikator inovasi kosong; {noEvidence}% dijawab tanpa data dukung.',
  'gaps.empty': 'Belum ada inovasi pada periode ini.',
  'gaps.legend': 'Keterangan',
  'gaps.state.empty': 'Kosong',
  'gaps.state.no_evidence': 'Tanpa data dukung',
  'gaps.state.waiting': 'Data dukung menunggu',
  'gaps.state.returned': 'Dikembalikan',
  'gaps.state.accepted': 'Diterima',
  'gaps.symbol.empty': 'K',
  'gaps.symbol.no_evidence': 'TB',
  'gaps.symbol.waiting': 'M',
  'gaps.symbol.returned': 'D',
  'gaps.symbol.accepted': 'T',
  'gaps.map': 'Peta indikator × inovasi',
  'gaps.view': 'Tampilan peta',
  'gaps.view.innovations': 'Per inovasi',
  'gaps.view.opds': 'Per OPD',
  'gaps.col.innovation': 'Inovasi',
  'gaps.col.ours': 'Kematangan kami (klaim / terverifikasi)',
  'gaps.col.national': 'Kematangan nasional',
  'gaps.nationalNone': 'belum ada',
  'gaps.opdRow': '{name} · {percent}% kosong',
  'gaps.cell': '{indicator}: {state}',
  'gaps.totalEmpty': 'Kosong per indikator',
  'gaps.mandatoryNote': '* indikator wajib',
  'gaps.mandatory': 'wajib',
  'gaps.byOpd': 'Per OPD',
  'gaps.col.opd': 'OPD',
  'gaps.col.innovations': 'Inovasi',
  'gaps.col.emptyPercent': 'Kosong',
  'gaps.col.noEvidencePercent': 'Tanpa data dukung',
  'gaps.col.returned': 'Dikembalikan',
  'gaps.nationalNote':
    'Kematangan nasional diisi saat hasil penilaian kementerian dicatat pada inovasi yang sudah dikirim.',
} as const;

addMessages(idGaps);
