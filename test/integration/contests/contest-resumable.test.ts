import { rebuildSummaries } from '@inovasi/app/jobs/summaries';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEnvironment, type TestEnvironment } from '../../support/environment.ts';
import { ALL_FAULTS, FaultInjector } from '../../support/faults.ts';
import { snapshotStore } from '../../support/snapshot.ts';
import { type ContestRecipeCall, contestRecipes } from '../faults/contest-recipes.ts';
import { exerciseResumable, type ResumableSuite } from '../faults/resumable.ts';

/**
 * The two contest writes that are several transactions by design (docs/decisions/0042) resume to
 * the fault-free end state when a step fails and the request is sent again: adding a judge who is
 * already a member (the role change, then the panel record; the invitation is the faults suite's
 * recipe, test/integration/faults-writes.test.ts), and the announcement's steps that used to copy
 * themselves when repeated (the SPD evidence item, the winner's award).
 */
const CODE = '35.22';
const JUDGES = 'POST /tenants/{code}/contests/{callId}/judges';
const ANNOUNCE = 'POST /tenants/{code}/contests/{callId}/results/announce';
/** As the faults suite: derived data and counters are not part of a write's unit. */
const IGNORE = /^item (T#[^ ]+#SUMMARY# |PROV#|NATIONAL#)|^item T#[^ ]+# EVIDENCE#USAGE$|^object /;
const NOTIFICATIONS = /^item T#[^ ]+#(NOTIF#|NOTIFSENT |OUTBOX )/;

describe('contest writes of several steps, failed and repeated', () => {
  let env: TestEnvironment;
  let injector: FaultInjector;
  let admin: string;
  let recipes: Record<string, () => Promise<ContestRecipeCall>>;
  let counter = 0;

  beforeAll(async () => {
    injector = new FaultInjector();
    // A bucket of its own: the suites that run beside this one write and delete in the shared one.
    env = await createTestEnvironment({
      memberCacheMs: 0,
      factory: { ...injector.instruments },
      isolatedBucket: true,
    });
    admin = await env.login('admin.3522@demo.local');
    recipes = contestRecipes({
      env: () => env,
      admin: async () => admin,
      unique: () => `fz${++counter}`,
      tenant: CODE,
    });
  });

  const send = async (call: ContestRecipeCall) => {
    const response = await env.request('POST', call.path, {
      token: call.token ?? admin,
      ...(call.body === undefined ? {} : { body: call.body }),
      headers: call.headers ?? {},
    });
    await env.projected();
    return response;
  };
  const recipe = (route: string) => {
    const found = recipes[route];
    if (!found) throw new Error(`no recipe for ${route}`);
    return found;
  };
  /** Sends the call while every attempt of the transaction naming `marker` fails (the SDK gives up). */
  const sendWhileWriteFails = async (call: ContestRecipeCall, marker: string) => {
    injector.only = (attempt) => attempt.operation === 'TransactWriteItems' && attempt.body.includes(marker);
    injector.kinds = ['server-error'];
    try {
      return await injector.during(1, () => send(call));
    } finally {
      injector.only = undefined;
      injector.kinds = ALL_FAULTS;
    }
  };
  /** Audit entries of one action whose changes name `entryId`, or that concern `entityId`. */
  const audits = async (action: string, about: string) =>
    [...(await snapshotStore(env.config, { objects: false }))].filter(([key, value]) => {
      if (!/^item T#[^ ]+#AUDIT#/.test(key)) return false;
      const entry = JSON.parse(value) as { action: string; entityId: string; changes?: unknown };
      return (
        entry.action === action &&
        (entry.entityId === about || (JSON.stringify(entry.changes) ?? '').includes(about))
      );
    }).length;

  it('adds an existing member as a judge to the same end whichever step fails', async () => {
    // A member of the region (a verifier), so the first step is the role change, not an invitation.
    const prepare = async (): Promise<ContestRecipeCall> => {
      const call = await recipe(JUDGES)();
      const email = `juri.fz${++counter}@gangguan.test`;
      const member = await env.request('POST', `/tenants/${CODE}/members`, {
        token: admin,
        body: { email, name: 'Verifikator Juri', roles: ['verifier'] },
      });
      expect(member.status).toBe(201);
      return { ...call, body: { email, name: 'Verifikator Juri', external: false } };
    };
    const suite: ResumableSuite<ContestRecipeCall> = {
      route: `${JUDGES} (a member's role change)`,
      prepare,
      send,
      // Objects are not part of the comparison (IGNORE); listing the bucket would only race others.
      snapshot: () => snapshotStore(env.config, { objects: false }),
      injector,
      ignore: IGNORE,
      notifications: NOTIFICATIONS,
      rate: 0.2,
      rounds: 2,
    };
    const call = await prepare();
    const before = await snapshotStore(env.config, { objects: false });
    const control = await send(call);
    expect(control.status).toBe(201);
    const after = await snapshotStore(env.config, { objects: false });
    const outcome = await exerciseResumable(suite, { before, after, call });
    expect(outcome.failures).toEqual([]);
    // The role change and the panel record: both steps were failed, each on every attempt.
    expect(outcome.notes.join('\n')).toMatch(/\b2 write steps each failed/);
    expect(outcome.statuses).toContain(503);
  }, 300_000);

  it('cites the award with one evidence item when its link failed and the announcement runs again', async () => {
    const call = await recipe(ANNOUNCE)();
    const callId = call.path.split('/')[4] as string;
    // Every attempt of the link to spd.12 fails: the item is written, its link is not.
    const interrupted = await sendWhileWriteFails(call, 'evidence.linked');
    expect(interrupted.status).toBe(503);
    expect(interrupted.headers.get('retry-after')).toBeTruthy();
    const announced = await send(call);
    expect(announced.status).toBe(200);
    const library = await env.request('GET', `/tenants/${CODE}/evidence?kind=sertifikat&limit=100`, {
      token: admin,
    });
    const items = library.json.items.filter((item: { url?: string }) =>
      item.url?.endsWith(`/lomba-publik/${CODE}/${callId}`),
    );
    expect(items.map((item: { id: string }) => item.id)).toEqual([callId]);
    expect(announced.json.spdCitation).toMatchObject({ row: 'spd.12', evidenceId: callId });
    const read = await env.request('GET', `/tenants/${CODE}/evidence/${callId}`, { token: admin });
    expect(read.json.evidence.linkedCodes).toEqual({ 'spd.12': 1 });
    expect(read.json.links).toHaveLength(1);
    expect(await audits('evidence.url_added', callId)).toBe(1);
    expect(await audits('evidence.linked', callId)).toBe(1);
  }, 120_000);

  it('awards a winner once when the announcement stopped at its last write and runs again', async () => {
    const call = await recipe(ANNOUNCE)();
    // Every attempt of the call's own write with its public copy fails: the winner is awarded.
    const interrupted = await sendWhileWriteFails(call, 'CATALOG#META#CONTESTS');
    expect(interrupted.status).toBe(503);
    const announced = await send(call);
    expect(announced.status).toBe(200);
    expect(announced.json.status).toBe('winners_published');
    const winner = announced.json.results.find((result: { prize?: string }) => result.prize);
    expect(await audits('contest.entry.award', winner.entryId)).toBe(1);
    expect(await audits('innovation.create', winner.entryId)).toBe(1);
  }, 120_000);

  it('leaves every summary equal to a full recompute once the projector has caught up', async () => {
    await env.projected(60_000);
    const check = await rebuildSummaries(env.data, { check: true, tenants: [CODE] });
    expect(check.entries.filter((entry) => entry.drift.length > 0)).toEqual([]);
    expect(check.failures).toEqual([]);
  }, 120_000);
});
