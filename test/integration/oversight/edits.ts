import { todayInJakarta } from '@inovasi/core';
import fc from 'fast-check';
import type { TestEnvironment } from '../../support/environment.ts';

/**
 * Random edits of one region through the public API, as its people would make them: innovations
 * created, answered, reviewed, stepped through the workflow and archived; SPD rows, OPD targets,
 * settings, deadlines, official results and evidence links changed. Many attempts are refused
 * (a step from the wrong status, a stale version): a refused write must leave the summary alone.
 */
export type Edit =
  | { kind: 'create'; opd: number; eligible: boolean; urusan: number; stage: number }
  | { kind: 'answer'; pick: number; indicator: number; level: number }
  | { kind: 'transition'; pick: number; action: number }
  | { kind: 'review'; pick: number; indicator: number; accept: boolean }
  | { kind: 'archive'; pick: number }
  | { kind: 'spd'; row: number; level: number }
  | { kind: 'opdTarget'; opd: number; target: number }
  | { kind: 'defaultTarget'; target: number }
  | { kind: 'deadline'; days: number }
  | { kind: 'result'; index: number }
  | { kind: 'evidence'; pick: number; indicator: number; unlink: boolean };

const OPDS = ['opd-dinkes', 'opd-disdik', 'opd-bappeda', 'opd-kecamatan'] as const;
const URUSAN = [
  'kesehatan',
  'pendidikan',
  'pupr',
  'perkim',
  'trantibumlinmas',
  'sosial',
  'statistik',
] as const;
const STAGES = ['inisiatif', 'uji_coba', 'penerapan'] as const;
const INDICATORS = ['sid.16', 'sid.17', 'sid.19', 'sid.21', 'sid.24'] as const;
const SPD_ROWS = ['spd.1', 'spd.2a', 'spd.3', 'spd.5'] as const;
const ACTIONS = [
  'submit',
  'start_review',
  'verify',
  'return',
  'mark_ready',
  'mark_sent',
  'record_result',
  'record_result_rejected',
] as const;

export const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      opd: fc.nat(3),
      eligible: fc.boolean(),
      urusan: fc.nat(6),
      stage: fc.nat(2),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      pick: fc.nat(),
      indicator: fc.nat(4),
      level: fc.nat(3),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('transition' as const),
      pick: fc.nat(),
      action: fc.nat(ACTIONS.length - 1),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('review' as const),
      pick: fc.nat(),
      indicator: fc.nat(4),
      accept: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('archive' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('spd' as const), row: fc.nat(3), level: fc.nat(3) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('opdTarget' as const), opd: fc.nat(3), target: fc.nat(4) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('defaultTarget' as const), target: fc.nat(3) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('deadline' as const), days: fc.integer({ min: 1, max: 60 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('result' as const), index: fc.integer({ min: 0, max: 9000 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('evidence' as const),
      pick: fc.nat(),
      indicator: fc.nat(4),
      unlink: fc.boolean(),
    }),
  },
);

const words = (count: number) => Array.from({ length: count }, (_, index) => `kata${index}`).join(' ');

const isoDay = (offsetDays: number) =>
  new Date(Date.parse(`${todayInJakarta()}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);

export interface RegionActors {
  readonly code: string;
  readonly year: number;
  readonly admin: string;
  readonly verifier: string;
  readonly operators: Readonly<Record<string, string>>;
}

/** Applies one edit; answers the HTTP status of its last request (refusals are expected). */
// biome-ignore lint/complexity/noExcessiveCognitiveComplexity: complex before the rule was on (issue 23); split when it next changes
export async function applyEdit(env: TestEnvironment, region: RegionActors, edit: Edit): Promise<number> {
  const base = `/tenants/${region.code}`;
  const { admin, verifier } = region;
  const list = await env.request('GET', `${base}/innovations?limit=100`, { token: admin });
  const innovations = (
    list.json.items as { id: string; opdId: string; status: string; version: number }[]
  ).filter((item) => (item as unknown as { periodYear: number }).periodYear === region.year);
  const pick = (index: number) => (innovations.length ? innovations[index % innovations.length] : undefined);
  const operatorFor = (opdId: string) => region.operators[opdId] ?? admin;
  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

  switch (edit.kind) {
    case 'create': {
      const opdId = OPDS[edit.opd] ?? 'opd-dinkes';
      const profile = {
        name: `Inovasi Acak ${Math.random().toString(36).slice(2, 8)}`,
        stage: STAGES[edit.stage],
        initiator: 'opd',
        classification: 'perangkat_daerah',
        kind: 'digital',
        form: 'pelayanan_publik',
        urusanMain: URUSAN[edit.urusan],
        implementationDate: '2025-02-03',
        rancangBangun: words(edit.eligible ? 320 : 40),
        tujuan: 'Mempercepat layanan.',
        manfaat: 'Warga terlayani lebih cepat.',
        hasil: 'Waktu tunggu turun.',
      };
      const response = await env.request('POST', `${base}/innovations`, {
        token: operatorFor(opdId),
        body: { opdId, periodYear: region.year, profile },
      });
      return response.status;
    }
    case 'answer': {
      const target = pick(edit.pick);
      if (!target) return 0;
      const response = await env.request(
        'PUT',
        `${base}/innovations/${target.id}/answers/${INDICATORS[edit.indicator]}`,
        {
          token: operatorFor(target.opdId),
          headers: ifMatch(target.version),
          body: { level: edit.level },
        },
      );
      return response.status;
    }
    case 'transition': {
      const target = pick(edit.pick);
      if (!target) return 0;
      const action = ACTIONS[edit.action] ?? 'submit';
      const body =
        action === 'mark_sent'
          ? { action, registrationNumber: `IID-${target.id.slice(-6)}`, sentAt: isoDay(0) }
          : action === 'record_result'
            ? { action, result: 'accepted' }
            : action === 'record_result_rejected'
              ? { action: 'record_result', result: 'rejected' }
              : { action };
      const token =
        action === 'submit'
          ? operatorFor(target.opdId)
          : ['start_review', 'verify', 'return'].includes(action)
            ? verifier
            : admin;
      const response = await env.request('POST', `${base}/innovations/${target.id}/transitions`, {
        token,
        headers: ifMatch(target.version),
        body: action === 'return' ? { action, note: 'Perbaiki data dukung dan rancang bangun.' } : body,
      });
      return response.status;
    }
    case 'review': {
      const target = pick(edit.pick);
      if (!target) return 0;
      const response = await env.request(
        'POST',
        `${base}/innovations/${target.id}/answers/${INDICATORS[edit.indicator]}/review`,
        {
          token: verifier,
          headers: ifMatch(target.version),
          body: edit.accept ? { status: 'accepted' } : { status: 'returned', note: 'Bukti belum sesuai.' },
        },
      );
      return response.status;
    }
    case 'archive': {
      const target = pick(edit.pick);
      if (!target) return 0;
      const response = await env.request('POST', `${base}/innovations/${target.id}/archive`, {
        token: admin,
        headers: ifMatch(target.version),
      });
      return response.status;
    }
    case 'spd': {
      const current = await env.request('GET', `${base}/periods/${region.year}/spd`, { token: admin });
      const response = await env.request('PUT', `${base}/periods/${region.year}/spd/${SPD_ROWS[edit.row]}`, {
        token: admin,
        headers: ifMatch(current.json.version),
        body: { level: edit.level },
      });
      return response.status;
    }
    case 'opdTarget': {
      const opdId = OPDS[edit.opd] ?? 'opd-dinkes';
      const current = await env.request('GET', `${base}/opds`, { token: admin });
      const opd = (current.json.items as { id: string; version: number }[]).find((item) => item.id === opdId);
      if (!opd) return 0;
      const response = await env.request('PATCH', `${base}/opds/${opdId}`, {
        token: admin,
        headers: ifMatch(opd.version),
        body: { target: edit.target },
      });
      return response.status;
    }
    case 'defaultTarget': {
      const current = await env.request('GET', `${base}/settings`, { token: admin });
      const response = await env.request('PUT', `${base}/settings`, {
        token: admin,
        headers: ifMatch(current.json.version),
        body: { defaultOpdTarget: edit.target },
      });
      return response.status;
    }
    case 'deadline': {
      const current = await env.request('GET', `${base}/periods/${region.year}`, { token: admin });
      if (current.status !== 200) return current.status;
      const response = await env.request('PATCH', `${base}/periods/${region.year}`, {
        token: admin,
        headers: ifMatch(current.json.version),
        body: { internalDeadline: isoDay(edit.days), nationalDeadline: isoDay(edit.days + 10) },
      });
      return response.status;
    }
    case 'result': {
      const year = region.year - 1;
      const current = await env.request('GET', `${base}/results`, { token: admin });
      const stored = (current.json.items as { year: number; version: number }[]).find(
        (item) => item.year === year,
      );
      const response = await env.request('PUT', `${base}/results/${year}`, {
        token: admin,
        headers: ifMatch(stored?.version ?? 0),
        body: { index: edit.index / 100, rank: 10, rankOf: 415 },
      });
      return response.status;
    }
    case 'evidence': {
      const target = pick(edit.pick);
      if (!target) return 0;
      const evidence = await env.request('POST', `${base}/evidence/urls`, {
        token: admin,
        body: {
          kind: 'tautan',
          title: 'Halaman layanan inovasi',
          url: `https://inovasi.example.go.id/${target.id}`,
        },
      });
      const evidenceId = evidence.json?.evidence?.id ?? evidence.json?.duplicates?.[0]?.id;
      if (!evidenceId) return evidence.status;
      const linkTarget = {
        type: 'innovation',
        innovationId: target.id,
        indicator: INDICATORS[edit.indicator],
      };
      const response = await env.request(
        'POST',
        `${base}/evidence/${evidenceId}/${edit.unlink ? 'unlink' : 'links'}`,
        {
          token: admin,
          body: linkTarget,
        },
      );
      return response.status;
    }
  }
}
