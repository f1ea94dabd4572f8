import { beforeAll, describe, expect, it } from 'vitest';
import type { TestEnvironment } from '../../support/environment.ts';
import { CODE, contestFilesSetUp, filesCall, PNG, pngFileBody } from './files-support.ts';

/**
 * Files on contest entries (issue 22, docs/decisions/0042): the entrant uploads through the evidence
 * flow (presigned PUT, intake sniffing the bytes, size caps), assigned judges download under a
 * neutral name in blind mode, nobody else reaches them, and a winner's files join its innovation.
 */
const CALL = filesCall('Lomba lampiran uji', true);

describe('files on contest entries', () => {
  let env: TestEnvironment;
  let admin: string;
  let opd1: string;
  let opd2: string;
  let otherRegion: string;
  let callId: string;
  const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
  const base = () => `/tenants/${CODE}/contests/${callId}`;
  const callVersion = async () => (await env.request('GET', base(), { token: admin })).json.version as number;
  const fileBody = (overrides: Record<string, unknown> = {}) =>
    pngFileBody({ title: 'Foto layanan Dinas Satu', fileName: 'foto-dinas-satu.png', ...overrides });

  beforeAll(async () => {
    ({ env, admin, opd1, opd2, otherRegion } = await contestFilesSetUp());
  });

  it('uploads, checks, shows to assigned judges only, and brings a winner’s files to its innovation', async () => {
    const created = await env.request('POST', `/tenants/${CODE}/contests`, { token: admin, body: CALL });
    callId = created.json.id;
    await env.request('POST', `${base()}/publish`, { token: admin, headers: ifMatch(1) });
    for (const email of ['juri.lampiran.a@contoh.ac.id', 'juri.lampiran.b@contoh.ac.id'])
      expect(
        (
          await env.request('POST', `${base()}/judges`, {
            token: admin,
            body: { email, name: 'Juri Lampiran', external: true },
          })
        ).status,
      ).toBe(201);
    const entry = await env.request('POST', `${base()}/entries`, {
      token: opd1,
      body: { categoryId: 'opd', profile: { name: 'Posyandu Digital Lampiran' } },
    });
    const otherEntry = await env.request('POST', `${base()}/entries`, {
      token: opd2,
      body: { categoryId: 'opd', profile: { name: 'Karya OPD Dua' } },
    });
    expect([entry.status, otherEntry.status]).toEqual([201, 201]);
    const files = `${base()}/entries/${entry.json.id}/files`;

    // Bad input is named by field; a file over the type's cap is refused before any upload.
    const noHash = await env.request('POST', files, { token: opd1, body: fileBody({ sha256: undefined }) });
    expect(noHash.status).toBe(400);
    expect(noHash.json.error.field).toBe('sha256');
    const wrongExtension = await env.request('POST', files, {
      token: opd1,
      body: fileBody({ fileName: 'foto.pdf' }),
    });
    expect(wrongExtension.json.error.field).toBe('fileName');
    const tooLarge = await env.request('POST', files, {
      token: opd1,
      body: fileBody({ size: 4 * 1024 ** 3 }),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error).toMatchObject({ code: 'evidence_too_large', field: 'size' });

    // Only the entrant attaches: another OPD's entrant and another region are refused.
    expect((await env.request('POST', files, { token: opd2, body: fileBody() })).status).toBe(404);
    expect((await env.request('POST', files, { token: otherRegion, body: fileBody() })).status).toBe(403);

    // The upload: presigned PUT, then intake on the stored bytes.
    const asked = await env.request('POST', files, { token: opd1, body: fileBody() });
    expect(asked.status).toBe(201);
    expect(asked.json.file).toMatchObject({ fileName: 'foto-dinas-satu.png', status: 'pending' });
    // Blind mode: the object's key carries a neutral name, never the entrant's.
    expect(asked.json.upload.url).toContain('lampiran-1.png');
    expect(asked.json.upload.url).not.toContain('dinas-satu');
    const evidenceId = asked.json.file.evidenceId as string;
    const complete = `${files}/${evidenceId}/complete`;
    const early = await env.request('POST', complete, { token: opd1 });
    expect(early.json.error).toMatchObject({ code: 'evidence_not_uploaded' });
    const put = await fetch(asked.json.upload.url, {
      method: 'PUT',
      headers: asked.json.upload.headers,
      body: PNG,
    });
    expect(put.ok).toBe(true);
    const checked = await env.request('POST', complete, { token: opd1 });
    expect(checked.status).toBe(200);
    expect(checked.json.status).toBe('passed');

    // A file whose bytes are not what it claims is rejected by intake's sniffing.
    const fake = await env.request('POST', files, {
      token: opd1,
      body: fileBody({ fileName: 'proposal.pdf', mediaType: 'application/pdf', title: 'Proposal' }),
    });
    await fetch(fake.json.upload.url, { method: 'PUT', headers: fake.json.upload.headers, body: PNG });
    const refused = await env.request('POST', `${files}/${fake.json.file.evidenceId}/complete`, {
      token: opd1,
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('evidence_type_mismatch');

    const own = await env.request('GET', files, { token: opd1 });
    expect(
      own.json.items.map((file: { fileName: string; status: string }) => [file.fileName, file.status]),
    ).toEqual([
      ['foto-dinas-satu.png', 'passed'],
      ['proposal.pdf', 'rejected'],
    ]);
    expect((await env.request('GET', files, { token: opd2 })).status).toBe(404);
    expect((await env.request('GET', files, { token: otherRegion })).status).toBe(403);
    expect((await env.request('GET', `${files}/${evidenceId}/download`, { token: opd2 })).status).toBe(404);
    // Another entry's file is not reachable through one's own entry.
    const crossEntry = await env.request(
      'GET',
      `${base()}/entries/${otherEntry.json.id}/files/${evidenceId}/download`,
      { token: opd2 },
    );
    expect(crossEntry.json.error.code).toBe('contest_file_not_found');

    // Judging: screening, closing, one judge assigned.
    await env.request('POST', `${base()}/entries/${entry.json.id}/screening`, {
      token: admin,
      headers: ifMatch(1),
      body: { status: 'complete' },
    });
    await env.request('POST', `${base()}/close-entries`, {
      token: admin,
      headers: ifMatch(await callVersion()),
    });
    const late = await env.request('POST', files, { token: opd1, body: fileBody() });
    expect(late.json.error.code).toBe('contest_wrong_status');
    await env.request('POST', `${base()}/entry-moves`, {
      token: admin,
      body: { from: 'screening', to: 'desk', entryIds: [entry.json.id] },
    });
    const judges = await env.request('GET', `${base()}/judges`, { token: admin });
    const adminView = await env.request('GET', `${base()}/entries`, { token: admin });
    const assignedId = adminView.json.items.find((item: { id: string }) => item.id === entry.json.id)
      .assignments.desk[0] as string;
    const emailOf = (userId: string) =>
      judges.json.items.find((judge: { userId: string }) => judge.userId === userId).email as string;
    const otherId = judges.json.items.find((judge: { userId: string }) => judge.userId !== assignedId)
      .userId as string;
    const assigned = await env.login(emailOf(assignedId));
    const unassigned = await env.login(emailOf(otherId));

    // The assigned judge: checked files only, neutral names, nothing of the entrant.
    const judgeView = await env.request('GET', files, { token: assigned });
    expect(judgeView.json.items).toEqual([
      { evidenceId, fileName: 'lampiran-1.png', mediaType: 'image/png', size: PNG.length, status: 'passed' },
    ]);
    expect(judgeView.text).not.toContain('Dinas Satu');
    const link = await env.request('GET', `${files}/${evidenceId}/download`, { token: assigned });
    expect(link.json.fileName).toBe('lampiran-1.png');
    const downloaded = await fetch(link.json.url);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-disposition')).toContain('lampiran-1.png');
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(PNG)).toBe(true);
    // The rejected file is not the judge's to fetch.
    const rejectedLink = await env.request('GET', `${files}/${fake.json.file.evidenceId}/download`, {
      token: assigned,
    });
    expect(rejectedLink.json.error.code).toBe('contest_file_not_ready');

    // A judge of the panel not assigned to the entry, and an entrant, get nothing.
    const notAssigned = await env.request('GET', `${files}/${evidenceId}/download`, { token: unassigned });
    expect(notAssigned.status).toBe(403);
    expect(notAssigned.json.error.code).toBe('contest_entry_not_assigned');
    expect((await env.request('GET', files, { token: unassigned })).status).toBe(403);
    expect((await env.request('GET', `${files}/${evidenceId}/download`, { token: otherRegion })).status).toBe(
      403,
    );

    // To the winners: the entry wins, and its checked file joins the new innovation (no re-upload).
    const score = (stage: string, criteria: Record<string, number>) =>
      env.request('PUT', `${base()}/entries/${entry.json.id}/scores/${stage}`, {
        token: assigned,
        body: { criteria },
      });
    expect((await score('desk', { kebaruan: 8, manfaat: 9 })).status).toBe(200);
    await env.request('POST', `${base()}/entry-moves`, {
      token: admin,
      body: { from: 'desk', to: 'final', entryIds: [entry.json.id] },
    });
    const finalAssignee = (await env.request('GET', `${base()}/entries`, { token: admin })).json.items.find(
      (item: { id: string }) => item.id === entry.json.id,
    ).assignments.final[0] as string;
    const finalJudge = await env.login(emailOf(finalAssignee));
    const finalScore = await env.request('PUT', `${base()}/entries/${entry.json.id}/scores/final`, {
      token: finalJudge,
      body: { criteria: { presentasi: 88 } },
    });
    expect(finalScore.status).toBe(200);
    const approved = await env.request('POST', `${base()}/results/approve`, {
      token: admin,
      headers: ifMatch(await callVersion()),
    });
    expect(approved.status).toBe(200);
    const announced = await env.request('POST', `${base()}/results/announce`, {
      token: admin,
      headers: ifMatch(await callVersion()),
      body: {},
    });
    expect(announced.status).toBe(200);
    const item = await env.request('GET', `/tenants/${CODE}/evidence/${evidenceId}`, { token: admin });
    expect(item.json.links.map((linked: { target: unknown }) => linked.target)).toEqual([
      { type: 'innovation', innovationId: entry.json.id, indicator: 'lomba' },
    ]);
    const rejectedItem = await env.request('GET', `/tenants/${CODE}/evidence/${fake.json.file.evidenceId}`, {
      token: admin,
    });
    expect(rejectedItem.json.links).toEqual([]);
    // The winner's OPD reads the file from the innovation's own evidence, in the library.
    const innovation = await env.request('GET', `/tenants/${CODE}/innovations/${entry.json.id}`, {
      token: opd1,
    });
    expect(innovation.status).toBe(200);
  });
});
