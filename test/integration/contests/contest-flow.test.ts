import { todayInJakarta } from '@inovasi/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { contestCallFixture } from '../../../packages/core/test/contests/fixtures.ts';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * A regional innovation contest from the call to the winners in the registry (issue 22,
 * docs/decisions/0037): two OPD entries and a citizen's, two judges (one from an entrant's OPD, one
 * who declares a conflict), blind mode, screening with a reason, bulk stage moves, scoring, the
 * ranking with judge deviations, approval, and the citizen's winning entry becoming an innovation.
 */
const CODE = '35.22';
/** The shared fixture, every stage on today (the server enforces the stage dates). */
const CALL = { ...contestCallFixture({ today: todayInJakarta() }), blindMode: true, judgesPerEntry: 2 };

describe('a contest from call to winners', () => {
  let env: TestEnvironment;
  let admin: string;
  let opd1: string;
  let opd2: string;
  let opd1Id: string;
  let callId: string;
  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
  const base = () => `/tenants/${CODE}/contests/${callId}`;
  const callVersion = async () => (await env.request('GET', base(), { token: admin })).json.version as number;

  beforeAll(async () => {
    env = await createTestEnvironment({ memberCacheMs: 0 });
    admin = await env.login('admin.3522@demo.local');
    opd1 = await env.login('opd1.3522@demo.local');
    opd2 = await env.login('opd2.3522@demo.local');
    const me = await env.request('GET', '/me', { token: opd1 });
    opd1Id = me.json.user.opdId;
  });

  it('runs the whole contest', async () => {
    // Call: created as a draft, invisible to the public until published.
    const created = await env.request('POST', `/tenants/${CODE}/contests`, { token: admin, body: CALL });
    expect(created.status).toBe(201);
    callId = created.json.id;
    expect((await env.request('GET', `/catalog/contests?region=${CODE}`)).json.items).toEqual([]);
    const stale = await env.request('POST', `${base()}/publish`, { token: admin, headers: ifMatch(9) });
    expect(stale.status).toBe(409);
    const published = await env.request('POST', `${base()}/publish`, { token: admin, headers: ifMatch(1) });
    expect(published.json.status).toBe('open');
    const page = await env.request('GET', `/catalog/contests/${CODE}/${callId}`);
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ title: CALL.title, status: 'open', winners: [] });

    // Panel: an internal judge from OPD 1 and an external one, both invited accounts.
    const judgeA = await env.request('POST', `${base()}/judges`, {
      token: admin,
      body: { email: 'juri.internal@contoh.go.id', name: 'Juri Internal', opdId: opd1Id },
    });
    const judgeB = await env.request('POST', `${base()}/judges`, {
      token: admin,
      body: { email: 'juri.eksternal@contoh.ac.id', name: 'Juri Eksternal', external: true },
    });
    expect([judgeA.status, judgeB.status]).toEqual([201, 201]);
    const again = await env.request('POST', `${base()}/judges`, {
      token: admin,
      body: { email: 'JURI.INTERNAL@contoh.go.id', name: 'Juri Internal' },
    });
    expect(again.json.error).toMatchObject({ code: 'contest_judge_exists', field: 'email' });
    const internal = await env.login('juri.internal@contoh.go.id');
    const external = await env.login('juri.eksternal@contoh.ac.id');

    // Entries: OPD 1 from its registry, OPD 2 with a new innovation, a citizen through sign-up.
    const listed = await env.request('GET', `/tenants/${CODE}/innovations?limit=100`, { token: opd1 });
    const ownInnovation = listed.json.items.find((item: { opdId: string }) => item.opdId === opd1Id);
    const fromRegistry = await env.request('POST', `${base()}/entries`, {
      token: opd1,
      body: { categoryId: 'opd', innovationId: ownInnovation.id },
    });
    expect(fromRegistry.status).toBe(201);
    expect(fromRegistry.json.profile.name).toBe(ownInnovation.profile.name);
    const fresh = await env.request('POST', `${base()}/entries`, {
      token: opd2,
      body: { categoryId: 'opd', profile: { name: 'Layanan Keliling Adminduk' } },
    });
    expect(fresh.status).toBe(201);
    const robot = await env.request('POST', '/contest-sign-up', {
      body: { tenantCode: CODE, callId, email: 'robot@spam.example', name: 'Robot', website: 'http://spam' },
    });
    expect(robot.status).toBe(400);
    expect(robot.json.error.field).toBe('website');
    const signUp = await env.request('POST', '/contest-sign-up', {
      body: { tenantCode: CODE, callId, email: 'siti.warga@contoh.id', name: 'Siti Warga' },
    });
    expect(signUp.status).toBe(202);
    const citizen = await env.login('siti.warga@contoh.id');
    const wrongCategory = await env.request('POST', `${base()}/entries`, {
      token: citizen,
      body: { categoryId: 'opd', profile: { name: 'Bank Sampah Digital' } },
    });
    expect(wrongCategory.json.error).toMatchObject({ code: 'contest_category_closed', field: 'categoryId' });
    const missingField = await env.request('POST', `${base()}/entries`, {
      token: citizen,
      body: { categoryId: 'masyarakat', profile: { name: 'Bank Sampah Digital' } },
    });
    expect(missingField.json.error).toMatchObject({
      code: 'contest_extra_field_missing',
      field: 'extraFields.desa',
    });
    const citizenEntry = await env.request('POST', `${base()}/entries`, {
      token: citizen,
      body: {
        categoryId: 'masyarakat',
        profile: { name: 'Bank Sampah Digital' },
        extraFields: { desa: 'Kalitidu' },
      },
    });
    expect(citizenEntry.status).toBe(201);
    expect(citizenEntry.json.entrantName).toBe('Siti Warga');
    const [e1, e2, e3] = [fromRegistry.json, fresh.json, citizenEntry.json];

    // Entrants see only their own entries; a judge nothing before assignment; the citizen nothing else.
    const citizenView = await env.request('GET', `${base()}/entries`, { token: citizen });
    expect(citizenView.json.items.map((entry: { id: string }) => entry.id)).toEqual([e3.id]);
    const opd2View = await env.request('GET', `${base()}/entries`, { token: opd2 });
    expect(opd2View.json.items.map((entry: { id: string }) => entry.id)).toEqual([e2.id]);
    expect(
      (await env.request('GET', `/tenants/${CODE}/innovations?limit=1`, { token: citizen })).status,
    ).toBe(403);

    // Screening: incomplete with a reason the entrant sees, then complete.
    const incomplete = await env.request('POST', `${base()}/entries/${e3.id}/screening`, {
      token: admin,
      headers: ifMatch(1),
      body: { status: 'incomplete', reason: 'Lampirkan foto kegiatan' },
    });
    expect(incomplete.status).toBe(200);
    const seen = await env.request('GET', `${base()}/entries`, { token: citizen });
    expect(seen.json.items[0].screening).toEqual({ status: 'incomplete', reason: 'Lampirkan foto kegiatan' });
    for (const [entry, version] of [
      [e1, 1],
      [e2, 1],
      [e3, 2],
    ] as const) {
      const done = await env.request('POST', `${base()}/entries/${entry.id}/screening`, {
        token: admin,
        headers: ifMatch(version),
        body: { status: 'complete' },
      });
      expect(done.status).toBe(200);
    }
    const tooEarly = await env.request('POST', `${base()}/entry-moves`, {
      token: admin,
      body: { from: 'screening', to: 'desk', entryIds: [e1.id] },
    });
    expect(tooEarly.json.error.code).toBe('contest_wrong_status');
    const closed = await env.request('POST', `${base()}/close-entries`, {
      token: admin,
      headers: ifMatch(await callVersion()),
    });
    expect(closed.json.status).toBe('judging');
    const late = await env.request('POST', `${base()}/entries`, {
      token: opd2,
      body: { categoryId: 'opd', profile: { name: 'Terlambat' } },
    });
    expect(late.json.error.code).toBe('contest_wrong_status');

    // One bulk move to desk judging: never to the judge of the entrant's own OPD.
    const moved = await env.request('POST', `${base()}/entry-moves`, {
      token: admin,
      body: { from: 'screening', to: 'desk', entryIds: [e1.id, e2.id, e3.id] },
    });
    expect(moved.json).toEqual({ moved: 3, shortOfJudges: [e1.id] });
    const internalId = judgeA.json.userId;
    const externalId = judgeB.json.userId;
    const internalView = await env.request('GET', `${base()}/entries`, { token: internal });
    expect(internalView.json.items.map((entry: { id: string }) => entry.id).sort()).toEqual(
      [e2.id, e3.id].sort(),
    );
    // Blind mode: no entrant, OPD or registry link, not even in the raw answer.
    expect(internalView.text).not.toContain('Siti Warga');
    expect(internalView.text).not.toContain(e2.opdId);
    expect(internalView.json.items[0]).not.toHaveProperty('entrantName');

    // The external judge declares a conflict with the citizen's entry: it stays with the other judge only.
    const conflict = await env.request('POST', `${base()}/entries/${e3.id}/conflict`, {
      token: external,
      body: { reason: 'Tetangga peserta' },
    });
    expect(conflict.status).toBe(200);
    const externalView = await env.request('GET', `${base()}/entries`, { token: external });
    expect(externalView.json.items.map((entry: { id: string }) => entry.id).sort()).toEqual(
      [e1.id, e2.id].sort(),
    );
    const adminEntries = await env.request('GET', `${base()}/entries`, { token: admin });
    const byId = new Map(adminEntries.json.items.map((entry: { id: string }) => [entry.id, entry]));
    expect((byId.get(e3.id) as { assignments: { desk: string[] } }).assignments.desk).toEqual([internalId]);
    expect((byId.get(e1.id) as { assignments: { desk: string[] } }).assignments.desk).toEqual([externalId]);

    // Scoring: only assigned entries, only on the criteria's scales.
    const score = (token: string, entryId: string, stage: string, criteria: Record<string, number>) =>
      env.request('PUT', `${base()}/entries/${entryId}/scores/${stage}`, {
        token,
        body: { criteria, comment: 'Catatan juri' },
      });
    expect((await score(internal, e1.id, 'desk', { kebaruan: 9, manfaat: 9 })).json.error.code).toBe(
      'contest_entry_not_assigned',
    );
    const offScale = await score(internal, e2.id, 'desk', { kebaruan: 11, manfaat: 9 });
    expect(offScale.json.error).toMatchObject({ code: 'contest_score_invalid', field: 'criteria.kebaruan' });
    expect((await score(internal, e2.id, 'desk', { kebaruan: 6, manfaat: 6 })).status).toBe(200);
    expect((await score(internal, e3.id, 'desk', { kebaruan: 9, manfaat: 10 })).status).toBe(200);
    expect((await score(external, e1.id, 'desk', { kebaruan: 7, manfaat: 7 })).status).toBe(200);
    expect((await score(external, e2.id, 'desk', { kebaruan: 10, manfaat: 10 })).status).toBe(200);

    const judges = await env.request('GET', `${base()}/judges`, { token: admin });
    const progress = new Map(
      judges.json.items.map((judge: { userId: string; progress: unknown }) => [judge.userId, judge.progress]),
    );
    expect(progress.get(internalId)).toMatchObject({ desk: { assigned: 2, scored: 2 } });
    expect(progress.get(externalId)).toMatchObject({ desk: { assigned: 2, scored: 2 } });

    const desk = await env.request('GET', `${base()}/ranking?stage=desk`, { token: admin });
    expect(desk.json.method).toBe('mean');
    expect(desk.json.entries.map((entry: { entryId: string }) => entry.entryId)).toEqual([
      e3.id,
      e2.id,
      e1.id,
    ]);
    // On the one entry both scored, they are 44.4 points apart: both are 22.2 from the median, flagged.
    expect(
      desk.json.judges.map((judge: { meanAbsoluteGap: number; flagged: boolean }) => [
        judge.meanAbsoluteGap,
        judge.flagged,
      ]),
    ).toEqual([
      [22.222, true],
      [22.222, true],
    ]);
    expect((await env.request('GET', `${base()}/ranking?stage=desk`, { token: internal })).status).toBe(403);

    // Final: all three, a tie between the two OPD entries, the citizen first in its category.
    const final = await env.request('POST', `${base()}/entry-moves`, {
      token: admin,
      body: { from: 'desk', to: 'final', entryIds: [e1.id, e2.id, e3.id] },
    });
    expect(final.status).toBe(200);
    expect((await score(external, e1.id, 'final', { presentasi: 80 })).status).toBe(200);
    expect((await score(external, e2.id, 'final', { presentasi: 90 })).status).toBe(200);
    expect((await score(internal, e2.id, 'final', { presentasi: 70 })).status).toBe(200);
    expect((await score(internal, e3.id, 'final', { presentasi: 85 })).status).toBe(200);
    const finalRanking = await env.request('GET', `${base()}/ranking?stage=final&categoryId=opd`, {
      token: admin,
    });
    expect(
      finalRanking.json.entries.map((entry: { rank: number; tied: boolean }) => [entry.rank, entry.tied]),
    ).toEqual([
      [1, true],
      [1, true],
    ]);

    const approved = await env.request('POST', `${base()}/results/approve`, {
      token: admin,
      headers: ifMatch(await callVersion()),
    });
    expect(approved.status).toBe(200);
    expect(
      approved.json.results
        .filter((result: { prize?: string }) => result.prize)
        .map((r: { entryId: string }) => r.entryId)
        .sort(),
    ).toEqual([e1.id, e2.id, e3.id].sort());
    // Entrants do not see the results before they are announced.
    expect((await env.request('GET', base(), { token: citizen })).json).not.toHaveProperty('results');

    const withoutOpd = await env.request('POST', `${base()}/results/announce`, {
      token: admin,
      headers: ifMatch(approved.json.version),
      body: {},
    });
    expect(withoutOpd.json.error).toMatchObject({ code: 'contest_winner_needs_opd', field: 'opdId' });
    const announced = await env.request('POST', `${base()}/results/announce`, {
      token: admin,
      headers: ifMatch(approved.json.version),
      body: { opdId: opd1Id },
    });
    expect(announced.status).toBe(200);
    expect(announced.json.status).toBe('winners_published');

    // The citizen's and OPD 2's winning entries are now innovations of the registry, no retyping.
    const citizenInnovation = await env.request('GET', `/tenants/${CODE}/innovations/${e3.id}`, {
      token: admin,
    });
    expect(citizenInnovation.status).toBe(200);
    expect(citizenInnovation.json).toMatchObject({
      opdId: opd1Id,
      periodYear: 2026,
      profile: { name: 'Bank Sampah Digital' },
    });
    const opd2Innovation = await env.request('GET', `/tenants/${CODE}/innovations/${e2.id}`, {
      token: admin,
    });
    expect(opd2Innovation.json.opdId).toBe(e2.opdId);
    const publicPage = await env.request('GET', `/catalog/contests/${CODE}/${callId}`);
    expect(publicPage.json.status).toBe('winners_published');
    expect(publicPage.json.winners.map((winner: { name: string }) => winner.name).sort()).toEqual(
      ['Bank Sampah Digital', 'Layanan Keliling Adminduk', e1.profile.name].sort(),
    );
    const award = await env.request('GET', `${base()}/entries`, { token: citizen });
    expect(award.json.items[0].award).toEqual({ rank: 1, prize: 'Juara I' });
  });

  it('keeps another region, and judges of other calls, out', async () => {
    const neighbour = await env.login('admin.3520@demo.local');
    expect((await env.request('GET', `/tenants/${CODE}/contests`, { token: neighbour })).status).toBe(403);
    expect(
      (await env.request('GET', `/tenants/${CODE}/contests/${callId}/entries`, { token: neighbour })).status,
    ).toBe(403);
    // A second call the judges are not on: they can neither see it nor its entries.
    const other = await env.request('POST', `/tenants/${CODE}/contests`, {
      token: admin,
      body: { ...CALL, title: 'Krenova 2026' },
    });
    await env.request('POST', `/tenants/${CODE}/contests/${other.json.id}/publish`, {
      token: admin,
      headers: { 'if-match': '"1"' },
    });
    const judge = await env.login('juri.eksternal@contoh.ac.id');
    const list = await env.request('GET', `/tenants/${CODE}/contests`, { token: judge });
    expect(list.json.items.map((call: { id: string }) => call.id)).toEqual([callId]);
    const entries = await env.request('GET', `/tenants/${CODE}/contests/${other.json.id}/entries`, {
      token: judge,
    });
    expect(entries.status).toBe(403);
    expect(entries.json.error.code).toBe('contest_not_on_panel');
  });
});
