import { createHash } from 'node:crypto';
import { todayInJakarta } from '@inovasi/core';
import { contestCallFixture } from '../../../packages/core/test/contests/fixtures.ts';
import type { TestEnvironment } from '../../support/environment.ts';
import { startedMultipart } from './multipart-recipes.ts';

/**
 * Recipes of the contest write routes for test/integration/faults-writes.test.ts (docs/decisions/
 * 0042): each builds, without faults, a fresh call in the state the route needs (a draft, an open
 * call with an entry, a judging call with a panel and an entry on a stage) and returns the one call
 * the suite then sends with and without faults. Every stage date is today, as the server enforces them.
 * Entry files (issue 22): the upload's request and its check, the admin entering for an OPD; in a
 * resumable upload (docs/decisions/0054), its start, completion and cancel.
 * Adding a judge and announcing are several transactions by design: their calls are marked
 * `resumable` and held to ./resumable.ts's rule (docs/decisions/0055).
 */
export interface ContestRecipeCall {
  readonly token?: string | undefined;
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Several transactions by design, each resumable: exercised by ./resumable.ts, not the atomic rule. */
  readonly resumable?: true;
}

export interface ContestRecipeContext {
  readonly env: () => TestEnvironment;
  readonly admin: () => Promise<string>;
  readonly unique: () => string;
  readonly tenant: string;
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** A small real PNG (1×1): an entry file that passes intake. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const entryFile = () => ({
  kind: 'foto',
  title: 'Foto layanan',
  fileName: 'layanan.png',
  mediaType: 'image/png',
  size: PNG.length,
  sha256: createHash('sha256').update(PNG).digest('hex'),
});

export function contestRecipes(
  context: ContestRecipeContext,
): Record<string, () => Promise<ContestRecipeCall>> {
  const { tenant, unique } = context;
  const callBody = () => ({
    ...contestCallFixture({ today: todayInJakarta() }),
    title: `Lomba uji gangguan ${unique()}`,
    judgesPerEntry: 1,
  });
  const send = async (
    method: string,
    path: string,
    init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const response = await context.env().request(method, path, { token: await context.admin(), ...init });
    if (response.status < 200 || response.status >= 300)
      throw new Error(`${method} ${path}: ${response.status} ${response.text.slice(0, 160)}`);
    return response.json;
  };
  const base = (callId: string) => `/tenants/${tenant}/contests/${callId}`;
  const version = async (callId: string) => (await send('GET', base(callId))).version as number;

  const draft = async () =>
    (await send('POST', `/tenants/${tenant}/contests`, { body: callBody() })).id as string;
  const open = async () => {
    const callId = await draft();
    await send('POST', `${base(callId)}/publish`, { headers: ifMatch(1) });
    return callId;
  };
  const opdId = async () => (await send('GET', `/tenants/${tenant}/opds`)).items[0].id as string;
  const enter = async (callId: string) =>
    (
      await send('POST', `${base(callId)}/entries`, {
        body: { categoryId: 'opd', opdId: await opdId(), profile: { name: `Inovasi lomba ${unique()}` } },
      })
    ).id as string;
  /** A judging call whose one entry passed screening, with one judge on its panel. */
  const judging = async () => {
    const callId = await open();
    const entryId = await enter(callId);
    const email = `juri.${unique()}@gangguan.test`;
    await send('POST', `${base(callId)}/judges`, { body: { email, name: 'Juri Uji', external: true } });
    await send('POST', `${base(callId)}/entries/${entryId}/screening`, {
      headers: ifMatch(1),
      body: { status: 'complete' },
    });
    await send('POST', `${base(callId)}/close-entries`, { headers: ifMatch(await version(callId)) });
    return { callId, entryId, judge: await context.env().login(email) };
  };
  const atDesk = async () => {
    const ready = await judging();
    await send('POST', `${base(ready.callId)}/entry-moves`, {
      body: { from: 'screening', to: 'desk', entryIds: [ready.entryId] },
    });
    return ready;
  };

  /** An entry file's resumable upload with every part stored, just before completion or cancel. */
  const startedEntryUpload = async () => {
    const callId = await open();
    const files = `${base(callId)}/entries/${await enter(callId)}/files`;
    return startedMultipart(
      context.env(),
      await context.admin(),
      {
        path: `${files}/multipart`,
        body: entryFile(),
        uploadPath: ({ evidenceId, uploadId }) =>
          `${files}/${evidenceId}/multipart/${encodeURIComponent(uploadId)}`,
        evidenceIdOf: (answer) => answer.file?.evidenceId ?? '',
      },
      PNG,
    );
  };

  /** A judging call whose one entry has its desk and final scores: ready for approval. */
  const scored = async () => {
    const ready = await atDesk();
    const { callId, entryId, judge } = ready;
    await send('PUT', `${base(callId)}/entries/${entryId}/scores/desk`, {
      token: judge,
      body: { criteria: { kebaruan: 7, manfaat: 8 } },
    });
    await send('POST', `${base(callId)}/entry-moves`, {
      body: { from: 'desk', to: 'final', entryIds: [entryId] },
    });
    await send('PUT', `${base(callId)}/entries/${entryId}/scores/final`, {
      token: judge,
      body: { criteria: { presentasi: 80 } },
    });
    return ready;
  };

  return {
    'PUT /tenants/{code}/contests/{callId}': async () => ({
      path: base(await draft()),
      headers: ifMatch(1),
      body: { ...callBody(), description: 'Diubah saat uji gangguan' },
    }),
    'POST /tenants/{code}/contests/{callId}/publish': async () => ({
      path: `${base(await draft())}/publish`,
      headers: ifMatch(1),
    }),
    'POST /tenants/{code}/contests/{callId}/close-entries': async () => ({
      path: `${base(await open())}/close-entries`,
      headers: ifMatch(2),
    }),
    'POST /tenants/{code}/contests/{callId}/entries': async () => ({
      path: `${base(await open())}/entries`,
      body: { categoryId: 'opd', opdId: await opdId(), profile: { name: `Inovasi lomba ${unique()}` } },
    }),
    'POST /tenants/{code}/contests/{callId}/entries/{entryId}/screening': async () => {
      const callId = await open();
      const entryId = await enter(callId);
      // Incomplete: the verdict and the e-mail to the entrant commit together.
      return {
        path: `${base(callId)}/entries/${entryId}/screening`,
        headers: ifMatch(1),
        body: { status: 'incomplete', reason: 'Lampirkan dokumen pendukung' },
      };
    },
    'POST /tenants/{code}/contests/{callId}/entry-moves': async () => {
      const { callId, entryId } = await judging();
      return {
        path: `${base(callId)}/entry-moves`,
        body: { from: 'screening', to: 'desk', entryIds: [entryId] },
      };
    },
    'POST /tenants/{code}/contests/{callId}/entries/{entryId}/conflict': async () => {
      const { callId, entryId, judge } = await atDesk();
      return {
        token: judge,
        path: `${base(callId)}/entries/${entryId}/conflict`,
        body: { reason: 'Kerabat peserta' },
      };
    },
    'PUT /tenants/{code}/contests/{callId}/entries/{entryId}/scores/{stage}': async () => {
      const { callId, entryId, judge } = await atDesk();
      return {
        token: judge,
        path: `${base(callId)}/entries/${entryId}/scores/desk`,
        body: { criteria: { kebaruan: 7, manfaat: 8 }, comment: 'Cukup baik' },
      };
    },
    'POST /tenants/{code}/contests/{callId}/results/approve': async () => {
      const { callId } = await scored();
      return { path: `${base(callId)}/results/approve`, headers: ifMatch(await version(callId)) };
    },
    // Adding a judge who is not a member yet: the invitation (member record, e-mail), then the
    // panel record. An existing member's role change is the other first step
    // (test/integration/contests/contest-resumable.test.ts).
    'POST /tenants/{code}/contests/{callId}/judges': async () => ({
      path: `${base(await open())}/judges`,
      body: { email: `juri.${unique()}@gangguan.test`, name: 'Juri Uji', external: true },
      resumable: true,
    }),
    // Announcing: the winner's innovation in the registry, the entry's award, the SPD evidence
    // item and its link to spd.12, then the call with its public copy.
    'POST /tenants/{code}/contests/{callId}/results/announce': async () => {
      const { callId } = await scored();
      const approved = await send('POST', `${base(callId)}/results/approve`, {
        headers: ifMatch(await version(callId)),
      });
      return {
        path: `${base(callId)}/results/announce`,
        headers: ifMatch(approved.version as number),
        body: {},
        resumable: true,
      };
    },
    // The pending evidence item, its audit entry, the entry's check and the file record: one transaction.
    'POST /tenants/{code}/contests/{callId}/entries/{entryId}/files': async () => {
      const callId = await open();
      return { path: `${base(callId)}/entries/${await enter(callId)}/files`, body: entryFile() };
    },
    'POST /tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}/complete': async () => {
      const callId = await open();
      const files = `${base(callId)}/entries/${await enter(callId)}/files`;
      const asked = await send('POST', files, { body: entryFile() });
      const put = await fetch(asked.upload.url, { method: 'PUT', headers: asked.upload.headers, body: PNG });
      if (!put.ok) throw new Error(`upload to the object store failed: ${put.status}`);
      return { path: `${files}/${asked.file.evidenceId}/complete` };
    },
    // The item's soft delete, its audit entry and quota, the entry's check and the record's removal:
    // one transaction (the object's delete marker follows it, as for every evidence deletion).
    'DELETE /tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}': async () => {
      const callId = await open();
      const files = `${base(callId)}/entries/${await enter(callId)}/files`;
      const asked = await send('POST', files, { body: entryFile() });
      const put = await fetch(asked.upload.url, { method: 'PUT', headers: asked.upload.headers, body: PNG });
      if (!put.ok) throw new Error(`upload to the object store failed: ${put.status}`);
      await send('POST', `${files}/${asked.file.evidenceId}/complete`);
      return { path: `${files}/${asked.file.evidenceId}` };
    },
    // The pending item, its audit entry, the entry's check and the file record, with the S3 upload.
    'POST /tenants/{code}/contests/{callId}/entries/{entryId}/files/multipart': async () => {
      const callId = await open();
      return { path: `${base(callId)}/entries/${await enter(callId)}/files/multipart`, body: entryFile() };
    },
    'POST /tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}/multipart/{uploadId}/complete':
      async () => ({ path: `${await startedEntryUpload()}/complete` }),
    // S3 drops the parts; the pending item, its audit entry and the entry's record go in one transaction.
    'DELETE /tenants/{code}/contests/{callId}/entries/{entryId}/files/{evidenceId}/multipart/{uploadId}':
      async () => ({ path: await startedEntryUpload() }),
    'POST /contest-sign-up': async () => ({
      token: undefined,
      path: '/contest-sign-up',
      body: {
        tenantCode: tenant,
        callId: await open(),
        email: `warga.${unique()}@gangguan.test`,
        name: 'Warga Uji',
      },
    }),
  };
}
