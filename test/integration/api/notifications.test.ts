import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatchOutbox, fileMailSink } from '@inovasi/app/jobs/outbox';
import { runDeadlineReminders } from '@inovasi/app/jobs/reminders';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

let env: TestEnvironment;
const base = '/tenants/35.20';

beforeAll(async () => {
  env = await createTestEnvironment();
});

const addDays = (days: number) => {
  const jakarta = new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000);
  return jakarta.toISOString().slice(0, 10);
};

async function transition(token: string, id: string, body: unknown) {
  const current = await env.request('GET', `${base}/innovations/${id}`, { token });
  return env.request('POST', `${base}/innovations/${id}/transitions`, {
    token,
    headers: { 'if-match': current.headers.get('etag')! },
    body,
  });
}

describe('in-app notifications and the e-mail outbox', () => {
  it('tells the verifier about a new item in the queue and the OPD about a return', async () => {
    const operator = await env.login('opd1.3520@demo.local');
    const verifier = await env.login('verifikator.3520@demo.local');
    const created = await env.request('POST', `${base}/innovations`, {
      token: operator,
      body: { opdId: 'opd-dinkes', profile: { name: 'Notifikasi Antrean' } },
    });
    expect((await transition(operator, created.json.id, { action: 'submit' })).status).toBe(200);

    const inbox = await env.request('GET', `${base}/notifications`, { token: verifier });
    expect(inbox.status).toBe(200);
    expect(inbox.json.unread).toBe(1);
    expect(inbox.json.items[0]).toMatchObject({
      type: 'queue',
      title_id: 'Inovasi baru menunggu pemeriksaan: Notifikasi Antrean',
      link: `/inovasi/${created.json.id}`,
      read: false,
    });

    expect(
      (await transition(verifier, created.json.id, { action: 'return', note: 'Lengkapi profil' })).status,
    ).toBe(200);
    const operatorInbox = await env.request('GET', `${base}/notifications`, { token: operator });
    expect(operatorInbox.json.items[0].type).toBe('returned');

    const id = inbox.json.items[0].id;
    expect((await env.request('POST', `${base}/notifications/${id}/read`, { token: operator })).status).toBe(
      404,
    );
    expect((await env.request('POST', `${base}/notifications/${id}/read`, { token: verifier })).status).toBe(
      204,
    );
    expect((await env.request('GET', `${base}/notifications`, { token: verifier })).json.unread).toBe(0);
    const elsewhere = await env.request('GET', '/tenants/35.22/notifications', { token: verifier });
    expect(elsewhere.status).toBe(403);
  });

  it('delivers pending e-mail once to the outbox file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox.jsonl');
    const sink = fileMailSink(file);
    const first = await dispatchOutbox(env.data, sink);
    expect(first).toBeGreaterThanOrEqual(2);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.to)).toEqual(
      expect.arrayContaining(['verifikator.3520@demo.local', 'opd1.3520@demo.local']),
    );
    expect(lines.find((line) => line.to === 'verifikator.3520@demo.local').subject).toContain(
      'menunggu pemeriksaan',
    );
    expect(await dispatchOutbox(env.data, sink)).toBe(0);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(lines.length);
  });
});

describe('deadlines, reminders and the progress board', () => {
  it('reminds operators 7 days before the internal deadline, once', async () => {
    const admin = await env.login('admin.3520@demo.local');
    const opened = await env.request('POST', `${base}/periods`, {
      token: admin,
      body: { year: 2027, internalDeadline: addDays(7), nationalDeadline: addDays(20) },
    });
    expect(opened.status).toBe(201);
    const operator = await env.login('opd2.3520@demo.local');
    const announced = await env.request('GET', `${base}/notifications`, { token: operator });
    expect(announced.json.items.map((item: { type: string }) => item.type)).toContain('period_opened');

    const sent = await runDeadlineReminders(env.data);
    expect(sent).toBe(2);
    const inbox = await env.request('GET', `${base}/notifications`, { token: operator });
    const reminder = inbox.json.items.find((item: { type: string }) => item.type === 'deadline');
    expect(reminder.title_id).toContain('tinggal 7 hari');
    expect(await runDeadlineReminders(env.data)).toBe(0);
  });

  it('shows per OPD how far it is from its target, furthest behind first', async () => {
    const admin = await env.login('admin.3520@demo.local');
    const opds = await env.request('GET', `${base}/opds`, { token: admin });
    const puskesmas = opds.json.items.find((opd: { id: string }) => opd.id === 'opd-puskesmas');
    await env.request('PATCH', `${base}/opds/opd-puskesmas`, {
      token: admin,
      headers: { 'if-match': `"${puskesmas.version}"` },
      body: { target: 3 },
    });
    const board = await env.request('GET', `${base}/periods/2027/progress`, { token: admin });
    expect(board.status).toBe(200);
    expect(board.json).toMatchObject({ year: 2027, daysToInternalDeadline: 7, daysToNationalDeadline: 20 });
    expect(board.json.opds[0]).toMatchObject({ opdId: 'opd-puskesmas', target: 3, behind: 3 });
    const current = await env.request('GET', `${base}/periods/2026/progress`, { token: admin });
    const dinkes = current.json.opds.find((opd: { opdId: string }) => opd.opdId === 'opd-dinkes');
    // The demo draft and the innovation returned above: both back with the OPD, nothing submitted.
    expect(dinkes).toMatchObject({ target: 1, total: 2, submitted: 0, behind: 1 });
  });
});
