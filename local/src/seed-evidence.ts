import type {
  Actor,
  EvidenceKind,
  EvidenceMediaType,
  EvidenceTarget,
  Innovation,
  SpdAnswers,
} from '@inovasi/core';
import { repositoriesFor, type ScopedClientFactory, tenantScope } from '@inovasi/data';
import { demoEmail } from './demo-data.ts';
import { imageOnlyPdf, sha256Hex, solidPng, textPdf } from './demo-files.ts';
import { DEMO_SCORING } from './demo-scoring.ts';
import { seedOnce } from './seed-steps.ts';

const SEED_NAME = 'demo-evidence-v1';

const YEAR = 2026;

interface DemoFile {
  readonly title: string;
  readonly kind: EvidenceKind;
  readonly fileName: string;
  readonly mediaType: EvidenceMediaType;
  readonly bytes: () => Buffer;
  readonly documentDate?: string;
  readonly validFrom?: string;
  /**
   * SID indicators (for every innovation) or SPD rows it supports; `sid.16@1` only answers at level 1
   * (an SK), `sid.16@2,3` only levels 2 and 3 (a Perbup).
   */
  readonly supports: readonly string[];
}

const pdf =
  (...lines: string[]) =>
  () =>
    textPdf({ lines, compress: true });

/**
 * One region's shared library: a handful of documents that each support many answers (an SK naming
 * every innovation, one RKPD extract, one set of photos), the way regions actually file them. One
 * scan has no text layer, so the demo shows the "needs a readable copy" flag.
 */
const LIBRARY = (regionName: string): readonly DemoFile[] => [
  {
    title: `SK Kepala Daerah tentang Penetapan Inovasi Daerah ${regionName} Tahun 2026`,
    kind: 'sk',
    fileName: 'sk-penetapan-inovasi-2026.pdf',
    mediaType: 'application/pdf',
    bytes: pdf('KEPUTUSAN KEPALA DAERAH', 'TENTANG PENETAPAN INOVASI DAERAH TAHUN 2026', regionName),
    documentDate: '2026-01-20',
    supports: ['sid.16@1', 'sid.17', 'sid.23', 'sid.24'],
  },
  {
    title: `Peraturan Kepala Daerah tentang Inovasi Daerah ${regionName}`,
    kind: 'perkada',
    fileName: 'perbup-inovasi-daerah.pdf',
    mediaType: 'application/pdf',
    bytes: pdf('PERATURAN KEPALA DAERAH', 'TENTANG INOVASI DAERAH', regionName),
    documentDate: '2024-03-12',
    validFrom: '2024-03-12',
    supports: ['sid.16@2,3'],
  },
  {
    title: 'Ekstrak RKPD dan DPA (program inovasi ditandai)',
    kind: 'rkpd',
    fileName: 'ekstrak-rkpd-dpa.pdf',
    mediaType: 'application/pdf',
    bytes: pdf('RENCANA KERJA PEMERINTAH DAERAH', 'Program dan kegiatan inovasi (ditandai)'),
    documentDate: '2025-06-10',
    supports: ['sid.18', 'sid.21'],
  },
  {
    title: 'Foto kegiatan dan sosialisasi inovasi',
    kind: 'foto',
    fileName: 'foto-sosialisasi.png',
    mediaType: 'image/png',
    bytes: () => solidPng(24, 16, [40, 140, 90]),
    documentDate: '2025-08-17',
    supports: ['sid.19', 'sid.22', 'sid.25', 'sid.30'],
  },
  {
    title: 'Tangkapan layar kanal layanan dan pengaduan',
    kind: 'screenshot',
    fileName: 'kanal-layanan.png',
    mediaType: 'image/png',
    bytes: () => solidPng(24, 16, [200, 120, 30]),
    documentDate: '2025-11-03',
    supports: ['sid.27', 'sid.29'],
  },
  {
    title: 'SOP layanan dan pedoman teknis',
    kind: 'sop',
    fileName: 'sop-pedoman.pdf',
    mediaType: 'application/pdf',
    bytes: pdf('STANDAR OPERASIONAL PROSEDUR', 'Tahapan dan lama layanan'),
    documentDate: '2025-02-01',
    supports: ['sid.26', 'sid.28'],
  },
  {
    title: 'Laporan monitoring, evaluasi dan kemanfaatan inovasi',
    kind: 'laporan',
    fileName: 'laporan-monev.pdf',
    mediaType: 'application/pdf',
    bytes: pdf('LAPORAN MONITORING DAN EVALUASI', 'Kemanfaatan inovasi 2024-2025'),
    documentDate: '2025-12-15',
    supports: ['sid.20', 'sid.32', 'sid.33', 'sid.34'],
  },
  {
    title: 'Pindaian PKS replikasi (tanpa lapisan teks)',
    kind: 'pks_mou',
    fileName: 'pks-replikasi-scan.pdf',
    mediaType: 'application/pdf',
    bytes: imageOnlyPdf,
    documentDate: '2025-09-09',
    supports: ['sid.31'],
  },
  {
    title: 'Publikasi BPS: statistik daerah T-1 dan T-2',
    kind: 'laporan',
    fileName: 'publikasi-bps.pdf',
    mediaType: 'application/pdf',
    bytes: pdf('BADAN PUSAT STATISTIK', 'Statistik Daerah 2025'),
    documentDate: '2025-02-28',
    supports: [
      'spd.3',
      'spd.4',
      'spd.5a',
      'spd.5b',
      'spd.6',
      'spd.7',
      'spd.10a',
      'spd.10b',
      'spd.11a',
      'spd.11b',
    ],
  },
  {
    title: 'RPJMD dan dokumen profil pemda',
    kind: 'perda',
    fileName: 'rpjmd-profil-pemda.pdf',
    mediaType: 'application/pdf',
    bytes: pdf('PERATURAN DAERAH', 'RENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH'),
    documentDate: '2025-01-15',
    validFrom: '2021-06-01',
    supports: [
      'spd.1',
      'spd.2a',
      'spd.2b',
      'spd.8',
      'spd.9',
      'spd.12',
      'spd.13a',
      'spd.13b',
      'spd.14',
      'spd.15',
    ],
  },
];

/** A fixed pseudo-random number in [0, 1) per key, so reseeding gives the same demo. */
function spread(key: string): number {
  let hash = 2166136261;
  for (const char of key) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return ((hash >>> 0) % 1000) / 1000;
}

/**
 * Uploads one demo region's evidence library through the same repository the API uses (pending item,
 * object, intake) and links it to its answers: every answer a verifier accepted, and about half of the
 * others, so the demo shows complete, awaiting-verification and missing-evidence answers side by side.
 */
/**
 * Seeds the evidence of every demo region with answers. Runs once per store (its own marker), also
 * on a store seeded before evidence existed.
 */
export async function seedDemoEvidence(data: ScopedClientFactory): Promise<boolean> {
  return seedOnce(data, SEED_NAME, false, async () => {
    // Regions, and the files of a region, are independent: seeding them side by side keeps the
    // demo seed (which every integration test file runs) fast.
    await Promise.all(
      Object.keys(DEMO_SCORING).map(async (tenantCode) => {
        const { profile } = repositoriesFor(data.forScope(tenantScope(tenantCode, true)));
        const tenant = await profile.get();
        if (!tenant) return;
        const author: Actor = {
          userId: `u-${tenantCode.replace('.', '')}-admin`,
          email: demoEmail('admin', tenantCode),
          tenantCode,
          roles: ['tenant_admin'],
        };
        await seedRegionEvidence(data, tenantCode, tenant.name, author);
      }),
    );
    return true;
  });
}

/** A region's answers, which the demo files are linked to. */
interface RegionAnswers {
  readonly tenantCode: string;
  readonly spd: SpdAnswers | undefined;
  readonly innovations: readonly Innovation[];
}

type Wanted = (key: string, accepted: boolean) => boolean;

/** The answers a demo file is linked to: the SPD rows and the innovations' indicators it supports. */
function targetsOf(file: DemoFile, region: RegionAnswers, wanted: Wanted): EvidenceTarget[] {
  const targets: EvidenceTarget[] = [];
  for (const support of file.supports) {
    const [code = '', levels] = support.split('@');
    const atLevels = levels?.split(',').map(Number);
    if (code.startsWith('spd.')) {
      const answer = region.spd?.answers[code];
      if (answer && wanted(`${region.tenantCode}:${code}`, answer.review?.status === 'accepted')) {
        targets.push({ type: 'spd', year: YEAR, row: code });
      }
      continue;
    }
    targets.push(...indicatorTargets(code, atLevels, region.innovations, wanted));
  }
  return targets;
}

/** The innovations whose answer to `code` a file supports (at `atLevels` only, when given). */
function indicatorTargets(
  code: string,
  atLevels: readonly number[] | undefined,
  innovations: readonly Innovation[],
  wanted: Wanted,
): EvidenceTarget[] {
  const targets: EvidenceTarget[] = [];
  for (const innovation of innovations) {
    const answer = innovation.answers[code];
    if (!answer || answer.level === 0 || (atLevels && !atLevels.includes(answer.level))) continue;
    if (wanted(`${innovation.id}:${code}`, answer.review?.status === 'accepted')) {
      targets.push({ type: 'innovation', innovationId: innovation.id, indicator: code });
    }
  }
  return targets;
}

async function seedRegionEvidence(
  data: ScopedClientFactory,
  tenantCode: string,
  regionName: string,
  author: Actor,
): Promise<void> {
  const repositories = repositoriesFor(data.forScope(tenantScope(tenantCode)));
  const { evidence } = repositories;
  if ((await evidence.list({ limit: 1, includeDeleted: true })).items.length > 0) return;
  const innovations = await repositories.innovations.listForPeriod(YEAR);
  const spd = await repositories.spd.get(YEAR);
  const wanted: Wanted = (key, accepted) => accepted || spread(`evidence:${key}`) < 0.5;

  const uploadOne = async (file: DemoFile): Promise<void> => {
    const targets = targetsOf(file, { tenantCode, spd, innovations }, wanted);
    if (targets.length === 0) return;
    const bytes = file.bytes();
    const { evidence: item, upload } = await evidence.requestUpload(
      {
        kind: file.kind,
        title: file.title,
        fileName: file.fileName,
        mediaType: file.mediaType,
        size: bytes.length,
        sha256: sha256Hex(bytes),
        ...(file.documentDate ? { documentDate: file.documentDate } : {}),
        ...(file.validFrom ? { validFrom: file.validFrom } : {}),
      },
      author,
    );
    // The bytes go to the presigned URL, as a browser sends them.
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
    if (!put.ok) throw new Error(`demo evidence upload failed: ${put.status} ${await put.text()}`);
    await evidence.complete(item.id, 'api', { actor: author });
    await evidence.linkMany(item.id, targets, author);
  };
  await Promise.all(LIBRARY(regionName).map(uploadOne));

  const video = await evidence.createUrl(
    {
      kind: 'video',
      title: `Video profil inovasi ${regionName}`,
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      durationSeconds: 212,
      documentDate: '2025-10-01',
    },
    author,
  );
  const videoTargets: EvidenceTarget[] = innovations
    .filter((innovation) => {
      const answer = innovation.answers['sid.35'];
      return (
        answer && answer.level > 0 && wanted(`${innovation.id}:sid.35`, answer.review?.status === 'accepted')
      );
    })
    .map((innovation) => ({ type: 'innovation', innovationId: innovation.id, indicator: 'sid.35' }));
  if (videoTargets.length > 0) await evidence.linkMany(video.evidence.id, videoTargets, author);
}
