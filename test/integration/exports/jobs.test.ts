import { resumeBackgroundJobs, runBackgroundJob } from '@inovasi/app/jobs/background';
import type { Actor } from '@inovasi/core';
import { type ExportJobRepository, repositoriesFor, tenantScope } from '@inovasi/data';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';

/**
 * The job protocol on the real table: a job claimed by a run that died is taken up again once its
 * lease expires, never while it is live; the dead run can write nothing after that; a job whose
 * runs keep dying is given up after three attempts.
 */
let env: TestEnvironment;
let jobs: ExportJobRepository;
const CODE = '35.22';
const actor: Actor = { userId: 'u-3522-admin', email: 'admin', tenantCode: CODE, roles: ['tenant_admin'] };
const minutes = (start: Date, count: number) => new Date(start.getTime() + count * 60_000);

beforeAll(async () => {
  env = await createTestEnvironment();
  jobs = repositoriesFor(env.data.forScope(tenantScope(CODE))).exportJobs;
});

describe('background jobs', () => {
  it('resumes a job whose run died, once its lease expired, and fences the dead run off', async () => {
    const deps = { data: env.data, logger: env.deps.logger };
    const { job } = await jobs.request({ kind: 'recap', periodYear: 2026 }, actor, 'resume-test-0001');
    const start = new Date();
    const dead = await jobs.claim(job.id, start);
    expect(dead?.job).toMatchObject({ status: 'running', attempts: 1 });
    // A second claim while the lease is live gets nothing: one run at a time.
    expect(await jobs.claim(job.id, minutes(start, 1))).toBeUndefined();

    expect(await resumeBackgroundJobs(deps, minutes(start, 1))).toBe(0);
    expect((await jobs.get(job.id))?.status).toBe('running');

    expect(await resumeBackgroundJobs(deps, minutes(start, 3))).toBeGreaterThanOrEqual(1);
    const resumed = await jobs.get(job.id);
    expect(resumed).toMatchObject({ status: 'done', attempts: 2, progress: 100 });
    expect(resumed?.result?.fileName).toBe(`rekap-inovasi-${CODE}-2026.xlsx`);

    await expect(jobs.progress(job.id, dead!.runId, 50, 'masih hidup?')).rejects.toMatchObject({
      name: 'DomainError',
      code: 'job_lease_lost',
    });
    // Done is done: another run finds nothing to claim.
    expect(await runBackgroundJob(deps, { type: 'export', tenantCode: CODE, id: job.id })).toBe('skipped');
  });

  it('gives a job up after three runs that died', async () => {
    const deps = { data: env.data, logger: env.deps.logger };
    const { job } = await jobs.request({ kind: 'recap', periodYear: 2026 }, actor, 'exhaust-test-0001');
    const start = new Date();
    for (const at of [0, 3, 6]) expect(await jobs.claim(job.id, minutes(start, at))).toBeDefined();
    expect(await jobs.claim(job.id, minutes(start, 9))).toBeUndefined();
    await resumeBackgroundJobs(deps, minutes(start, 9));
    expect(await jobs.get(job.id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: { code: 'attempts_exhausted' },
    });
  });

  it('runs a job nobody handed over (the dispatch was lost) on the next sweep', async () => {
    const deps = { data: env.data, logger: env.deps.logger };
    const { job } = await jobs.request({ kind: 'recap', periodYear: 2026 }, actor, 'lost-dispatch-0001');
    await resumeBackgroundJobs(deps);
    expect(await jobs.get(job.id)).toMatchObject({ status: 'done', attempts: 1 });
  });
});
