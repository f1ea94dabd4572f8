import type { EvidenceDateWindow, EvidenceRules } from './types.ts';

/**
 * Evidence rules of IID 2026 (iid-model.md §3.1–3.2, "Data dukung"): the years a document may be
 * dated, relative to the assessment year (T-0), and which indicators may be supported by the same
 * file. The transcriptions say "T-2, T-1, T-0", "tahun pengajuan", "2 tahun terakhir" or "masih
 * berlaku"; where a text is loose the window below is the wider reading, so that a check flags less
 * rather than more. Flags are warnings for the operator and the verifier, never a refusal.
 */

const RECENT: EvidenceDateWindow = { fromYear: -2, toYear: 0 };
const IN_FORCE_BEFORE_THE_YEAR: EvidenceDateWindow = { toYear: -1, inForce: true };
const LATEST_YEAR: EvidenceDateWindow = { fromYear: -1, toYear: 0 };

export const IID_2026_EVIDENCE_RULES: EvidenceRules = {
  dateWindows: {
    // SK: dated in the year of application; Perkada/Perda: enacted before 2026 and still in force.
    'sid.16': [{ fromYear: 0, toYear: 0 }, IN_FORCE_BEFORE_THE_YEAR, IN_FORCE_BEFORE_THE_YEAR],
    'sid.17': RECENT,
    'sid.18': RECENT,
    'sid.20': RECENT,
    'sid.21': RECENT,
    'sid.22': RECENT,
    'sid.23': RECENT,
    'sid.24': RECENT,
    'sid.25': RECENT,
    'sid.29': RECENT,
    'sid.31': RECENT,
    'sid.33': RECENT,
    'sid.34': RECENT,
    'spd.1': { inForce: true },
    // Budgets of the last three years were adopted in T-3..T-1; the adoption record may be dated T-0.
    'spd.2a': { fromYear: -3, toYear: 0 },
    'spd.2b': RECENT,
    'spd.3': RECENT,
    'spd.4': RECENT,
    'spd.5a': RECENT,
    'spd.5b': RECENT,
    'spd.6': RECENT,
    'spd.7': RECENT,
    // The audit opinion and the SAKIP grade on T-1 are published in T-1 or T-0.
    'spd.8': LATEST_YEAR,
    'spd.9': LATEST_YEAR,
    'spd.10a': RECENT,
    'spd.10b': RECENT,
    'spd.11a': RECENT,
    'spd.11b': RECENT,
    'spd.12': RECENT,
    'spd.14': [null, null, { inForce: true }],
  },
  sharingGroups: [
    // Decrees and assignment letters: one SK may name the innovation, its team and the departments.
    ['sid.16', 'sid.17', 'sid.23', 'sid.24'],
    // Budget and planning documents (APBD/DPA lines, RKPD or its equivalents).
    ['sid.18', 'sid.21'],
    // Activity photos and screenshots.
    ['sid.19', 'sid.22', 'sid.25', 'sid.30'],
    ['sid.27', 'sid.29', 'sid.30'],
    // Manuals and SOPs.
    ['sid.26', 'sid.28'],
    // Reports of the innovation's development, benefit and evaluation.
    ['sid.32', 'sid.33', 'sid.34'],
    // One BPS publication carries several regional statistics.
    ['spd.3', 'spd.4', 'spd.5a', 'spd.5b', 'spd.6', 'spd.7', 'spd.10a', 'spd.10b', 'spd.11a', 'spd.11b'],
    ['spd.2a', 'spd.2b'],
    ['spd.13a', 'spd.13b'],
  ],
  assumptions: [
    {
      id: 'evidence-date-windows',
      message_id:
        'Rentang tahun dokumen per indikator (mis. T-2 s.d. T-0) disusun dari teks data dukung 2026; bila ' +
        'teksnya longgar ("2 tahun terakhir"), dipakai rentang yang lebih lebar. Dokumen di luar rentang ' +
        'hanya ditandai, tidak ditolak.',
      message_en:
        'The year range each indicator accepts (e.g. T-2 to T-0) is read from the 2026 evidence texts; ' +
        'where a text is loose ("last 2 years") the wider range is used. A document outside it is flagged, ' +
        'not refused.',
    },
    {
      id: 'evidence-sharing-groups',
      message_id:
        'Satu berkas boleh dipakai untuk indikator yang sama pada banyak inovasi, dan untuk indikator dalam ' +
        'satu kelompok (mis. SK untuk regulasi, SDM, pelaksana dan jejaring). Pemakaian lintas kelompok ' +
        'diberi peringatan.',
      message_en:
        'One file may support the same indicator of many innovations, and indicators within one group ' +
        '(e.g. a decree for regulation, staff, team and network). Use across groups is flagged.',
    },
  ],
};
