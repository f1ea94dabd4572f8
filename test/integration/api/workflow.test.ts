import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createTableClient, keys } from '@inovasi/data';
import { textPdf } from '@inovasi/local';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { eligibleProfile } from '../../support/profiles.ts';
import { uploadAndComplete } from '../evidence/support.ts';

let env: TestEnvironment;
let operator: string;
let verifier: string;
let admin: string;

const TENANT = '35.16';
const base = `/tenants/${TENANT}`;

beforeAll(async () => {
  env = await createTestEnvironment();
  operator = await env.login('opd1.3516@demo.local');
  verifier = await env.login('verifikator.3516@demo.local');
  admin = await env.login('admin.3516@demo.local');
});

async function newInnovation(name: string, periodYear = 2026) {
  const created = await env.request('POST', `${base}/innovations`, {
    token: operator,
    body: { opdId: 'opd-dinkes', periodYear, profile: eligibleProfile(name) },
  });
  expect(created.status).toBe(201);
  return created.json as { id: string; version: number };
}

/** Calls a workflow route with the innovation's current version, and returns the answer. */
async function step(token: string, id: string, path: string, body: unknown) {
  const current = await env.request('GET', `${base}/innovations/${id}`, { token: admin });
  return env.request('POST', `${base}/innovations/${id}${path}`, {
    token,
    headers: { 'if-match': current.headers.get('etag')! },
    body,
  });
}

/** A verifier accepts only answers backed by evidence that passed intake: upload a PDF and link it. */
async function attachEvidence(id: string, indicator: string) {
  const pdf = textPdf({ lines: [`Bukti ${id} ${indicator}`] });
  const { completed, id: evidenceId } = await uploadAndComplete(env, operator, TENANT, pdf, {
    fileName: `${indicator}.pdf`,
    mediaType: 'application/pdf',
  });
  expect(completed.status, completed.text).toBe(200);
  const linked = await env.request('POST', `${base}/evidence/${evidenceId}/links`, {
    token: operator,
    body: { type: 'innovation', innovationId: id, indicator },
  });
  expect(linked.status, linked.text).toBeLessThan(300);
}

async function answer(id: string, indicator: string, level: number, options: { evidence?: boolean } = {}) {
  const current = await env.request('GET', `${base}/innovations/${id}`, { token: operator });
  const response = await env.request('PUT', `${base}/innovations/${id}/answers/${indicator}`, {
    token: operator,
    headers: { 'if-match': current.headers.get('etag')! },
    // sid.33 (kemanfaatan) is read against a basis: a, the number of beneficiaries
    body: indicator === 'sid.33' ? { level, basis: 'a' } : { level },
  });
  expect(response.status).toBe(200);
  if (options.evidence ?? true) await attachEvidence(id, indicator);
}

/** The mandatory indicators of iid-2026 besides sid.16: answered at level 1, each with evidence. */
const OTHER_MANDATORY = ['sid.17', 'sid.32', 'sid.33', 'sid.35'] as const;
async function answerOtherMandatory(id: string) {
  for (const indicator of OTHER_MANDATORY) await answer(id, indicator, 1);
}

describe('the life of one innovation', () => {
  it('goes from draft to a national result, one audit entry per step', async () => {
    const { id } = await newInnovation('Klinik Sore Ramah Pekerja');
    await answer(id, 'sid.16', 2);
    await answer(id, 'sid.19', 3);
    await answerOtherMandatory(id);

    const expectStatus = async (response: Awaited<ReturnType<typeof step>>, status: string) => {
      expect(response.status, response.text).toBe(200);
      expect(response.json.status).toBe(status);
    };
    await expectStatus(await step(operator, id, '/transitions', { action: 'submit' }), 'submitted');
    await expectStatus(await step(verifier, id, '/transitions', { action: 'start_review' }), 'in_review');
    const early = await step(verifier, id, '/transitions', { action: 'verify' });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe('answers_not_reviewed');
    expect(early.json.error.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
      'answers.sid.16',
      'answers.sid.17',
      'answers.sid.19',
      'answers.sid.32',
      'answers.sid.33',
      'answers.sid.35',
    ]);
    // Each waiting answer is named by its indicator in a sentence, never as `answers.sid.17: sid.17`.
    expect(early.json.error.message).not.toMatch(/sid\./);
    expect(early.json.error.message).toMatch(/^Masih ada jawaban indikator .*belum diterima verifikator\.$/);
    const staffDetail = early.json.error.details.find(
      (detail: { field: string }) => detail.field === 'answers.sid.17',
    );
    expect(staffDetail.message).toBe(
      'Jawaban indikator "Ketersediaan dan peran SDM terhadap inovasi daerah" belum diterima verifikator.',
    );
    for (const indicator of ['sid.16', 'sid.19', ...OTHER_MANDATORY]) {
      const reviewed = await step(verifier, id, `/answers/${indicator}/review`, { status: 'accepted' });
      expect(reviewed.status).toBe(200);
      expect(reviewed.json.answers[indicator].review).toMatchObject({
        status: 'accepted',
        by: 'u-3516-verifikator',
      });
    }
    await expectStatus(await step(verifier, id, '/transitions', { action: 'verify' }), 'verified');
    const operatorReady = await step(operator, id, '/transitions', { action: 'mark_ready' });
    expect(operatorReady.status).toBe(403);
    await expectStatus(await step(admin, id, '/transitions', { action: 'mark_ready' }), 'ready');
    const noNumber = await step(admin, id, '/transitions', { action: 'mark_sent' });
    expect(noNumber.status).toBe(400);
    expect(noNumber.json.error.field).toBe('registrationNumber');
    const sent = await step(admin, id, '/transitions', {
      action: 'mark_sent',
      registrationNumber: 'IID-2026-3516-0042',
      sentAt: '2026-08-20',
    });
    await expectStatus(sent, 'sent');
    expect(sent.json).toMatchObject({ registrationNumber: 'IID-2026-3516-0042', sentAt: '2026-08-20' });
    const result = await step(admin, id, '/transitions', {
      action: 'record_result',
      result: 'accepted',
      finalKematangan: 10,
    });
    await expectStatus(result, 'accepted');
    expect(result.json.finalKematangan).toBe(10);

    const trail = await env.request('GET', `${base}/audit?entityId=${id}&limit=100`, { token: admin });
    expect(trail.status).toBe(200);
    const actions = trail.json.items.map((entry: { action: string }) => entry.action).reverse();
    expect(actions).toEqual([
      'innovation.create',
      ...Array(6).fill('answer.set'),
      'workflow.submit',
      'workflow.start_review',
      ...Array(6).fill('answer.accepted'),
      'workflow.verify',
      'workflow.mark_ready',
      'workflow.mark_sent',
      'workflow.record_result',
    ]);
    const submit = trail.json.items.find((entry: { action: string }) => entry.action === 'workflow.submit');
    expect(submit).toMatchObject({
      userId: 'u-3516-opd1',
      roles: ['opd_operator'],
      changes: { status: { before: 'draft', after: 'submitted' } },
    });
    expect(submit.requestId).toMatch(/^[\w-]{8,}$/);
  });

  it('is returned with notes listing exactly the answers that need work, then edited and resubmitted', async () => {
    const { id } = await newInnovation('Antar Obat ke Rumah');
    await answer(id, 'sid.16', 1);
    await answer(id, 'sid.17', 2);
    await step(operator, id, '/transitions', { action: 'submit' });
    const locked = await env.request('PATCH', `${base}/innovations/${id}`, {
      token: operator,
      headers: { 'if-match': '"4"' },
      body: { profile: { tujuan: 'Diubah saat diperiksa' } },
    });
    expect(locked.status).toBe(409);
    expect(locked.json.error.code).toBe('not_editable');

    const noNote = await step(verifier, id, '/answers/sid.17/review', { status: 'returned' });
    expect(noNote.json.error).toMatchObject({ code: 'note_required', field: 'note' });
    await step(verifier, id, '/answers/sid.16/review', { status: 'accepted' });
    await step(verifier, id, '/answers/sid.17/review', {
      status: 'returned',
      note: 'SK tim belum dilampirkan',
    });
    const returned = await step(verifier, id, '/transitions', { action: 'return' });
    expect(returned.json).toMatchObject({ status: 'returned', returnedAnswers: ['sid.17'] });

    await answer(id, 'sid.17', 1);
    const edited = await env.request('GET', `${base}/innovations/${id}`, { token: operator });
    expect(edited.json.answers['sid.17'].review).toBeUndefined();
    expect(edited.json.answers['sid.16'].review.status).toBe('accepted');
    expect((await step(operator, id, '/transitions', { action: 'submit' })).json.status).toBe('submitted');
  });

  it('refuses steps out of order and to the wrong role', async () => {
    const { id } = await newInnovation('Langkah Salah');
    const verifyDraft = await step(verifier, id, '/transitions', { action: 'verify' });
    expect(verifyDraft.status).toBe(409);
    expect(verifyDraft.json.error.code).toBe('transition_not_allowed');
    const otherOpd = await env.login('opd2.3516@demo.local');
    expect((await step(otherOpd, id, '/transitions', { action: 'submit' })).status).toBe(403);
    const reviewDraft = await step(verifier, id, '/answers/sid.16/review', { status: 'accepted' });
    expect(reviewDraft.json.error.code).toBe('not_reviewable');
  });

  it('refuses a review once the national deadline has passed, checked in the review’s own write', async () => {
    // Prepare: an answer in review, then the period's national deadline moved into the past behind
    // the API's back (the route no longer reads the period first; the write's transaction checks it).
    const { id } = await newInnovation('Tinjauan Terlambat');
    await answer(id, 'sid.16', 1);
    await step(operator, id, '/transitions', { action: 'submit' });
    await step(verifier, id, '/transitions', { action: 'start_review' });
    const before = await env.request('GET', `${base}/innovations/${id}`, { token: admin });
    const table = createTableClient(env.config);
    const periodKey = keys.period(TENANT, 2026);
    const { Attributes: period } = await table.send(
      new UpdateCommand({
        TableName: env.config.tableName,
        Key: periodKey,
        UpdateExpression: 'SET nationalDeadline = :past',
        ExpressionAttributeValues: { ':past': '2020-01-01' },
        ReturnValues: 'ALL_OLD',
      }),
    );
    try {
      // Act
      const accepted = await step(verifier, id, '/answers/sid.16/review', { status: 'accepted' });
      const returned = await step(verifier, id, '/answers/sid.16/review', { status: 'returned', note: 'x' });

      // Assess: both refused as read-only, and nothing of either was written.
      expect([accepted.json.error.code, returned.json.error.code]).toEqual([
        'period_read_only',
        'period_read_only',
      ]);
      const after = await env.request('GET', `${base}/innovations/${id}`, { token: admin });
      expect(after.json.version).toBe(before.json.version);
      expect(after.json.answers['sid.16'].review).toBeUndefined();
      const trail = await env.request('GET', `${base}/audit?entityId=${id}`, { token: admin });
      expect(trail.json.items.map((entry: { action: string }) => entry.action)).not.toContain(
        'answer.accepted',
      );
    } finally {
      // Put back what was there: the period as it was, or no period at all.
      if (period) await table.send(new PutCommand({ TableName: env.config.tableName, Item: period }));
      else await table.send(new DeleteCommand({ TableName: env.config.tableName, Key: periodKey }));
      table.destroy();
    }
    // And with the deadline back, the same review goes through.
    const accepted = await step(verifier, id, '/answers/sid.16/review', { status: 'accepted' });
    expect(accepted.status).toBe(200);
  });

  it('resolves a concurrent verify and return by optimistic locking: exactly one wins', async () => {
    const { id } = await newInnovation('Balapan Verifikasi');
    await answer(id, 'sid.16', 1);
    await step(operator, id, '/transitions', { action: 'submit' });
    await step(verifier, id, '/transitions', { action: 'start_review' });
    await step(verifier, id, '/answers/sid.16/review', { status: 'accepted' });
    const current = await env.request('GET', `${base}/innovations/${id}`, { token: admin });
    const etag = current.headers.get('etag')!;
    const [verify, giveBack] = await Promise.all([
      env.request('POST', `${base}/innovations/${id}/transitions`, {
        token: verifier,
        headers: { 'if-match': etag },
        body: { action: 'verify' },
      }),
      env.request('POST', `${base}/innovations/${id}/transitions`, {
        token: admin,
        headers: { 'if-match': etag },
        body: { action: 'return', note: 'Periksa ulang' },
      }),
    ]);
    expect([verify.status, giveBack.status].sort()).toEqual([200, 409]);
    const final = await env.request('GET', `${base}/innovations/${id}`, { token: admin });
    const winner = verify.status === 200 ? 'verified' : 'returned';
    expect(final.json.status).toBe(winner);
    const trail = await env.request('GET', `${base}/audit?entityId=${id}`, { token: admin });
    const steps = trail.json.items.filter((entry: { action: string }) =>
      ['workflow.verify', 'workflow.return'].includes(entry.action),
    );
    expect(steps).toHaveLength(1);
  });

  it('blocks ready-to-send below the region’s minimum kematangan', async () => {
    const settings = await env.request('GET', `${base}/settings`, { token: admin });
    await env.request('PUT', `${base}/settings`, {
      token: admin,
      headers: { 'if-match': settings.headers.get('etag')! },
      body: { minKematanganToSend: 70 },
    });
    const { id } = await newInnovation('Di Bawah Ambang');
    await answer(id, 'sid.16', 3);
    await answerOtherMandatory(id);
    await step(operator, id, '/transitions', { action: 'submit' });
    await step(verifier, id, '/transitions', { action: 'start_review' });
    for (const indicator of ['sid.16', ...OTHER_MANDATORY]) {
      await step(verifier, id, `/answers/${indicator}/review`, { status: 'accepted' });
    }
    await step(verifier, id, '/transitions', { action: 'verify' });
    const ready = await step(admin, id, '/transitions', { action: 'mark_ready' });
    expect(ready.status).toBe(409);
    // sid.16 at 3 (9) and the other mandatory indicators at 1 (2 + 2 + 3 + 4): 20
    expect(ready.json.error).toMatchObject({ code: 'below_send_threshold', field: 'kematangan' });
    expect(ready.json.error.message).toBe(
      'Kematangan inovasi masih di bawah batas minimal daerah untuk dikirim. Kematangan terverifikasi 20 masih di bawah batas minimal daerah 70; kurang 50 poin.',
    );
  });

  it('refuses ready while mandatory indicators are not answered with evidence, naming them in sentences', async () => {
    const settings = await env.request('GET', `${base}/settings`, { token: admin });
    await env.request('PUT', `${base}/settings`, {
      token: admin,
      headers: { 'if-match': settings.headers.get('etag')! },
      body: { minKematanganToSend: null },
    });
    // Only sid.16 of the five mandatory indicators is answered (with evidence, accepted)
    const { id } = await newInnovation('Wajib Belum Lengkap');
    await answer(id, 'sid.16', 2);
    await answer(id, 'sid.19', 3);
    await step(operator, id, '/transitions', { action: 'submit' });
    await step(verifier, id, '/transitions', { action: 'start_review' });
    for (const indicator of ['sid.16', 'sid.19']) {
      await step(verifier, id, `/answers/${indicator}/review`, { status: 'accepted' });
    }
    expect((await step(verifier, id, '/transitions', { action: 'verify' })).status).toBe(200);

    const ready = await env.request('POST', `${base}/innovations/${id}/transitions`, {
      token: admin,
      headers: {
        'if-match': (await env.request('GET', `${base}/innovations/${id}`, { token: admin })).headers.get(
          'etag',
        )!,
        'accept-language': 'id',
      },
      body: { action: 'mark_ready' },
    });
    expect(ready.status).toBe(409);
    expect(ready.json.error).toMatchObject({
      code: 'mandatory_indicators_incomplete',
      field: 'answers.sid.17',
    });
    expect(ready.json.error.message).toContain('Indikator wajib belum lengkap');
    const details = ready.json.error.details as { field: string; message: string }[];
    expect(details.map((detail) => detail.field)).toEqual([
      'answers.sid.17',
      'answers.sid.32',
      'answers.sid.33',
      'answers.sid.35',
    ]);
    expect(details.find((detail) => detail.field === 'answers.sid.35')?.message).toBe(
      'Indikator wajib "Video inovasi daerah" belum dijawab.',
    );
    for (const detail of details) expect(detail.message).not.toMatch(/sid\./);
    const unchanged = await env.request('GET', `${base}/innovations/${id}`, { token: admin });
    expect(unchanged.json.status).toBe('verified');
  });
});

describe('assessment periods and deadlines', () => {
  it('opens a period once, with a pinned rubric and sane deadlines', async () => {
    const bad = await env.request('POST', `${base}/periods`, {
      token: admin,
      body: { year: 2027, internalDeadline: '2027-09-01', nationalDeadline: '2027-08-23' },
    });
    expect(bad.json.error).toMatchObject({ code: 'invalid_deadlines', field: 'internalDeadline' });
    const opened = await env.request('POST', `${base}/periods`, {
      token: admin,
      // The internal deadline has passed (today is after 2026-11-01); the national one has not.
      body: { year: 2027, internalDeadline: '2026-11-01', nationalDeadline: '2027-08-23' },
    });
    expect(opened.status).toBe(201);
    expect(opened.json).toMatchObject({ rubricId: 'iid-2027-provisional', extensions: [], version: 1 });
    const again = await env.request('POST', `${base}/periods`, {
      token: admin,
      body: { year: 2027, internalDeadline: '2026-11-01', nationalDeadline: '2027-08-23' },
    });
    expect(again.status).toBe(409);
    expect(
      (
        await env.request('POST', `${base}/periods`, {
          token: operator,
          body: { year: 2028, internalDeadline: '2028-08-01', nationalDeadline: '2028-08-23' },
        })
      ).status,
    ).toBe(403);
  });

  it('locks operators after the internal deadline until Bappeda extends it for their OPD', async () => {
    const create = await env.request('POST', `${base}/innovations`, {
      token: operator,
      body: { opdId: 'opd-dinkes', periodYear: 2027, profile: { name: 'Terlambat' } },
    });
    expect(create.status).toBe(409);
    expect(create.json.error.code).toBe('period_locked');
    const byAdmin = await env.request('POST', `${base}/innovations`, {
      token: admin,
      body: { opdId: 'opd-dinkes', periodYear: 2027, profile: { name: 'Dibuat Bappeda' } },
    });
    expect(byAdmin.status).toBe(201);
    const edit = () =>
      env.request('PATCH', `${base}/innovations/${byAdmin.json.id}`, {
        token: operator,
        headers: { 'if-match': '"1"' },
        body: { profile: { tujuan: 'Tujuan baru' } },
      });
    expect((await edit()).json.error.code).toBe('period_locked');

    const period = await env.request('GET', `${base}/periods/2027`, { token: admin });
    const extended = await env.request('POST', `${base}/periods/2027/extensions`, {
      token: admin,
      headers: { 'if-match': period.headers.get('etag')! },
      body: { opdId: 'opd-dinkes', until: '2099-12-31', reason: 'SK tim inovasi masih ditandatangani' },
    });
    expect(extended.status).toBe(200);
    expect(extended.json.extensions[0]).toMatchObject({ opdId: 'opd-dinkes', by: 'u-3516-admin' });
    expect((await edit()).status).toBe(200);
  });

  it('makes a period read-only for everyone after the national deadline', async () => {
    const opened = await env.request('POST', `${base}/periods`, {
      token: admin,
      body: {
        year: 2025,
        rubricId: 'iid-2026',
        internalDeadline: '2025-08-10',
        nationalDeadline: '2025-08-23',
      },
    });
    expect(opened.status).toBe(201);
    const create = await env.request('POST', `${base}/innovations`, {
      token: admin,
      body: { opdId: 'opd-dinkes', periodYear: 2025, profile: { name: 'Sudah Lewat' } },
    });
    expect(create.json.error.code).toBe('period_read_only');
  });
});

describe('carrying an innovation into the next period', () => {
  it('copies it as a linked draft, asks again for every answer, and does it once', async () => {
    const created = await env.request('POST', `${base}/innovations`, {
      token: operator,
      body: {
        opdId: 'opd-dinkes',
        periodYear: 2026,
        profile: { ...eligibleProfile('Dibawa ke Tahun Depan'), implementationDate: '2024-03-01' },
      },
    });
    const { id } = created.json;
    await answer(id, 'sid.16', 2);
    const carried = await env.request('POST', `${base}/innovations/${id}/carry-over`, {
      token: admin,
      body: { toYear: 2027 },
    });
    expect(carried.status).toBe(201);
    expect(carried.json).toMatchObject({ periodYear: 2027, previousId: id, status: 'draft' });
    expect(carried.json.answers['sid.16']).toMatchObject({ level: 2 });
    expect(carried.json.answers['sid.16'].review).toBeUndefined();
    const again = await env.request('POST', `${base}/innovations/${id}/carry-over`, {
      token: admin,
      body: { toYear: 2027 },
    });
    expect(again.json.id).toBe(carried.json.id);
    const backwards = await env.request('POST', `${base}/innovations/${id}/carry-over`, {
      token: admin,
      body: { toYear: 2025 },
    });
    expect(backwards.json.error).toMatchObject({ code: 'carry_over_backwards', field: 'toYear' });
    // Implemented in 2024, so under the 2027 window (2025–2026) it needs a dated latest development.
    const projection = await env.request('GET', `${base}/periods/2027/projection`, { token: admin });
    const copy = projection.json.innovations.find((item: { id: string }) => item.id === carried.json.id);
    expect(copy.eligibility.reasons.map((reason: { field: string }) => reason.field)).toContain(
      'latestDevelopmentDate',
    );
  });
});

describe('audit trail', () => {
  it('is readable by the admin only, filterable by user, and exportable as CSV', async () => {
    expect((await env.request('GET', `${base}/audit`, { token: operator })).status).toBe(403);
    const byUser = await env.request('GET', `${base}/audit?userId=u-3516-verifikator&limit=200`, {
      token: admin,
    });
    expect(byUser.json.items.length).toBeGreaterThan(3);
    expect(
      byUser.json.items.every((entry: { userId: string }) => entry.userId === 'u-3516-verifikator'),
    ).toBe(true);
    const csv = await env.request('GET', `${base}/audit/export?userId=u-3516-verifikator`, { token: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'at,email,roles,action,entity,entityId,periodYear,changes,requestId,clientRequestId,actorTenantCode',
    );
    expect(lines.length - 1).toBe(byUser.json.items.length);
  });

  it('records the server’s own request id, and a client-sent one only as the client’s', async () => {
    // Prepare: two users send the same X-Request-Id, as a careless or hostile client could.
    const shared = 'req-dipakai-bersama-01';
    const changeOf = async (token: string, name: string) => {
      const response = await env.request('POST', `${base}/opds`, {
        token,
        headers: { 'x-request-id': shared },
        body: { name, kind: 'badan' },
      });
      expect(response.status).toBe(201);
      return { response, opdId: response.json.id as string };
    };
    const otherAdmin = await env.request('POST', `${base}/members`, {
      token: admin,
      body: { email: 'admin.kedua.3516@demo.local', name: 'Admin Kedua', roles: ['tenant_admin'] },
    });
    expect(otherAdmin.status).toBe(201);
    // Act
    const first = await changeOf(admin, 'Bagian Uji Permintaan Satu');
    const second = await changeOf(
      await env.login('admin.kedua.3516@demo.local'),
      'Bagian Uji Permintaan Dua',
    );
    // Assess: each answer names its own server-made id, and the trail keeps them apart.
    const answered = [first, second].map(({ response }) => response.headers.get('x-request-id'));
    expect(answered[0]).not.toBe(shared);
    expect(answered[1]).not.toBe(shared);
    expect(answered[0]).not.toBe(answered[1]);
    const entries = await Promise.all(
      [first, second].map(async ({ opdId }) => {
        const trail = await env.request('GET', `${base}/audit?entityId=${opdId}`, { token: admin });
        expect(trail.json.items).toHaveLength(1);
        return trail.json.items[0];
      }),
    );
    expect(entries.map((entry) => entry.requestId)).toEqual(answered);
    expect(entries.map((entry) => entry.clientRequestId)).toEqual([shared, shared]);
    // A malformed client id is not kept at all.
    const odd = await env.request('POST', `${base}/opds`, {
      token: admin,
      headers: { 'x-request-id': 'x' },
      body: { name: 'Bagian Uji Permintaan Tiga', kind: 'badan' },
    });
    const oddTrail = await env.request('GET', `${base}/audit?entityId=${odd.json.id}`, { token: admin });
    expect(oddTrail.json.items[0].clientRequestId).toBeUndefined();
  });

  it('exports a value a spreadsheet would run as a formula as text', async () => {
    // Prepare: a member whose e-mail address begins with a formula sign makes a change.
    const email = '-2+3@demo.local';
    const invited = await env.request('POST', `${base}/members`, {
      token: admin,
      body: { email, name: 'Pengguna Uji Rumus', roles: ['tenant_admin'] },
    });
    expect(invited.status).toBe(201);
    const member = await env.login(email);
    const created = await env.request('POST', `${base}/opds`, {
      token: member,
      body: { name: 'Bagian Uji Ekspor', kind: 'badan' },
    });
    expect(created.status).toBe(201);
    // Act
    const csv = await env.request('GET', `${base}/audit/export?userId=${invited.json.id}`, { token: admin });
    // Assess: the cell starts with the apostrophe text marker, never with the sign itself.
    expect(csv.status).toBe(200);
    const rows = csv.text.trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.split(',')[1]).toBe(`"'${email}"`);
      expect(row.split(',').some((cell) => /^[=+\-@\t\r]/.test(cell))).toBe(false);
    }
  });

  it('has no route that changes or deletes an entry', async () => {
    const doc = await env.request('GET', '/openapi.json');
    const auditPaths = Object.entries(doc.json.paths as Record<string, Record<string, unknown>>).filter(
      ([path]) => path.includes('/audit'),
    );
    expect(auditPaths.length).toBeGreaterThan(0);
    for (const [, methods] of auditPaths) expect(Object.keys(methods)).toEqual(['get']);
  });
});
