import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { JobRef } from '@inovasi/app/jobs/background';
import type { MailSink } from '@inovasi/app/jobs/outbox';
import { sesEmailOf } from '@inovasi/app/jobs/ses-mail';
import { type Actor, defaultAssessmentYear } from '@inovasi/core';
import { repositoriesFor, summaryKeys, summaryWriterScope, tenantScope } from '@inovasi/data';
import { createScheduledHandler } from '@inovasi/workers/scheduled';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../support/environment.ts';

/**
 * The scheduled worker (the handler EventBridge invokes in AWS) running each job against the real
 * local table: what it sends, dispatches and reports, and that a second run finds nothing left.
 */
let env: TestEnvironment;
/** Who asks for the exports the sweep then finds. */
const actor: Actor = {
  userId: 'u-6303-admin',
  email: 'admin.6303@demo.local',
  tenantCode: '63.03',
  roles: ['tenant_admin'],
};
type Mail = Parameters<MailSink['send']>[0];

const addDays = (days: number) =>
  new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  env = await createTestEnvironment();
});

function worker(options: { jobs?: JobRef[]; now?: () => Date } = {}) {
  const mail: Mail[] = [];
  const metrics = new Metrics({ namespace: 'InovasiDaerah/test', serviceName: 'scheduled-test' });
  const recorded = vi.spyOn(metrics, 'addMetric');
  // The EMF line would go to stdout; what was recorded is the figure under test.
  vi.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => metrics);
  const dispatched = options.jobs;
  const handler = createScheduledHandler({
    data: env.data,
    logger: new Logger({ serviceName: 'scheduled-test', logLevel: 'SILENT' }),
    mail: { send: async (message) => void mail.push(message) },
    metrics,
    ...(dispatched ? { jobs: { dispatch: async (ref: JobRef) => void dispatched.push(ref) } } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return { handler, mail, recorded };
}

describe('the scheduled worker', () => {
  it('refuses an event that names no known job', async () => {
    const { handler } = worker();
    await expect(handler({ job: 'cleanup' })).rejects.toThrow(/no known job: cleanup/);
    await expect(handler({})).rejects.toThrow(/no known job/);
  });

  it('sends the outbox once, as UTF-8 e-mail from the configured sender', async () => {
    const operator = await env.login('opd1.3520@demo.local');
    const created = await env.request('POST', '/tenants/35.20/innovations', {
      token: operator,
      body: { opdId: 'opd-dinkes', profile: { name: 'Surat “Terjadwal” Dinkes' } },
    });
    expect(created.status).toBe(201);
    const submitted = await env.request('POST', `/tenants/35.20/innovations/${created.json.id}/transitions`, {
      token: operator,
      headers: { 'if-match': created.headers.get('etag')! },
      body: { action: 'submit' },
    });
    expect(submitted.status).toBe(200);

    const { handler, mail } = worker();
    const first = await handler({ job: 'outbox' });
    expect(first).toEqual({ job: 'outbox', sent: mail.length });
    const queued = mail.find((message) => message.to === 'verifikator.3520@demo.local');
    expect(queued?.subject).toContain('Surat “Terjadwal” Dinkes');
    expect(await handler({ job: 'outbox' })).toEqual({ job: 'outbox', sent: 0 });

    const email = sesEmailOf(queued!, 'noreply@inovasi.example.go.id');
    expect(email).toMatchObject({
      FromEmailAddress: 'noreply@inovasi.example.go.id',
      Destination: { ToAddresses: ['verifikator.3520@demo.local'] },
      Content: { Simple: { Subject: { Data: queued!.subject, Charset: 'UTF-8' } } },
    });
    expect(email.Content?.Simple?.Body?.Text).toEqual({ Data: queued!.text, Charset: 'UTF-8' });
  });

  it('reminds of a deadline seven days ahead, once', async () => {
    const admin = await env.login('admin.3516@demo.local');
    const opened = await env.request('POST', '/tenants/35.16/periods', {
      token: admin,
      body: { year: 2027, internalDeadline: addDays(7), nationalDeadline: addDays(30) },
    });
    expect(opened.status).toBe(201);
    const { handler } = worker();
    const first = await handler({ job: 'reminders' });
    expect(first.job).toBe('reminders');
    expect((first as { sent: number }).sent).toBeGreaterThan(0);
    expect(await handler({ job: 'reminders' })).toEqual({ job: 'reminders', sent: 0 });
  });

  it('hands every queued export to the jobs worker instead of running it', async () => {
    const exports = repositoriesFor(env.data.forScope(tenantScope('63.03'))).exportJobs;
    const { job } = await exports.request({ kind: 'recap', periodYear: 2026 }, actor, 'sweep-test-0001');
    const refs: JobRef[] = [];
    const { handler } = worker({ jobs: refs });
    const result = await handler({ job: 'jobs-sweep' });
    expect(result).toEqual({ job: 'jobs-sweep', dispatched: refs.length });
    expect(refs).toContainEqual({ type: 'export', tenantCode: '63.03', id: job.id });
    // Handed over, not run: the job is still waiting for the worker.
    expect((await exports.get(job.id))?.status).toBe('queued');
  });

  it('gives up, in the sweep that hands jobs over, a job whose three runs died', async () => {
    const exports = repositoriesFor(env.data.forScope(tenantScope('63.03'))).exportJobs;
    const { job } = await exports.request({ kind: 'recap', periodYear: 2026 }, actor, 'sweep-dead-0001');
    const start = Date.now();
    const minutes = (count: number) => new Date(start + count * 60_000);
    for (const at of [0, 3, 6]) expect(await exports.claim(job.id, minutes(at))).toBeDefined();
    const refs: JobRef[] = [];
    const { handler } = worker({ jobs: refs, now: () => minutes(9) });
    // Giving the job up is a write: the sweep's data access must allow it (it once listed read-only).
    await handler({ job: 'jobs-sweep' });
    expect(refs.map((ref) => ref.id)).not.toContain(job.id);
    expect(await exports.get(job.id)).toMatchObject({
      status: 'failed',
      error: { code: 'attempts_exhausted' },
    });
  });

  it('the nightly rebuild finds and repairs drift the projector did not cause', async () => {
    const season = defaultAssessmentYear();
    const summaryOf = (code: string) =>
      repositoriesFor(env.data.forScope(tenantScope(code, true))).summaries.get(season);
    // Whatever earlier tests wrote has reached the summaries.
    await env.projected();
    const before = await summaryOf('35.22');
    expect(before).toBeDefined();
    // Damage no change explains (a hand edit, a lost stream record): only the rebuild sees it.
    await env.data.forScope(summaryWriterScope('35.22')).table.send(
      new UpdateCommand({
        TableName: env.config.tableName,
        Key: summaryKeys.current('35.22', season),
        UpdateExpression: 'SET n = :n',
        ExpressionAttributeValues: { ':n': (before?.n ?? 0) + 7 },
      }),
    );
    const { handler, recorded } = worker();
    const result = await handler({ job: 'summaries-rebuild' });
    expect(result).toMatchObject({ job: 'summaries-rebuild', drifted: 1, repaired: 1, failed: 0 });
    expect(recorded).toHaveBeenCalledWith('SummaryDrift', 'Count', 1);
    expect((await summaryOf('35.22'))?.n).toBe(before?.n);
  });

  it('runs the nightly rebuild and reports its drift as metrics', async () => {
    await env.projected();
    const { handler, recorded } = worker();
    const result = await handler({ job: 'summaries-rebuild' });
    expect(result).toMatchObject({ job: 'summaries-rebuild', drifted: 0, failed: 0 });
    expect((result as { checked: number }).checked).toBeGreaterThanOrEqual(6);
    expect(recorded).toHaveBeenCalledWith('SummaryDrift', 'Count', 0);
    expect(recorded).toHaveBeenCalledWith('SummaryRebuildFailures', 'Count', 0);
  });
});
