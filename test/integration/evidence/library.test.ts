import { repositoriesFor, tenantScope } from '@inovasi/data';
import { mp4, solidPng, textPdf } from '@inovasi/local';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertAcceptableEvidence } from '../../../packages/app/src/evidence/evidence-gate.ts';
import type { TenantAccess } from '../../../packages/app/src/tenancy.ts';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { uploadAndComplete } from './support.ts';

let env: TestEnvironment;
beforeAll(async () => {
  env = await createTestEnvironment();
});

const link = (token: string, tenant: string, evidenceId: string, target: Record<string, unknown>) =>
  env.request('POST', `/tenants/${tenant}/evidence/${evidenceId}/links`, { token, body: target });
const unlink = (token: string, tenant: string, evidenceId: string, target: Record<string, unknown>) =>
  env.request('POST', `/tenants/${tenant}/evidence/${evidenceId}/unlink`, { token, body: target });
const checklist = async (token: string, tenant: string, innovationId: string) =>
  (await env.request('GET', `/tenants/${tenant}/innovations/${innovationId}/evidence`, { token })).json;
const verifiedIndex = async (token: string, tenant: string): Promise<number> =>
  (await env.request('GET', `/tenants/${tenant}/periods/2026/projection`, { token })).json.verified.index;

/** Stands for the verifier's review route (the regional workflow's): stores an accepted review. */
async function accept(tenant: string, innovationId: string, indicator: string) {
  const innovations = repositoriesFor(env.data.forScope(tenantScope(tenant))).innovations;
  const innovation = (await innovations.get(innovationId))!;
  const answer = innovation.answers[indicator]!;
  await innovations.setAnswers(
    innovationId,
    innovation.version,
    { userId: 'u-verifier', email: 'v@demo.local', tenantCode: tenant, roles: ['verifier'] },
    {
      ...innovation.answers,
      [indicator]: {
        ...answer,
        review: { status: 'accepted', by: 'u-verifier', at: new Date().toISOString() },
      },
    },
  );
}

describe('evidence gates the verified score', () => {
  it('counts an accepted level only while passed evidence is attached', async () => {
    // Prepare: an eligible Banjar innovation with an answered, unaccepted indicator and no evidence.
    // Banjar's verifier has accepted every mandatory indicator, so its innovations count in the
    // verified view and one more accepted level moves it (ADR 0017).
    const admin = await env.login('admin.6303@demo.local');
    const projection = (await env.request('GET', '/tenants/63.03/periods/2026/projection', { token: admin }))
      .json;
    let target: { innovationId: string; indicator: string } | undefined;
    for (const candidate of projection.innovations.filter((item: any) => item.eligibility?.eligible)) {
      const view = await checklist(admin, '63.03', candidate.id);
      const open = view.indicators.find((item: any) => item.state === 'missing_evidence' && item.level > 0);
      if (open) {
        target = { innovationId: candidate.id, indicator: open.code };
        break;
      }
    }
    expect(target, 'an eligible innovation with an answer lacking evidence').toBeDefined();
    const { innovationId, indicator } = target!;
    const before = await verifiedIndex(admin, '63.03');
    const row = (await checklist(admin, '63.03', innovationId)).indicators.find(
      (item: any) => item.code === indicator,
    );
    expect(row).toMatchObject({
      state: 'missing_evidence',
      missing: ['evidence', 'verification'],
      attached: [],
    });
    expect(row.requirement.description.length).toBeGreaterThan(10);

    // Act 1: attach a file that passes intake.
    const file = row.requirement.fileKinds.includes('pdf')
      ? {
          bytes: textPdf({ lines: [`Bukti ${indicator}`] }),
          fileName: 'bukti.pdf',
          mediaType: 'application/pdf',
        }
      : { bytes: solidPng(20, 20, [9, 99, 199]), fileName: 'bukti.png', mediaType: 'image/png' };
    const { id } = await uploadAndComplete(env, admin, '63.03', file.bytes, {
      fileName: file.fileName,
      mediaType: file.mediaType,
      documentDate: '2025-06-01',
    });
    const linked = await link(admin, '63.03', id, { type: 'innovation', innovationId, indicator });
    // Assess: attached and passed, still not verified.
    expect(linked.status).toBe(201);
    expect(linked.json.link).toMatchObject({
      evidenceId: id,
      target: { type: 'innovation', innovationId, indicator },
    });
    const attached = (await checklist(admin, '63.03', innovationId)).indicators.find(
      (item: any) => item.code === indicator,
    );
    expect(attached).toMatchObject({ state: 'awaiting_verification', missing: ['verification'] });
    expect(attached.attached).toEqual([
      expect.objectContaining({ evidenceId: id, status: 'passed', counts: true }),
    ]);
    expect(await verifiedIndex(admin, '63.03')).toBe(before);

    // Act 2: the verifier accepts the answer.
    const access = {
      evidence: repositoriesFor(env.data.forScope(tenantScope('63.03'))).evidence,
    } as TenantAccess;
    await expect(
      assertAcceptableEvidence(access, { type: 'innovation', innovationId, indicator }),
    ).resolves.toBe(undefined);
    await accept('63.03', innovationId, indicator);
    const accepted = await verifiedIndex(admin, '63.03');
    // Assess: the verified score moves.
    expect(accepted).toBeGreaterThan(before);
    expect(
      (await checklist(admin, '63.03', innovationId)).indicators.find((item: any) => item.code === indicator)
        .state,
    ).toBe('verified');

    // Act 3: without the evidence the accepted level no longer counts.
    expect((await unlink(admin, '63.03', id, { type: 'innovation', innovationId, indicator })).status).toBe(
      200,
    );
    expect(await verifiedIndex(admin, '63.03')).toBe(before);
    await expect(
      assertAcceptableEvidence(access, { type: 'innovation', innovationId, indicator }),
    ).rejects.toMatchObject({
      // The refusal carries its code; its status (409) is the API's central map's.
      name: 'DomainError',
      code: 'evidence_missing',
      field: 'evidence',
    });
    // Re-attached it counts again; deleted it does not.
    await link(admin, '63.03', id, { type: 'innovation', innovationId, indicator });
    expect(await verifiedIndex(admin, '63.03')).toBe(accepted);
    const item = await env.request('GET', `/tenants/63.03/evidence/${id}`, { token: admin });
    await env.request('POST', `/tenants/63.03/evidence/${id}/delete`, {
      token: admin,
      headers: { 'if-match': item.headers.get('etag')! },
      body: { reason: 'Dokumen diganti' },
    });
    expect(await verifiedIndex(admin, '63.03')).toBe(before);
  });
});

describe('the shared library and its links', () => {
  let operator: string;
  let ownInnovation: { id: string; periodYear: number };
  let otherInnovation: { id: string };
  beforeAll(async () => {
    operator = await env.login('opd1.3522@demo.local');
    const own = await env.request('GET', '/tenants/35.22/innovations?opdId=opd-dinkes&limit=1', {
      token: operator,
    });
    ownInnovation = own.json.items[0];
    const other = await env.request('GET', '/tenants/35.22/innovations?opdId=opd-disdik&limit=1', {
      token: operator,
    });
    otherInnovation = other.json.items[0];
  });

  it('lets an operator link the region’s decree to its own innovation, not to another OPD’s', async () => {
    const admin = await env.login('admin.3522@demo.local');
    const { id } = await uploadAndComplete(env, admin, '35.22', textPdf({ lines: ['Perda inovasi'] }), {
      fileName: 'perda.pdf',
      mediaType: 'application/pdf',
      kind: 'perda',
      documentDate: '2023-11-02',
    });
    const own = await link(operator, '35.22', id, {
      type: 'innovation',
      innovationId: ownInnovation.id,
      indicator: 'sid.16',
    });
    expect(own.status).toBe(201);
    const foreign = await link(operator, '35.22', id, {
      type: 'innovation',
      innovationId: otherInnovation.id,
      indicator: 'sid.16',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json.error.code).toBe('forbidden_opd');
    // One item, many answers: the library shows where it is used.
    await link(admin, '35.22', id, {
      type: 'innovation',
      innovationId: otherInnovation.id,
      indicator: 'sid.16',
    });
    const read = await env.request('GET', `/tenants/35.22/evidence/${id}`, { token: operator });
    expect(read.json.evidence.linkedCodes).toEqual({ 'sid.16': 2 });
    expect(read.json.links.map((entry: any) => entry.target.innovationId).sort()).toEqual(
      [ownInnovation.id, otherInnovation.id].sort(),
    );
    expect(
      (
        await link(admin, '35.22', id, {
          type: 'innovation',
          innovationId: ownInnovation.id,
          indicator: 'sid.16',
        })
      ).json.error.code,
    ).toBe('evidence_link_exists');
  });

  it('refuses an operator linking another OPD’s file to its own innovation', async () => {
    // Prepare: Dinas Pendidikan's operator uploads a file of its own OPD.
    const otherOperator = await env.login('opd2.3522@demo.local');
    const { id } = await uploadAndComplete(env, otherOperator, '35.22', textPdf({ lines: ['SK Disdik'] }), {
      fileName: 'sk-disdik.pdf',
      mediaType: 'application/pdf',
      kind: 'sk',
      documentDate: '2025-02-01',
    });
    // Act: Dinas Kesehatan's operator links it to an innovation of Dinas Kesehatan.
    const taken = await link(operator, '35.22', id, {
      type: 'innovation',
      innovationId: ownInnovation.id,
      indicator: 'sid.16',
    });
    // Assess: refused, and nothing was linked.
    expect(taken.status).toBe(403);
    expect(taken.json.error.code).toBe('forbidden_opd');
    const read = await env.request('GET', `/tenants/35.22/evidence/${id}`, { token: otherOperator });
    expect(read.json.links).toEqual([]);
  });

  it('warns about dates outside the indicator’s years, file kinds it does not take, and sharing across groups', async () => {
    const { id } = await uploadAndComplete(env, operator, '35.22', textPdf({ lines: ['SK tim 2019'] }), {
      fileName: 'sk-tim-2019.pdf',
      mediaType: 'application/pdf',
      kind: 'sk',
      documentDate: '2019-05-01',
    });
    const team = await link(operator, '35.22', id, {
      type: 'innovation',
      innovationId: ownInnovation.id,
      indicator: 'sid.17',
    });
    expect(team.json.warnings).toContainEqual({
      code: 'date_outside_window',
      refs: ['2024-01-01', '2026-12-31'],
    });
    const video = await link(operator, '35.22', id, {
      type: 'innovation',
      innovationId: ownInnovation.id,
      indicator: 'sid.35',
    });
    expect(video.status).toBe(201);
    expect(video.json.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'file_kind_not_accepted' }),
        { code: 'shared_across_indicators', refs: ['sid.17'] },
      ]),
    );
    // Within one group (decrees: sid.16, 17, 23, 24) sharing is expected.
    const implementers = await link(operator, '35.22', id, {
      type: 'innovation',
      innovationId: ownInnovation.id,
      indicator: 'sid.23',
    });
    expect(implementers.json.warnings).not.toContainEqual(
      expect.objectContaining({ code: 'shared_across_indicators', refs: ['sid.17'] }),
    );
  });

  it('checks the target: its indicator, its SPD row, who may link to it', async () => {
    const admin = await env.login('admin.3522@demo.local');
    const { id } = await uploadAndComplete(env, admin, '35.22', textPdf({ lines: ['BPS 2025'] }), {
      fileName: 'bps.pdf',
      mediaType: 'application/pdf',
      documentDate: '2025-02-28',
    });
    expect(
      (
        await link(admin, '35.22', id, {
          type: 'innovation',
          innovationId: ownInnovation.id,
          indicator: 'sid.99',
        })
      ).json.error,
    ).toMatchObject({
      code: 'unknown_indicator',
      field: 'indicator',
    });
    expect(
      (await link(admin, '35.22', id, { type: 'innovation', indicator: 'sid.16' })).json.error,
    ).toMatchObject({
      field: 'innovationId',
    });
    expect((await link(admin, '35.22', id, { type: 'agreement', agreementId: 'tidak-ada' })).status).toBe(
      404,
    );
    expect((await link(operator, '35.22', id, { type: 'spd', year: 2026, row: 'spd.4' })).status).toBe(403);
    const spd = await link(admin, '35.22', id, { type: 'spd', year: 2026, row: 'spd.4' });
    expect(spd.status).toBe(201);
    const rows = (await env.request('GET', '/tenants/35.22/periods/2026/spd/evidence', { token: operator }))
      .json;
    expect(rows.rows.find((row: any) => row.code === 'spd.4').attached).toContainEqual(
      expect.objectContaining({ evidenceId: id, counts: true }),
    );
    const verifier = await env.login('verifikator.3522@demo.local');
    expect(
      (await link(verifier, '35.22', id, { type: 'spd', year: 2026, row: 'spd.5a' })).json.error.code,
    ).toBe('forbidden_role');
  });

  it('refuses to link an item that failed intake', async () => {
    const { id, completed } = await uploadAndComplete(env, operator, '35.22', mp4({ durationSeconds: 900 }), {
      fileName: 'panjang.mp4',
      mediaType: 'video/mp4',
      kind: 'video',
    });
    expect(completed.status).toBe(422);
    const refused = await link(operator, '35.22', id, {
      type: 'innovation',
      innovationId: ownInnovation.id,
      indicator: 'sid.35',
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('evidence_rejected');
  });

  it('lets an operator describe its own item, and keeps the metadata honest', async () => {
    const { id } = await uploadAndComplete(env, operator, '35.22', textPdf({ lines: ['SOP'] }), {
      fileName: 'sop.pdf',
      mediaType: 'application/pdf',
    });
    const patch = (body: unknown, version: number) =>
      env.request('PATCH', `/tenants/35.22/evidence/${id}`, {
        token: operator,
        headers: { 'if-match': `"${version}"` },
        body,
      });
    const changed = await patch(
      { kind: 'sop', validFrom: '2025-01-01', validUntil: '2027-12-31', public: true },
      1,
    );
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ kind: 'sop', public: true, validUntil: '2027-12-31', version: 2 });
    expect((await patch({ validUntil: '2024-01-01' }, 2)).json.error.field).toBe('validUntil');
    expect((await patch({ title: 'Stale' }, 1)).status).toBe(409);
    const cleared = await patch({ validUntil: null }, 2);
    expect(cleared.json.validUntil).toBeUndefined();
  });
});

describe('completeness', () => {
  it('reports answered, evidenced and verified shares per innovation and for the region', async () => {
    const token = await env.login('admin.3522@demo.local');
    const response = await env.request('GET', '/tenants/35.22/periods/2026/evidence/completeness', { token });
    expect(response.status).toBe(200);
    const { region, spd, innovations } = response.json;
    expect(innovations.length).toBeGreaterThan(10);
    for (const item of innovations) {
      expect(item.completeness.total).toBe(20);
      expect(item.completeness.evidenced).toBeLessThanOrEqual(item.completeness.answered);
      expect(item.completeness.verified).toBeLessThanOrEqual(item.completeness.evidenced);
    }
    expect(region.total).toBe(20 * innovations.length);
    expect(region.answered).toBe(
      innovations.reduce((sum: number, item: any) => sum + item.completeness.answered, 0),
    );
    // The demo region is well on its way, with gaps to show.
    expect(region.shares.evidenced).toBeGreaterThan(0.5);
    expect(region.shares.verified).toBeLessThan(region.shares.evidenced);
    expect(spd.total).toBe(20);
  });

  it('gives a province a regency’s completeness only through its oversight read model', async () => {
    const province = await env.login('admin.35@demo.local');
    // The per-innovation checklist names indicators and evidence: the regency's, not the province's.
    const own = await env.request('GET', '/tenants/35.16/periods/2026/evidence/completeness', {
      token: province,
    });
    expect(own.status).toBe(403);
    expect(own.json.error.code).toBe('province_oversight_only');
    const drillDown = await env.request('GET', '/tenants/35/oversight/2026/regencies/35.16', {
      token: province,
    });
    expect(drillDown.status).toBe(200);
    expect(drillDown.json.summary.completeness.sid.total).toBeGreaterThan(0);
    expect(
      (await env.request('GET', '/tenants/63.03/periods/2026/evidence/completeness', { token: province }))
        .json.error.code,
    ).toBe('forbidden_tenant');
  });
});
