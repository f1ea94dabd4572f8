import { replicationLevel } from '@inovasi/core';
import { textPdf } from '@inovasi/local';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { requestUpload, uploadAndComplete } from '../evidence/support.ts';

/**
 * Replication between regions end to end: publish → search → request → accept → replica draft
 * → agreement document → sid.31 level, plus every refusal that keeps the two regions apart.
 */
let env: TestEnvironment;
const tokens: Record<string, string> = {};
const token = (code: string) => tokens[code] as string;

const PRIVATE_BUDGET = 424_242_424;
const SOURCE_CONTACT = { name: 'Budi Santoso', role: 'Kepala Bidang Inovasi, Bappeda Magetan' };
const AGREEMENT = { kind: 'pks', signedOn: '2026-02-10', contact: SOURCE_CONTACT };

beforeAll(async () => {
  env = await createTestEnvironment();
  for (const code of ['35.20', '35.16', '63.03', '17.71', '35.22', '35']) {
    tokens[code] = await env.login(`admin.${code.replace('.', '')}@demo.local`);
  }
});

/** Magetan (35.20) publishes a fresh innovation: the source of every replication below. */
async function publishSource(name: string) {
  const created = await env.request('POST', '/tenants/35.20/innovations', {
    token: token('35.20'),
    body: {
      opdId: 'opd-dinkes',
      profile: {
        name,
        stage: 'penerapan',
        kind: 'non_digital',
        form: 'pelayanan_publik',
        urusanMain: 'kesehatan',
        implementationDate: '2024-06-01',
        rancangBangun: `${'Tahapan rinci internal. '.repeat(40)}Catatan internal RB-SRC-9.`,
        tujuan: 'Menurunkan angka stunting pada balita di desa.',
        manfaat: 'Balita terpantau setiap bulan oleh kader posyandu.',
        hasil: 'Prevalensi stunting turun tiga persen.',
        budget: PRIVATE_BUDGET,
      },
    },
  });
  expect(created.status).toBe(201);
  const published = await env.request('PUT', `/tenants/35.20/innovations/${created.json.id}/publication`, {
    token: token('35.20'),
    body: { themes: ['stunting'] },
  });
  expect(published.status).toBe(200);
  return { id: created.json.id as string, catalogId: published.json.entry.catalogId as string };
}

const requestReplication = (replicator: string, sourceInnovationId: string, sourceTenantCode = '35.20') =>
  env.request('POST', `/tenants/${replicator}/replications`, {
    token: token(replicator),
    body: {
      sourceTenantCode,
      sourceInnovationId,
      opdId: 'opd-dinkes',
      message: 'Kami ingin mereplikasi inovasi ini di daerah kami tahun ini.',
      contact: { name: 'Rina Kusuma', role: 'Kepala Bidang Litbang, Bappeda', email: 'rina@contoh.go.id' },
    },
  });

async function accept(replicationId: string, version = 1) {
  return env.request('POST', `/tenants/35.20/replications/${replicationId}/accept`, {
    token: token('35.20'),
    headers: { 'if-match': `"${version}"` },
    body: AGREEMENT,
  });
}

async function attachDocument(code: string, replicationId: string, version: number, evidenceId: string) {
  return env.request('PUT', `/tenants/${code}/replications/${replicationId}/agreement-document`, {
    token: token(code),
    headers: { 'if-match': `"${version}"` },
    body: { evidenceId },
  });
}

/** A signed agreement scanned into a region's evidence library: a real item that passed intake. */
async function agreementEvidence(code: string, title: string): Promise<string> {
  const { id, completed } = await uploadAndComplete(env, token(code), code, textPdf({ lines: [title] }), {
    fileName: 'pks.pdf',
    mediaType: 'application/pdf',
    kind: 'pks_mou',
  });
  expect(completed.status).toBe(200);
  return id;
}

const summaryOf = (innovationId: string) =>
  env.request('GET', `/tenants/35.20/innovations/${innovationId}/replications`, { token: token('35.20') });

describe('replication from the catalogue to sid.31', () => {
  it('takes a published innovation through request, agreement, replica draft and sid.31 levels 1 to 3', async () => {
    const source = await publishSource('Kader Pantau Stunting Magetan');

    // Mojokerto finds it in the public catalogue.
    const found = await env.request('GET', '/catalog/innovations?q=kader%20pantau%20stunting');
    expect(found.json.items[0].catalogId).toBe(source.catalogId);

    const requested = await requestReplication('35.16', source.id);
    expect(requested.status).toBe(201);
    expect(requested.json).toMatchObject({
      direction: 'outgoing',
      status: 'requested',
      source: { tenantCode: '35.20', innovationId: source.id, catalogId: source.catalogId },
      replicator: { tenantCode: '35.16' },
      version: 1,
    });

    // Magetan sees the request as incoming.
    const incoming = await env.request('GET', '/tenants/35.20/replications?direction=incoming', {
      token: token('35.20'),
    });
    const seen = incoming.json.items.find((item: { id: string }) => item.id === requested.json.id);
    expect(seen).toMatchObject({
      direction: 'incoming',
      status: 'requested',
      contact: { name: 'Rina Kusuma' },
    });
    expect(seen.replicaOpdId).toBeUndefined();

    const accepted = await accept(requested.json.id);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({
      status: 'accepted',
      version: 2,
      sourceContact: SOURCE_CONTACT,
      agreement: {
        kind: 'pks',
        signedOn: '2026-02-10',
        parties: [
          { role: 'source', tenantCode: '35.20' },
          { role: 'replicator', tenantCode: '35.16' },
        ],
      },
    });

    // Mojokerto's copy names its new draft, prefilled from public fields with its lineage.
    const outgoing = await env.request('GET', `/tenants/35.16/replications/${requested.json.id}`, {
      token: token('35.16'),
    });
    expect(outgoing.json.status).toBe('accepted');
    const replicaId = outgoing.json.replicaInnovationId as string;
    const replica = await env.request('GET', `/tenants/35.16/innovations/${replicaId}`, {
      token: token('35.16'),
    });
    expect(replica.status).toBe(200);
    expect(replica.json).toMatchObject({
      tenantCode: '35.16',
      opdId: 'opd-dinkes',
      status: 'draft',
      createdBy: 'u-3516-admin',
      replicatedFrom: { tenantCode: '35.20', innovationId: source.id, replicationId: requested.json.id },
      profile: {
        name: 'Kader Pantau Stunting Magetan',
        stage: 'inisiatif',
        urusanMain: 'kesehatan',
        tujuan: 'Menurunkan angka stunting pada balita di desa.',
      },
    });
    expect(replica.json.profile.rancangBangun).toContain('Replikasi dari inovasi');
    expect(replica.text).not.toContain('RB-SRC-9');
    expect(replica.text).not.toContain(String(PRIVATE_BUDGET));

    // Counted publicly at once; sid.31 waits for the signed document.
    const detail = await env.request('GET', `/catalog/innovations/${source.catalogId}`);
    expect(detail.json.replicatedByRegions).toBe(1);
    expect((await summaryOf(source.id)).json).toMatchObject({
      distinctRegions: 1,
      evidencedRegions: 0,
      sid31Level: 0,
    });

    // The replicating region attaches the signed PKS: both sides carry it, sid.31 reaches 1.
    const pksMojokerto = await agreementEvidence('35.16', 'PKS Mojokerto');
    const documented = await attachDocument('35.16', requested.json.id, 2, pksMojokerto);
    expect(documented.status).toBe(200);
    expect(documented.json.agreement.evidenceId).toBe(pksMojokerto);
    const sourceCopy = await env.request('GET', `/tenants/35.20/replications/${requested.json.id}`, {
      token: token('35.20'),
    });
    expect(sourceCopy.json.agreement.evidenceId).toBe(pksMojokerto);
    expect(sourceCopy.headers.get('etag')).toBe('"3"');
    expect((await summaryOf(source.id)).json).toMatchObject({ evidencedRegions: 1, sid31Level: 1 });

    // Two more regions: sid.31 counts distinct regions, up to level 3.
    for (const [code, title, level] of [
      ['63.03', 'PKS Banjar', 2],
      ['17.71', 'MoU Bengkulu', 3],
    ] as const) {
      const request = await requestReplication(code, source.id);
      expect(request.status).toBe(201);
      expect((await accept(request.json.id)).status).toBe(200);
      const evidenceId = await agreementEvidence('35.20', title);
      expect((await attachDocument('35.20', request.json.id, 2, evidenceId)).status).toBe(200);
      const summary = (await summaryOf(source.id)).json;
      expect(summary.sid31Level).toBe(level);
      expect(summary.sid31Level).toBe(replicationLevel(summary.evidencedRegions));
    }
    const summary = (await summaryOf(source.id)).json;
    expect(summary.regions.map((region: { tenantCode: string }) => region.tenantCode).sort()).toEqual([
      '17.71',
      '35.16',
      '63.03',
    ]);
    expect(
      (await env.request('GET', `/catalog/innovations/${source.catalogId}`)).json.replicatedByRegions,
    ).toBe(3);
  });

  it('lets the requester withdraw, the source decline, and a declined region ask again', async () => {
    const source = await publishSource('Dapur Gizi Balita Magetan');
    const first = await requestReplication('35.16', source.id);
    const duplicate = await requestReplication('35.16', source.id);
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.code).toBe('replication_exists');

    const withdrawn = await env.request('POST', `/tenants/35.16/replications/${first.json.id}/withdraw`, {
      token: token('35.16'),
      headers: { 'if-match': '"1"' },
    });
    expect(withdrawn.json).toMatchObject({ status: 'withdrawn', direction: 'outgoing' });
    const late = await accept(first.json.id, 2);
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('replication_not_pending');

    const second = await requestReplication('35.16', source.id);
    expect(second.status).toBe(201);
    const declined = await env.request('POST', `/tenants/35.20/replications/${second.json.id}/decline`, {
      token: token('35.20'),
      headers: { 'if-match': '"1"' },
      body: { reason: 'Inovasi sedang direvisi.' },
    });
    expect(declined.json).toMatchObject({ status: 'declined', declineReason: 'Inovasi sedang direvisi.' });
    const theirCopy = await env.request('GET', `/tenants/35.16/replications/${second.json.id}`, {
      token: token('35.16'),
    });
    expect(theirCopy.json).toMatchObject({ status: 'declined', declineReason: 'Inovasi sedang direvisi.' });
    expect((await requestReplication('35.16', source.id)).status).toBe(201);
    expect((await summaryOf(source.id)).json.distinctRegions).toBe(0);
  });

  it('refuses the steps each side may not take, stale versions, and unpublished or own innovations', async () => {
    const source = await publishSource('Telur Sehat Untuk Balita');
    const request = await requestReplication('35.16', source.id);

    // The requester cannot accept its own request, nor the source withdraw it.
    const selfAccept = await env.request('POST', `/tenants/35.16/replications/${request.json.id}/accept`, {
      token: token('35.16'),
      headers: { 'if-match': '"1"' },
      body: { ...AGREEMENT, kind: 'mou' },
    });
    expect(selfAccept.status).toBe(403);
    expect(selfAccept.json.error.code).toBe('replication_wrong_side');
    const sourceWithdraw = await env.request(
      'POST',
      `/tenants/35.20/replications/${request.json.id}/withdraw`,
      {
        token: token('35.20'),
        headers: { 'if-match': '"1"' },
      },
    );
    expect(sourceWithdraw.json.error.code).toBe('replication_wrong_side');

    // A document before the agreement, a stale version, a missing version.
    const early = await agreementEvidence('35.20', 'PKS terlalu dini');
    expect((await attachDocument('35.20', request.json.id, 1, early)).json.error.code).toBe(
      'replication_not_accepted',
    );
    const stale = await accept(request.json.id, 7);
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('version_conflict');
    const unversioned = await env.request('POST', `/tenants/35.20/replications/${request.json.id}/accept`, {
      token: token('35.20'),
      body: AGREEMENT,
    });
    expect(unversioned.status).toBe(428);

    // Operators and verifiers of the source region cannot answer; the province oversees through
    // summaries only (ADR 0023), so it neither reads nor answers the request.
    const operator = await env.login('opd1.3520@demo.local');
    const byOperator = await env.request('POST', `/tenants/35.20/replications/${request.json.id}/accept`, {
      token: operator,
      headers: { 'if-match': '"1"' },
      body: AGREEMENT,
    });
    expect(byOperator.json.error.code).toBe('forbidden_role');
    const provinceRead = await env.request('GET', `/tenants/35.20/replications/${request.json.id}`, {
      token: token('35'),
    });
    expect(provinceRead.status).toBe(403);
    expect(provinceRead.json.error.code).toBe('province_oversight_only');
    const provinceAccept = await env.request(
      'POST',
      `/tenants/35.20/replications/${request.json.id}/accept`,
      {
        token: token('35'),
        headers: { 'if-match': '"1"' },
        body: AGREEMENT,
      },
    );
    expect(provinceAccept.status).toBe(403);

    // Own region, unpublished, and not-existing sources.
    const own = await requestReplication('35.20', source.id);
    expect(own.json.error).toMatchObject({ code: 'replication_own_region', field: 'sourceTenantCode' });
    await env.request('DELETE', `/tenants/35.20/innovations/${source.id}/publication`, {
      token: token('35.20'),
    });
    const unpublished = await requestReplication('63.03', source.id);
    expect(unpublished.status).toBe(404);
    expect(unpublished.json.error.code).toBe('catalog_not_published');
    // The pending request cannot be accepted any more: the draft is built from public fields only.
    const afterWithdrawal = await accept(request.json.id);
    expect(afterWithdrawal.status).toBe(409);
    expect(afterWithdrawal.json.error.code).toBe('catalog_not_published');
  });

  it('keeps a third region out of an agreement between two others', async () => {
    const source = await publishSource('Bidan Desa Siaga Malam');
    const request = await requestReplication('35.16', source.id);
    const outsider = token('35.22');
    for (const code of ['35.20', '35.16']) {
      const read = await env.request('GET', `/tenants/${code}/replications/${request.json.id}`, {
        token: outsider,
      });
      expect(read.status).toBe(403);
      const act = await env.request('POST', `/tenants/${code}/replications/${request.json.id}/accept`, {
        token: outsider,
        headers: { 'if-match': '"1"' },
        body: AGREEMENT,
      });
      expect(act.status).toBe(403);
    }
    // Through its own path the id is simply not there.
    const ownPath = await env.request('GET', `/tenants/35.22/replications/${request.json.id}`, {
      token: outsider,
    });
    expect(ownPath.status).toBe(404);
    const ownAccept = await env.request('POST', `/tenants/35.22/replications/${request.json.id}/accept`, {
      token: outsider,
      headers: { 'if-match': '"1"' },
      body: AGREEMENT,
    });
    expect(ownAccept.status).toBe(404);
    const list = await env.request('GET', '/tenants/35.22/replications', { token: outsider });
    expect(list.json.items.map((item: { id: string }) => item.id)).not.toContain(request.json.id);
    const stillPending = await env.request('GET', `/tenants/35.20/replications/${request.json.id}`, {
      token: token('35.20'),
    });
    expect(stillPending.json.status).toBe('requested');
  });
});

describe('the agreement document', () => {
  it('must be an item of the attaching region’s own library that passed intake', async () => {
    // Prepare: an accepted agreement between Magetan (source) and Mojokerto.
    const source = await publishSource('Posyandu Keliling Dokumen');
    const request = await requestReplication('35.16', source.id);
    expect(request.status).toBe(201);
    expect((await accept(request.json.id)).status).toBe(200);
    const otherRegionsItem = await agreementEvidence('35.16', 'PKS milik Mojokerto');
    // Announced, never uploaded: still pending.
    const pending = await requestUpload(
      env,
      token('35.20'),
      '35.20',
      textPdf({ lines: ['PKS belum diunggah'] }),
      {
        fileName: 'pks.pdf',
        mediaType: 'application/pdf',
        kind: 'pks_mou',
      },
    );
    expect(pending.status).toBe(201);

    // Act and assess: an unknown id, another region's item, an item not yet checked.
    for (const [label, evidenceId, status, code] of [
      ['unknown', 'tidak-ada-sama-sekali', 404, 'not_found'],
      ['another region’s', otherRegionsItem, 404, 'not_found'],
      ['pending', pending.json.evidence.id, 409, 'evidence_not_uploaded'],
    ] as const) {
      const refused = await attachDocument('35.20', request.json.id, 2, evidenceId);
      expect(refused.status, label).toBe(status);
      expect(refused.json.error, label).toMatchObject({ code, field: 'evidenceId' });
    }
    // Nothing was attached on either side.
    for (const code of ['35.20', '35.16']) {
      const read = await env.request('GET', `/tenants/${code}/replications/${request.json.id}`, {
        token: token(code),
      });
      expect(read.json.agreement.evidenceId, code).toBeUndefined();
      expect(read.headers.get('etag'), code).toBe('"2"');
    }
    const own = await agreementEvidence('35.20', 'PKS Magetan');
    expect((await attachDocument('35.20', request.json.id, 2, own)).status).toBe(200);
  });
});

describe('both regions’ audit trails', () => {
  it('record every step that writes into the other region, in each region’s own trail', async () => {
    // Prepare
    const source = await publishSource('Sekolah Lapang Gizi Jejak Audit');
    const trailOf = async (code: string, replicationId: string) =>
      (
        await env.request('GET', `/tenants/${code}/audit?entityId=${replicationId}&limit=50`, {
          token: token(code),
        })
      ).json.items as { action: string; requestId: string; email: string; actorTenantCode?: string }[];

    // Act 1: Mojokerto asks Magetan (a write into Magetan's replication partition).
    const request = await requestReplication('35.16', source.id);
    expect(request.status).toBe(201);
    // Act 2: Magetan accepts (a write into Mojokerto: its copy and the replica draft).
    expect((await accept(request.json.id)).status).toBe(200);

    // Assess: each step is in both trails, with one request id, and the other region's trail
    // names the region whose person acted.
    const requester = await trailOf('35.16', request.json.id);
    const sourceTrail = await trailOf('35.20', request.json.id);
    const step = (trail: typeof requester, action: string) => trail.find((entry) => entry.action === action);
    for (const [action, acting, other] of [
      ['replication.request', requester, sourceTrail],
      ['replication.accept', sourceTrail, requester],
    ] as const) {
      const own = step(acting, action);
      const mirrored = step(other, action);
      expect(own, action).toBeDefined();
      expect(mirrored, action).toBeDefined();
      expect(own?.actorTenantCode, action).toBeUndefined();
      expect(mirrored?.requestId, action).toBe(own?.requestId);
      expect(mirrored?.email, action).toBe(own?.email);
    }
    expect(step(sourceTrail, 'replication.request')?.actorTenantCode).toBe('35.16');
    expect(step(requester, 'replication.accept')?.actorTenantCode).toBe('35.20');
  });
});
