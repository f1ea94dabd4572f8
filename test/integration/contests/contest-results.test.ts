import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatchOutbox, fileMailSink } from '@inovasi/app/jobs/outbox';
import { todayInJakarta } from '@inovasi/core';
import { repositoriesFor, tenantScope } from '@inovasi/data';
import { PDFParse } from 'pdf-parse';
import { beforeAll, describe, expect, it } from 'vitest';
import { contestCallFixture, stageDatesAround } from '../../../packages/core/test/contests/fixtures.ts';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { FaultInjector } from '../../support/faults.ts';
import { exportFile } from '../exports/support.ts';

/**
 * What a contest does around its results (docs/decisions/0042): the call and its public copy
 * commit together or not at all, the stage dates refuse entries and scores outside them, the
 * entrant is mailed when screening finds their entry incomplete, and the winners' certificates
 * come out as one PDF with a page per winner.
 */
const CODE = '35.22';
const TODAY = todayInJakarta();
const addDays = (days: number) =>
  new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const CALL = {
  ...contestCallFixture({ today: TODAY }),
  title: 'Lomba Inovasi dan Teknologi 2026',
  judgesPerEntry: 1,
  prizes: [
    { rank: 1, label: 'Juara I', amount: 10_000_000 },
    { rank: 2, label: 'Juara II', amount: 5_000_000 },
  ],
};
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

describe('contest results, dates, mail and atomic public copies', () => {
  let env: TestEnvironment;
  let injector: FaultInjector;
  let admin: string;
  let opd1: string;
  let opd2: string;

  beforeAll(async () => {
    injector = new FaultInjector();
    env = await createTestEnvironment({ memberCacheMs: 0, factory: { ...injector.instruments } });
    [admin, opd1, opd2] = await Promise.all([
      env.login('admin.3522@demo.local'),
      env.login('opd1.3522@demo.local'),
      env.login('opd2.3522@demo.local'),
    ]);
  });

  const createCall = async (body: unknown) => {
    const created = await env.request('POST', `/tenants/${CODE}/contests`, { token: admin, body });
    expect(created.status).toBe(201);
    return created.json.id as string;
  };
  const readCall = async (callId: string) =>
    (await env.request('GET', `/tenants/${CODE}/contests/${callId}`, { token: admin })).json;

  it('publishes a call and its public copy in one transaction: a failure leaves neither', async () => {
    const callId = await createCall(CALL);
    // Every attempt of the publishing transaction fails (the SDK's retries included).
    injector.only = (attempt) =>
      attempt.operation === 'TransactWriteItems' && attempt.body.includes('CATALOG#META#CONTESTS');
    injector.kinds = ['server-error'];
    injector.rate = 1;
    const failed = await env.request('POST', `/tenants/${CODE}/contests/${callId}/publish`, {
      token: admin,
      headers: ifMatch(1),
    });
    injector.rate = 0;
    injector.only = undefined;
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(injector.stats.injected['server-error']).toBeGreaterThan(0);
    expect(await readCall(callId)).toMatchObject({ status: 'draft', version: 1 });
    expect((await env.request('GET', `/catalog/contests/${CODE}/${callId}`)).status).toBe(404);

    const published = await env.request('POST', `/tenants/${CODE}/contests/${callId}/publish`, {
      token: admin,
      headers: ifMatch(1),
    });
    expect(published.json).toMatchObject({ status: 'open', version: 2 });
    const page = await env.request('GET', `/catalog/contests/${CODE}/${callId}`);
    expect(page.json).toMatchObject({ id: callId, status: 'open', title: CALL.title });
  });

  it('takes entries only between the opening and closing dates', async () => {
    const early = await createCall({
      ...CALL,
      stageDates: { ...stageDatesAround(addDays(3)), entriesOpen: addDays(1) },
    });
    await env.request('POST', `/tenants/${CODE}/contests/${early}/publish`, {
      token: admin,
      headers: ifMatch(1),
    });
    const tooEarly = await env.request('POST', `/tenants/${CODE}/contests/${early}/entries`, {
      token: opd1,
      body: { categoryId: 'opd', profile: { name: 'Terlalu Awal' } },
    });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.json.error).toMatchObject({
      code: 'contest_entries_not_yet_open',
      field: 'stageDates.entriesOpen',
    });
    expect(tooEarly.json.error.message).toMatch(/belum dibuka/);

    const late = await createCall({
      ...CALL,
      stageDates: { ...stageDatesAround(addDays(5)), entriesOpen: addDays(-5), entriesClose: addDays(-1) },
    });
    await env.request('POST', `/tenants/${CODE}/contests/${late}/publish`, {
      token: admin,
      headers: ifMatch(1),
    });
    const tooLate = await env.request('POST', `/tenants/${CODE}/contests/${late}/entries`, {
      token: opd1,
      body: { categoryId: 'opd', profile: { name: 'Terlambat' } },
    });
    expect(tooLate.json.error).toMatchObject({
      code: 'contest_entries_closed',
      field: 'stageDates.entriesClose',
    });
    const entries = await env.request('GET', `/tenants/${CODE}/contests/${late}/entries`, { token: admin });
    expect(entries.json.items).toEqual([]);
  });

  it('runs a call to its winners: screening e-mail, judging dates, spd.12 evidence once, certificates as a PDF', async () => {
    const callId = await createCall(CALL);
    const base = `/tenants/${CODE}/contests/${callId}`;
    await env.request('POST', `${base}/publish`, { token: admin, headers: ifMatch(1) });
    const judge = await env.request('POST', `${base}/judges`, {
      token: admin,
      body: { email: 'juri.sertifikat@contoh.ac.id', name: 'Juri Sertifikat', external: true },
    });
    expect(judge.status).toBe(201);
    const juror = await env.login('juri.sertifikat@contoh.ac.id');
    const enter = async (token: string, name: string) => {
      const entered = await env.request('POST', `${base}/entries`, {
        token,
        body: { categoryId: 'opd', profile: { name } },
      });
      expect(entered.status).toBe(201);
      return entered.json;
    };
    const e1 = await enter(opd1, 'Sistem Antrian Puskesmas Daring');
    const e2 = await enter(opd2, 'Layanan Keliling Adminduk');

    // Screening finds the first entry incomplete: the entrant gets the reason by e-mail.
    const incomplete = await env.request('POST', `${base}/entries/${e1.id}/screening`, {
      token: admin,
      headers: ifMatch(1),
      body: { status: 'incomplete', reason: 'Lampirkan SK inovasi' },
    });
    expect(incomplete.status).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'contest-mail-')), 'outbox.jsonl');
    await dispatchOutbox(env.data, fileMailSink(file));
    const mails = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const mail = mails.find((message) => message.subject.includes(CALL.title));
    expect(mail).toMatchObject({ to: 'opd1.3522@demo.local', tenantCode: CODE });
    expect(mail.subject).toMatch(/perlu dilengkapi.*incomplete/);
    expect(mail.text).toContain('Alasan: Lampirkan SK inovasi');
    expect(mail.text).toContain('Reason: Lampirkan SK inovasi');
    expect(mail.text).toContain('Sistem Antrian Puskesmas Daring');
    // A complete verdict sends nothing.
    for (const [entry, version] of [
      [e1, 2],
      [e2, 1],
    ] as const) {
      const done = await env.request('POST', `${base}/entries/${entry.id}/screening`, {
        token: admin,
        headers: ifMatch(version),
        body: { status: 'complete' },
      });
      expect(done.status).toBe(200);
    }
    expect(await dispatchOutbox(env.data, fileMailSink(file))).toBe(0);

    await env.request('POST', `${base}/close-entries`, {
      token: admin,
      headers: ifMatch((await readCall(callId)).version),
    });
    const move = (from: string, to: string) =>
      env.request('POST', `${base}/entry-moves`, {
        token: admin,
        body: { from, to, entryIds: [e1.id, e2.id] },
      });
    expect((await move('screening', 'desk')).status).toBe(200);
    const score = (entryId: string, stage: string, criteria: Record<string, number>) =>
      env.request('PUT', `${base}/entries/${entryId}/scores/${stage}`, { token: juror, body: { criteria } });

    // The calendar moves on (the stored dates, as the server reads them): desk judging not yet, then over.
    const contests = repositoriesFor(env.data.forScope(tenantScope(CODE))).contests;
    const shiftDates = async (stageDates: typeof CALL.stageDates) => {
      const call = await contests.requireCall(callId);
      await contests.updateCall(call, call.version, { stageDates }, 'test.shift_dates');
    };
    await shiftDates({
      ...CALL.stageDates,
      screeningEnd: addDays(1),
      deskEnd: addDays(2),
      finalEnd: addDays(3),
    });
    const notYet = await score(e1.id, 'desk', { kebaruan: 8, manfaat: 8 });
    expect(notYet.json.error).toMatchObject({
      code: 'contest_judging_not_yet_open',
      field: 'stageDates.screeningEnd',
    });
    await shiftDates({ ...CALL.stageDates, screeningEnd: addDays(-3), deskEnd: addDays(-1) });
    const over = await score(e1.id, 'desk', { kebaruan: 8, manfaat: 8 });
    expect(over.status).toBe(409);
    expect(over.json.error).toMatchObject({ code: 'contest_judging_closed', field: 'stageDates.deskEnd' });
    await shiftDates(CALL.stageDates);
    expect((await score(e1.id, 'desk', { kebaruan: 8, manfaat: 8 })).status).toBe(200);
    expect((await score(e2.id, 'desk', { kebaruan: 7, manfaat: 7 })).status).toBe(200);

    expect((await move('desk', 'final')).status).toBe(200);
    expect((await score(e1.id, 'final', { presentasi: 90 })).status).toBe(200);
    expect((await score(e2.id, 'final', { presentasi: 80 })).status).toBe(200);

    // Certificates only once the winners are announced.
    const early = await env.request('POST', `/tenants/${CODE}/exports`, {
      token: admin,
      body: { kind: 'contest_certificates', callId },
    });
    expect(early.json.error).toMatchObject({ code: 'contest_results_not_announced', field: 'callId' });
    const approved = await env.request('POST', `${base}/results/approve`, {
      token: admin,
      headers: ifMatch((await readCall(callId)).version),
    });
    expect(approved.status).toBe(200);
    // The operator's own answer for awards to innovators, which the announcement must not change.
    const spd = await env.request('GET', `/tenants/${CODE}/periods/2026/spd`, { token: admin });
    const answered = await env.request('PUT', `/tenants/${CODE}/periods/2026/spd/spd.12`, {
      token: admin,
      headers: { 'if-match': spd.headers.get('etag') ?? '"0"' },
      body: { level: 1 },
    });
    expect(answered.status).toBe(200);
    // The announcement is interrupted at its last write, then run again: no second evidence item.
    injector.only = (attempt) =>
      attempt.operation === 'TransactWriteItems' && attempt.body.includes('CATALOG#META#CONTESTS');
    injector.kinds = ['server-error'];
    injector.rate = 1;
    const interrupted = await env.request('POST', `${base}/results/announce`, {
      token: admin,
      headers: ifMatch(approved.json.version),
      body: {},
    });
    injector.rate = 0;
    injector.only = undefined;
    expect(interrupted.status).toBeGreaterThanOrEqual(500);
    const announced = await env.request('POST', `${base}/results/announce`, {
      token: admin,
      headers: ifMatch(approved.json.version),
      body: {},
    });
    expect(announced.json.status).toBe('winners_published');
    const citations = await repositoriesFor(env.data.forScope(tenantScope(CODE))).evidence.linksForTarget({
      type: 'spd',
      year: 2026,
      row: 'spd.12',
    });
    const cited = citations.filter((entry) =>
      entry.evidence.url?.endsWith(`/lomba-publik/${CODE}/${callId}`),
    );
    expect(cited).toHaveLength(1);
    expect(cited[0]?.passed).toBe(true);
    expect(cited[0]?.evidence).toMatchObject({ kind: 'sertifikat', title: `Hasil ${CALL.title}` });
    expect(announced.json.spdCitation).toEqual({
      year: 2026,
      row: 'spd.12',
      evidenceId: cited[0]?.evidence.id,
      suggestedLevel: 2,
    });
    const answers = await env.request('GET', `/tenants/${CODE}/periods/2026/spd`, { token: admin });
    expect(answers.json.answers['spd.12'].level).toBe(1);
    expect(
      (
        await env.request('POST', `/tenants/${CODE}/exports`, {
          token: opd1,
          body: { kind: 'contest_certificates', callId },
        })
      ).status,
    ).toBe(403);

    const { job, link, bytes } = await exportFile(env, admin, CODE, { kind: 'contest_certificates', callId });
    expect(job).toMatchObject({ kind: 'contest_certificates', callId, progress: 100 });
    expect(job.result.files).toBe(2);
    expect(link.contentType).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(bytes) });
    const text = await parser.getText().finally(() => parser.destroy());
    expect(text.total).toBe(2);
    const [first, second] = text.pages.map((page) => page.text.replace(/\s+/g, ' '));
    for (const [page, innovation, entrant, prize] of [
      [first, 'Sistem Antrian Puskesmas Daring', e1.entrantName, 'Juara I'],
      [second, 'Layanan Keliling Adminduk', e2.entrantName, 'Juara II'],
    ]) {
      expect(page).toContain('SERTIFIKAT PENGHARGAAN');
      expect(page).toContain(innovation);
      expect(page).toContain(entrant);
      expect(page).toContain(`sebagai ${prize}, kategori ASN/OPD`);
      expect(page).toContain(CALL.title);
    }
  });
});
