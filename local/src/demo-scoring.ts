import type { Actor, StoredIndicatorAnswer, StoredSpdAnswer } from '@inovasi/core';
import { getRubric, KEMANFAATAN_CODE, type Level, type SidIndicator } from '@inovasi/core/scoring';
import { repositoriesFor, type ScopedClientFactory, tenantScope } from '@inovasi/data';
import { type DemoInnovation, demoInnovation } from './demo-data.ts';

const RUBRIC_ID = 'iid-2026';
const YEAR = 2026;

/**
 * How mature each demo region's answers are, chosen so that the regions land in different
 * predicates: Bojonegoro Sangat Inovatif, Banjar Inovatif, Mojokerto and Magetan Kurang Inovatif
 * (at different heights), Kota Bengkulu Tidak Dapat Dinilai (nothing answered yet).
 */
interface ScoringProfile {
  /** Typical level of SID answers and SPD rows; a deterministic spread varies it per indicator. */
  readonly sidLevel: number;
  readonly spdLevel: number;
  /** Share of answers a verifier already accepted, so the verified score differs from the claimed. */
  readonly acceptedShare: number;
  /**
   * Whether the region's verifier has worked through every innovation's mandatory indicators first
   * (answered and accepted): the verified view counts an innovation only then (issue 18), so this is
   * what keeps a well-run region's verified index in its band.
   */
  readonly mandatoryAccepted: boolean;
  /** Extra innovations so the region fills the divisor's seats and covers basic services. */
  readonly extraInnovations: readonly DemoInnovation[];
}

const EXTRA_BOJONEGORO: readonly DemoInnovation[] = [
  ['disdik', 'Beasiswa Santri Berprestasi', 'pendidikan'],
  ['dinkes', 'Jemput Bola Imunisasi Desa', 'kesehatan'],
  ['dpmptsp', 'Jalan Mulus Desa Terpadu', 'pupr'],
  ['kecamatan', 'Bedah Rumah Gotong Royong', 'perkim'],
  ['kecamatan', 'Linmas Siaga Kampung', 'trantibumlinmas'],
  ['puskesmas', 'Lansia Sehat Mandiri', 'sosial'],
  ['bappeda', 'Satu Data Bojonegoro', 'statistik'],
  ['dinkes', 'Klinik Jiwa Komunitas', 'kesehatan'],
  ['disdik', 'Perpustakaan Keliling Digital', 'perpustakaan'],
  ['dpmptsp', 'Mal Pelayanan Publik Terpadu', 'penanaman_modal'],
].map(([opd = '', name = '', urusan = ''], index) =>
  demoInnovation(
    opd,
    name,
    urusan,
    'penerapan',
    index % 2 ? 'digital' : 'non_digital',
    `2024-0${(index % 9) + 1}-15`,
    `Tujuan ${name}.`,
  ),
);

const EXTRA_BANJAR: readonly DemoInnovation[] = [
  ['dinkes', 'Posbindu Sungai Martapura', 'kesehatan'],
  ['disdik', 'Madrasah Digital Banjar', 'pendidikan'],
  ['kecamatan', 'Kampung Tangguh Banjir', 'trantibumlinmas'],
  ['dpmptsp', 'Izin Usaha Mikro Sehari', 'koperasi_ukm'],
  ['puskesmas', 'Gizi Balita Terpantau', 'kesehatan'],
].map(([opd = '', name = '', urusan = ''], index) =>
  demoInnovation(opd, name, urusan, 'penerapan', 'non_digital', `2025-0${index + 2}-10`, `Tujuan ${name}.`),
);

export const DEMO_SCORING: Readonly<Record<string, ScoringProfile>> = {
  '35.22': {
    sidLevel: 3,
    spdLevel: 3,
    acceptedShare: 0.8,
    mandatoryAccepted: true,
    extraInnovations: EXTRA_BOJONEGORO,
  },
  '63.03': {
    sidLevel: 2.4,
    spdLevel: 2.6,
    acceptedShare: 0.5,
    mandatoryAccepted: true,
    extraInnovations: EXTRA_BANJAR,
  },
  '35.16': {
    sidLevel: 2.0,
    spdLevel: 2.2,
    acceptedShare: 0.3,
    mandatoryAccepted: false,
    extraInnovations: [],
  },
  '35.20': {
    sidLevel: 1.3,
    spdLevel: 1.4,
    acceptedShare: 0.2,
    mandatoryAccepted: false,
    extraInnovations: [],
  },
};

/** A fixed pseudo-random number in [0, 1) per key, so reseeding gives the same demo. */
function spread(key: string): number {
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return ((hash >>> 0) % 1000) / 1000;
}

const levelAround = (typical: number, key: string): Level =>
  Math.max(0, Math.min(3, Math.round(typical + (spread(key) - 0.5) * 1.2))) as Level;

/** Who answered and when, and which answers a verifier already accepted. */
interface AnswerStamp {
  readonly at: string;
  readonly userId: string;
  readonly verifierId: string;
  readonly review: (key: string) => { status: 'accepted'; by: string; at: string } | undefined;
}

/** Answers the demo regions' SPD rows and their innovations' indicators, some already accepted. */
export async function seedDemoScoring(
  data: ScopedClientFactory,
  tenantCode: string,
  author: Actor,
  verifierId: string,
  at: string,
): Promise<void> {
  const profile = DEMO_SCORING[tenantCode];
  if (!profile) return;
  const rubric = getRubric(RUBRIC_ID);
  const { spd, innovations } = repositoriesFor(data.forScope(tenantScope(tenantCode)));
  const review = (key: string) =>
    spread(`review:${key}`) < profile.acceptedShare
      ? { status: 'accepted' as const, by: verifierId, at }
      : undefined;
  const stamp: AnswerStamp = { at, userId: author.userId, verifierId, review };

  const spdAnswers: Record<string, StoredSpdAnswer> = {};
  for (const row of rubric.spdRows) {
    const key = `${tenantCode}:${row.code}`;
    spdAnswers[row.code] = {
      level: levelAround(profile.spdLevel, key),
      updatedAt: at,
      updatedBy: author.userId,
      review: review(key),
    };
  }
  await spd.save(YEAR, RUBRIC_ID, (await spd.get(YEAR))?.version ?? 0, spdAnswers);

  for (const [index, extra] of profile.extraInnovations.entries()) {
    await innovations.create(
      { opdId: `opd-${extra.opd}`, periodYear: YEAR, profile: extra.profile },
      author,
      `seed-demo-v1-extra-${tenantCode}-${index}`,
      at,
    );
  }
  for (const innovation of await innovations.listForPeriod(YEAR)) {
    const answers = indicatorAnswers(rubric.sidIndicators, innovation.profile.name, profile, stamp);
    await innovations.setAnswers(innovation.id, innovation.version, author, answers);
  }
}

/**
 * One innovation's indicator answers around the region's typical level (level 0 left unanswered);
 * the mandatory ones answered and accepted first where the region's verifier works that way.
 */
function indicatorAnswers(
  indicators: readonly SidIndicator[],
  innovationName: string,
  profile: ScoringProfile,
  stamp: AnswerStamp,
): Record<string, StoredIndicatorAnswer> {
  const answers: Record<string, StoredIndicatorAnswer> = {};
  for (const indicator of indicators) {
    const key = `${innovationName}:${indicator.code}`;
    const checkedFirst = profile.mandatoryAccepted && indicator.mandatory;
    const level = checkedFirst
      ? (Math.max(1, levelAround(profile.sidLevel, key)) as Level)
      : levelAround(profile.sidLevel, key);
    if (level === 0) continue;
    answers[indicator.code] = {
      level,
      ...(indicator.code === KEMANFAATAN_CODE ? { basis: 'a' as const } : {}),
      updatedAt: stamp.at,
      updatedBy: stamp.userId,
      review: checkedFirst
        ? { status: 'accepted' as const, by: stamp.verifierId, at: stamp.at }
        : stamp.review(key),
    };
  }
  return answers;
}
